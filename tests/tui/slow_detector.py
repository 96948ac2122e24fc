"""A stand-in for the detector that takes far longer than any test (run in a process by
`reader.apart`, so that quitting can be seen not to wait for it)."""

from __future__ import annotations

import time
from typing import Any


def article_marks_of(text: str, article_id: str, repeated: Any, corrections: Any) -> Any:
    time.sleep(120)
    raise AssertionError("the slow detector was waited for")


def summary_batch(items: Any, corrections: Any, max_bytes: int, repeated: Any) -> Any:
    time.sleep(120)
    raise AssertionError("the slow summary was waited for")
