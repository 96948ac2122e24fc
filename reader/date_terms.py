"""What is wrong with a `date:` search value, in words the user can act on.

`date:2020-13` (no such month) matched nothing, silently, and `date:abc` was searched as
the words "date abc" with a hint about words: either way the user could not tell a typo
from an empty corpus. A `date:` value is one or two ISO dates, YYYY, YYYY-MM or
YYYY-MM-DD, as `FROM..TO` with either end optional; anything else gets one line saying
what is wrong and which forms are accepted, as an unknown `label:` already does.
"""

from __future__ import annotations

import calendar
import re

FORMS = "date: takes YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM..TO (date:2020-01..2020-06)"

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _part_problem(part: str) -> str | None:
    """Why one end of the range is not a date; None when it is (or is left open)."""
    if not part:
        return None
    found = _ISO.fullmatch(part)
    if found is None:
        return f"{part!r} is not a date"
    year, month, day = found.groups()
    if month is not None and not 1 <= int(month) <= 12:
        return f"{part} has no month {int(month)}"
    if day is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            return f"{part} has no day {int(day)} ({year}-{month} has {last} days)"
    return None


def bounds(value: str) -> tuple[str, str]:
    """`2020-01..2020-06` -> ("2020-01", "2020-06"); `2020` -> ("2020", "2020"); an end
    left open is "" (`..2019-12-31`)."""
    lo, sep, hi = value.partition("..")
    return (lo, hi) if sep else (lo, lo)


def date_problem(value: str) -> str | None:
    """One line saying what is wrong with a `date:` value and the accepted forms; None
    when `value` is a date or a range of dates."""
    lo, hi = bounds(value)
    if not (lo or hi):
        return f"{FORMS} (not {value!r})"
    for part in (lo, hi):
        if why := _part_problem(part):
            return f"{why}; {FORMS}"
    if lo and hi and lo[: len(hi)] > hi:
        return f"{value} ends before it starts; {FORMS}"
    return None
