"""CPU time of the three paths that rank search hits, on one index, in one run.

    python bench/bench_rankers.py CORPUS DB [--baseline-src DIR] [--runs 15]

CORPUS is a corpus and DB its annotation file path whose search index
(`annotations.search.sqlite` beside it) is built (`reader search CORPUS x --db DB`).
For each query, the process CPU time of: `SearchIndex.search` (the reference path),
`hits.word_hits` (`reader search`'s path for queries of words) and
`LiveSearch.answer` (the app's `/`, its caches emptied before each call so that every
call asks SQLite), median of --runs. `--baseline-src DIR` times the code in DIR (e.g.
`git archive HEAD~1 | tar -x -C /tmp/before`) in the same run, alternating, and prints
each path's after/before ratio; the answers of both trees must be equal.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("the", "said", "minister", '"prime minister"', "north korea", "storm OR flood",
           "budget -council", "elect*")


def child(corpus: Path, db: Path, runs: int) -> None:
    from reader.corpus import scan
    from reader.filtering import parse
    from reader.search.hits import only_words, word_hits
    from reader.search.index import SearchIndex, index_path_for
    from reader.search.live import LiveSearch

    index = SearchIndex(index_path_for(db))
    index.open()
    ids = index.all_ids()
    index_of = {a: k for k, a in enumerate(ids)}
    live = LiveSearch(index)
    out: dict[str, dict[str, object]] = {}
    for q in QUERIES:
        query = parse(q)
        paths = {"SearchIndex.search": lambda query=query: index.search(query, article_ids=ids)}
        if only_words(query):
            paths["hits.word_hits"] = lambda query=query: [h.id for h in word_hits(index, query)]

        def answer(query=query) -> list[str]:  # type: ignore[no-untyped-def]
            live._answers.clear()
            live._terms.clear()
            got = live.answer(query, index_of)
            return [ids[k] for k in got or []]

        paths["LiveSearch.answer"] = answer
        row: dict[str, object] = {}
        for name, fn in paths.items():
            result = fn()  # (warm: the page cache, the rowid map)
            times = []
            for _ in range(runs):
                t0 = time.process_time()
                fn()
                times.append(time.process_time() - t0)
            row[name] = statistics.median(times) * 1000
            row[name + " answer"] = result
        out[q] = row
    print(json.dumps(out))
    del corpus, scan


def run(src: Path, corpus: Path, db: Path, runs: int) -> dict[str, dict[str, object]]:
    env = dict(os.environ, PYTHONPATH=str(src))
    p = subprocess.run([sys.executable, str(Path(__file__).resolve()), str(corpus), str(db),
                        "--runs", str(runs), "--child"], env=env, check=True,
                       capture_output=True, text=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("db", type=Path, help="the annotation file path the index is beside")
    ap.add_argument("--baseline-src", type=Path)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.corpus, args.db, args.runs)
        return 0
    trees = [("this tree", ROOT)]
    if args.baseline_src:
        trees.insert(0, ("baseline", args.baseline_src.resolve()))
    res: dict[str, list[dict[str, dict[str, object]]]] = {t: [] for t, _ in trees}
    for _ in range(2):  # alternate, so that load on the machine falls on both
        for tag, src in trees:
            res[tag].append(run(src, args.corpus, args.db, args.runs))
    print(f"load average {os.getloadavg()[0]:.1f}; CPU ms a query, median of {args.runs} "
          "(the lower of two alternated runs)")
    names = ("SearchIndex.search", "hits.word_hits", "LiveSearch.answer")
    head = f"{'query':18} {'hits':>6}"
    for n in names:
        head += "".join(f" {n.split('.')[0][:12] + ' ' + t[:4]:>18}" for t, _ in trees)
    print(head)
    ratios: dict[str, list[float]] = {n: [] for n in names}
    for q in QUERIES:
        best = {t: {n: min(r[q][n] for r in res[t] if n in r[q]) for n in names
                    if n in res[t][0][q]} for t, _ in trees}
        answers = {json.dumps(res[t][0][q][n + " answer"]) for t, _ in trees for n in names
                   if n in res[t][0][q]}
        assert len(answers) == 1, f"the paths disagree on {q!r}"
        hits = len(res["this tree"][0][q]["SearchIndex.search answer"])  # type: ignore[arg-type]
        line = f"{q:18} {hits:>6}"
        for n in names:
            for t, _ in trees:
                v = best[t].get(n)
                line += f" {v:>18.2f}" if v is not None else f" {'-':>18}"
            if len(trees) == 2 and n in best["baseline"] and best["baseline"][n] > 0:
                ratios[n].append(best["this tree"][n] / best["baseline"][n])
        print(line)
    if len(trees) == 2:
        for n, rs in ratios.items():
            if rs:
                print(f"{n}: this tree / baseline, median over queries "
                      f"{statistics.median(rs):.2f} (range {min(rs):.2f}-{max(rs):.2f})")
    print("every path of both trees gave the same answer to every query")
    return 0


if __name__ == "__main__":
    sys.exit(main())
