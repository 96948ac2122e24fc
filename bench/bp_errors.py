"""Which lines cost the boilerplate model the most characters out of sample, by class.

    nice python bench/bp_estimate.py [EVAL_DIR] --on-train --dump-preds PREDS.json
    python bench/bp_errors.py PREDS.json [EVAL_DIR] [--examples N] [--pages N]

Char F1 weighs a line by its characters, so a 600-character author box kept as body costs
as much as thirty menu items; a line count does not say what to fix. Every line the model
gets wrong is put in one class (first match, in the order below), and the characters of
each class are summed per group of scenarios of `bp_estimate.py`: the site 3-fold (the
mean over its three fold assignments, so each dev page counts once), the two cross-source
directions together (each dev page of Scrapinghub or WCXB news once), and dev -> train
(the 643 train-split pages no fit saw).

Furniture kept as body (gold boilerplate, not marked), by where it sits against the gold
article (its first and last body line) and what it says: reader comments (any line under
a comment header or signature below the article), author bios, newsletter and other calls
to action, legal and affiliate text, captions and credits, share buttons, bylines and
dates, and the rest by place and length (a long line below the article is mostly a
related-article teaser with its summary). Body dropped (gold body, marked boilerplate):
the article's first and last two body lines, list items (`boilerplate.list_runs` or a
bullet), quotations, sub-headings and labels (short, no sentence end), short sentences,
paragraphs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.marks.boilerplate import list_runs  # noqa: E402
from reader.marks.features import comment_mark  # noqa: E402
from reader.marks.train_boilerplate import load_split  # noqa: E402

GROUPS = {"site 3-fold": ("kfold0", "kfolda", "kfoldb"),
          "cross-source": ("->scrapinghub", "->wcxb-news"),
          "dev -> train": ("dev->train",)}

_CLASSES_KEPT = (
    ("bio", re.compile(
        r"\b(is an? ([a-z-]+ ){0,3}(writer|reporter|editor|journalist|correspondent|"
        r"contributor|columnist|author|producer|photographer|critic|host)\b|about the "
        r"author|has (written|covered|worked)|(he|she|they) (lives|covers|writes)|"
        r"follow (him|her|them)\b|is the author of)")),
    ("newsletter / call to action", re.compile(
        r"\b(subscri|newsletter|sign up|sign-up|inbox|e-?mail (address|us)|get the latest|"
        r"download|app store|google play|follow us|support (our|us|local)|donat|"
        r"membership|become a member|register|log ?in|free trial|read more|click here|"
        r"learn more|watch now|listen)")),
    ("legal / affiliate", re.compile(
        r"(©|\bcopyright\b|rights reserved|privacy|terms of (use|service)|cookie|"
        r"affiliate|commission|disclaimer|may earn|disclosure|trademark)")),
    ("caption / credit", re.compile(
        r"(\bphoto\b|\bimage\b|getty|\bcredit|pictured|illustration|\(ap\)|ap photo|"
        r"shutterstock|reuters|afp\b|\bvia\b|\bfile\b)")),
    ("share / social", re.compile(
        r"\b(share|tweet|facebook|twitter|linkedin|whatsapp|pinterest|instagram|"
        r"reddit|copy link|print)\b")),
    ("byline / date", re.compile(
        r"^(by\b|updated|published|posted)|\b(19|20)\d\d\b|\b\d{1,2}:\d\d\b")),
)
_COMMENT_HEAD = re.compile(
    r"^(\d+ )?(comments?|responses?|replies|discussion|join the (conversation|discussion)|"
    r"leave a (comment|reply)|reader comments|what do you think)\b")


def kept_class(text: str, ln: int, first: int, last: int, in_comments: bool) -> str:
    """The class of a furniture line kept as body (`ln` 1-based; `first`/`last` the gold
    article's first and last body line)."""
    low = text.strip().lower()
    where = "above" if ln < first else "inside" if ln <= last else "below"
    if in_comments and where == "below":
        return "comment thread"
    for name, rx in _CLASSES_KEPT:
        if rx.search(low):
            return name
    size = "long" if len(low) >= 80 else "short"
    if where == "below" and size == "long":
        return "long line below the article (teaser summaries, author boxes)"
    return f"other, {size}, {where} the article"


def dropped_class(text: str, ln: int, body: list[int], in_list: set[int]) -> str:
    """The class of a body line marked boilerplate (`body`: the gold body lines)."""
    s = text.strip()
    if ln == body[0]:
        return "first body line"
    if ln in body[-2:]:
        return "last two body lines"
    if ln in in_list or s[:1] in "\u2022\u00b7*-\u2013":
        return "list item"
    if s[:1] in "\"\u201c\u2018'" or s.count("\u201c") + s.count('"') >= 2:
        return "quotation"
    ends = s.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", ":"))
    if len(s) < 80:
        return "short sentence" if ends else "sub-heading / label"
    return "paragraph"


def _comment_start(lines: list[str], last: int) -> int | None:
    """1-based line of the first comment header or signature below the article, or None."""
    for i in range(last + 1, len(lines) + 1):
        low = lines[i - 1].strip().lower()
        if low and (_COMMENT_HEAD.match(low) or comment_mark(low)):
            return i
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("preds", help="bp_estimate.py --dump-preds output")
    ap.add_argument("eval_dir", nargs="?", default=str(REPO.parent / "shared" / "eval"))
    ap.add_argument("--examples", type=int, default=0, help="print N lines of each class")
    ap.add_argument("--pages", type=int, default=0, help="print the N costliest pages")
    args = ap.parse_args(argv)
    try:
        preds = json.loads(Path(args.preds).read_text(encoding="utf-8"))
        ev = Path(args.eval_dir)
        docs = {d.name: d for split in ("dev", "train") for d in load_split(ev, split)}
    except (OSError, ValueError) as exc:
        print(f"bp_errors: {exc}", file=sys.stderr)
        return 2
    # group -> (kind, class) -> [chars, lines]; kind "kept" or "dropped"
    table: dict[str, dict[tuple[str, str], list[float]]] = defaultdict(
        lambda: defaultdict(lambda: [0.0, 0.0]))
    totals: dict[str, Counter] = defaultdict(Counter)
    per_page: dict[str, Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for group, labels in GROUPS.items():
        runs = [lab for lab in labels if lab in preds]
        if not runs:
            continue
        share = 1.0 / len(runs)
        for lab in runs:
            for name, marked in preds[lab].items():
                d = docs[name]
                marked = set(marked)
                body = sorted(i for i, v in d.labels.items() if v == "body")
                if not body:
                    continue
                first, last = body[0], body[-1]
                cstart = _comment_start(d.lines, last)
                texts = [d.lines[i - 1].strip() for i in sorted(d.labels)]
                runs_ = list_runs(texts)
                in_list = {i for i, r in zip(sorted(d.labels), runs_, strict=True) if r}
                for i, v in d.labels.items():
                    text = d.lines[i - 1]
                    n = len(text.rstrip("\r"))
                    totals[group]["all"] += n * share
                    if v == "boilerplate":
                        totals[group]["boilerplate"] += n * share
                    if v == "boilerplate" and i not in marked:
                        kind = "kept"
                        cls = kept_class(text, i, first, last, cstart is not None and i > cstart)
                    elif v == "body" and i in marked:
                        kind = "dropped"
                        cls = dropped_class(text, i, body, in_list)
                    else:
                        continue
                    cell = table[group][(kind, cls)]
                    cell[0] += n * share
                    cell[1] += share
                    totals[group][kind] += n * share
                    per_page[group][name] += n * share
                    if len(examples[(kind, cls)]) < args.examples and group == "site 3-fold" \
                            and lab == "kfold0":
                        examples[(kind, cls)].append(f"{name}:{i} {text.strip()[:110]}")
    groups = [g for g in GROUPS if g in table]
    keys = sorted({k for g in groups for k in table[g]},
                  key=lambda k: (k[0] != "kept", -sum(table[g][k][0] for g in groups)))
    print("characters (k) and lines per class; site 3-fold: mean of its 3 assignments")
    print(f"{'class':<72}" + "".join(f"{g:>26}" for g in groups))
    for kind in ("kept", "dropped"):
        title = ("furniture kept as body" if kind == "kept" else "body dropped")
        print(f"-- {title}: " + "  ".join(
            f"{g} {totals[g][kind] / 1000:.1f}k" for g in groups))
        for k in keys:
            if k[0] != kind:
                continue
            cells = []
            for g in groups:
                c, n = table[g].get(k, [0.0, 0.0])
                pct = 100 * c / totals[g][kind] if totals[g][kind] else 0.0
                cells.append(f"{c / 1000:7.1f}k {pct:4.0f}% {n:6.0f} ln")
            print(f"{k[1]:<72}" + "".join(f"{x:>26}" for x in cells))
    for g in groups:
        print(f"{g}: all {totals[g]['all'] / 1000:.0f}k characters, boilerplate "
              f"{totals[g]['boilerplate'] / 1000:.0f}k")
    if args.pages:
        for g in groups:
            top = per_page[g].most_common(args.pages)
            print(f"{g}: costliest pages " + ", ".join(f"{n} {c / 1000:.1f}k" for n, c in top))
    for k, ex in sorted(examples.items()):
        print(f"\n[{k[0]}] {k[1]}")
        for e in ex:
            print("   ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
