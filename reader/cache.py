"""A cache of article summaries (title, words, boilerplate share) keyed by path, size, mtime.

Reading 100,000 articles takes minutes; reading one small JSON file takes milliseconds. The
cache only ever holds derived data, never annotations, so it is rebuilt silently when it is
stale, broken or unwritable: losing it costs time, never work.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import orjson

CACHE_VERSION = 2


@dataclass(slots=True)
class Summary:
    size: int
    mtime_ns: int
    title: str | None
    words: int | None
    share: float | None = None  # boilerplate share of characters, once analysed
    error: str | None = None  # reason the article cannot be shown

    def to_list(self) -> list[object]:
        return [self.size, self.mtime_ns, self.title, self.words, self.share, self.error]


class SummaryCache:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, Summary] = {}
        self.dirty = False
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            data = orjson.loads(path.read_bytes())
            if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
                return
            self.entries = {k: Summary(*v) for k, v in data["entries"].items()}
        except (OSError, ValueError, TypeError, KeyError):
            self.entries = {}

    def get(self, article_id: str, size: int, mtime_ns: int) -> Summary | None:
        found = self.entries.get(article_id)
        if found is not None and found.size == size and found.mtime_ns == mtime_ns:
            return found
        return None

    def put(self, article_id: str, summary: Summary) -> None:
        self.entries[article_id] = summary
        self.dirty = True

    def prune(self, keep: set[str]) -> None:
        gone = [k for k in self.entries if k not in keep]
        for k in gone:
            del self.entries[k]
        if gone:
            self.dirty = True

    def save(self) -> bool:
        """Atomic write; failure (read-only folder, full disk) is silent by design."""
        if self.path is None or not self.dirty:
            return False
        payload = orjson.dumps(
            {"version": CACHE_VERSION, "entries": {k: v.to_list() for k, v in self.entries.items()}}
        )
        try:
            fd, tmp = tempfile.mkstemp(prefix=".cache-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(payload)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        self.dirty = False
        return True


def cache_path_for(db_path: Path) -> Path:
    """`annotations.json` → `annotations.cache.json`, beside it."""
    return db_path.with_name(db_path.stem + ".cache.json")
