"""A learned speaker ranker, judged across label sets (issue 16, sixth speaker round).

    python bench/speaker_ranker.py [EVAL_DIR] [--gate=STEPS] [--no-rules] [--no-nobody]

For each speech quotation the rules attribute, `speaker_candidates.py` lists candidate
speakers (names of its paragraph and the two before, the previous quotation's speaker,
the rules' choice, nobody) with general features; a conditional logit model (softmax over
a quotation's candidates; full-batch gradient descent from zero with an L2 penalty:
deterministic) is fitted on some label sets and scored on another, against the rules on
the same quotations:

* fit dev+extra, score train set 1; fit train+extra, score dev; fit dev+train, score
  extra; and a site 5-fold of dev+extra (the train set always in the fit).

The candidates the scorer counts right (the last word of one name is a word of the
other) are the positives. A speech quotation whose gold names nobody is an item whose one
positive is "nobody" (not in the benchmark's speaker accuracy; `nobody kept` counts those
left without a speaker). `--gate=STEPS`: the ranker decides only the quotations whose
rule step (`Quote.step`: direct, pronoun, sentence_verb, subject, carry; `none` = the
rules named nobody) is listed, or `all` (the default); the rules keep the others.
`--no-rules`: without the rules' choice among the features (a model of its own).
`--override=TAU`: the rules, except where the model (without the
rules' features, as --no-rules) gives another candidate a probability of TAU or more.
`--no-nobody`: without the nobody items in the fit. `--curve`: a learning curve instead
(site folds of dev+extra, the fit on part of the other folds). `--l2=X`: the penalty
(default 0.001).

Reads the labels of the dev quote gold, bench/heldout_quotes and bench/heldout_quotes_train
only; each page is analysed on its own (line kinds from `_analyze`, as train_quotes does).
Nothing here is used by `reader`: no variant gained out of set (bench/README_marks.md).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import speaker_candidates as speaker_ranker  # noqa: E402
from speaker_errors import SETS, gold_records, speaker_match  # noqa: E402
from speaker_errors import match as _match  # noqa: E402

from reader.marks import LineKind, _analyze, _find_quotes  # noqa: E402
from reader.marks.speakers import LowerWords  # noqa: E402

GATE: set[str] | None = None  # None: the ranker decides every quotation
NOBODY_IN_FIT = True  # --no-nobody: False
L2 = 0.001
STEPS = 3000
RATE = 0.5

# set, file, candidates' features, labels (1 = the scorer counts it right), whether the
# rules were right; a speech quotation whose gold names nobody is an item of set
# "NAME/nobody" whose one positive is the "nobody" candidate (not scored by the benchmark,
# but a speaker given there is one a reader sees wrongly)
Item = tuple[str, str, list[list[float]], list[int], int]


def items_of(text: str, kinds: list[LineKind], golds: list[dict], name: str,
             file: str) -> list[Item]:
    """One item per gold speech quotation that a speech quotation matches."""
    lines = text.split("\n")
    found = [q for q in _find_quotes(lines, kinds, None) if not q.turn]
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    own = [i for i, k in enumerate(kinds) if k is LineKind.BODY or k is LineKind.TITLE]
    lower = LowerWords(" ".join([lines[i] for i in own]))
    cands = dict(speaker_ranker.quote_candidates(found, lines, starts, own, lower))
    m = _match([(q.start, q.end) for q in found], golds)
    out = []
    for gi, pi in sorted(m.items()):
        g = golds[gi]
        if g["kind"] != "speech" or pi not in cands:
            continue
        cs = cands[pi]
        if not g["speaker"]:
            out.append((name + "/nobody", file, [c.feats for c in cs],
                        [1 if c.name is None else 0 for c in cs],
                        1 if found[pi].speaker is None else 0))
            continue
        labels = [1 if speaker_match(c.name, g["speaker"]) else 0 for c in cs]
        out.append((name, file, [c.feats for c in cs], labels,
                    1 if speaker_match(found[pi].speaker, g["speaker"]) else 0))
    return out


def load(eval_dir: Path, names: tuple[str, ...] = ("dev", "extra", "train")) -> list[Item]:
    """Every set's items, each page analysed on its own (line kinds from `_analyze`)."""
    out: list[Item] = []
    for name in names:
        split, _ = SETS[name]
        for g in gold_records(eval_dir, name):
            text = (eval_dir / "boilerplate" / split / g["file"]).read_text(encoding="utf-8")
            kinds = list(_analyze(text, None, frozenset(), frozenset(), frozenset()).line_kinds)
            out.extend(items_of(text, kinds, g["quotes"], name, g["file"]))
    return out


def fit(items: list[Item], l2: float | None = None, steps: int | None = None) -> list[float]:
    """Conditional logit weights (softmax over each item's candidates, the positives'
    probability maximised), by full-batch gradient descent from zero."""
    l2 = L2 if l2 is None else l2
    steps = STEPS if steps is None else steps
    kept = [it for it in items if any(it[3]) and (NOBODY_IN_FIT or "/" not in it[0])]
    w = np.zeros(speaker_ranker.DIM)
    if not kept:
        return [0.0] * speaker_ranker.DIM
    x = np.array([r for it in kept for r in it[2]], dtype=np.float64)
    y = np.array([v for it in kept for v in it[3]], dtype=np.float64)
    sizes = [len(it[3]) for it in kept]
    seg = np.repeat(np.arange(len(kept)), sizes)
    first = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    n = len(kept)
    for _ in range(steps):
        z = x @ w
        zmax = np.maximum.reduceat(z, first)
        e = np.exp(z - zmax[seg])
        p = e / np.add.reduceat(e, first)[seg]
        ey = e * y
        q = ey / np.add.reduceat(ey, first)[seg]
        w = w - RATE * (x.T @ (p - q) / n + l2 * w)
    return [round(float(v), 6) for v in w]


_STEPS = ("rule_direct", "rule_pronoun", "rule_sentence_verb", "rule_subject", "rule_carry",
          "rule")


# (id of an item -> its rules' step and candidate index, noted before --no-rules strips the
# rules' features from the items)
RULES: dict[int, tuple[str, int]] = {}
OVERRIDE: float | None = None  # --override=TAU


def _rules_of(item: Item) -> tuple[str, int]:
    """The rule step that named the item's quotation's speaker ("none" when nobody) and
    the index of the rules' candidate (nobody's, the last, when nobody)."""
    if id(item) in RULES:
        return RULES[id(item)]
    for k, row in enumerate(item[2]):
        for st in _STEPS:
            if row[speaker_ranker._IDX[st]]:
                return (st.removeprefix("rule_") if st != "rule" else "other"), k
    return "none", len(item[2]) - 1


def _step(item: Item) -> str:
    return _rules_of(item)[0]


def accuracy(items: list[Item], w: list[float] | None) -> tuple[int, int]:
    """(right, total) of the rules (`w` None), or of the ranker on the quotations of the
    steps in `GATE` and the rules on the others."""
    ok = 0
    for it in items:
        _, _, f, y, rule_ok = it
        if w is None or (GATE is not None and _step(it) not in GATE):
            ok += rule_ok
        else:
            s = [sum(a * b for a, b in zip(w, r, strict=True)) for r in f]
            top = max(range(len(s)), key=lambda k: (s[k], -k))
            if OVERRIDE is not None:
                # the rules unless the model gives another candidate probability >= TAU
                p_top = 1.0 / sum(np.exp(np.array(s) - s[top]))
                if top == _rules_of(it)[1] or p_top < OVERRIDE:
                    ok += rule_ok
                    continue
            ok += y[top]
    return ok, len(items)


def _site(eval_dir: Path, split: str) -> dict[str, str]:
    out = {}
    with (eval_dir / "boilerplate" / split / "gold.jsonl").open(encoding="utf-8") as fh:
        for raw in fh:
            o = json.loads(raw)
            host = urlparse(o["url"]).hostname if o.get("url") else None
            out[o["file"]] = host.removeprefix("www.") if host else "page:" + o["file"]
    return out


def cross(items: list[Item], eval_dir: Path, k: int = 5) -> None:
    """Cross-set and site-fold figures: the rules alone, and with the ranker fitted
    without the scored set. `nobody` counts the quotations whose gold names nobody that
    are left without a speaker."""
    def show(label: str, name: str, w: list[float]) -> None:
        test = [it for it in items if it[0] == name]
        none = [it for it in items if it[0] == name + "/nobody"]
        r, n = accuracy(test, None)
        a, _ = accuracy(test, w)
        r0, n0 = accuracy(none, None)
        a0, _ = accuracy(none, w)
        orc = sum(1 for it in test if any(it[3]))
        print(f"{label:30s} speaker: rules {r}/{n}, ranker {a}/{n} ({a - r:+d}); oracle "
              f"{orc}/{n}; nobody kept: rules {r0}/{n0}, ranker {a0}/{n0}")

    def of(*names: str) -> list[Item]:
        return [it for it in items if it[0].split("/")[0] in names]

    show("fit dev+extra, score train", "train", fit(of("dev", "extra")))
    show("fit train+extra, score dev", "dev", fit(of("train", "extra")))
    show("fit dev+train, score extra", "extra", fit(of("dev", "train")))
    sites = _site(eval_dir, "dev")

    def fold(it: Item) -> int:
        return int(hashlib.sha1(sites[it[1]].encode()).hexdigest(), 16) % k

    dev = [it for it in of("dev", "extra") if "/" not in it[0]]
    tot = [0, 0, 0]
    for f in range(k):
        test = [it for it in dev if fold(it) == f]
        w = fit([it for it in of("dev", "extra") if fold(it) != f] + of("train"))
        r, n = accuracy(test, None)
        a, _ = accuracy(test, w)
        tot = [tot[0] + r, tot[1] + a, tot[2] + n]
    print(f"{'dev+extra site ' + str(k) + '-fold (+train)':30s} speaker: rules "
          f"{tot[0]}/{tot[2]}, ranker {tot[1]}/{tot[2]} ({tot[1] - tot[0]:+d})")


def curve(items: list[Item], eval_dir: Path, k: int = 5) -> None:
    """Learning curve: the site k-fold of dev+extra with the fit on a quarter, a half and
    all of the other folds' sites (train set 1 never in it): does more labelled data
    help the model?"""
    sites = _site(eval_dir, "dev")

    def h(salt: str, it: Item) -> int:
        return int(hashlib.sha1((salt + sites[it[1]]).encode()).hexdigest(), 16)

    dev = [it for it in items if it[0].split("/")[0] in ("dev", "extra")]
    for frac in (1, 2, 4):
        tot = [0, 0, 0, 0]
        for f in range(k):
            test = [it for it in dev if h("", it) % k == f and "/" not in it[0]]
            pool = [it for it in dev if h("", it) % k != f and h("part", it) % 4 < frac]
            w = fit(pool)
            r, n = accuracy(test, None)
            a, _ = accuracy(test, w)
            tot = [tot[0] + r, tot[1] + a, tot[2] + n, tot[3] + len(pool)]
        print(f"fit on {frac}/4 of the other folds' sites (~{tot[3] // k} items a fold): "
              f"rules {tot[0]}/{tot[2]}, ranker {tot[1]}/{tot[2]} ({tot[1] - tot[0]:+d})")


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    global GATE
    args = [a for a in argv if not a.startswith("-")]
    eval_dir = Path(args[0]) if args else REPO.parent / "shared" / "eval"
    if not (eval_dir / "quotes" / "dev" / "gold.jsonl").is_file():
        print(f"no quotation gold under {eval_dir}", file=sys.stderr)
        return 2
    gate = next((a.split("=", 1)[1] for a in argv if a.startswith("--gate=")), "all")
    GATE = None if gate == "all" else set(gate.split(","))
    global L2
    L2 = float(next((a.split("=", 1)[1] for a in argv if a.startswith("--l2=")), L2))
    items = load(eval_dir)
    global OVERRIDE
    tau = next((a.split("=", 1)[1] for a in argv if a.startswith("--override=")), None)
    if tau is not None:
        OVERRIDE = float(tau)
        argv = [*argv, "--no-rules"]
    if "--no-rules" in argv:
        rules = [_rules_of(it) for it in items]
        cols = [k for k, f in enumerate(speaker_ranker.FEATURES)
                if f.startswith("rule") or f == "none_rule"]
        items = [(s, f, [[0.0 if j in cols else v for j, v in enumerate(r)] for r in x], y, ok)
                 for s, f, x, y, ok in items]
        RULES.update((id(it), r) for it, r in zip(items, rules, strict=True))
    if "--no-nobody" in argv:
        global NOBODY_IN_FIT
        NOBODY_IN_FIT = False
    print(f"gate {gate} l2 {L2}{' no-rules' if '--no-rules' in argv else ''}"
          f"{f' override {OVERRIDE}' if OVERRIDE is not None else ''}"
          f"{' no-nobody' if '--no-nobody' in argv else ''}")
    if "--curve" in argv:
        curve(items, eval_dir)
    else:
        cross(items, eval_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
