"""A cache of article summaries (title, words, boilerplate share) keyed by path, size, mtime.

Reading 100,000 articles takes minutes; reading one small JSON file takes milliseconds. The
cache only ever holds derived data, never annotations, so it is rebuilt silently when it is
stale, broken or unwritable: losing it costs time, never work.

The app's indexing thread is the cache's main user while the UI thread saves it on quit,
so every method takes a lock. The file is read lazily, on first use, so that a 100,000-entry
cache (about 11 MB) is parsed in the indexing thread rather than before the first frame,
and entries stay as the plain lists the file holds until one is asked for.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from reader.cache_places import cache_beside, user_cache

CACHE_VERSION = 2
FIELDS = 6  # size, mtime_ns, title, words, share, error


def _detector_stamp() -> str:
    """A fingerprint of the detectors' code and weights (`reader/marks/*.py`).

    Titles and boilerplate shares are the detectors' output, so a cache written by other
    detectors (an upgrade, retrained weights) is stale even when no article changed. Reading
    a dozen small files costs well under a millisecond and needs no import of the detectors.
    """
    import zlib

    crc = 0
    marks = Path(__file__).with_name("marks")
    try:
        for f in sorted(marks.glob("*.py")):
            if not f.name.startswith("train_"):
                crc = zlib.crc32(f.read_bytes(), zlib.crc32(f.name.encode(), crc))
    except OSError:
        return "unknown"
    return f"{crc:08x}"


_STAMP: str | None = None


def detector_stamp() -> str:
    global _STAMP
    if _STAMP is None:
        _STAMP = _detector_stamp()
    return _STAMP


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


def _valid(v: object) -> bool:
    """An entry as stored: [int, int, str|None, int|None, float|None, str|None]."""
    if type(v) is not list or len(v) != FIELDS:
        return False
    size, mtime, title, words, share, error = v
    return (
        type(size) is int
        and type(mtime) is int
        and (title is None or type(title) is str)
        and (words is None or type(words) is int)
        and (share is None or type(share) in (float, int))
        and (error is None or type(error) is str)
    )


class SummaryCache:
    """Summaries by article id. `path=None` keeps everything in memory (no file)."""

    def __init__(self, path: Path | None, *, lazy: bool = True) -> None:
        self.path = path
        self._entries: dict[str, list[object]] | None = None if path is not None else {}
        self._lock = threading.RLock()
        self._save_lock = threading.Lock()  # one writer at a time: the newest data wins
        self.dirty = False
        # what the shares and titles were computed with besides the text (the digest of
        # the corpus's repeated-line set, `reader.pipeline.digest`)
        self.context: str | None = None
        if not lazy:
            self._loaded()

    # -- loading ------------------------------------------------------------

    def _loaded(self) -> dict[str, list[object]]:
        entries = self._entries
        if entries is None:
            with self._lock:
                if self._entries is None:
                    self._entries = self._read(self.path, self) if self.path is not None else {}
                entries = self._entries
        return entries

    @staticmethod
    def _read(path: Path, into: SummaryCache | None = None) -> dict[str, list[object]]:
        """The stored entries, or {} for a missing, foreign, old or broken file (the
        stored context goes to `into.context`)."""
        try:
            data = orjson.loads(path.read_bytes())
        except (OSError, ValueError):
            return {}
        if (
            not isinstance(data, dict)
            or data.get("version") != CACHE_VERSION
            or data.get("detectors") != detector_stamp()
        ):
            return {}
        entries = data.get("entries")
        context = data.get("context")
        if into is not None and isinstance(context, str):
            into.context = context
        return entries if isinstance(entries, dict) else {}

    def set_context(self, context: str) -> int:
        """Make `context` the cache's; when it differs, every share becomes provisional
        (None), so the summary pass recomputes it. Returns how many were reset."""
        entries = self._loaded()
        with self._lock:
            if self.context == context:
                return 0
            n = 0
            for key, v in entries.items():
                if _valid(v) and v[4] is not None:
                    entries[key] = [*v[:4], None, v[5]]
                    n += 1
            self.context = context
            self.dirty = True
            return n

    # -- access -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._loaded())

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._loaded()

    def get(self, article_id: str, size: int, mtime_ns: int) -> Summary | None:
        """The summary when the file still has this size and mtime, else None."""
        v = self._loaded().get(article_id)
        if v is None or not _valid(v) or v[0] != size or v[1] != mtime_ns:
            return None
        return Summary(*v)  # type: ignore[arg-type]

    def put(self, article_id: str, summary: Summary) -> None:
        entries = self._loaded()
        with self._lock:
            entries[article_id] = summary.to_list()
            self.dirty = True

    def set_share(self, article_id: str, size: int, mtime_ns: int, share: float | None) -> None:
        """Record an article's boilerplate share on its summary, if that is still fresh."""
        entries = self._loaded()
        with self._lock:
            v = entries.get(article_id)
            if v is not None and _valid(v) and v[0] == size and v[1] == mtime_ns:
                entries[article_id] = [*v[:4], share, v[5]]
                self.dirty = True

    def prune(self, keep: set[str]) -> None:
        """Forget articles that are no longer in the corpus."""
        entries = self._loaded()
        with self._lock:
            gone = [k for k in entries if k not in keep]
            for k in gone:
                del entries[k]
            if gone:
                self.dirty = True

    def save(self) -> bool:
        """Atomic write; failure (read-only folder, full disk) is silent by design.

        Safe to call from any thread, also while another thread puts entries.
        """
        if self.path is None or not self.dirty or self._entries is None:
            return False
        with self._save_lock:
            return self._save(self.path)

    def _save(self, path: Path) -> bool:
        with self._lock:
            try:
                payload = orjson.dumps(
                    {"version": CACHE_VERSION, "detectors": detector_stamp(),
                     "context": self.context, "entries": self._entries}
                )
            except (TypeError, ValueError):
                return False
            self.dirty = False
        try:
            replace_file(path, payload, ".cache-")
        except OSError:
            with self._lock:
                self.dirty = True
            return False
        return True


def replace_file(path: Path, payload: bytes | bytearray, prefix: str = ".cache-") -> None:
    """Write `payload` to `path` through a temp file and a rename, so a reader never sees a
    half-written file. No fsync: everything written this way is derived data (caches, the
    view state) that is recomputed when lost; the user's work goes through the annotation
    store's journal instead. Raises OSError for the caller to handle."""
    from annotations.export import file_mode

    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            # the umask's mode, not mkstemp's 0600: a team sharing the corpus folder
            # shares its caches (else each coder's start counted the corpus again)
            os.fchmod(f.fileno(), file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# the files named from the summary cache's path (`reader.pipeline`, `reader.overview`,
# `reader.view_state`)
CACHE_SUFFIXES = (".cache.json", ".repeated.json", ".quotes.json", ".view.json")


def cache_path_for(db_path: Path) -> Path:
    """`annotations.json` → `annotations.cache.json`, beside it, where the repeated-line
    and quotation caches are named from it too.

    When that folder cannot be written (a read-only corpus: a shared drive, a mounted
    archive) they were not kept at all, and every `reader list` or start of the app counted
    the corpus's repeated lines again. There they go to the user cache folder, in a folder
    named from the annotation file's path (as the search index and JSON Lines indexes do);
    caches left beside it from when the folder was writable are copied there once, so they
    are still read.
    """
    beside = db_path.with_name(db_path.stem + ".cache.json")
    if cache_beside(db_path, beside):
        return beside
    import hashlib

    digest = hashlib.sha256(str(db_path.absolute()).encode("utf-8", "surrogatepass"))
    folder = user_cache("corpora", digest.hexdigest()[:16])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for suffix in CACHE_SUFFIXES:
            old = db_path.with_name(db_path.stem + suffix)
            new = folder / old.name
            if old.is_file() and not new.exists():
                replace_file(new, old.read_bytes(), ".copy-")
    except OSError:
        pass  # derived data: the caches are counted again, as before
    return folder / beside.name


# -- the boilerplate-share pass ------------------------------------------------------


def boilerplate_share(text: str, boilerplate_lines: Sequence[int]) -> float | None:
    """Share of the article's characters on boilerplate lines (1-based numbers).

    The same figure as `reader.tui.annotate.boilerplate_share`, which the app computes when
    an article is opened; kept here so worker processes need not import Textual.
    """
    lines = text.split("\n")
    total = sum(len(line) for line in lines)
    if not total:
        return None
    n = len(lines)
    return sum(len(lines[i - 1]) for i in boilerplate_lines if 0 < i <= n) / total


QuoteRow = list  # [start, end, speaker]: a speech quotation with a named speaker


def summary_batch(
    items: Sequence[tuple[str, str]], corrections: Sequence[Any], max_bytes: int,
    repeated: frozenset[str] | None = None,
) -> list[tuple[str, str | None, int | None, float | None, str | None, list[QuoteRow] | None]]:
    """(id, title, words, share, error, quotes) per (article id, path); runs in a worker.

    One detection pass per article, through the one pipeline (`reader.pipeline`): the
    corpus's repeated lines and the user's corrections (all of them: line corrections
    elsewhere teach this article), exactly what the app shows when it is opened. `quotes`
    are the speech quotations with a named speaker (the overview's speaker counts).
    Without the detectors the title is the first line, share None.
    """
    from reader.corpus import ArticleError, first_line_title, read_located

    try:
        from reader.pipeline import article_marks, summary_of
    except ImportError:
        article_marks = None  # type: ignore[assignment]
    if repeated is None:
        repeated = _worker_repeated
    out: list[tuple[str, str | None, int | None, float | None, str | None,
                    list[QuoteRow] | None]] = []
    for article_id, path in items:
        try:
            text = read_located(path, max_bytes).text  # a path, or a JSON Lines record
        except ArticleError as exc:
            out.append((article_id, None, None, None, str(exc), None))
            continue
        if article_marks is None:
            out.append((article_id, first_line_title(text), len(text.split()), None, None, None))
            continue
        marks = article_marks(text, article_id, repeated=repeated, corrections=corrections)
        title, words, share = summary_of(text, marks)
        # (the article's own: a teaser's or menu's quotation has a speaker too, but is no
        # quotation of this article)
        quotes = [[q.start, q.end, q.speaker] for q in marks.article_quotes
                  if q.speaker and q.kind == "speech"]
        out.append((article_id, title, words, share, None, quotes))
    return out


_worker_repeated: frozenset[str] | None = None


def _worker_init(repeated: frozenset[str] | None) -> None:
    """A worker process: lower priority, and the corpus evidence sent once, not per batch."""
    global _worker_repeated
    _worker_repeated = repeated
    _lower_priority()


last_pool_error: BaseException | None = None


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a usable stderr.

    The tracker process is handed `sys.stderr.fileno()`; inside a Textual app `sys.stderr`
    is Textual's capture object, whose descriptor is not one, and the pool then fails to
    start ("bad value(s) in fds_to_keep"). The tracker gets /dev/null instead: nothing it
    could print belongs on the app's screen.
    """
    import sys
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        with open(os.devnull, "w") as devnull:
            sys.stderr = devnull
            resource_tracker.ensure_running()
    except (OSError, ValueError):
        pass
    finally:
        sys.stderr = saved


def _lower_priority() -> None:
    """Worker processes yield the CPU to the UI (and the terminal) whenever both want it."""
    with contextlib.suppress(AttributeError, OSError):
        os.nice(10)


def analyse_summaries(
    jobs: Sequence[tuple[str, str]],
    on_result: Callable[..., None],
    cancelled: Callable[[], bool],
    *,
    corrections: Sequence[Any] = (),
    repeated: frozenset[str] | None = None,
    max_bytes: int = 20 * 1024 * 1024,
    workers: int | None = None,
    batch: int = 8,
    in_thread: int = 64,
) -> bool:
    """Detect headline and boilerplate share for (article id, path) jobs in worker processes.

    `on_result(id, title, words, share, error, quotes)` is called in the caller's thread.

    Processes, not threads: analysis is pure Python, and a thread would hold the GIL the UI
    needs to answer keys. One process fewer than there are cores (at least one) leaves a
    core to the UI; up to `in_thread` jobs run in the calling thread instead (a process
    takes a third of a second to start). Small batches, a bounded number in flight, and
    `cancelled()` checked
    after each batch keep a quit prompt. Returns True when every job was done; False when
    cancelled or when the pool cannot run (no processes here, a worker died), which is
    silent: titles stay first lines and the share column stays empty.
    """
    if not jobs:
        return True
    corrections = list(corrections)
    # a very large article goes to a process of its own, which a quit terminates: in this
    # thread or a pool's worker the exit would wait for it (`reader.apart`)
    big = [job for job in jobs if _is_big(job[1])]
    if big:
        jobs = [job for job in jobs if not _is_big(job[1])]
    if len(jobs) <= in_thread:  # a few articles: not worth starting a process
        for i in range(0, len(jobs), batch):
            if cancelled():
                return False
            for row in summary_batch(jobs[i : i + batch], corrections, max_bytes, repeated):
                on_result(*row)
        return _summaries_apart(big, on_result, cancelled, corrections, max_bytes, repeated)
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    if os.name == "posix":
        _start_resource_tracker()
    n_workers = workers or max(1, (os.cpu_count() or 2) - 1)
    chunks = [list(jobs[i : i + batch]) for i in range(0, len(jobs), batch)]
    try:
        pool = ProcessPoolExecutor(
            n_workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_init,
            initargs=(repeated,),
        )
    except (OSError, ValueError, NotImplementedError):
        return False
    pending: set[Future[list[tuple[Any, ...]]]] = set()
    next_chunk = 0
    ok = True
    try:
        while next_chunk < len(chunks) or pending:
            while next_chunk < len(chunks) and len(pending) < 2 * n_workers:
                pending.add(
                    pool.submit(summary_batch, chunks[next_chunk], corrections, max_bytes)
                )
                next_chunk += 1
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            if cancelled():
                ok = False
                break
            for future in done:
                for row in future.result():
                    on_result(*row)
    except Exception as exc:  # BrokenProcessPool, a worker that could not import, ...
        global last_pool_error
        last_pool_error = exc  # for diagnosis; the pass itself stays silent
        ok = False
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return ok and _summaries_apart(big, on_result, cancelled, corrections, max_bytes, repeated)


BIG_FILE = 256 * 1024  # bytes; a larger article's summary is computed apart (`reader.apart`)
SUMMARY_APART = "reader.cache:summary_batch"  # what that process runs (a test slows it)


def _is_big(where: Any) -> bool:
    """Whether `where` is a file path of more than `BIG_FILE` bytes (a JSON Lines record is
    not looked at: its size is not known without reading it)."""
    if not isinstance(where, (str, os.PathLike)):
        return False
    try:
        return os.stat(where).st_size > BIG_FILE
    except OSError:
        return False


def _summaries_apart(
    jobs: Sequence[tuple[str, str]], on_result: Callable[..., None],
    cancelled: Callable[[], bool], corrections: list[Any], max_bytes: int,
    repeated: frozenset[str] | None,
) -> bool:
    """`summary_batch` of each job in a process of its own; False once cancelled. Where the
    process fails, the job runs in this thread (what it did before)."""
    from reader.apart import ApartError, run_apart

    for job in jobs:
        try:
            done, rows = run_apart(SUMMARY_APART, ([job], corrections, max_bytes, repeated),
                                   cancelled)
        except ApartError:
            done, rows = True, summary_batch([job], corrections, max_bytes, repeated)
        if not done:
            return False
        for row in rows:
            on_result(*row)
    return True
