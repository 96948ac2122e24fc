"""Agreement figures: `annotations.agreement` (value coding, undefined cases, then the
`krippendorff` package) against the package called directly on the same matrices.

Prints, per matrix size, the time of each and the difference between their alphas; the
baseline is the bare package in the same process on the same data, so the difference in
time is what the wrapper costs. The matrices are what `reader agree` builds per label:
coders x sentences of 0/1, with a few missing values mixed in.

    python bench/bench_agreement.py [--units 20000] [--coders 2,3,5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import math
import random
import time

import krippendorff
import numpy as np

from annotations.agreement import alpha_nominal


def _matrix(rng: random.Random, coders: int, units: int) -> list[list[int | None]]:
    truth = [rng.random() < 0.2 for _ in range(units)]
    return [
        [None if rng.random() < 0.02 else int(t if rng.random() < 0.9 else not t) for t in truth]
        for _ in range(coders)
    ]


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--coders", default="2,3,5")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(15)
    print(f"{'coders':>6} {'units':>7} {'ours s':>8} {'package s':>10} {'|diff|':>9}")
    for coders in (int(c) for c in args.coders.split(",")):
        matrix = _matrix(rng, coders, args.units)
        data = np.array([[np.nan if v is None else v for v in row] for row in matrix], float)
        ours = alpha_nominal(matrix)
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        t_ours = _best(lambda m=matrix: alpha_nominal(m), args.repeat)
        t_pkg = _best(
            lambda d=data: krippendorff.alpha(reliability_data=d, level_of_measurement="nominal"),
            args.repeat,
        )
        diff = abs((ours or 0.0) - theirs)
        print(f"{coders:>6} {args.units:>7} {t_ours:>8.3f} {t_pkg:>10.3f} {diff:>9.1e}")


if __name__ == "__main__":
    main()
