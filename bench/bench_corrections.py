"""Learning from corrections: does a coder's `z` on a few pages of a site fix its other pages?

Simulation, per labelled set (`dev`, `train` of ../shared/eval/boilerplate, or
$READER_EVAL/boilerplate): the set is the corpus (its repeated lines found as `reader analyze`
finds them). Pages are grouped into sites by the web domain of their `url` in gold.jsonl;
of every site with at least two pages, the first half (at least one page, by file name)
is "coded": on each, a simulated coder looks at the marks the app shows (the one pipeline,
`reader.pipeline.article_marks`, with every correction made so far) and corrects the
first wrong line with `z`, k times (or until no line is wrong). The correction is exactly
what the app records (`annotations.learning.context_of`). The other pages of those sites
were never looked at: their boilerplate line F1 (positive class boilerplate, micro over
labelled lines, as `score_boilerplate.py` counts it) is printed before and after, and
the same for every page of the set outside those sites ("rest": what the corrections
might break elsewhere).

Two layouts: `flat` (every page in one folder, as the sets ship: the template rule then
spans the whole corpus, held back only by its neighbours) and `folders` (one folder per
site, the layout the rule's "same site" is made for).

    python bench/bench_corrections.py [--sets dev train] [--k 1 3 5 10]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from annotations.learning import context_of, learned_verdicts  # noqa: E402
from annotations.model import Correction  # noqa: E402
from reader.marks.repeated import repeated_lines  # noqa: E402
from reader.pipeline import MIN_REPEAT, article_marks  # noqa: E402


def load(folder: Path) -> tuple[dict[str, str], dict[str, dict[int, bool]], dict[str, str]]:
    """(file → text, file → {line: is boilerplate}, file → domain)."""
    texts, gold, domain = {}, {}, {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        f = rec["file"]
        texts[f] = (folder / f).read_text(encoding="utf-8")
        gold[f] = {int(n): lab == "boilerplate" for n, lab in rec["labels"].items()}
        domain[f] = urlparse(rec.get("url") or "").netloc.removeprefix("www.")
    return texts, gold, domain


def counts(pred: set[int], gold: dict[int, bool]) -> tuple[int, int, int]:
    tp = sum(1 for n, bad in gold.items() if bad and n in pred)
    fp = sum(1 for n, bad in gold.items() if not bad and n in pred)
    fn = sum(1 for n, bad in gold.items() if bad and n not in pred)
    return tp, fp, fn


def f1(c: tuple[int, int, int]) -> float:
    tp, fp, fn = c
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def run_set(name: str, folder: Path, ks: list[int]) -> None:
    t0 = time.perf_counter()
    texts, gold, domain = load(folder)
    repeated = repeated_lines(texts.values(), MIN_REPEAT) if len(texts) >= MIN_REPEAT else None
    sites: dict[str, list[str]] = defaultdict(list)
    for f in sorted(texts):
        if domain[f]:
            sites[domain[f]].append(f)
    sites = {d: fs for d, fs in sites.items() if len(fs) >= 2}
    coded = {f for fs in sites.values() for f in fs[: max(1, len(fs) // 2)]}
    others = {f for fs in sites.values() for f in fs[max(1, len(fs) // 2):]}
    rest = set(texts) - coded - others
    print(f"\n{name}: {len(texts)} pages; {len(sites)} sites with 2+ pages: "
          f"{len(coded)} coded, {len(others)} other pages of those sites; {len(rest)} rest")

    for layout in ("flat", "folders"):
        ids = {f: (f if layout == "flat" else f"{domain[f] or '_'}/{f}") for f in texts}
        before = {
            f: set(article_marks(texts[f], ids[f], repeated=repeated).boilerplate_lines)
            for f in texts
        }
        for k in ks:
            corrections: list[Correction] = []
            stamp = 0
            for f in sorted(coded):
                text, aid = texts[f], ids[f]
                for _ in range(k):
                    marks = article_marks(text, aid, repeated=repeated, corrections=corrections)
                    bp = set(marks.boilerplate_lines)
                    wrong = next((n for n in sorted(gold[f]) if (n in bp) != gold[f][n]), None)
                    if wrong is None:
                        break
                    stamp += 1
                    line = text.split("\n")[wrong - 1]
                    corrections.append(Correction(
                        id=f"c{stamp}", article=aid, line=wrong, text=line,
                        kind="line_boilerplate" if gold[f][wrong] else "line_body",
                        value=context_of(text, wrong, aid), created=f"{stamp:08d}",
                    ))
            res = {}
            for group, files in (("site", others), ("rest", rest)):
                b = a = (0, 0, 0)
                changed = 0
                for f in sorted(files):
                    b = add(b, counts(before[f], gold[f]))
                    after = before[f]
                    if learned_verdicts(texts[f], ids[f], corrections):
                        after = set(article_marks(texts[f], ids[f], repeated=repeated,
                                                  corrections=corrections).boilerplate_lines)
                        changed += len(after ^ before[f])
                    a = add(a, counts(after, gold[f]))
                res[group] = (f1(b), f1(a), changed)
            s, r = res["site"], res["rest"]
            print(f"  {layout:<7} k={k:<2} corrections {len(corrections):>4}   "
                  f"site's other pages F1 {s[0]:.4f} -> {s[1]:.4f} ({s[2]} lines changed)   "
                  f"rest F1 {r[0]:.4f} -> {r[1]:.4f} ({r[2]} lines changed)")
    print(f"  ({time.perf_counter() - t0:.0f} s)")


def main() -> None:
    eval_dir = Path(os.environ.get("READER_EVAL", REPO.parent / "shared" / "eval"))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--root", type=Path, default=eval_dir / "boilerplate",
                   help="folder holding the labelled sets (default: %(default)s)")
    p.add_argument("--sets", nargs="+", default=["dev", "train"])
    p.add_argument("--k", nargs="+", type=int, default=[1, 3, 5, 10],
                   help="lines corrected per coded page")
    args = p.parse_args()
    for name in args.sets:
        folder = args.root / name
        if not (folder / "gold.jsonl").is_file():
            print(f"{folder}: no gold.jsonl (set READER_EVAL or --root)", file=sys.stderr)
            raise SystemExit(2)
        run_set(name, folder, args.k)


if __name__ == "__main__":
    main()
