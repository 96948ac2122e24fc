"""Where the body is lost: the body characters a prediction marks as boilerplate, by line type
and by page.

    python bench/estimate_marks.py [EVAL_DIR] --data dev --only kfold --dump oof.jsonl
    python bench/body_loss.py oof.jsonl [EVAL_DIR] [--examples N]

Body kept is the figure the held-out split missed most (0.969 against 0.98), and a total
does not say what to fix: whether the loss is sub-headings, first or last paragraphs, list
items or whole paragraphs, and whether a few pages hold most of it. Line types (first match):
the page's first and last body line, a line of a list (`boilerplate.list_runs`), a short
line (< 100 characters) without a sentence end (sub-headings, labels, prices, captions the
gold keeps), a short sentence, a paragraph.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.marks.boilerplate import list_runs  # noqa: E402
from reader.marks.train_boilerplate import load_split  # noqa: E402

TYPES = ("first body line", "last body line", "list item", "short, no sentence end",
         "short sentence", "paragraph")


def line_type(text: str, ln: int, body: list[int], in_list: set[int]) -> str:
    """The type of body line `ln` (1-based) of a page whose body lines are `body`."""
    s = text.strip()
    if ln == body[0]:
        return TYPES[0]
    if ln == body[-1]:
        return TYPES[1]
    if ln in in_list:
        return TYPES[2]
    if len(s) < 100:
        return TYPES[4] if s.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?")) else TYPES[3]
    return TYPES[5]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("predictions", help="reader analyze JSON Lines for dev pages")
    ap.add_argument("eval_dir", nargs="?", default=str(REPO.parent / "shared" / "eval"))
    ap.add_argument("--examples", type=int, default=0, help="print N lost lines of each type")
    args = ap.parse_args(argv)
    try:
        preds = {o["file"]: set(o["boilerplate_lines"])
                 for o in map(json.loads, Path(args.predictions).read_text().splitlines()) if o}
        docs = {d.name: d for d in load_split(Path(args.eval_dir), "dev")}
    except (OSError, ValueError, KeyError) as exc:
        print(f"body_loss: {exc}", file=sys.stderr)
        return 2
    total: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    nlost: Counter[str] = Counter()
    pages: Counter[str] = Counter()
    examples: dict[str, list[str]] = {t: [] for t in TYPES}
    for name, marked in preds.items():
        d = docs[name]
        body = sorted(ln for ln, lab in d.labels.items() if lab == "body")
        if not body:
            continue
        nb = [i for i, s in enumerate(d.lines) if s.strip()]
        runs = list_runs([d.lines[i].strip() for i in nb])
        in_list = {nb[k] + 1 for k, r in enumerate(runs) if r is not None}
        for ln in body:
            t = line_type(d.lines[ln - 1], ln, body, in_list)
            c = len(d.lines[ln - 1].strip())
            total[t] += c
            if ln in marked:
                lost[t] += c
                nlost[t] += 1
                pages[name] += c
                examples[t].append(f"{name[:3]}: {d.lines[ln - 1].strip()[:90]}")
    all_body, all_lost = sum(total.values()), sum(lost.values())
    print(f"body characters {all_body}, lost {all_lost} ({all_lost / all_body:.2%}) "
          f"on {len(pages)} of {len(preds)} pages")
    for t in TYPES:
        share = lost[t] / total[t] if total[t] else 0.0
        print(f"  {t:24s} lost {lost[t]:6d} chars in {nlost[t]:4d} lines, "
              f"{share:6.1%} of its {total[t]:7d}")
        for e in examples[t][: args.examples]:
            print(f"      {e}")
    top = pages.most_common(8)
    print("largest losses by page: " + ", ".join(f"{n[:3]} {c}" for n, c in top)
          + f" ({sum(c for _, c in top) / max(all_lost, 1):.0%} of the loss)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
