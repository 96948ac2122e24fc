"""A log file for problems the user was told about in one line.

The app shows a failed save as a short notice; the traceback and the time go here, so a
report ("re-anchoring failed on Tuesday") can be followed up. The file lives in the user
log folder (`~/.local/state/reader/log/reader.log` on Linux; READER_LOG overrides it) and
is never required: if it cannot be written, the notice alone stands.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOGGER = logging.getLogger("reader")
_configured: Path | None = None


def log_path() -> Path:
    if explicit := os.environ.get("READER_LOG"):
        return Path(explicit)
    from platformdirs import user_log_dir

    return Path(user_log_dir("reader")) / "reader.log"


def _handler() -> None:
    """Attach the file handler once (lazily: most runs never log anything)."""
    global _configured
    path = log_path()
    if _configured == path:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()  # nowhere to write: the notice is all there is
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    for old in list(LOGGER.handlers):
        LOGGER.removeHandler(old)
        old.close()
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)
    LOGGER.propagate = False  # never onto stderr: it would draw over the app
    _configured = path


def log_problem(message: str, exc: BaseException | None = None) -> None:
    """Record a problem the user was shown, with its traceback when there is one."""
    _handler()
    LOGGER.error(message, exc_info=(type(exc), exc, exc.__traceback__) if exc else None)
