"""One pipeline for an article's marks: what `reader analyze`, the app, the list and the
exports all show.

Before this module the app analysed each article on its own while `reader analyze` also
used the lines repeated across the corpus, so the screen and the published figures
disagreed on dozens of lines. Now every caller goes through `article_marks`:

    detection (`reader.marks.analyze`) with the corpus's repeated lines (`repeated_of`)
    + the user's corrections (`annotations.export.corrected`, learning included)

`reader analyze` passes no corrections; the app passes them all. The repeated-line set is
the corpus-wide pass of `reader analyze` (a normalised line found in at least
`MIN_REPEAT` articles, and only when the corpus has that many); the app computes it in the
background and keeps it in `RepeatedCache`, beside the summary cache, keyed by a
fingerprint of every article's (id, size, mtime), so an unchanged corpus never counts its
lines again. Nothing here imports Textual.
"""

from __future__ import annotations

import os
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson

MIN_REPEAT = 3  # `reader analyze --min-repeat` default
REPEATED_VERSION = 1


def repeated_from_counts(
    counts: Counter[str], n_articles: int, min_repeat: int = MIN_REPEAT
) -> frozenset[str] | None:
    """The repeated-line evidence from per-article line counts, as `reader analyze` uses it.

    None (no evidence) when it is turned off or the corpus has fewer than `min_repeat`
    articles, exactly as the CLI decides.
    """
    if not min_repeat or n_articles < min_repeat:
        return None
    return frozenset(key for key, n in counts.items() if n >= min_repeat)


def article_marks(
    text: str,
    article_id: str,
    *,
    repeated: frozenset[str] | None,
    corrections: Sequence[Any] = (),
    line_keys: list[str] | None = None,
) -> Any:
    """The marks of one article: detection with the corpus evidence, then the corrections.

    `corrections` may be every correction of the store: line corrections of other articles
    teach this one (`annotations.learning`), quotation corrections apply to their article.
    """
    if not corrections:
        from reader.marks import analyze

        return analyze(text, repeated=repeated, line_keys=line_keys)
    from annotations.export.corrected import corrected_marks

    return corrected_marks(text, corrections, repeated=repeated, article=article_id)


def article_marks_of(
    text: str, article_id: str, repeated: frozenset[str] | None, corrections: Sequence[Any]
) -> Any:
    """`article_marks` with positional arguments: what `reader.apart` runs in a process of
    its own for a large article (so that quitting need not wait for it)."""
    return article_marks(text, article_id, repeated=repeated, corrections=corrections)


def summary_of(text: str, marks: Any) -> tuple[str, int, float | None]:
    """(title, words, boilerplate share) of an article from its marks: the list's columns."""
    from reader.corpus import first_line_title

    lines = text.split("\n")
    title = ""
    if marks.title_line is not None and 0 < marks.title_line <= len(lines):
        title = " ".join(lines[marks.title_line - 1].split())[:300]
    total = sum(len(line) for line in lines)
    bp = sum(len(lines[n - 1]) for n in marks.boilerplate_lines if 0 < n <= len(lines))
    return title or first_line_title(text), len(text.split()), (bp / total if total else None)


def digest(repeated: frozenset[str] | None) -> str:
    """A short fingerprint of a repeated-line set (what cached shares were computed with)."""
    if repeated is None:
        return "none"
    import hashlib  # (here: `reader analyze` never needs it, and it costs ~2 ms to import)

    h = hashlib.sha1()
    for key in sorted(repeated):
        h.update(key.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:16]


# -- counting the corpus's lines ------------------------------------------------------


def keys_batch(items: Sequence[tuple[str, str]], max_bytes: int) -> list[list[str]]:
    """Distinct normalised lines of each (id, path); [] for an unreadable file (a worker)."""
    from reader.corpus import ArticleError, read_located
    from reader.marks.text import text_keys

    out: list[list[str]] = []
    for _, path in items:  # a path, or a JSON Lines record (`reader.corpus.locator`)
        try:
            out.append(list(text_keys(read_located(path, max_bytes).text)))
        except ArticleError:
            out.append([])
    return out


def count_corpus_lines(
    items: Sequence[tuple[str, str]],
    max_bytes: int,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    in_thread: int = 2000,
    batch: int = 32,
) -> Counter[str] | None:
    """In how many articles each normalised line occurs; None when cancelled or failed.

    Small corpora are read in this thread; large ones in worker processes (the counting is
    pure Python and would hold the GIL the UI needs).
    """
    chunks = [items[i : i + batch] for i in range(0, len(items), batch)]
    if len(items) <= in_thread:
        return _count_here(chunks, max_bytes, cancelled)
    counts = _count_in_processes(chunks, max_bytes, cancelled)
    if counts is False:  # no worker processes here: slower, but the evidence is not lost
        return _count_here(chunks, max_bytes, cancelled)
    return counts


def _count_here(
    chunks: list[Sequence[tuple[str, str]]], max_bytes: int, cancelled: Callable[[], bool]
) -> Counter[str] | None:
    counts: Counter[str] = Counter()
    for chunk in chunks:
        if cancelled():
            return None
        for keys in keys_batch(chunk, max_bytes):
            counts.update(keys)
    return counts


def _count_in_processes(
    chunks: list[Sequence[tuple[str, str]]], max_bytes: int, cancelled: Callable[[], bool]
) -> Counter[str] | None | bool:
    """Counts, None when cancelled, False when the pool could not run."""
    counts: Counter[str] = Counter()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from reader.cache import _lower_priority, _start_resource_tracker

    if os.name == "posix":
        _start_resource_tracker()
    workers = max(1, len(os.sched_getaffinity(0)) - 1) if hasattr(os, "sched_getaffinity") \
        else max(1, (os.cpu_count() or 2) - 1)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_lower_priority) as pool:
            for result in pool.map(keys_batch, chunks, [max_bytes] * len(chunks)):
                if cancelled():
                    pool.shutdown(wait=False, cancel_futures=True)
                    return None
                for keys in result:
                    counts.update(keys)
    except Exception:  # noqa: BLE001 - BrokenProcessPool, no fork/spawn here, ...
        return False
    return counts


def fingerprint(articles: Iterable[Any]) -> str:
    """Of every article's (id, size, mtime): any edit, addition or removal changes it."""
    crc = 0
    for a in articles:
        crc = zlib.crc32(f"{a.id}\0{a.size}\0{a.mtime_ns}\n".encode("utf-8", "surrogatepass"),
                         crc)
    return f"{crc:08x}"


def repeated_cache_path_for(summary_cache: Path) -> Path:
    """`annotations.cache.json` → `annotations.repeated.json`, beside it."""
    name = summary_cache.name.removesuffix(".cache.json")
    return summary_cache.with_name(name + ".repeated.json")


class RepeatedCache:
    """The corpus's repeated-line set on disk; derived data, rebuilt silently when stale."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def load(self, fp: str, min_repeat: int) -> tuple[bool, frozenset[str] | None]:
        """(found, repeated) for a corpus with fingerprint `fp`."""
        from reader.cache import detector_stamp

        if self.path is None:
            return False, None
        try:
            data = orjson.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return False, None
        if (
            not isinstance(data, dict)
            or data.get("version") != REPEATED_VERSION
            or data.get("detectors") != detector_stamp()
            or data.get("fingerprint") != fp
            or data.get("min_repeat") != min_repeat
        ):
            return False, None
        keys = data.get("keys")
        if keys is None:
            return True, None
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            return False, None
        return True, frozenset(keys)

    def save(self, fp: str, min_repeat: int, repeated: frozenset[str] | None) -> bool:
        """Atomic write; a failure (read-only folder) only costs a recount next time."""
        from reader.cache import detector_stamp

        if self.path is None:
            return False
        payload = orjson.dumps({
            "version": REPEATED_VERSION, "detectors": detector_stamp(), "fingerprint": fp,
            "min_repeat": min_repeat, "keys": None if repeated is None else sorted(repeated),
        })
        from reader.cache import replace_file

        try:
            replace_file(self.path, payload, ".repeated-")
        except OSError:
            return False
        return True


def corpus_repeated(
    articles: Sequence[Any],
    max_bytes: int,
    cache: RepeatedCache,
    cancelled: Callable[[], bool] = lambda: False,
    min_repeat: int = MIN_REPEAT,
) -> tuple[bool, frozenset[str] | None]:
    """(done, repeated) for the corpus: from the cache when fresh, else counted and cached.

    `articles` need `id`, `path`, `size` and `mtime_ns` (stat-ed). done is False when
    cancelled or when the count could not run.
    """
    fp = fingerprint(articles)
    found, repeated = cache.load(fp, min_repeat)
    if found:
        return True, repeated
    if not min_repeat or len(articles) < min_repeat:
        cache.save(fp, min_repeat, None)
        return True, None
    from reader.corpus import locator

    counts = count_corpus_lines([(a.id, locator(a)) for a in articles], max_bytes, cancelled)
    if counts is None:
        return False, None
    repeated = repeated_from_counts(counts, len(articles), min_repeat)
    cache.save(fp, min_repeat, repeated)
    return True, repeated


# -- what a correction changed across the corpus -----------------------------------------


def remark_changes(
    articles: Sequence[Any],
    read: Callable[[Any], str | None],
    new: Any,
    before: Sequence[Any],
    repeated: frozenset[str] | None,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[int, dict[str, float | None]] | None:
    """(lines changed, article id → its new boilerplate share) by adding correction `new` to
    `before` (every other correction); None when cancelled.

    Only articles the correction reaches (its own, and those with a line of the same text
    or, on its site, of the same template: `annotations.learning`) are analysed twice;
    the others are read and skipped. `read(article)` gives the text or None.
    """
    from annotations.learning import learned_verdicts, line_keys

    after = [*before, new]
    lines = 0
    changed: dict[str, float | None] = {}
    for a in articles:
        if cancelled():
            return None
        text = read(a)
        if text is None:
            continue
        keys = line_keys(text)
        if a.id != new.article and not learned_verdicts(text, a.id, [new], keys):
            continue
        old = article_marks(text, a.id, repeated=repeated, corrections=before)
        now = article_marks(text, a.id, repeated=repeated, corrections=after)
        diff = sum(1 for x, y in zip(old.line_kinds, now.line_kinds, strict=True) if x != y)
        if diff:
            lines += diff
            changed[a.id] = summary_of(text, now)[2]
    return lines, changed
