"""Quotation kind (speech / term) out of sample, in seconds: site folds and cross-source.

    python bench/kind_folds.py [EVAL_DIR] [--train-sets dev+extra+train] [--salts ,a,b]
                               [--l2 L] [--bias B] [--show SCENARIO] [--refresh]

Only the kind model is refitted (as `train_quotes.fit_rounds` fits it: rounds from the
all-speech start, the speech lean; by default on the three label sets the trainer uses);
the line kinds are those `reader analyze` gives each
page with the committed line models (cached by `speaker_errors.py`), so this is the kind
row of `estimate_marks.py` without refitting the boilerplate and headline models: much
faster, slightly different. Scenarios, each scored on every readable label set (the dev
quotation gold, the extra dev labels `bench/heldout_quotes`, train set 1
`bench/heldout_quotes_train`; never the blind train2 / train3 sets):

* `site K-fold [salt]`: the labelled pages put in 3 folds by web domain; each fold scored
  with a model fitted on the `--train-sets` pages of the other folds (one line per salt);
* `not wcxb-news -> wcxb-news`, `not scrapinghub -> scrapinghub`: fitted on the
  `--train-sets` pages of the other origins (never a test page's site), scored on the pages
  of that origin (dev and extra labels);
* `fit all -> other sets`: fitted on all `--train-sets` pages, scored on the sets it was
  not fitted on (the in-sample sets are shown too, marked `in`).

Each cell is `kind right/total  speaker right/total`. `--show SCENARIO` (`wcxb`, `sh`,
`fold`) prints the kind misses of that scenario with their context.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import speaker_errors as se  # noqa: E402

from reader.marks import _find_quotes  # noqa: E402
from reader.marks import train_quotes as tq  # noqa: E402

SETS = ("dev", "extra", "train")
SHOW: str | None = None


def _origins(eval_dir: Path) -> dict[tuple[str, str], str]:
    """(split, file) -> origin, as `train_boilerplate.Doc.origin` names it."""
    out = {}
    for split in ("dev", "train"):
        with (eval_dir / "boilerplate" / split / "gold.jsonl").open(encoding="utf-8") as fh:
            for raw in fh:
                o = json.loads(raw)
                src = o.get("source", "")
                out[(split, o["file"])] = (
                    "scrapinghub" if src.startswith("scrapinghub")
                    else "seed" if src.startswith("project seed")
                    else "wcxb-news" if split == "dev" else "wcxb-other")
    return out


class Data:
    """The labelled items, their texts and line kinds, loaded once."""

    def __init__(self, eval_dir: Path, refresh: bool) -> None:
        self.eval_dir = eval_dir
        self.items = [(n, g) for n in SETS for g in se.gold_records(eval_dir, n)]
        sites, origins = se._sites(eval_dir), _origins(eval_dir)
        self.site = {}
        self.origin = {}
        self.text = {}
        self.kinds = {}
        recs = {}
        for split in ("dev", "train"):
            files = [g["file"] for n, g in self.items if se.SETS[n][0] == split]
            recs[split] = se._analyze_cached(eval_dir, split, files, refresh)
        for n, g in self.items:
            split = se.SETS[n][0]
            key = (n, g["file"])
            self.site[key] = sites[(split, g["file"])]
            self.origin[key] = origins[(split, g["file"])]
            text = (eval_dir / "boilerplate" / split / g["file"]).read_text(encoding="utf-8")
            self.text[key] = text
            self.kinds[key] = se.kinds_of(text, recs[split][g["file"]])

    def rows(self, items: list, weights: tuple[float, ...]) -> list:
        """Kind feature rows of the gold spans of `items`, computed under `weights`."""
        out = []
        for n, g in items:
            key = (n, g["file"])
            rows, ys = tq.gold_rows(self.text[key], self.kinds[key], weights, g["quotes"])
            out.append((g["file"], rows, ys))
        return out

    def fit(self, items: list) -> tuple[float, ...]:
        """The kind model as `train_quotes.fit_rounds` fits it, on `items`."""
        w = tq.START
        for _ in range(tq.ROUNDS):
            w = tuple(tq.fit(self.rows(items, w)))
        return w

    def score(self, items: list, w: tuple[float, ...], label: str) -> dict[str, list[int]]:
        """set -> [kind right, kind total, speaker right, speaker total] of `items`."""
        tot = {n: [0, 0, 0, 0] for n in SETS}
        for n, g in items:
            key = (n, g["file"])
            text = self.text[key]
            found = [q for q in _find_quotes(text.split("\n"), list(self.kinds[key]), w)
                     if not q.turn]
            m = se.match([(q.start, q.end) for q in found], g["quotes"])
            t = tot[n]
            for gi, pi in m.items():
                gq, pq = g["quotes"][gi], found[pi]
                t[0] += pq.kind == gq["kind"]
                t[1] += 1
                if gq["kind"] == "speech" and gq["speaker"]:
                    t[2] += se.speaker_match(pq.speaker, gq["speaker"])
                    t[3] += 1
                if SHOW and SHOW in label and pq.kind != gq["kind"]:
                    pre = text[max(0, gq["start"] - 90): gq["start"]].replace("\n", " | ")
                    post = text[gq["end"]: gq["end"] + 40].replace("\n", " | ")
                    print(f"  [{n} {g['file'][:12]} {self.origin[key]}] gold={gq['kind']}"
                          f" ...{pre}<<{gq['text'][:90]}>>{post}...")
        return tot


def _add(a: dict[str, list[int]], b: dict[str, list[int]]) -> None:
    for n in a:
        for j in range(4):
            a[n][j] += b[n][j]


def _show(label: str, tot: dict[str, list[int]], fitted: set[str] = frozenset()) -> None:
    cells = []
    for n in SETS:
        k, kn, s, sn = tot[n]
        mark = "in " if n in fitted else "   "
        cells.append(f"{n:5s}{mark}{k:4d}/{kn:<4d} {s:4d}/{sn:<4d}" if kn else f"{n:5s}{'-':>21s}")
        cells[-1] = f"{cells[-1]:28s}"
    k = sum(tot[n][0] for n in SETS)
    kn = sum(tot[n][1] for n in SETS)
    print(f"{label:34s} " + " ".join(cells) + f" all kind {k / max(kn, 1):.3f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir", nargs="?", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--train-sets", default="dev+extra+train",
                    help="the label sets the kind model learns from (default: all three, as "
                    "train_quotes fits the committed model)")
    ap.add_argument("--salts", default=",a,b",
                    help="comma-separated site-fold salts (default: none, a, b)")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--bias", type=float, default=None,
                    help="the speech lean (default train_quotes.SPEECH_BIAS)")
    ap.add_argument("--l2", type=float, default=None,
                    help="the kind fit's L2 penalty (default train_quotes.KIND_L2)")
    ap.add_argument("--show", default=None, help="print the kind misses of: fold, wcxb, sh")
    ap.add_argument("--refresh", action="store_true", help="re-run reader analyze")
    args = ap.parse_args(argv)
    if not (args.eval_dir / "quotes" / "dev" / "gold.jsonl").is_file():
        print(f"no quotation gold under {args.eval_dir}", file=sys.stderr)
        return 2
    global SHOW
    SHOW = args.show
    if args.bias is not None:
        tq.SPEECH_BIAS = args.bias
    if args.l2 is not None:
        tq.KIND_L2 = args.l2
    train_sets = set(args.train_sets.split("+"))
    t0 = time.process_time()
    d = Data(args.eval_dir, args.refresh)
    items = d.items
    print(f"kind model fitted on {'+'.join(sorted(train_sets))}; cells: kind right/total "
          f"speaker right/total ('in' = that set is in the fit)")
    for salt in args.salts.split(","):
        def fold(it, salt=salt) -> int:
            key = hashlib.sha1((salt + d.site[(it[0], it[1]["file"])]).encode()).hexdigest()
            return int(key, 16) % args.folds
        tot = {n: [0, 0, 0, 0] for n in SETS}
        for f in range(args.folds):
            w = d.fit([it for it in items if fold(it) != f and it[0] in train_sets])
            _add(tot, d.score([it for it in items if fold(it) == f], w, "fold"))
        _show(f"site {args.folds}-fold {salt or '-'}", tot)
    for target, tag in (("wcxb-news", "wcxb"), ("scrapinghub", "sh")):
        test = [it for it in items if d.origin[(it[0], it[1]["file"])] == target]
        sites = {d.site[(n, g["file"])] for n, g in test}
        train = [it for it in items if it[0] in train_sets
                 and d.origin[(it[0], it[1]["file"])] != target
                 and d.site[(it[0], it[1]["file"])] not in sites]
        _show(f"not {target} -> {target}", d.score(test, d.fit(train), tag))
    w = d.fit([it for it in items if it[0] in train_sets])
    _show("fit all -> every set", d.score(items, w, "all"), train_sets)
    print(f"({time.process_time() - t0:.0f} s CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
