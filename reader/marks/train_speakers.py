"""Train the choice of who a pronoun or an unattributed quotation points at.

    python -m reader.marks.train_speakers [EVAL_DIR] [--cv[=K]] [--no-write] [--check]

Data: every labelled quotation set there is, all in the quotation benchmark's format --
the benchmark's dev gold (`EVAL_DIR/quotes/dev/gold.jsonl`), `bench/heldout_quotes`
(the other dev pages) and `bench/heldout_quotes_train` (14 train pages); no other file.
Each page is marked by the committed detectors (line kinds without corpus evidence, as
`train_quotes` does) and its quotations attributed with the fixed-order rules
(`antecedents` unweighted, so the data never depends on the weights being written); where
a speaker is looked for among the people in reach (`antecedents.rows`), the candidates
that match the gold speaker (the benchmark scorer's rule) are the positives of one
instance. A conditional logit is fitted by full-batch gradient descent from zero (a
function of the data alone) and written to `_antecedent_weights.py`. `--cv=K` prints the
choice's accuracy under a site K-fold (no web domain in both training and test).
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from pathlib import Path
from urllib.parse import urlparse

from reader.marks import _analyze, _antecedent_weights, _find_quotes
from reader.marks import antecedents as ant
from reader.marks.train_boilerplate import REPO, emit

WEIGHTS = Path(__file__).with_name("_antecedent_weights.py")
# the labelled sets: (benchmark folder of the texts, gold file; None = the benchmark's own)
SETS = (
    ("dev", None),
    ("dev", REPO / "bench" / "heldout_quotes" / "gold.jsonl"),
    ("train", REPO / "bench" / "heldout_quotes_train" / "gold.jsonl"),
)
SKIP = ("118_",)  # the coaching page the quotation benchmark leaves out
L2 = 0.05
STEPS = 1500
RATE = 1.0

Instance = tuple[list[list[float]], list[int]]  # candidate rows, indexes of the positives


def _tokens(s: str) -> list[str]:
    out = []
    for t in s.lower().replace("-", " ").replace("\u2010", " ").split():
        t = t.strip(".,;:!?\"'\u201c\u201d\u2018\u2019()[]{}\u00ab\u00bb\u201e\u2014\u2013")
        if t:
            out.append(t)
    return out


def speaker_match(gold: str, pred: str) -> bool:
    """The benchmark scorer's rule: either holds the other's last token as a word."""
    g, p = _tokens(gold), _tokens(pred)
    return bool(g and p) and (g[-1] in p or p[-1] in g)


def sites(eval_dir: Path) -> dict[tuple[str, str], str]:
    """(benchmark folder, file) -> web domain (a page without an address: its own site)."""
    out = {}
    for split in ("dev", "train"):
        with (eval_dir / "boilerplate" / split / "gold.jsonl").open(encoding="utf-8") as fh:
            for raw in fh:
                o = json.loads(raw)
                host = urlparse(o["url"]).hostname if o.get("url") else None
                out[(split, o["file"])] = (host.removeprefix("www.") if host
                                           else "page:" + o["file"])
    return out


def page_instances(text: str, gold: list[dict]) -> list[Instance]:
    """The instances of one page (see the module's docstring)."""
    saved = _antecedent_weights.WEIGHTS
    _antecedent_weights.WEIGHTS = None
    ant.LOG = []
    try:
        marks = _analyze(text, None, frozenset(), frozenset(), frozenset())
        _find_quotes(text.split("\n"), list(marks.line_kinds))
        log = ant.LOG
    finally:
        ant.LOG = None
        _antecedent_weights.WEIGHTS = saved
    by_pos: dict[int, list[tuple[list[str], list[list[float]]]]] = {}
    at = -1
    for names, rows in log:
        if names and not rows and names[0].startswith("@"):
            at = int(names[0][1:])
            continue
        by_pos.setdefault(at, []).append((names, rows))
    out: list[Instance] = []
    for q in gold:
        if q["kind"] != "speech" or not q["speaker"]:
            continue
        for names, rows in by_pos.get(q["start"], ()):
            pos = [i for i, n in enumerate(names) if speaker_match(q["speaker"], n)]
            if pos and len(names) >= 2:
                out.append((rows, pos))
    return out


def load(eval_dir: Path) -> list[tuple[str, list[Instance]]]:
    """(site, instances) per labelled page, in a fixed order."""
    site = sites(eval_dir)
    out = []
    for split, path in SETS:
        gold_path = path or eval_dir / "quotes" / "dev" / "gold.jsonl"
        for raw in gold_path.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            rec = json.loads(raw)
            if rec["file"].startswith(SKIP):
                continue
            text = (eval_dir / "boilerplate" / split / rec["file"]).read_text(encoding="utf-8")
            out.append((site[(split, rec["file"])], page_instances(text, rec["quotes"])))
    return out


def fit(instances: list[Instance]) -> list[float]:
    """Conditional logit: maximise log P(a positive) over each instance's candidates,
    L2-penalised, by full-batch gradient ascent from zero (deterministic)."""
    dim = len(ant.FEATURES)
    w = [0.0] * dim
    n = max(1, len(instances))
    for _ in range(STEPS):
        grad = [0.0] * dim
        for rows, pos in instances:
            scores = [sum(a * b for a, b in zip(w, r, strict=True)) for r in rows]
            top = max(scores)
            ex = [math.exp(s - top) for s in scores]
            z = sum(ex)
            zp = sum(ex[i] for i in pos)
            for i, r in enumerate(rows):
                # d log(zp / z) / d s_i = [i in pos] e_i / zp - e_i / z
                g = (ex[i] / zp if i in pos else 0.0) - ex[i] / z
                if g:
                    for j in range(dim):
                        grad[j] += g * r[j]
        for j in range(dim):
            w[j] += RATE * (grad[j] / n - L2 * w[j])
    return [round(v, 6) for v in w]


def accuracy(instances: list[Instance], w: list[float]) -> tuple[int, int]:
    """How many instances' chosen candidate is a positive."""
    ok = 0
    for rows, pos in instances:
        scores = [sum(a * b for a, b in zip(w, r, strict=True)) for r in rows]
        best = max(range(len(rows)), key=lambda i: (scores[i], -i))
        ok += best in pos
    return ok, len(instances)


def fold_of(site: str, k: int, salt: str = "") -> int:
    return int(hashlib.sha1((salt + site).encode()).hexdigest(), 16) % k


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    args = [a for a in argv if not a.startswith("-")]
    eval_dir = Path(args[0]) if args else REPO.parent / "shared" / "eval"
    if not (eval_dir / "quotes" / "dev" / "gold.jsonl").is_file():
        print(f"no quotation gold under {eval_dir}", file=sys.stderr)
        return 2
    pages = load(eval_dir)
    every = [i for _, ins in pages for i in ins]
    w = fit(every)
    ok, n = accuracy(every, w)
    print(f"instances {n}, in-sample choice accuracy {ok}/{n}")
    cv = next((a for a in argv if a.startswith("--cv")), None)
    if cv:
        k = int(cv.split("=", 1)[1]) if "=" in cv else 5
        oks = ns = 0
        for f in range(k):
            tr = [i for s, ins in pages if fold_of(s, k) != f for i in ins]
            te = [i for s, ins in pages if fold_of(s, k) == f for i in ins]
            a, b = accuracy(te, fit(tr))
            oks += a
            ns += b
        print(f"site {k}-fold choice accuracy {oks}/{ns}")
    body = "\n".join(f"    {v!r},  # {name}" for name, v in zip(ant.FEATURES, w, strict=True))
    head = ('"""Generated by train_speakers.py from the labelled quotation sets; do not '
            'edit."""\n\n')
    return emit(WEIGHTS, head + f"WEIGHTS: tuple[float, ...] | None = (\n{body}\n)\n", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
