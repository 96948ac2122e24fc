"""The scale figures of the reader app, with targets, in one run: prints a table.

    python bench/bench_scale.py                       # seeds, 1k, 10k, 100k (~10 min, 1 GB)
    python bench/bench_scale.py --sizes 1000,10000    # quicker
    python bench/bench_scale.py --no-analyze --no-save

For each size N a corpus is built with bench/make_corpus.py (kept under --corpora, default
a temp folder that is deleted afterwards unless --keep), and bench/bench_app.py measures it
through a pseudo-terminal: time to first frame on a first start and a warm start, key-to-
frame latency in the list and in an article, filter keystrokes, opening an article, peak
RSS. Baselines measured in the same run: a minimal Textual app's time to first frame and a
bare `python -c pass`. Then, when present, bench/bench_analyze.py (`reader analyze` MB/s vs
jusText) and bench/bench_save.py (durable save latency up to 50k annotations) are run and
their output passed through. Figures are printed, never asserted; the machine is shared,
so every figure is the median of repeats where it says so.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from bench_app import first_article, isolated_env, measure, reader_cmd  # noqa: E402
from make_corpus import DEFAULT_SOURCE, build  # noqa: E402
from ptyrun import PtyApp  # noqa: E402

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("minimal-app-ready")
Minimal().run()
"""

# (figure, target, unit); a first-frame target for the seeds applies to the whole process
TARGETS_100K = {
    "first frame warm": 1.0,
    "first frame first start": 3.0,
    "key-to-frame median": 17.0,
    "filter keystroke": 50.0,
    "open article": 30.0,
    "peak RSS": 400.0,
}
SEEDS_FIRST_FRAME = 0.45


def first_frame_runs(argv: list[str], needles: tuple[str, ...], env: dict[str, str],
                     runs: int) -> list[float]:
    """Seconds to first frame for `runs` fresh processes (quit each with q)."""
    out = []
    for _ in range(runs):
        app = PtyApp(argv, env=env)
        try:
            t = app.wait_for(*needles, timeout=30)
        finally:
            app.close(b"q", timeout=10)
        if t is not None:
            out.append(t)
    return out


def baselines(runs: int) -> dict[str, float]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-base-"))
    try:
        env = isolated_env(tmp)
        minimal = first_frame_runs([sys.executable, "-c", MINIMAL_APP], ("minimal-app-ready",),
                                   env, runs)
        python = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            python.append(time.perf_counter() - t0)
        return {"minimal_textual_s": statistics.median(minimal),
                "python_s": statistics.median(python)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def seeds_figures(runs: int) -> dict[str, object]:
    seeds = REPO / "seeds"
    tmp = Path(tempfile.mkdtemp(prefix="bench-seeds-"))
    try:
        env = isolated_env(tmp)
        db = tmp / "db" / "annotations.json"
        db.parent.mkdir()
        argv = [reader_cmd(), str(seeds), "--db", str(db)]
        times = first_frame_runs(argv, first_article(seeds), env, runs)
        r = measure(seeds, keys=20)
        return {"first_frame_median_s": statistics.median(times), "runs": times, "app": r}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def ms(d: object, key: str = "median") -> float:
    return float(d.get(key, float("nan"))) if isinstance(d, dict) else float("nan")


def verdict(value: float, target: float) -> str:
    if value != value:
        return "n/a"
    return "met" if value <= target else "MISSED"


def run_script(name: str, args: list[str]) -> None:
    script = BENCH / name
    if not script.exists():
        print(f"\n({name} not present: skipped)")
        return
    print(f"\n=== {name} {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, str(script), *args], cwd=REPO)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--corpora", type=Path, help="where to build corpora (default: temp)")
    ap.add_argument("--keep", action="store_true", help="keep the corpora")
    ap.add_argument("--keys", type=int, default=40, help="list keys per run")
    ap.add_argument("--runs", type=int, default=5, help="repeats of small first-frame runs")
    ap.add_argument("--no-analyze", action="store_true")
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    corpora = args.corpora or Path(tempfile.mkdtemp(prefix="bench-corpora-"))
    corpora.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}; corpora in {corpora}")

    base = baselines(args.runs)
    print(f"baseline: python -c pass {base['python_s']:.3f} s; minimal Textual app first "
          f"frame {base['minimal_textual_s']:.3f} s (median of {args.runs})", flush=True)
    seeds = seeds_figures(args.runs)
    print(f"seeds: first frame {seeds['first_frame_median_s']:.3f} s (median of {args.runs})",
          flush=True)

    results: dict[int, dict[str, object]] = {}
    try:
        for n in sizes:
            dest = corpora / f"c{n}"
            if not (dest / f"f{(n - 1) // 1000:04d}" / f"a{n - 1:07d}.txt").exists():
                t0 = time.perf_counter()
                mb = build(n, dest, 1000, DEFAULT_SOURCE, quiet=True) / 1e6
                print(f"built {n:,} articles ({mb:.0f} MB) in {time.perf_counter() - t0:.1f} s",
                      flush=True)
            results[n] = measure(dest, keys=args.keys)
            cold = results[n]["cold"]
            print(f"N={n:,}: first frame {cold.get('first_frame_s')}", flush=True)
    finally:
        if not args.keep and not args.corpora:
            shutil.rmtree(corpora, ignore_errors=True)

    # -- the table ----------------------------------------------------------------
    rows: list[tuple[str, str, list[float], float | None]] = [
        ("first frame, first start", "s", [], TARGETS_100K["first frame first start"]),
        ("first frame, warm (cache)", "s", [], TARGETS_100K["first frame warm"]),
        ("  ratio to minimal Textual app (warm)", "x", [], None),
        ("titles indexed, first start", "s", [], None),
        ("titles indexed, warm", "s", [], None),
        ("list j: key-to-frame median", "ms", [], TARGETS_100K["key-to-frame median"]),
        ("list j: p95", "ms", [], None),
        ("list j: settled median", "ms", [], None),
        ("article j: key-to-frame median", "ms", [], TARGETS_100K["key-to-frame median"]),
        ("article space: key-to-frame median", "ms", [], TARGETS_100K["key-to-frame median"]),
        ("article j/space: settled median", "ms", [], None),
        ("filter keystroke: settled median", "ms", [], TARGETS_100K["filter keystroke"]),
        ("filter keystroke: settled p95", "ms", [], None),
        ("open article: key-to-frame median", "ms", [], TARGETS_100K["open article"]),
        ("open article: settled median", "ms", [], None),
        ("peak RSS (max of runs)", "MB", [], TARGETS_100K["peak RSS"]),
    ]
    seeds_app = seeds["app"]
    columns = [("seeds", seeds_app)] + [(f"{n // 1000}k", results[n]) for n in sizes]
    for _, r in columns:
        cold, warm = r["cold"], r["warm"]
        j_settled = statistics.median(
            [ms(cold.get("article_j_settled")), ms(cold.get("article_space_settled"))])
        values = [
            cold.get("first_frame_s") or float("nan"),
            warm.get("first_frame_s") or float("nan"),
            (warm.get("first_frame_s") or float("nan")) / base["minimal_textual_s"],
            cold.get("indexed_s") or float("nan"),
            warm.get("indexed_s") or float("nan"),
            ms(cold.get("list_j")),
            ms(cold.get("list_j"), "p95"),
            ms(cold.get("list_j_settled")),
            ms(cold.get("article_j")),
            ms(cold.get("article_space")),
            j_settled,
            ms(cold.get("filter_key_settled")),
            ms(cold.get("filter_key_settled"), "p95"),
            ms(cold.get("open_article")),
            ms(cold.get("open_article_settled")),
            max(cold.get("peak_rss_mb") or 0, warm.get("peak_rss_mb") or 0) or float("nan"),
        ]
        for row, v in zip(rows, values, strict=True):
            row[2].append(v)
    names = [c for c, _ in columns]
    print("\n" + f"{'figure':<40}" + "".join(f"{c:>10}" for c in names)
          + f"{'target':>10}  at {names[-1]}")
    for label, unit, vals, target in rows:
        fmt = (lambda v: f"{v:10.3f}") if unit == "s" else (lambda v: f"{v:10.1f}")
        line = f"{label + ' (' + unit + ')':<40}" + "".join(fmt(v) for v in vals)
        if target is not None:
            line += f"{target:10g}  {verdict(vals[-1], target)}"
        print(line)
    sf = seeds["first_frame_median_s"]
    print(f"{'seeds first frame, whole process (s)':<40}{sf:10.3f}" + " " * 10 * (len(names) - 1)
          + f"{SEEDS_FIRST_FRAME:10g}  {verdict(sf, SEEDS_FIRST_FRAME)}")
    print("\nkey-to-frame: key written to the pty -> last byte of the first answering burst "
          "(5 ms of silence ends it); settled: -> last byte before 50 ms of silence (every "
          "frame the key caused). See bench/ptyrun.py.")

    if not args.no_analyze:
        run_script("bench_analyze.py", [])
    if not args.no_save:
        run_script("bench_save.py", [])
    return 0


if __name__ == "__main__":
    sys.exit(main())
