"""Which coders a comparison (agreement, adjudication) takes by default.

A unit of agreement is an article every compared coder marked done. A coder with no
article done at all (a supervisor who tagged one article to try the app, a script run
under the login name) therefore left every comparison empty: `reader agree` said
"nothing to compare yet" and `J` "nothing to adjudicate" while two coders had finished
the same articles. Such a coder adds no unit to any comparison, so the default leaves
them out, and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def without_idle(store: Any, coders: Sequence[str]) -> tuple[list[str], list[str]]:
    """(compared, left out): the coders with at least one article marked done, and those
    with none. When fewer than two have any done, nothing is left out: the comparison is
    empty either way, and its message says why."""
    done = {s.coder for s in store.article_states(coder=None) if s.status == "done"}
    busy = [c for c in coders if c in done]
    idle = [c for c in coders if c not in done]
    if len(busy) < 2:
        return list(coders), []
    return busy, idle


def left_out_note(idle: Sequence[str]) -> str:
    """One clause naming the coders left out, for a notice or a line on stderr."""
    names = ", ".join(idle)
    return f"left out {names}: no article marked done"
