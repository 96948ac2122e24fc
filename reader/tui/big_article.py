"""Marks of a large article computed in a process of its own (`reader.apart`).

The app shows a large article at once, unmarked, and installs its marks when they come.
The detection used to run in a thread, which nothing can interrupt: quitting while a 6 MB
article was analysed restored the terminal and then waited out the analysis (the work was
saved; the user waited). In a process it is terminated the moment its worker is cancelled
(quit, or another article opened).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.apart import ApartError, run_apart

# what the process runs; a test points it at a slow stand-in
DETECTOR = "reader.pipeline:article_marks_of"


def marks_apart(
    text: str,
    article_id: str,
    store: Any,
    repeated: frozenset[str] | None,
    cancelled: Callable[[], bool],
) -> Any | None:
    """The article's marks (every correction of `store` applied), None when cancelled. A
    failure gives the text unmarked with `error` set, which the app reports."""
    corrections = list(store.corrections()) if store is not None else []
    try:
        done, marks = run_apart(DETECTOR, (text, article_id, repeated, corrections), cancelled)
    except ApartError as exc:
        from reader.marks import unmarked

        return unmarked(text, str(exc))
    return marks if done else None

