"""What a change of the corpus evidence costs the search index (issue 14, one pipeline).

    python bench/bench_search_evidence.py --n 2000      # a make_corpus.py corpus in /tmp
                                                        # (pages from $READER_EVAL)
    python bench/bench_search_evidence.py --corpus DIR  # an existing corpus

The index splits every article with the corpus's repeated lines and every correction.
When those change, an article whose file did not change is only *checked* (its evidence
stamp recomputed: a read, the line keys, the learned verdicts) and re-extracted only when
the stamp differs. Printed, in one run, on one core (jobs=1, no worker processes):

1. baseline: a full build (detection of every article);
2. a repeated line drops out of the set (what an edit or a new article can do);
3. a line correction is added whose text occurs in a handful of articles.

with, for 2 and 3, how many articles were re-extracted and the time against the baseline.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles to generate")
    parser.add_argument("--corpus", type=Path, help="an existing corpus (not written to)")
    args = parser.parse_args()

    from annotations.learning import context_of
    from annotations.model import Correction, CorrectionKind, new_id
    from reader.corpus import locator, read_located, scan
    from reader.marks.text import text_keys
    from reader.pipeline import count_corpus_lines, repeated_from_counts
    from reader.search.index import SearchIndex

    tmp = Path(tempfile.mkdtemp(prefix="bench-evidence-"))
    root = args.corpus
    if root is None:
        root = tmp / "corpus"
        source = Path(os.environ.get("READER_EVAL", BENCH.parent.parent / "shared" / "eval"))
        subprocess.run([sys.executable, str(BENCH / "make_corpus.py"), "-q", str(args.n),
                        str(root), "--source", str(source / "boilerplate" / "dev")],
                       check=True)
    corpus = scan(root)
    articles = [(a.id, locator(a), a.size, a.mtime_ns) for a in corpus.articles]
    counts = count_corpus_lines([(a.id, locator(a)) for a in corpus.articles], 20 << 20)
    assert counts is not None
    repeated = repeated_from_counts(counts, len(articles))
    assert repeated, "no repeated lines in this corpus"

    index = SearchIndex(tmp / "index.sqlite")
    index.open()
    t = time.perf_counter()
    index.update(articles, (), repeated=repeated, jobs=1, processes=False)
    full = time.perf_counter() - t

    def written() -> dict[str, str]:
        return dict(index.db.execute("SELECT id, stamp FROM docs"))

    def timed(corrections: list[Correction], rep: frozenset[str] | None) -> tuple[float, int]:
        before = written()
        t = time.perf_counter()
        index.update(articles, corrections, repeated=rep, jobs=1, processes=False)
        after = written()
        return time.perf_counter() - t, sum(1 for k, v in after.items() if before.get(k) != v)

    # 2. the least common repeated line leaves the set
    rare = min(repeated, key=lambda k: (counts[k], k))
    smaller = repeated - {rare}
    drop_t, drop_n = timed([], smaller)
    # 3. a line correction on a line found in a few articles (below the repeat threshold)
    few = Counter({k: n for k, n in counts.items() if n == 2})
    key = min(few) if few else min(counts, key=lambda k: (counts[k], k))
    target = text = line_no = None
    for a in corpus.articles:
        text = read_located(locator(a), 20 << 20).text
        if key in text_keys(text):
            lines = text.split("\n")
            from reader.marks.text import text_line_keys

            line_no = text_line_keys(text).index(key) + 1
            target = a
            break
    assert target is not None and text is not None and line_no is not None
    c = Correction(new_id(), CorrectionKind.LINE_BOILERPLATE.value, target.id, line=line_no,
                   text=lines[line_no - 1], value=context_of(text, line_no, target.id))
    corr_t, corr_n = timed([c], smaller)
    index.close()

    n = len(articles)
    print(f"corpus: {n:,} articles, {len(repeated):,} repeated lines")
    print(f"{'case':<44}{'seconds':>9}{'re-extracted':>14}{'vs full':>9}")
    print(f"{'1. full build (baseline)':<44}{full:>9.2f}{n:>14,}{1:>9.2f}")
    print(f"{'2. one repeated line leaves the set':<44}{drop_t:>9.2f}{drop_n:>14,}"
          f"{drop_t / full:>9.2f}")
    print(f"{'3. one line correction (line in 2 articles)':<44}{corr_t:>9.2f}{corr_n:>14,}"
          f"{corr_t / full:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
