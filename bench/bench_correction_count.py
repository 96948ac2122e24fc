"""After `z`: the count of changed lines across the corpus, with and without the cheap
pre-test that rules out articles the correction cannot reach (`reader.correction_reach`).

    python bench/bench_correction_count.py CORPUS [--corrections 5] [--seed 1]

Picks random non-blank lines of random articles as line corrections (with their template,
as the app records them), runs `reader.pipeline.remark_changes` over the whole corpus once
reading every article (the path before) and once with the pre-test (the app's path now),
says whether both gave the same lines and articles, and prints the CPU time of each and their
ratio (same process, same corpus, files in the page cache for both).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotations.learning import context_of  # noqa: E402
from annotations.model import Correction  # noqa: E402
from reader.corpus import read_article, scan  # noqa: E402
from reader.correction_reach import might_reach  # noqa: E402
from reader.pipeline import RepeatedCache, corpus_repeated, remark_changes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--corrections", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    articles = scan(args.corpus).articles
    limit = 1 << 30

    def read(a):  # type: ignore[no-untyped-def]
        return read_article(a, limit).text

    _, repeated = corpus_repeated(articles, limit, RepeatedCache(None), lambda: False)
    rng = random.Random(args.seed)
    plain_cpu = filtered_cpu = 0.0
    same = True
    for _ in range(args.corrections):
        a = rng.choice(articles)
        text = read(a)
        lines = text.split("\n")
        n = rng.choice([i for i, line in enumerate(lines) if line.strip()])
        c = Correction(id="bench", kind=rng.choice(["line_body", "line_boilerplate"]),
                       article=a.id, line=n + 1, text=lines[n],
                       value=context_of(text, n + 1, a.id))
        t0 = time.process_time()
        plain = remark_changes(articles, read, c, [], repeated)
        t1 = time.process_time()
        reach = might_reach(c)

        def reached(b, reach=reach):  # type: ignore[no-untyped-def]
            t = read(b)
            return t if reach(b.id, t) else None

        filtered = remark_changes(articles, reached, c, [], repeated)
        t2 = time.process_time()
        same = same and plain == filtered
        plain_cpu += t1 - t0
        filtered_cpu += t2 - t1
        lines_changed, changed = plain or (0, {})
        print(f"  {lines[n].strip()[:40]!r:44} {lines_changed:4} lines in {len(changed):4} "
              f"articles   every article {t1 - t0:6.2f} s   pre-tested {t2 - t1:6.2f} s")
    k = args.corrections
    print(f"{len(articles):,} articles, {k} corrections, mean CPU per count: every article "
          f"{plain_cpu / k:.2f} s, pre-tested {filtered_cpu / k:.2f} s "
          f"({plain_cpu / max(filtered_cpu, 1e-9):.1f}x less); "
          + ("same result every time" if same else "RESULTS DIFFER"))


if __name__ == "__main__":
    main()
