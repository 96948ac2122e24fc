"""Durable save latency of the annotation store against plain TinyDB, at 1k/10k/50k records.

    /work/venv/bin/python bench/bench_save.py            # 1k, 10k, 50k (about a minute)
    /work/venv/bin/python bench/bench_save.py --quick    # 1k and 10k, fewer saves

A "save" is one store mutation (add highlight, tag, status, edit note in turn), timed from
call to return, i.e. until its journal line is fsynced. The second store row runs the same
saves while the journal is folded into the TinyDB file in the background every N saves (the
default app setting is every 1000), to show what a fold running alongside costs a save.
TinyDB is measured on the same disk with the same number of records, one `insert` per
save: with its default JSONStorage (which rewrites the whole file and does not even fsync)
and with `OrjsonStorage` (atomic + fsync, what a durable plain-TinyDB design would cost).
Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinydb import TinyDB  # noqa: E402
from tinydb.storages import JSONStorage  # noqa: E402

from annotations.model import Highlight  # noqa: E402
from annotations.storage import OrjsonStorage  # noqa: E402
from annotations.store import AnnotationStore  # noqa: E402

TEXT = "The minister announced a tax cut of five percent on Tuesday, officials said. " * 40


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def fake_highlights(n: int) -> list[Highlight]:
    out = []
    for i in range(n):
        start = (i * 7) % (len(TEXT) - 80)
        out.append(
            Highlight.create(
                f"article-{i % max(1, n // 20):05d}.txt",
                TEXT,
                start,
                start + 60,
                "claim",
                f"note {i}",
            )
        )
    return out


def timed(fn: Callable[[int], object], count: int) -> list[float]:
    times = []
    for i in range(count):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def bench_store(folder: Path, n: int, saves: int, fold_every: int) -> tuple[list[float], float]:
    path = folder / "annotations.json"
    store = AnnotationStore.open(path)
    store.merge(fake_highlights(n), [], [])
    store.compact()
    store.close()
    t0 = time.perf_counter()
    store = AnnotationStore.open(path, fold_every=fold_every)
    open_s = time.perf_counter() - t0
    ids = [h.id for h in store.highlights("article-00000.txt")]

    def save(i: int) -> None:
        kind = i % 4
        article = f"article-{i % 50:05d}.txt"
        if kind == 0:
            store.add_highlight(article, TEXT, i % 500, i % 500 + 40, "claim", "bench")
        elif kind == 1:
            store.add_tags(article, [f"tag{i % 7}"])
        elif kind == 2:
            store.set_status(article, "done" if i % 8 == 2 else "skipped")
        else:
            store.update_highlight(ids[i % len(ids)], note=f"edited {i}")

    times = timed(save, saves)
    store.close()
    return times, open_s


def bench_tinydb(folder: Path, n: int, saves: int, durable: bool) -> list[float]:
    path = folder / ("tiny-durable.json" if durable else "tiny.json")
    storage = OrjsonStorage if durable else JSONStorage
    db = TinyDB(path, storage=storage)
    db.table("highlights").insert_multiple(h.to_dict() for h in fake_highlights(n))
    table = db.table("highlights")
    extra = fake_highlights(saves)
    times = timed(lambda i: table.insert(extra[i].to_dict()), saves)
    db.close()
    return times


def row(name: str, times: list[float]) -> str:
    return (
        f"  {name:<34} p50 {statistics.median(times):9.3f} ms   "
        f"p95 {percentile(times, 0.95):9.3f} ms   max {max(times):9.3f} ms   (n={len(times)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="records in the store")
    parser.add_argument("--saves", type=int, default=400, help="timed saves per size")
    parser.add_argument("--tinydb-saves", type=int, default=30, help="timed TinyDB inserts")
    parser.add_argument("--quick", action="store_true", help="1k and 10k, fewer saves")
    parser.add_argument(
        "--fold-every",
        type=int,
        default=100,
        help="for the second store row: background fold every N saves (default 100)",
    )
    parser.add_argument("--dir", help="folder to run in (default: a temp folder)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.quick:
        sizes, args.saves, args.tinydb_saves = [s for s in sizes if s <= 10000], 150, 15
    base = Path(tempfile.mkdtemp(prefix="bench-save-", dir=args.dir))
    print(f"folder: {base} (python {sys.version.split()[0]}, {os.cpu_count()} cpus)")
    try:
        for n in sizes:
            folder = base / str(n)
            (folder / "folding").mkdir(parents=True)
            ours, open_s = bench_store(folder, n, args.saves, 10**9)
            folding, _ = bench_store(folder / "folding", n, args.saves, args.fold_every)
            tiny = bench_tinydb(folder, n, args.tinydb_saves, durable=False)
            tiny_durable = bench_tinydb(folder, n, args.tinydb_saves, durable=True)
            size_mb = (folder / "annotations.json").stat().st_size / 1e6
            print(f"\n{n} annotations (file {size_mb:.1f} MB, open {open_s * 1000:.0f} ms):")
            print(row("store (journal, fsync per save)", ours))
            print(row(f"  same, folding every {args.fold_every} saves", folding))
            print(row("TinyDB JSONStorage (no fsync)", tiny))
            print(row("TinyDB + OrjsonStorage (atomic)", tiny_durable))
            p50 = statistics.median(tiny) / statistics.median(ours)
            p95 = percentile(tiny, 0.95) / percentile(ours, 0.95)
            print(f"  ratio TinyDB/store: p50 x{p50:.0f}, p95 x{p95:.0f}")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
