"""`reader analyze --scheduler local` (a 2-worker Dask LocalCluster) against `--jobs 1`.

    python bench/bench_dask.py [--n 600] [--corpus DIR]

Builds N articles from the dev pages (bench/make_corpus.py) unless --corpus is given, then
runs the installed `reader analyze` three ways on it: `--jobs 1` (the baseline, one
process), `--jobs 2` (the local process pool) and `--scheduler local` (a LocalCluster of two
worker processes, its start-up included). Prints wall time, MB/s and articles/s of each,
the throughput ratio of the Dask run to the serial one, and whether the outputs are the
same bytes (they must be). The machine's cores are shared: the ratio is only as good as
the CPU the runs were given, which is printed too (CPU seconds of the children).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from bench_app import reader_cmd  # noqa: E402
from make_corpus import build  # noqa: E402
from make_syndicated import DEFAULT_SOURCE  # noqa: E402


def run(corpus: Path, extra: list[str]) -> tuple[float, float, bytes]:
    """(wall seconds, CPU seconds of the children, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([reader_cmd(), "analyze", str(corpus), *extra], capture_output=True,
                         check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out.stdout


def cluster_startup() -> float:
    """Seconds to start a 2-worker LocalCluster, connect, and close it (no work)."""
    code = ("from reader.distributed import open_client\n"
            "with open_client('local') as c: c.submit(sum, [1]).result()\n")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=600, help="articles to build (default 600)")
    ap.add_argument("--corpus", type=Path, help="an existing corpus instead")
    args = ap.parse_args(argv)
    tmp = None
    corpus = args.corpus
    if corpus is None:
        tmp = Path(tempfile.mkdtemp(prefix="bench-dask-"))
        corpus = tmp / "corpus"
        build(args.n, corpus, 1000, DEFAULT_SOURCE, quiet=True)
    try:
        from reader.corpus import scan

        c = scan(corpus)
        c.finish_pending()
        n = len(c.articles)
        mb = sum(max(a.size, 0) for a in c.articles) / 1e6
        print(f"{n:,} articles, {mb:.1f} MB; {os.cpu_count()} cores on this machine")
        results = {}
        for name, extra in (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
                            ("--scheduler local", ["--scheduler", "local"])):
            wall, cpu, out = run(corpus, extra)
            results[name] = (wall, out, cpu)
            print(f"  {name:<18} {wall:7.1f} s wall  {mb / wall:6.2f} MB/s  "
                  f"{n / wall:6.1f} articles/s  ({cpu:.1f} s CPU in child processes)")
        serial_wall, serial_out, serial_cpu = results["--jobs 1"]
        dask_wall, dask_out, _ = results["--scheduler local"]
        print(f"throughput ratio, --scheduler local / --jobs 1: {serial_wall / dask_wall:.2f}x"
              f"  (--jobs 2 / --jobs 1: {serial_wall / results['--jobs 2'][0]:.2f}x)")
        startup = cluster_startup()
        print(f"LocalCluster start-up and shut-down alone: {startup:.1f} s; without it the "
              f"ratio would be {serial_wall / max(0.1, dask_wall - startup):.2f}x")
        same = dask_out == serial_out and results["--jobs 2"][1] == serial_out
        print(f"outputs identical: {same} ({len(serial_out):,} bytes)")
        print(f"serial MB/s per core: {mb / serial_wall:.2f} by wall time, "
              f"{mb / serial_cpu:.2f} per CPU second (what a dedicated core would do)")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
