"""Memory of the app's quotation cache (`annotations.quotes.json`) at corpus scale.

    python bench/bench_quote_cache.py [--articles 100000] [--baseline-src DIR]

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
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.articles, args.path)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as t:
        cols = [("this tree", ROOT)]
        if args.baseline_src:
            cols.insert(0, ("baseline", args.baseline_src.resolve()))
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
