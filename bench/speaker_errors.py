"""Speaker and kind misses on every labelled quotation set, counted by kind of error.

    python bench/speaker_errors.py [EVAL_DIR] [--show] [--set NAME ...] [--refresh]

Runs only the quotation stage (`reader.marks._find_quotes`) on the line kinds `reader
analyze` gives each page (cached in /tmp/speaker_errors/ after the first run, as the
boilerplate model is the slow part and does not change here), matches the spans to the
gold as the benchmark's scorer does (overlap >= 80 % of the longer, one to one) and
scores speakers with the scorer's rule. The sets:

* `dev`   -- the benchmark's quotation gold (40 dev pages; the rules were written on it),
* `extra` -- bench/heldout_quotes (58 other dev pages; partly in-sample),
* `train` -- bench/heldout_quotes_train (14 train pages; tuned on since issue 16's
  second speaker round).

Never reads any other label set. Each miss is put in one category (`category`): a wrong
person among names the page gives, no speaker found, an organisation or description
where the gold names a person (or the reverse), a pronoun or continuation resolved
wrongly, a name normalised wrongly (the same last name), or the kind wrong. Figures agree
with `bench/score_heldout_quotes.py` up to the caching of line kinds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.marks import LineKind, _find_quotes  # noqa: E402
from reader.marks import speakers as sp  # noqa: E402
from reader.marks import train_quotes as tq  # noqa: E402

SPURIOUS: Counter = Counter()  # per set: matched spans given a speaker the gold lacks
SHOW_PATH: str | None = None  # --show only misses named by this step
PATHS: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])

CACHE = Path(tempfile.gettempdir()) / "speaker_errors"
SETS = {
    "dev": ("dev", None),
    "extra": ("dev", REPO / "bench" / "heldout_quotes" / "gold.jsonl"),
    "train": ("train", REPO / "bench" / "heldout_quotes_train" / "gold.jsonl"),
}
SKIP = ("118_",)  # the coaching page the benchmark leaves out of the extra labels


def gold_records(eval_dir: Path, name: str) -> list[dict]:
    """The gold records of one set."""
    split, path = SETS[name]
    if path is None:
        path = eval_dir / "quotes" / "dev" / "gold.jsonl"
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            rec = json.loads(raw)
            if not rec["file"].startswith(SKIP):
                out.append(rec)
    return out


def _analyze_cached(eval_dir: Path, split: str, files: list[str], refresh: bool) -> dict:
    """`reader analyze` records of `files` (the dev split as one corpus, the train pages as
    a corpus of their own, as score_heldout_quotes.py runs them)."""
    CACHE.mkdir(exist_ok=True)
    out = CACHE / f"{split}.jsonl"
    if refresh or not out.exists():
        src = eval_dir / "boilerplate" / split
        with tempfile.TemporaryDirectory() as tmp:
            # always a copy: `reader analyze` keeps its caches beside the corpus, and the
            # benchmark's folder is not ours to write into
            corpus = Path(tmp) / "c"
            corpus.mkdir()
            for f in (files if split == "train" else [p.name for p in src.glob("*.txt")]):
                shutil.copyfile(src / f, corpus / f)
            with out.open("wb") as fh:
                subprocess.run([sys.executable, "-m", "reader", "analyze", str(corpus)],
                               stdout=fh, check=True, cwd=REPO)
    recs = {}
    for raw in out.read_text(encoding="utf-8").splitlines():
        r = json.loads(raw)
        recs[r["file"]] = r
    return recs


def kinds_of(text: str, rec: dict) -> list[LineKind]:
    """Line kinds back from an analyze record."""
    lines = text.split("\n")
    bp = set(rec["boilerplate_lines"])
    kinds = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            kinds.append(LineKind.BLANK)
        elif n == rec["title_line"]:
            kinds.append(LineKind.TITLE)
        elif n in bp:
            kinds.append(LineKind.BOILERPLATE)
        else:
            kinds.append(LineKind.BODY)
    return kinds


def _tokens(s: str) -> list[str]:
    """The scorer's tokens: lower case, hyphens split, punctuation stripped."""
    out = []
    for t in s.lower().replace("-", " ").replace("\u2010", " ").split():
        t = t.strip(".,;:!?\"'\u201c\u201d\u2018\u2019()[]{}\u00ab\u00bb\u201e\u2014\u2013")
        if t:
            out.append(t)
    return out


def speaker_match(pred: str | None, gold: str) -> bool:
    """The benchmark scorer's rule: either string holds the other's last token as a word."""
    if not pred:
        return False
    pt, gt = _tokens(pred), _tokens(gold)
    if not pt or not gt:
        return False
    return gt[-1] in pt or pt[-1] in gt


def match(pred: list[tuple[int, int]], gold: list[dict]) -> dict[int, int]:
    """gold index -> pred index, greedy by overlap (>= 80 % of the longer span)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, (s, e) in enumerate(pred):
            ov = min(e, g["end"]) - max(s, g["start"])
            if ov > 0 and ov >= 0.8 * max(e - s, g["end"] - g["start"]):
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, out = set(), set(), {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = pi
    return out


_PRONOUN_RE = re.compile(r"\b(?:he|she|they|it|his|her)\s+(?:\w+\s+)?(?:said|says|told|added|"
                         r"wrote|explained|noted|asked|continued)\b", re.I)
_ORG_HINT = re.compile(r"\b(?:the|a|an)\b|(?:Inc|Corp|Ltd|University|Department|Ministry|"
                       r"government|agency|company|report|study|statement|group|council)\b",
                       re.I)


def category(text: str, g: dict, pred: str | None, names_before: str) -> str:
    """One category per speaker miss."""
    gold = g["speaker"]
    around = text[max(0, g["start"] - 200): g["end"] + 200]
    if pred and gold and _tokens(pred)[-1:] and _tokens(gold)[-1:] and (
        set(_tokens(pred)) & set(_tokens(gold))
    ):
        return "normalisation"
    gold_org = bool(_ORG_HINT.search(gold)) or gold[:1].islower()
    pred_org = pred is not None and (bool(_ORG_HINT.search(pred)) or pred[:1].islower())
    if pred is None:
        if _PRONOUN_RE.search(around):
            return "none:pronoun"
        if gold_org:
            return "none:org/desc"
        return "none"
    if gold_org != pred_org:
        return "org-vs-person"
    if _tokens(gold)[-1] in names_before.lower():
        return "wrong-person:gold-named-before"
    return "wrong-person:gold-not-in-text-before"


def run_set(eval_dir: Path, name: str, refresh: bool, show: bool, cats: Counter,
            weights: tuple[float, ...] | None = None, golds: list[dict] | None = None,
            ) -> tuple[int, int, int, int, int, int]:
    """(speaker right, speaker total, kind right, kind total, gold spans, matched)."""
    split, _ = SETS[name]
    if golds is None:
        golds = gold_records(eval_dir, name)
    recs = _analyze_cached(eval_dir, split, [g["file"] for g in golds], refresh)
    text_dir = eval_dir / "boilerplate" / split
    sp_ok = sp_n = k_ok = k_n = n_gold = n_match = 0
    for g in golds:
        text = (text_dir / g["file"]).read_text(encoding="utf-8")
        lines = text.split("\n")
        sp.TRACE = []
        found = _find_quotes(lines, kinds_of(text, recs[g["file"]]), weights)
        steps: dict[int, str] = {}
        at = -1
        for t in sp.TRACE:
            if t.startswith("@"):
                at = int(t[1:])
            else:
                steps[at] = steps.get(at, "") + ("+" if at in steps else "") + t
        sp.TRACE = None
        quotes = [q for q in found if not q.turn]
        pred = [(q.start, q.end) for q in quotes]
        m = match(pred, g["quotes"])
        n_gold += len(g["quotes"])
        n_match += len(m)
        for gi, pi in sorted(m.items()):
            gq, pq = g["quotes"][gi], quotes[pi]
            k_n += 1
            k_ok += pq.kind == gq["kind"]
            if gq["kind"] == "speech" and gq["speaker"]:
                sp_n += 1
                ok = speaker_match(pq.speaker, gq["speaker"])
                sp_ok += ok
                step = steps.get(pq.start, "none") if pq.kind == "speech" else "term"
                if pq.on_boilerplate:
                    step = "on-boilerplate-line"
                PATHS[(name, step)][ok] += 1
                if not ok:
                    cat = ("kind:term" if pq.kind == "term" else
                           category(text, gq, pq.speaker, text[: gq["start"]]))
                    cats[(name, cat)] += 1
                    if show and (SHOW_PATH is None or SHOW_PATH in step):
                        ctx = text[max(0, gq["start"] - 160): gq["start"]].replace("\n", " | ")
                        post = text[gq["end"]: gq["end"] + 80].replace("\n", " | ")
                        print(f"[{name}:{cat}] {g['file'][:20]} @{gq['start']} gold="
                              f"{gq['speaker']!r} pred={pq.speaker!r} kind={pq.kind} step={step}\n"
                              f"    ...{ctx}<<{gq['text'][:80]}>>{post}...")
            elif pq.speaker:
                # a speaker where the gold has none (a term, the writer's own words): the
                # benchmark's speaker accuracy never sees these, a reader does
                SPURIOUS[name] += 1
                if show:
                    print(f"[{name}:spurious] {g['file'][:20]} @{gq['start']} gold="
                          f"{gq['kind']}/None pred={pq.speaker!r} {gq['text'][:60]!r}")
            if show and pq.kind != gq["kind"] and not (
                gq["kind"] == "speech" and gq["speaker"]
            ):
                print(f"[{name}:kind] {g['file'][:20]} @{gq['start']} gold={gq['kind']} "
                      f"pred={pq.kind} {gq['text'][:70]!r}")
    return sp_ok, sp_n, k_ok, k_n, n_gold, n_match


def _sites(eval_dir: Path) -> dict[tuple[str, str], str]:
    """(split, file) -> web domain (a page without an address is its own site)."""
    out = {}
    for split in ("dev", "train"):
        with (eval_dir / "boilerplate" / split / "gold.jsonl").open(encoding="utf-8") as fh:
            for raw in fh:
                o = json.loads(raw)
                host = urlparse(o["url"]).hostname if o.get("url") else None
                out[(split, o["file"])] = (host.removeprefix("www.") if host
                                           else "page:" + o["file"])
    return out


def _rows(eval_dir: Path, items: list[tuple[str, dict]], weights: tuple[float, ...]) -> list:
    """Kind feature rows and 1 = speech of the gold spans of `items` (set, record), with the
    features of each quotation computed under `weights` (as train_quotes.load does)."""
    out = []
    for name, g in items:
        split, _ = SETS[name]
        recs = _analyze_cached(eval_dir, split, [], False)
        text = (eval_dir / "boilerplate" / split / g["file"]).read_text(encoding="utf-8")
        got: list = []
        _find_quotes(text.split("\n"), kinds_of(text, recs[g["file"]]), weights, got)
        gold = {(q["start"], q["end"]): q for q in g["quotes"]}
        rows, ys = [], []
        for s, e, feats in got:
            if (s, e) in gold:
                q = gold[(s, e)]
                rows.append(feats)
                ys.append(0 if q["kind"] != "speech" else 2 if q["speaker"] else 1)
        out.append((g["file"], rows, ys))
    return out


SPOKEN_WEIGHT = 1.0
KIND_L2: float | None = None  # None: the trainer's (train_quotes.KIND_L2)


def _fit(docs: list) -> list[float]:
    """train_quotes.fit, with speech spans that have a speaker weighing SPOKEN_WEIGHT."""
    x = [r for _, rows, _ in docs for r in rows]
    y = [min(v, 1) for _, _, ys in docs for v in ys]
    sw = [SPOKEN_WEIGHT if v == 2 else 1.0 for _, _, ys in docs for v in ys]
    w = tq.train_lr(x, y, sw, epochs=40, l2=tq.KIND_L2 if KIND_L2 is None else KIND_L2)
    return tq.lean(w)


def fit_kind(eval_dir: Path, items: list[tuple[str, dict]]) -> tuple[float, ...]:
    """The kind model as train_quotes fits it (rounds, speech bias), on `items`."""
    w = tq.START
    for _ in range(tq.ROUNDS):
        w = tuple(_fit(_rows(eval_dir, items, w)))
    return w


def folds(eval_dir: Path, k: int, train_sets: tuple[str, ...], salt: str) -> None:
    """Site k-fold: each fold's pages are scored with a kind model fitted on the labelled
    pages of `train_sets` from the other folds' sites (no site on both sides)."""
    sites = _sites(eval_dir)
    items = [(name, g) for name in ("dev", "extra", "train") for g in gold_records(eval_dir, name)]
    for name in ("dev", "train"):  # (the line kinds, before `_rows` reads them from the cache)
        _analyze_cached(eval_dir, SETS[name][0], [g["file"] for n, g in items if n == name], False)

    def fold(item: tuple[str, dict]) -> int:
        site = sites[(SETS[item[0]][0], item[1]["file"])]
        return int(hashlib.sha1((salt + site).encode()).hexdigest(), 16) % k

    tot: dict[str, list[int]] = {n: [0, 0, 0, 0] for n in ("dev", "extra", "train")}
    for f in range(k):
        train = [it for it in items if fold(it) != f and it[0] in train_sets]
        w = fit_kind(eval_dir, train)
        for name in ("dev", "extra", "train"):
            test = [g for n, g in items if n == name and fold((n, g)) == f]
            r = run_set(eval_dir, name, False, False, Counter(), w, test)
            for j in range(4):
                tot[name][j] += r[j]
    for name, (a, b, c, d) in tot.items():
        print(f"{name:6s} site {k}-fold (kind model on {'+'.join(train_sets)}): speaker "
              f"{a}/{b} = {a / max(b, 1):.3f}   kind {c}/{d} = {c / max(d, 1):.3f}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir", nargs="?", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--set", action="append", choices=sorted(SETS), dest="sets",
                    help="a set to score (repeatable; default: all three)")
    ap.add_argument("--show", action="store_true", help="print every miss with its context")
    ap.add_argument("--paths", action="store_true",
                    help="count right and wrong speakers by the step that named them")
    ap.add_argument("--show-path", default=None, help="with --show: only misses of this step")
    ap.add_argument("--refresh", action="store_true", help="re-run reader analyze")
    ap.add_argument("--folds", type=int, default=0,
                    help="site K-fold of the kind model instead (see --train-sets)")
    ap.add_argument("--train-sets", default="dev",
                    help="with --folds: the sets the kind model learns from, e.g. dev+extra+train")
    ap.add_argument("--bias", type=float, default=None,
                    help="with --folds: the kind model's speech bias (train_quotes.SPEECH_BIAS)")
    ap.add_argument("--spoken-weight", type=float, default=1.0,
                    help="with --folds: weight of speech spans with a speaker in the kind fit")
    ap.add_argument("--kind-l2", type=float, default=None,
                    help="with --folds: the kind model's L2 penalty")
    ap.add_argument("--salt", default="", help="with --folds: another assignment of sites")
    args = ap.parse_args(argv)
    if not (args.eval_dir / "quotes" / "dev" / "gold.jsonl").is_file():
        print(f"no quotation gold under {args.eval_dir}", file=sys.stderr)
        return 2
    global SPOKEN_WEIGHT, KIND_L2
    SPOKEN_WEIGHT = args.spoken_weight
    KIND_L2 = args.kind_l2
    if args.bias is not None:
        tq.SPEECH_BIAS = args.bias
    global SHOW_PATH
    SHOW_PATH = args.show_path
    if args.folds:
        folds(args.eval_dir, args.folds, tuple(args.train_sets.split("+")), args.salt)
        return 0
    cats: Counter = Counter()
    for name in args.sets or ("dev", "extra", "train"):
        sp_ok, sp_n, k_ok, k_n, n_gold, n_match = run_set(args.eval_dir, name, args.refresh,
                                                          args.show, cats)
        print(f"{name:6s} speaker {sp_ok}/{sp_n} = {sp_ok / max(sp_n, 1):.3f}   "
              f"kind {k_ok}/{k_n} = {k_ok / max(k_n, 1):.3f}   matched {n_match}/{n_gold}   "
              f"speakers where the gold has none {SPURIOUS[name]}")
    for (name, cat), n in sorted(cats.items()):
        print(f"  {name:6s} {cat:40s} {n}")
    if args.paths:
        for (name, step), (bad, good) in sorted(PATHS.items()):
            print(f"  path {name:6s} {step:30s} right {good:4d}  wrong {bad:3d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
