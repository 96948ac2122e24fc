"""Memory of the app's quotation cache (`annotations.quotes.json`) at corpus scale.

    python bench/bench_quote_cache.py [--articles 100000] [--baseline-src DIR]
    python bench/bench_quote_cache.py --app CORPUS [--baseline-src DIR] [--runs 2]

The app keeps every article's named quotations in memory for the overview's speakers
(`reader.tui.evidence`): it loads the cache when it opens a corpus, counts speakers when
`V` is pressed, and writes the cache when the background pass ends. This bench writes a
synthetic cache for N articles (ids, sizes and mtimes as a scraped corpus has them; 0-3
quotations an article, speakers drawn Zipf-like from ~4,000 names: ~9 MB at 100,000
articles, the size seen on a real 100k corpus), then in a fresh process measures the peak
resident set (VmHWM) and what stays resident after each step: load, overview, save.

`--baseline-src DIR` runs the same steps with the code in DIR (e.g. the previous commit:
`git archive HEAD~1 | tar -x -C /tmp/before`), each tree reading the file its own code
wrote, in the same run, so the two columns compare on one machine state.

`--app CORPUS` measures the whole app instead (e.g. on `make_corpus.py 100000`): the
caches a finished background pass leaves are written for CORPUS without analysing it
(titles from each file's first line, a share of 0.3, the repeated lines counted for real,
the synthetic quotations above under the corpus's ids), then the app is started on it in
a pseudo-terminal (bench/ptyrun.py), `V` is pressed until the overview counts the
speakers of every article, and its peak RSS is read; trees alternate, --runs each. The
summary and repeated-line caches are written by this tree's code: the baseline must read
the same formats (true while reader/cache.py and reader/pipeline.py keep them).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Stub:
    __slots__ = ("id", "size", "mtime_ns")

    def __init__(self, id: str, size: int, mtime_ns: int) -> None:
        self.id, self.size, self.mtime_ns = id, size, mtime_ns


def stubs(n: int) -> list[Stub]:
    base = 1_733_581_234_000_000_000
    return [Stub(f"f{i // 1000:04d}/a{i:06d}.txt", 2000 + (i * 7919) % 9000, base + i * 1_000_003)
            for i in range(n)]


def synthetic_quotes(articles: list[Stub]) -> dict[str, list[list[object]]]:
    import random

    rnd = random.Random(16)
    first = ["Ann", "Bo", "Carla", "Dmitri", "Eva-Marie", "Farid", "Grace", "Hiro", "Ines", "Jon"]
    last = [f"{a}{b}" for a in ("Lee", "Kim", "Park", "Smith", "Olsen", "Persson", "Diaz")
            for b in ("", "son", "berg", "ova", "ez", "ford", "wick")]
    names = [f"{f} {m}{s}" for f in first for m in ("", "J. ", "K. ", "de ", "van ", "Al-",
             "Mc", "O'") for s in last]
    names = names + ["the North Korean government", "Kim Jong Un", "Donald Trump"]
    weights = [1 / (i + 1) for i in range(len(names))]
    out: dict[str, list[list[object]]] = {}
    for a in articles:
        k = rnd.choice((0, 0, 1, 1, 2, 3))
        rows, pos = [], rnd.randrange(50, 400)
        for who in rnd.choices(names, weights, k=k):
            end = pos + rnd.randrange(30, 300)
            rows.append([pos, end, who])
            pos = end + rnd.randrange(50, 800)
        out[a.id] = rows
    return out


def rss() -> tuple[float, float]:
    """(current, peak) resident set in MB."""
    cur = peak = 0.0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                cur = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return cur, peak


def child(mode: str, n: int, path: Path) -> None:
    import gc

    from reader.overview import QuoteCache, build_overview

    articles = stubs(n)
    cache = QuoteCache(path)
    if mode == "write":
        assert cache.save("ctx", articles, synthetic_quotes(articles))
        return
    figures: dict[str, float] = {}
    figures["start"], _ = rss()
    quotes = cache.load("ctx", articles)
    assert len(quotes) == n, len(quotes)
    gc.collect()
    figures["kept after load"], figures["peak after load"] = rss()
    ids = [a.id for a in articles]
    snapshot = quotes.copy() if hasattr(quotes, "copy") else dict(quotes)  # as the screen does
    ov = build_overview(ids, [], [], [None] * n, snapshot, [])
    assert ov.speakers and ov.speakers_known == n
    del snapshot
    gc.collect()
    figures["kept after overview"], figures["peak after overview"] = rss()
    assert cache.save("ctx", articles, quotes)
    gc.collect()
    figures["kept after save"], figures["peak after save"] = rss()
    figures["file MB"] = path.stat().st_size / 1e6
    figures["top speaker"] = ov.speakers[0].count
    print(json.dumps(figures))


def prepare_app(corpus: Path, db: Path, what: str) -> None:
    """The caches of a finished background pass for `corpus` beside `db` (see --app)."""
    from reader.cache import Summary, SummaryCache, cache_path_for
    from reader.corpus import DEFAULT_MAX_BYTES, first_line_title, read_article, scan
    from reader.overview import QuoteCache, quote_cache_path_for
    from reader.pipeline import (
        RepeatedCache,
        corpus_repeated,
        digest,
        repeated_cache_path_for,
    )

    db.parent.mkdir(parents=True, exist_ok=True)
    articles = scan(corpus).articles
    summaries = cache_path_for(db)
    done, repeated = corpus_repeated(articles, DEFAULT_MAX_BYTES,
                                     RepeatedCache(repeated_cache_path_for(summaries)))
    assert done
    if what == "summaries":
        cache = SummaryCache(summaries)
        cache.set_context(digest(repeated))
        for a in articles:
            text = read_article(a).text
            cache.put(a.id, Summary(a.size, a.mtime_ns, first_line_title(text),
                                    len(text.split()) or 1, 0.3))
        assert cache.save()
    else:
        stubs_ = [Stub(a.id, a.size, a.mtime_ns) for a in articles]
        assert QuoteCache(quote_cache_path_for(summaries)).save(
            digest(repeated), stubs_, synthetic_quotes(stubs_))


def app_peak(corpus: Path, home: Path, src: Path | None) -> dict[str, object]:
    """Peak RSS of the app on `corpus` once the overview counts every article's speakers."""
    import re
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_app import first_article, isolated_env, reader_cmd
    from ptyrun import PtyApp

    env = isolated_env(home)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    app = PtyApp([reader_cmd(), str(corpus), "--db", str(home / "db" / "annotations.json")],
                 env=env)
    out: dict[str, object] = {}
    try:
        app.wait_for(*first_article(corpus), timeout=120)
        deadline = time.perf_counter() + 600
        while time.perf_counter() < deadline:
            app.key(b"V")
            app.wait_until(lambda s: "Most quoted speakers" in s, timeout=30)
            app.drain(0.3, 5)
            m = re.search(r"quotations; ([\d,]+) of ([\d,]+) articles", app.text())
            if m and m.group(1) == m.group(2):
                out["counted_after_s"] = time.perf_counter() - app.t0
                break
            app.key(b"\x1b", settle=0.2)
            time.sleep(2)
        app.drain(1.0, 5)
        out["peak_rss_mb"] = app.peak_rss_mb()
        app.key(b"\x1b", settle=0.2)
    finally:
        out["exit_status"] = app.close(b"q", timeout=60)
    return out


def run_app(corpus: Path, trees: list[tuple[str, Path]], runs: int, tmp: Path) -> None:
    me = [sys.executable, str(Path(__file__).resolve())]
    corpus = corpus.resolve()
    first = tmp / "shared" / "db" / "annotations.json"
    subprocess.run([*me, "--child", "summaries", "--path", str(first), "--app", str(corpus)],
                   env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
    homes = {}
    for tag, src in trees:
        home = tmp / tag.replace(" ", "-")
        (home / "db").mkdir(parents=True)
        for f in first.parent.iterdir():
            (home / "db" / f.name).write_bytes(f.read_bytes())
        subprocess.run([*me, "--child", "quotes", "--path", str(home / "db" / "annotations.json"),
                        "--app", str(corpus)], env=dict(os.environ, PYTHONPATH=str(src)),
                       check=True)
        homes[tag] = home
    peaks: dict[str, list[float]] = {tag: [] for tag, _ in trees}
    for _ in range(runs):
        for tag, src in trees:
            r = app_peak(corpus, homes[tag], src)
            if r.get("counted_after_s") is None:
                print(f"{tag}: the overview never counted every article: {r}")
            peaks[tag].append(float(r["peak_rss_mb"] or "nan"))  # type: ignore[arg-type]
    size = (homes[trees[-1][0]] / "db" / "annotations.quotes.json").stat().st_size
    print(f"the app on {corpus} (warm start, quotation cache {size / 1e6:.1f} MB, overview "
          f"open), peak RSS in MB, load average {os.getloadavg()[0]:.1f}:")
    for tag, ps in peaks.items():
        print(f"  {tag:10} " + "  ".join(f"{p:.0f}" for p in ps))


def run(src: Path, n: int, tmp: Path, tag: str) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    path = tmp / f"{tag}.quotes.json"
    me = [sys.executable, str(Path(__file__).resolve())]
    subprocess.run([*me, "--child", "write", "--articles", str(n), "--path", str(path)],
                   env=env, check=True, cwd=tmp)
    p = subprocess.run([*me, "--child", "measure", "--articles", str(n), "--path", str(path)],
                       env=env, check=True, cwd=tmp, capture_output=True, text=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--articles", type=int, default=100_000, help="articles in the corpus")
    ap.add_argument("--baseline-src", type=Path, help="a source tree to compare against")
    ap.add_argument("--app", type=Path, metavar="CORPUS",
                    help="measure the whole app on CORPUS instead (see above)")
    ap.add_argument("--runs", type=int, default=2, help="app runs per tree (--app)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child and args.app:
        prepare_app(args.app, args.path, args.child)
        return 0
    if args.child:
        child(args.child, args.articles, args.path)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as t:
        cols = [("this tree", ROOT)]
        if args.baseline_src:
            cols.insert(0, ("baseline", args.baseline_src.resolve()))
        if args.app:
            run_app(args.app, cols, args.runs, Path(t))
            return 0
        res = {tag: run(src, args.articles, Path(t), tag.replace(" ", "-")) for tag, src in cols}
    keys = list(next(iter(res.values())))
    print(f"quotation cache, {args.articles:,} articles (MB; 'kept' = resident after the step)")
    print(f"{'':24}" + "".join(f"{tag:>12}" for tag in res))
    for k in keys:
        print(f"{k:24}" + "".join(f"{res[tag][k]:12.1f}" for tag in res))
    if len(res) == 2:
        b, a = res["baseline"], res["this tree"]
        for k in ("peak after save", "kept after load"):
            grow_b, grow_a = b[k] - b["start"], a[k] - a["start"]
            print(f"{k} above start: {grow_b:.1f} → {grow_a:.1f} MB "
                  f"({grow_a / grow_b:.0%} of baseline)" if grow_b > 0 else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
