"""Running the per-article work of `reader analyze` and the text export on a Dask cluster.

The marks are pure functions of an article's text, so a corpus splits into batches that
any worker can analyse. `--scheduler ADDRESS` connects to a running `dask.distributed`
scheduler (`tcp://host:8786`); `--scheduler local` starts a LocalCluster of two worker
processes on this machine. Batches are submitted in corpus order with a bounded number in
flight, and their results are taken back in that same order, so the output streams and is
byte for byte the serial run's.

What travels: each batch carries article *locators* (a `.txt` path or a JSON Lines record's
file, offset and length), not text, so the workers read the corpus themselves: it must be
at the same path on every worker (a shared or network file system, or the same copy on
each machine), and the workers need this package installed (`pip install -e '.[dask]'`).
The lines repeated across the corpus (pass 1's result) are sent to every worker once.

Dask is an optional extra: without it, `--scheduler` fails with one line saying how to
install it.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from reader.errors import UserError

BATCH = 32  # articles per task: ~0.5 s of work, large enough to hide the task overhead
LOCAL_WORKERS = 2
MISSING = ("--scheduler needs the dask extra: pip install -e '.[dask]' "
           "(or pip install 'dask[distributed]')")


@contextlib.contextmanager
def open_client(address: str) -> Iterator[Any]:
    """A dask.distributed Client for `address` ("local": a LocalCluster started here)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise UserError(MISSING) from exc
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(address, timeout="15s")
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise UserError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _threads(client: Any) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:  # an old scheduler without the call: a sensible window anyway
        return LOCAL_WORKERS


def _run_batch(func: Callable[[Any], Any], batch: Sequence[Any],
               setup: Callable[..., None] | None, *setup_args: Any) -> list[Any]:
    """On a worker: set the module state the function reads, then map it over the batch."""
    if setup is not None:
        setup(*setup_args)
    return [func(x) for x in batch]


def ordered_map(
    client: Any,
    func: Callable[[Any], Any],
    items: Sequence[Any],
    *,
    setup: Callable[..., None] | None = None,
    setup_args: Sequence[Any] = (),
    batch: int = BATCH,
) -> Iterator[Any]:
    """`map(func, items)` on the cluster, results yielded in the items' order as they come.

    `setup(*setup_args)` runs on the worker before each batch (module globals such as the
    repeated lines); large arguments are scattered to every worker once.
    """
    if not items:
        return
    # (in a list: a bare collection would be scattered element by element)
    shipped = [client.scatter([a], broadcast=True)[0] if _large(a) else a for a in setup_args]
    window = 2 * _threads(client)
    batches = (items[i : i + batch] for i in range(0, len(items), batch))
    pending: deque[Any] = deque()

    def submit(b: Sequence[Any]) -> None:
        pending.append(client.submit(_run_batch, func, list(b), setup, *shipped, pure=False))

    for b in batches:
        submit(b)
        if len(pending) >= window:
            break
    while pending:
        results = pending.popleft().result()
        nxt = next(batches, None)
        if nxt is not None:
            submit(nxt)
        yield from results


def _large(value: Any) -> bool:
    return isinstance(value, (frozenset, set, list, dict, tuple)) and len(value) > 20


# -- reader analyze ---------------------------------------------------------------------


def _analyze_setup(repeated: frozenset[str] | None, max_bytes: int) -> None:
    from reader.commands import analyze

    analyze._repeated = repeated
    analyze._max_bytes = max_bytes


def analyze_mapper(client: Any) -> Callable[[Callable[[Any], Any], list[Any], int], Iterator[Any]]:
    """A drop-in for `reader.commands.analyze._map` that runs on the cluster.

    The analysis state (repeated lines, size cap) is read when the map starts, as the
    process pool's initializer does, so pass 2 sees what pass 1 found.
    """

    def mapper(func: Callable[[Any], Any], items: list[Any], jobs: int) -> Iterator[Any]:
        from reader.commands import analyze

        yield from ordered_map(client, func, items, setup=_analyze_setup,
                               setup_args=(analyze._repeated, analyze._max_bytes))

    return mapper


# -- reader export --format text --------------------------------------------------------


def _line_keys_of(where: Any) -> list[str]:
    from reader.corpus import ArticleError, read_located
    from reader.marks.text import text_keys

    try:
        return list(text_keys(read_located(where).text))
    except ArticleError:
        return []


def repeated_on(client: Any, locators: Sequence[Any], min_docs: int) -> frozenset[str]:
    """`reader.marks.repeated.repeated_lines` over the corpus, read by the workers."""
    counts: Counter[str] = Counter()
    for keys in ordered_map(client, _line_keys_of, list(locators)):
        counts.update(keys)
    return frozenset(k for k, n in counts.items() if n >= min_docs)


def _clean_setup(repeated: frozenset[str] | None, corrections: list[Any]) -> None:
    global _clean_repeated, _clean_corrections
    _clean_repeated, _clean_corrections = repeated, corrections


_clean_repeated: frozenset[str] | None = None
_clean_corrections: list[Any] = []


def _clean_one(item: tuple[str, Any]) -> tuple[str, tuple[str, str] | None, str | None]:
    """(id, (title, body), None) or (id, None, reason) for one article (on a worker)."""
    from annotations.export.cleantext import clean
    from annotations.export.corrected import corrected_marks
    from reader.corpus import DEFAULT_MAX_BYTES, ArticleError, read_located

    article_id, where = item
    size = getattr(where, "length", 0)
    try:
        text = read_located(where, max(DEFAULT_MAX_BYTES, size)).text
    except ArticleError as exc:
        return article_id, None, str(exc)
    marks = corrected_marks(text, _clean_corrections, repeated=_clean_repeated,
                            article=article_id)
    return article_id, clean(text, marks), None


def clean_on(client: Any, items: Sequence[tuple[str, Any]], repeated: frozenset[str] | None,
             corrections: list[Any]) -> Iterator[tuple[str, tuple[str, str] | None, str | None]]:
    """Cleaned (title, body) of (id, locator) items, in order; every correction of the
    store goes to each worker once (line corrections teach other articles too)."""
    yield from ordered_map(client, _clean_one, list(items), setup=_clean_setup,
                           setup_args=(repeated, list(corrections)))
