"""`re`, with the compiled form of each pattern kept between runs (a `.pyc` for regexes).

Compiling a regular expression runs Python code (the `re` module's parser and code
generator). The attribution patterns of `speakers.py` are long (a capitalised word is a
class of ~400 letters, repeated in every name pattern), and compiling them took ~0.1 s of
each `reader analyze` process: more than a tenth of a run over the 130 dev pages, and
spent again in every process, every worker and every app start. What the compiler hands
to the regex engine (`_sre.compile`: the pattern's code, a list of integers, and its
groups) is therefore kept in the user cache folder, one file per Python build and regex
engine version, and given to the engine directly in later runs.

Nothing is taken on trust: a pattern's entry is written only after the pattern built from
it compares equal to `re.compile`'s own (`Pattern.__eq__` compares the flags, the pattern
text and the compiled code) and has the same groups; a file of another Python or engine
is never read (its name says which), and an unreadable file, a foreign entry or any
failure of the fast path falls back to `re.compile`. Patterns made per text (a page's
names) do not belong here: `compile` keeps at most `MAX_ENTRIES` of them.

Use it as `from reader.marks import regex_cache as re`; everything but `compile` is
`re`'s own. `READER_REGEX_CACHE=0` turns the cache off (a cold figure for the benches).
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import marshal
import os
import re as _re
import sys
from pathlib import Path
from re import *  # noqa: F403 - this module stands in for `re`
from re import Match, Pattern, error, escape  # noqa: F401 - (named for readers)
from typing import Any

MAX_ENTRIES = 1000
_DEBUG = int(_re.DEBUG)
_FORMAT = 1  # of the file's content; a change starts a new file

_known: dict[tuple[str, int], tuple[Any, ...]] | None = None
_added = False
_writable: bool | None = None  # (`_can_save`, found once)
_PID = os.getpid()  # the process that imported this module (`_can_save`)
_made: dict[tuple[str, int], Pattern[Any]] = {}  # this process's patterns, by (text, flags)


def cache_path() -> Path:
    """The file for this Python build and regex engine."""
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_FORMAT}"
    if sys.platform == "linux":
        # (`cache_places.user_cache`'s folder, as platformdirs finds it on Linux, without
        # importing platformdirs, ~3 ms of a run)
        base = os.environ.get("XDG_CACHE_HOME", "")
        root = Path(base) if base.strip() else Path.home() / ".cache"
        return root / "reader" / "regex" / f"{tag}.marshal"
    from reader.cache_places import user_cache

    return user_cache("regex", f"{tag}.marshal")


def enabled() -> bool:
    return os.environ.get("READER_REGEX_CACHE", "1") != "0"


def _read(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    """The entries of the file (none when it is missing, unreadable or not ours)."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _entries() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _known
    if _known is None:
        _known = _read(cache_path()) if enabled() else {}
    return _known


def engine_args(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re.compile(pattern, flags)` passes to `_sre.compile` after the pattern text:
    (flags, code, groups, groupindex, indexgroup). The same steps as CPython's
    `re._compiler.compile`; `compile` checks the result before keeping it."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (int(flags | p.state.flags), list(map(int, code)), p.state.groups - 1, groupindex,
            tuple(indexgroup))


def same_pattern(a: Pattern[str], b: Pattern[str]) -> bool:
    """Whether two compiled patterns match alike: equal code and text, same groups."""
    return a == b and a.groups == b.groups and a.groupindex == b.groupindex


def compile(pattern: Any, flags: int = 0) -> Pattern[Any]:  # noqa: A001 - `re.compile`
    """`re.compile(pattern, flags)`, from the cache when this pattern is in it."""
    if isinstance(flags, _re.RegexFlag):
        flags = flags.value
    if not isinstance(pattern, str) or flags & _DEBUG:
        return _re.compile(pattern, flags)
    key = (pattern, flags)
    compiled = _made.get(key)
    if compiled is not None:
        return compiled
    known = _entries()
    args = known.get(key)
    if args is not None:
        try:
            compiled = _made[key] = _sre.compile(pattern, *args)
            return compiled
        except (TypeError, ValueError, RuntimeError, OverflowError):
            del known[key]  # (not this engine's code after all: compiled below)
    compiled = _made[key] = _re.compile(pattern, flags)
    if len(known) < MAX_ENTRIES and _can_save():
        _learn(key, compiled)
    return compiled


def _can_save() -> bool:
    """Whether this process may keep what it learns: the cache is on, its folder can be
    written, and this is the process that imported the module (a forked worker of
    `reader analyze` ends without running `save`). Else learning a pattern, a second
    compilation, would be paid again in every run."""
    global _writable
    if os.getpid() != _PID:
        return False
    if _writable is None:
        _writable = False
        if enabled():
            folder = cache_path().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
                _writable = os.access(folder, os.W_OK)
            except OSError:
                pass
    return _writable


def _learn(key: tuple[str, int], compiled: Pattern[str]) -> None:
    """Keep the engine's input for `key` if it rebuilds `compiled` exactly."""
    global _added
    try:
        args = engine_args(*key)
        ok = same_pattern(_sre.compile(key[0], *args), compiled)
    except Exception:  # noqa: BLE001 - another Python's internals: just not cached
        return
    if ok:
        _entries()[key] = args
        if not _added:
            _added = True
            atexit.register(save)


def save() -> None:
    """Write the entries learnt in this process, with those another process wrote since
    (through a temporary file, so a reader never sees half of it). A cache that cannot
    be written is no error: the next run compiles again."""
    if not _added or not enabled() or _known is None:
        return
    path = cache_path()
    merged = _read(path)
    if len(merged) > MAX_ENTRIES:  # (patterns of older code pile up: start again)
        merged = {}
    merged.update(_known)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(merged))
        os.replace(tmp, path)
    except (OSError, ValueError):  # (ValueError: an entry marshal cannot write)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
