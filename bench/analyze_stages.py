"""Where `reader analyze`'s CPU time goes, stage by stage, for this tree and (optionally)
another one, alternated.

    python bench/analyze_stages.py CORPUS [--limit N] [--repeat N] [--old TREE]
                                          [--no-regex-cache]

Each run is a fresh process doing what `reader analyze --jobs 1` does (imports, pass 1:
line keys and the corpus's repeated lines; pass 2: `analyze` of every article in
file order; the JSON lines), with `time.process_time` around each stage. A stage's time is
its own, without the stages it calls (they are listed on their own lines), so the column
adds up to the run. "regex compilation" is the time in `re`'s compiler, wherever it was
called from (at import or during the run); it is not also counted in the stage that
called it. CPU time, not wall time: five developers share two cores here.

`--old TREE` (an export of main: `git archive main | tar -x -C /tmp/old`) runs the same
from that tree, alternated with this one's runs; each stage's best of `--repeat` runs
(default 3) is shown. Stages a tree does not have show as "-".
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# (module, function, label); wrapped where they are looked up at call time (the module's
# globals, and `reader.marks`' names imported from it)
STAGES = [
    ("reader.marks.furniture", "furniture_lines", "furniture patterns"),
    ("reader.marks.boilerplate", "analyze_lines", "boilerplate: rest of analyze_lines"),
    ("reader.marks.features", "text_features", "boilerplate: text features"),
    ("reader.marks.boilerplate", "topic_overlap", "boilerplate: topic overlap"),
    ("reader.marks.boilerplate", "_context_dots", "boilerplate: context scores"),
    ("reader.marks.boilerplate", "main_regions", "boilerplate: runs (main_regions)"),
    ("reader.marks.boilerplate", "list_runs", "boilerplate: list runs"),
    ("reader.marks.smoothing", "block_verdicts", "boilerplate: block verdicts"),
    ("reader.marks.islands", "islands_below", "boilerplate: islands"),
    ("reader.marks.headline", "article_start", "headline: article_start"),
    ("reader.marks.headline", "title_rows", "headline: title_rows"),
    ("reader.marks.headline", "toc_lines", "headline: toc_lines"),
    ("reader.marks.headline", "corpus_lines", "headline: corpus_lines"),
    ("reader.marks.headline", "pick_line", "headline: pick_line"),
    ("reader.marks", "_find_quotes", "quotes: rest of _find_quotes"),
    ("reader.marks", "_turns", "quotes: transcript turns"),
    ("reader.marks.speakers", "reporters", "quotes: reporters"),
    ("reader.marks.kind_page", "page_features", "quotes: page features (kind)"),
    ("reader.marks.roundups", "roundup_speakers", "quotes: round-up speakers"),
    ("reader.marks", "_note", "quotes: _note"),
    ("reader.marks.speakers", "note_names", "quotes: note_names"),
    ("reader.marks", "_attribute_line", "quotes: _attribute_line"),
    ("reader.marks.quotes", "line_spans", "quotes: line_spans"),
    ("reader.marks.speakers", "attribute", "quotes: attribute"),
    ("reader.marks.speakers", "clean_name", "quotes: clean_name"),
    ("reader.marks.speakers", "full_names", "quotes: full_names"),
    ("reader.marks", "_complete_surnames", "quotes: _complete_surnames"),
    ("reader.marks", "_headline_roles", "quotes: headline roles"),
]

CHILD = r"""
import sys, time
T0 = time.process_time()
import gc
gc.disable()
from collections import defaultdict
acc = defaultdict(float)
stack = []

def timed(f, label):
    def w(*a, **k):
        t = time.process_time()
        stack.append(0.0)
        try:
            return f(*a, **k)
        finally:
            d = time.process_time() - t
            inner = stack.pop()
            acc[label] += d - inner
            if stack:
                stack[-1] += d
    return w

import re._compiler as _c
_c.compile = timed(_c.compile, "regex compilation")
stack.append(0.0)
import importlib
import orjson
import reader.cli, reader.commands.analyze
import reader.marks as M
from reader.marks.text import text_line_keys
from reader.pipeline import repeated_from_counts
acc["interpreter start + imports"] = time.process_time() - T0 - stack.pop()
stages, corpus, limit = __import__("json").loads(sys.argv[1])
for mod, name, label in stages:
    try:
        m = importlib.import_module(mod)
    except ImportError:
        continue
    f = getattr(m, name, None)
    if f is None:
        continue
    w = timed(f, label)
    for holder in {m, M, *[sys.modules[k] for k in list(sys.modules)
                          if k.startswith("reader.marks")]}:
        if getattr(holder, name, None) is f:
            setattr(holder, name, w)
from pathlib import Path
from collections import Counter
files = sorted(Path(corpus).glob("*.txt"))[:limit]
t = time.process_time()
stack.append(0.0)
texts = [f.read_text(encoding="utf-8") for f in files]
counts = Counter()
keys = []
for tx in texts:
    lk = text_line_keys(tx)
    s = set(lk)
    s.discard("")
    counts.update(s)
    keys.append(lk)
rep = repeated_from_counts(counts, len(texts), 3)
acc["pass 1: read, line keys, repeated lines"] = time.process_time() - t - stack.pop()
t = time.process_time()
stack.append(0.0)
out = [M.analyze(tx, repeated=rep, line_keys=k) for tx, k in zip(texts, keys)]
acc["analyze: the rest (_analyze's own lines)"] = time.process_time() - t - stack.pop()
t = time.process_time()
b = b"".join(orjson.dumps(m.to_json(f.stem), option=orjson.OPT_APPEND_NEWLINE)
             for m, f in zip(out, files))
acc["JSON lines"] = time.process_time() - t
print(__import__("json").dumps(acc))
"""


def child(tree: Path, corpus: Path, limit: int | None, env: dict[str, str]) -> dict[str, float]:
    """Stage times (seconds) of one run from `tree`."""
    arg = json.dumps([STAGES, str(corpus), limit])
    done = subprocess.run([sys.executable, "-c", CHILD, arg], cwd=tree, capture_output=True,
                          text=True, env={**env, "PYTHONPATH": str(tree)}, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="the first N files only")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--old", type=Path, default=None, metavar="TREE")
    ap.add_argument("--no-regex-cache", action="store_true",
                    help="READER_REGEX_CACHE=0: every process compiles its regexes")
    args = ap.parse_args(argv)
    if not sorted(args.corpus.glob("*.txt")):
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    if args.old is not None and not (args.old / "reader" / "__main__.py").is_file():
        print(f"not a reader source tree: {args.old}", file=sys.stderr)
        return 2
    env = dict(os.environ)
    if args.no_regex_cache:
        env["READER_REGEX_CACHE"] = "0"
    trees = {"new": REPO}
    if args.old is not None:
        trees = {"old": args.old.resolve(), "new": REPO}
    best: dict[str, dict[str, float]] = {t: {} for t in trees}
    totals: dict[str, float] = dict.fromkeys(trees, float("inf"))
    load0 = os.getloadavg()
    for _ in range(args.repeat):
        for tag, tree in trees.items():
            got = child(tree, args.corpus.resolve(), args.limit, env)
            totals[tag] = min(totals[tag], sum(got.values()))
            for k, v in got.items():
                best[tag][k] = min(best[tag].get(k, float("inf")), v)
    load1 = os.getloadavg()
    labels = sorted({k for b in best.values() for k in b},
                    key=lambda k: -max(b.get(k, 0.0) for b in best.values()))
    n = len(sorted(args.corpus.glob("*.txt"))[: args.limit])
    print(f"{n} files of {args.corpus}; CPU ms, best of {args.repeat} alternated runs per "
          f"stage; load average {load0[0]:.2f} -> {load1[0]:.2f}")
    head = "  ".join(f"{t:>8s}" for t in trees)
    print(f"  {head}  stage")
    for k in labels:
        cells = "  ".join(f"{best[t][k] * 1000:8.1f}" if k in best[t] else f"{'-':>8s}"
                          for t in trees)
        print(f"  {cells}  {k}")
    cells = "  ".join(f"{totals[t] * 1000:8.1f}" for t in trees)
    print(f"  {cells}  total (best run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
