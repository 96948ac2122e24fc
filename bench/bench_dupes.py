"""Syndicated-copy grouping: precision and recall on synthetic sets, and the cost at 100k.

    python bench/bench_dupes.py [--n 100000] [--threshold J] [--jobs 1]

1. Quality. Two synthetic sets from `bench/make_syndicated.py`: the dev pages (seed 1:
   the set the defaults were chosen on) and the train pages (seed 3: out of sample, nothing
   was tuned on them). Pairwise precision and recall of `reader.dupes` (bodies: the marks'
   body lines) against the baseline of the same MinHash LSH over the whole page text (no
   boilerplate removed). Targets: precision ≥ 0.95, recall ≥ 0.90.
2. Cost. Per article, reading + marks + shingles + MinHash is measured on the synthetic
   set (one process). Grouping (LSH insert and query, union-find) is measured on N
   signatures: the measured ones plus random signatures standing for distinct articles
   (a distinct article shares no buckets with the others, as random values do), with one
   article in 20 a perturbed copy of another. Time and peak memory of grouping are printed;
   the whole 100k cost is per-article time × N / cores + grouping.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from make_syndicated import DEFAULT_SOURCE, build  # noqa: E402

from reader.corpus import locator, open_corpus, read_located  # noqa: E402
from reader.dupes import (  # noqa: E402
    DEFAULT_THRESHOLD,
    NUM_PERM,
    corpus_signatures,
    group,
    signature,
)


def pairs(groups: list[list[str]] | list[tuple[str, ...]]) -> set[tuple[str, str]]:
    out = set()
    for g in groups:
        ids = sorted(g)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                out.add((a, b))
    return out


def score(found: list[tuple[str, ...]], truth: list[list[str]]) -> tuple[float, float]:
    p, t = pairs(found), pairs(truth)
    tp = len(p & t)
    return (tp / len(p) if p else 1.0), (tp / len(t) if t else 1.0)


def quality(name: str, source: Path, seed: int, stories: int, threshold: float, jobs: int,
            tmp: Path) -> list[tuple[str, float]]:
    dest = tmp / name
    truth = build(source, dest, stories, seed)
    corpus = open_corpus(dest, read=False)
    items = [(a.id, locator(a)) for a in corpus.articles]
    t0 = time.perf_counter()
    c0 = time.process_time()
    sigs = list(corpus_signatures(items, jobs=jobs))
    # CPU time of this process (jobs=1): the machine is shared, wall time is not the cost
    per_article = (time.process_time() - c0 if jobs == 1 else time.perf_counter() - t0
                   ) / len(items)
    p, r = score([g.articles for g in group(sigs, threshold)], truth["groups"])
    whole = [(i, signature(read_located(w).text)) for i, w in items]
    bp, br = score([g.articles for g in group(whole, threshold)], truth["groups"])
    n_groups = len(truth["groups"])
    print(f"{name:<28} {len(items):>5} articles {n_groups:>3} true groups   "
          f"bodies: P {p:.3f} R {r:.3f}   baseline whole page: P {bp:.3f} R {br:.3f}")
    return [(name, per_article)], sigs  # type: ignore[return-value]


def grouping_cost(real: list[tuple[str, np.ndarray | None]], n: int, threshold: float
                  ) -> None:
    rng = np.random.default_rng(0)
    sigs: list[tuple[str, np.ndarray | None]] = list(real)
    base = [s for _, s in real if s is not None]
    i = 0
    while len(sigs) < n:
        if i % 20 == 19 and base:  # a copy: 10% of its hash values changed
            src = base[rng.integers(len(base))].copy()
            idx = rng.choice(NUM_PERM, NUM_PERM // 10, replace=False)
            src[idx] = rng.integers(0, 2**32 - 1, len(idx), dtype=np.uint32)
            sigs.append((f"copy{i}", src))
        else:
            s = rng.integers(0, 2**32 - 1, NUM_PERM, dtype=np.uint32)
            base.append(s)
            sigs.append((f"r{i}", s))
        i += 1
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    groups = group(sigs, threshold)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sig_mb = n * NUM_PERM * 4 / 1e6
    print(f"grouping {n:,} signatures: {dt:.1f} s wall, {cpu:.1f} s CPU; peak RSS "
          f"{rss1:.0f} MB (+{rss1 - rss0:.0f} MB while grouping; the signatures alone "
          f"{sig_mb:.0f} MB), {len(groups):,} groups")
    return cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles for the cost figure")
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--jobs", type=int, default=1, help="processes for the signatures")
    args = ap.parse_args(argv)
    train = DEFAULT_SOURCE.parent / "train"
    with tempfile.TemporaryDirectory(prefix="syndicated-") as d:
        tmp = Path(d)
        print(f"threshold {args.threshold}, {NUM_PERM} permutations, 5-word shingles")
        costs, sigs = quality("dev (seed 1, tuned on)", DEFAULT_SOURCE, 1, 40,
                              args.threshold, args.jobs, tmp)
        if train.is_dir():
            quality("train (seed 3, out of sample)", train, 3, 60, args.threshold,
                    args.jobs, tmp)
        per = costs[0][1]
        print(f"per article (read, marks, shingles, MinHash; {args.jobs} process): "
              f"{per * 1000:.1f} ms")
        dt = grouping_cost(sigs, args.n, args.threshold)
        cores = os.cpu_count() or 1
        total = per * args.n / (cores if args.jobs > 1 else 1) + dt
        print(f"{args.n:,} articles: about {total / 60:.1f} min of CPU "
              f"({per * args.n / 60:.1f} min of signatures on one core, "
              f"{dt:.0f} s grouping in one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
