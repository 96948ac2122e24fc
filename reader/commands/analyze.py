"""`reader analyze CORPUS`: boilerplate lines, headline and quotations as JSON Lines.

Two passes over the corpus: the first counts the lines that recur across articles (menus
and footers of the same site), the second analyses each article with that knowledge. Both
run in a process pool (`--jobs`), and results are written in corpus order as they arrive,
so a large corpus streams instead of waiting for the last article.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.commands.common import add_corpus_argument, load, max_bytes
from reader.errors import UserError
from reader.pipeline import MIN_REPEAT

NAME = "analyze"
HELP = "detect boilerplate, headline and quotations; print JSON Lines"
DESCRIPTION = """\
Analyse every article of CORPUS and print one JSON object per article (JSON Lines), in
corpus order:

    {"file": ID, "title_line": N, "boilerplate_lines": [N, ...],
     "quotes": [{"start": S, "end": E, "kind": "speech"|"term", "speaker": NAME|null}]}

Line numbers are 1-based; quote offsets are character offsets into the decoded text.
Lines found in at least --min-repeat articles count as evidence of boilerplate. Unreadable
files are reported on stderr and left out. An article on which detection fails is reported
on stderr with its id and left out (never printed as "nothing marked"); the others are
still printed, and the exit status is then 1.

--scheduler runs the analysis on a Dask cluster instead of local processes (the `dask`
extra: pip install -e '.[dask]'): `local` starts two worker processes here; an address
such as tcp://10.0.0.5:8786 uses a running scheduler, whose workers must see the corpus at
the same path. The output is the same bytes, in the same order (see reader.distributed)."""

CHUNK = 8
# below this much text the corpus is analysed in this process whatever --jobs says: starting
# workers and shipping results costs more than the ~0.4 s a megabyte of analysis they share
SMALL_CORPUS_BYTES = 2_000_000


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask, e.g. under taskset or a
    container's cpuset), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # no affinity call on this platform
        return os.cpu_count() or 1

_repeated: frozenset[str] | None = None
_max_bytes = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: the CPUs this process may use; 1 runs in this "
        "process, as does a corpus under 2 MB whatever N is)",
    )
    parser.add_argument(
        "--min-repeat",
        type=int,
        default=MIN_REPEAT,
        metavar="K",
        help="a line in at least K articles is treated as site furniture (default: 3; "
        "0 turns the corpus-wide evidence off)",
    )
    _add_scheduler_argument(parser)


def _add_scheduler_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: a scheduler address (tcp://HOST:8786) or `local` "
        "(a LocalCluster of 2 worker processes); needs the dask extra",
    )


def _init(repeated: frozenset[str] | None, limit: int) -> None:
    global _repeated, _max_bytes
    gc.disable()
    _repeated = repeated
    _max_bytes = limit


def _read(path: Path) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason); `path` may be a JSON Lines record (`locator`)."""
    from reader.corpus import ArticleError, read_located

    try:
        return read_located(path, _max_bytes).text, None
    except ArticleError as exc:
        return None, str(exc)


def _keys_of(text: str) -> set[str]:
    """Distinct normalised lines of a text (pass 1)."""
    from reader.marks.text import text_keys

    return text_keys(text)


def _line_keys(path: Path) -> list[str]:
    """Distinct normalised lines of one article (pass 1, in a worker)."""
    text, _ = _read(path)
    return [] if text is None else list(_keys_of(text))


_texts: dict[str, tuple[str, list[str]]] = {}
KEEP_BYTES = 256 * 1024 * 1024  # one-process runs keep texts between the passes up to this


def _analyze_one(item: tuple[str, Path]) -> tuple[bytes | None, str | None, bool]:
    """(JSON line, None, False), or (None, reason, failed) for one article (pass 2):
    `failed` when detection itself went wrong (exit status 1), not when the file is
    unreadable (reported and skipped, as the corpus loader does)."""
    from reader.pipeline import article_marks

    article_id, path = item
    kept = _texts.pop(article_id, None)
    reason = None
    keys = None
    if kept is not None:
        text, keys = kept
    else:
        text, reason = _read(path)
    if text is None:
        from reader.textlayout import sanitize  # (only for a file that cannot be read)

        return None, sanitize(f"skipped {article_id}: {reason}"), False
    marks = article_marks(text, article_id, repeated=_repeated, line_keys=keys)
    if getattr(marks, "error", None) is not None:
        return None, f"error {article_id}: detection failed ({marks.error}); left out", True
    return _dumps(marks.to_json(article_id)), None, False


def _dumps(record: dict) -> bytes:
    """One JSON line (UTF-8, newline included)."""
    import orjson

    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


def _map(func, items: list, jobs: int) -> Iterator:  # type: ignore[no-untyped-def]
    """Ordered map, in a pool when it pays off."""
    if jobs <= 1 or len(items) < 2:
        yield from map(func, items)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(
        jobs, initializer=_init, initargs=(_repeated, _max_bytes)
    ) as pool:
        yield from pool.imap(func, items, chunksize=CHUNK)


def _with_progress(results: Iterable, total: int, what: str, show: bool) -> Iterator:  # type: ignore[no-untyped-def]
    from reader.progress import Progress

    bar = Progress(total, what, show=show)
    for r in results:
        bar.advance()
        yield r


def run(args: argparse.Namespace) -> int:
    # The analysis allocates millions of small tuples and no reference cycles; the cyclic
    # garbage collector would only rescan them over and over (10-15% of the run time).
    gc.disable()
    try:
        return _run(args)
    finally:
        # What the run allocated is garbage-free and about to go with the process: frozen,
        # it is not walked again by the collection the interpreter makes at exit (~7 ms).
        gc.freeze()
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    if args.jobs is None:
        args.jobs = usable_cpus()
    if getattr(args, "scheduler", None):
        from reader.distributed import analyze_mapper, open_client

        if not Path(args.corpus).expanduser().exists():  # before minutes of cluster start-up
            raise UserError(f"no such file or folder: {args.corpus}")
        with open_client(args.scheduler) as client:
            return _run_with(args, analyze_mapper(client))
    return _run_with(args, _map)


def _run_with(args: argparse.Namespace, mapper) -> int:  # type: ignore[no-untyped-def]
    """The two passes, each an ordered map by `mapper` (local processes or a cluster)."""
    if args.jobs < 1:
        raise UserError("--jobs must be at least 1")
    if args.min_repeat < 0:
        raise UserError("--min-repeat must not be negative")
    corpus = load(args, read=False)
    _init(None, max_bytes(args))
    from reader.corpus import locator

    paths = [locator(a) for a in corpus.articles]
    items = [(a.id, locator(a)) for a in corpus.articles]
    show = sys.stderr.isatty()
    jobs = min(args.jobs, max(1, len(items)))
    files = list(dict.fromkeys(Path(a.path) for a in corpus.articles))
    if jobs > 1 and mapper is _map and _total_bytes(files, SMALL_CORPUS_BYTES) < SMALL_CORPUS_BYTES:
        jobs = 1
    if jobs > 1 and mapper is _map:
        # the detectors imported (and their regexes compiled) once, here, before the
        # workers are forked, not again in each worker of each pass
        import reader.marks  # noqa: F401

    k = args.min_repeat
    if k and len(items) >= k:
        counts: Counter[str] = Counter()
        if jobs == 1 and mapper is _map:
            from reader.marks.text import text_line_keys

            kept = 0
            from reader.progress import Progress

            bar = Progress(len(items), "reading", show=show)
            for article_id, path in items:
                bar.advance()
                text, _ = _read(path)
                if text is None:
                    continue
                line_keys = text_line_keys(text)
                distinct = set(line_keys)
                distinct.discard("")
                counts.update(distinct)
                if kept + len(text) <= KEEP_BYTES:
                    _texts[article_id] = (text, line_keys)
                    kept += 2 * len(text)
        else:
            for keys in _with_progress(mapper(_line_keys, paths, jobs), len(paths), "reading",
                                       show):
                counts.update(keys)
        from reader.pipeline import repeated_from_counts

        _init(repeated_from_counts(counts, len(items), k), max_bytes(args))
        del counts

    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    failed = printed = 0
    for line, problem, error in _with_progress(mapper(_analyze_one, items, jobs),
                                               len(items), "analysing", show):
        if line is None:
            failed += error
            print(problem, file=sys.stderr)
            continue
        printed += 1
        if buffer is not None:
            buffer.write(line)
        else:
            sys.stdout.write(line.decode("utf-8"))
    if buffer is not None:
        buffer.flush()
    sys.stdout.flush()
    if corpus.skipped:
        from reader.textlayout import sanitize  # (~2 ms to import: only when needed)

        for skipped in corpus.skipped:
            print(sanitize(f"skipped {skipped.id}: {skipped.reason}"), file=sys.stderr)
    if failed:
        print(f"detection failed on {failed} article{'s' if failed != 1 else ''} "
              "(see above); the others were printed", file=sys.stderr)
        return 1
    if not printed:  # as `reader list` says: a script must not take no output for success
        raise UserError(f"no readable articles in {args.corpus}")
    return 0


def _total_bytes(paths: list[Path], enough: int) -> int:
    """Size of the files, counted until it reaches `enough` (a huge corpus is not stat'ed
    twice over just to learn it is not small)."""
    total = 0
    for p in paths:
        try:
            total += p.stat().st_size
        except OSError:
            continue
        if total >= enough:
            break
    return total
