"""Paired bootstrap over pages of two `bp_estimate.py --dump-pages` runs: is a variant's
difference in line F1 / char F1 / body kept more than which pages happen to be in a set?

    python bench/bp_bootstrap.py BEFORE.json AFTER.json [--resamples N] [--seed S]

For each scenario of both files, prints after - before for the three figures and its 90 %
interval over N resamples of the scenario's pages (the same resample for both runs, so a
page-level swing counts once). Micro figures, as the benchmark's scorer computes them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path


def figures(counts: Sequence[Sequence[int]]) -> tuple[float, float, float]:
    """Line F1, char F1 and body kept of pages given as `bp_estimate._counts` rows."""
    tp, fp, fn, tpc, fpc, fnc, body, kept = (sum(c[j] for c in counts) for j in range(8))

    def f1(t: int, p: int, n: int) -> float:
        return 2 * t / (2 * t + p + n) if t else 0.0

    return f1(tp, fp, fn), f1(tpc, fpc, fnc), kept / body if body else 1.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", help="bp_estimate.py --dump-pages of the reference run")
    ap.add_argument("after", help="the same of the variant")
    ap.add_argument("--resamples", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    try:
        a_all = json.loads(Path(args.before).read_text(encoding="utf-8"))
        b_all = json.loads(Path(args.after).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"bp_bootstrap: {exc}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    lo, hi = int(args.resamples * 0.05), int(args.resamples * 0.95) - 1
    for sc, a in a_all.items():
        b = b_all.get(sc)
        if b is None or set(a) != set(b):
            continue
        names = sorted(a)
        fa, fb = figures([a[n] for n in names]), figures([b[n] for n in names])
        ds: list[list[float]] = [[], [], []]
        for _ in range(args.resamples):
            s = [rng.choice(names) for _ in names]
            ra, rb = figures([a[n] for n in s]), figures([b[n] for n in s])
            for i in range(3):
                ds[i].append(rb[i] - ra[i])
        cells = []
        for i in range(3):
            v = sorted(ds[i])
            cells.append(f"{fb[i] - fa[i]:+.4f} [{v[lo]:+.4f}, {v[hi]:+.4f}]")
        print(f"{sc:14s} " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
