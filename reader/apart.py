"""One long computation in a process of its own, so that it can be abandoned.

Detection on a very large article takes seconds (a 6 MB page of 60,000 lines). Run in a
thread, it could not be interrupted, and the app's exit waited for it: quitting restored
the terminal and then sat there for the rest of the analysis. Here the work runs in a
spawned process that the caller polls; when the caller is cancelled (the user quit, or
opened another article) the process is terminated at once and nothing waits for it. The
process only computes: it writes nothing, so abandoning it loses nothing the user did.

Nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Callable
from typing import Any

POLL = 0.05  # seconds between looks at `cancelled()`


class ApartError(RuntimeError):
    """The work failed in its process (the message says how), or the process died."""


def _resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _child(conn: Any, target: str, args: tuple[Any, ...]) -> None:
    """In the process: run `target(*args)`, send ("ok", result) or ("error", message)."""
    # (the terminal belongs to the app: nothing the work prints may land on its screen)
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
    with contextlib.suppress(AttributeError, OSError):
        os.nice(10)  # the UI first when both want the CPU
    try:
        result = _resolve(target)(*args)
    except BaseException as exc:  # noqa: BLE001 - reported to the caller, who says it
        conn.send(("error", f"{type(exc).__name__}: {exc}"[:300]))
    else:
        conn.send(("ok", result))
    finally:
        conn.close()


def run_apart(
    target: str,
    args: tuple[Any, ...],
    cancelled: Callable[[], bool],
    *,
    poll: float = POLL,
) -> tuple[bool, Any]:
    """`target(*args)` ("package.module:function", importable in a fresh interpreter) in a
    spawned process: (True, its result), or (False, None) once `cancelled()` turns true
    (the process is then terminated, not waited for). Raises ApartError when the work
    raised or its process died. Where no process can be started, the work runs in this
    thread instead (it then cannot be abandoned, as before)."""
    import multiprocessing

    from reader.cache import _start_resource_tracker

    if cancelled():
        return False, None
    ctx = multiprocessing.get_context("spawn")
    try:
        if os.name == "posix":
            _start_resource_tracker()  # (inside Textual, sys.stderr has no descriptor)
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(send, target, args), daemon=True)
        proc.start()
    except (OSError, ValueError, NotImplementedError):
        return True, _resolve(target)(*args)
    send.close()
    try:
        while True:
            if cancelled():
                return False, None
            if recv.poll(poll):
                try:
                    status, value = recv.recv()
                except (EOFError, OSError) as exc:
                    proc.join(1)
                    raise ApartError(f"the analysis process ended (exit code "
                                     f"{proc.exitcode})") from exc
                if status != "ok":
                    raise ApartError(value)
                return True, value
    finally:
        recv.close()
        if proc.is_alive():
            proc.terminate()
        proc.join(0.5)
        if proc.is_alive():
            proc.kill()
            proc.join(0.5)
