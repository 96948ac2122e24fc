"""Train the speech/term classifier of quotations on the labelled quotation sets.

    python -m reader.marks.train_quotes [EVAL_DIR] [--cv] [--check] [--no-write]

Spans, speakers and line kinds come from the detectors themselves; only the final linear
score that decides `speech` vs `term` (`speakers.KIND_FEATURES`) is fitted, on the gold
kinds of three label sets (`LABEL_SETS`): the benchmark's `quotes/dev/gold.jsonl`, the
extra dev labels `bench/heldout_quotes` and train set 1 `bench/heldout_quotes_train` (the
blind sets `heldout_quotes_train2`/`train3` are never read), and written to
`_kind_weights.py`. `--cv` prints the kind accuracy of models trained on half of the
documents and tested on the other half; the site folds and cross-source estimates are
`bench/kind_folds.py` (kind only, seconds) and `bench/estimate_marks.py` (every model).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.marks import LineKind, _analyze, _find_quotes
from reader.marks.kind_page import PAGE_REPORTING
from reader.marks.speakers import KIND_FEATURES
from reader.marks.train_boilerplate import REPO, emit, train_lr

WEIGHTS = Path(__file__).with_name("_kind_weights.py")
# The speech lean: a missed speech span also loses its speaker (a term has none), so the
# fit's score is moved towards speech by SPEECH_BIAS, on the `page_reporting` weight
# rather than the intercept: the lean is whole on pages that report speech (news) and
# nothing on pages that do not (essays, guides), where a short phrase is mostly a term.
# Chosen with KIND_L2 by site 3-fold over the three label sets, three fold assignments
# (`bench/kind_folds.py --train-sets dev+extra+train`; kind / speaker right of 3435 /
# 2304): lean 0.8 3280 / 2088, 1.0 3281 / 2092, 1.3 3272 / 2092, 1.6 3263 / 2093 (L2
# 0.01); L2 0.001 / 0.01 / 0.03 at 0.8: 3268 / 3278 / 3270 kinds.
SPEECH_BIAS = 1.0
KIND_L2: float | None = 0.01  # the fit's L2 penalty (None: `train_boilerplate.L2`)
# (label set, benchmark split its pages are in, gold file: None = the benchmark's dev gold)
LABEL_SETS: tuple[tuple[str, str, Path | None], ...] = (
    ("dev", "dev", None),
    ("extra", "dev", REPO / "bench" / "heldout_quotes" / "gold.jsonl"),
    ("train", "train", REPO / "bench" / "heldout_quotes_train" / "gold.jsonl"),
)
# the coaching page the benchmark leaves out (not a news article), as its scorer does
SKIP = ("118_",)


def gold_files(eval_dir: Path) -> set[str]:
    """The files the benchmark's quotation gold labels."""
    with open(eval_dir / "quotes" / "dev" / "gold.jsonl", encoding="utf-8") as f:
        return {json.loads(raw)["file"] for raw in f if raw.strip()}


def label_files(eval_dir: Path) -> set[str]:
    """The files of every label set the kind model is fitted on."""
    return {g["file"] for _, g in _records(eval_dir)}


def _records(eval_dir: Path) -> list[tuple[str, dict]]:
    """(benchmark split, gold record) of every labelled page, in `LABEL_SETS` order."""
    out = []
    for _, split, path in LABEL_SETS:
        path = path or eval_dir / "quotes" / "dev" / "gold.jsonl"
        with open(path, encoding="utf-8") as f:
            for raw in f:
                if raw.strip():
                    g = json.loads(raw)
                    if not g["file"].startswith(SKIP):
                        out.append((split, g))
    return out


def load(
    eval_dir: Path, weights: tuple[float, ...] | None = None, only: set[str] | None = None
) -> list[tuple[str, list[list[float]], list[int]]]:
    """Per document: (name, feature rows, 1 = speech) for quotes matching a gold span.

    A quotation's features depend on the kinds given to the quotations before it
    (`prev_speech`), so they are computed with the kind weights `weights`, never with the
    committed ones: otherwise each run would start from the last run's output and the
    written weights would drift from run to run (`fit_rounds`). `only`: these files only."""
    out = []
    for split, g in _records(eval_dir):
        if only is not None and g["file"] not in only:
            continue
        text = (eval_dir / "boilerplate" / split / g["file"]).read_text(encoding="utf-8")
        marks = _analyze(text, None, frozenset(), frozenset(), frozenset())
        rows, ys = gold_rows(text, marks.line_kinds, weights or START, g["quotes"])
        out.append((g["file"], rows, ys))
    return out


def gold_rows(
    text: str, line_kinds: Sequence[LineKind], weights: tuple[float, ...], quotes: list[dict]
) -> tuple[list[list[float]], list[int]]:
    """The kind feature rows, computed under `weights`, of the quotations of `text` (its
    lines of kinds `line_kinds`) that match a gold span of `quotes` exactly, and their
    labels (1 = speech)."""
    got: list = []
    _find_quotes(text.split("\n"), list(line_kinds), weights, got)
    gold = {(q["start"], q["end"]): q["kind"] for q in quotes}
    rows, ys = [], []
    for s, e, feats in got:
        if (s, e) in gold:
            rows.append(feats)
            ys.append(1 if gold[(s, e)] == "speech" else 0)
    return rows, ys


# the kind weights the first round of features is computed with: every quotation `speech`
# (z = 0 >= 0), the simplest start that needs no earlier fit
START = tuple([0.0] * len(KIND_FEATURES))
ROUNDS = 3  # features from the previous round's fit; the third round no longer moves on dev


def fit_rounds(eval_dir: Path, only: set[str] | None = None) -> tuple[list, list[float]]:
    """The documents' rows and the weights of the last of `ROUNDS` fits, each on features
    computed with the previous fit: a function of the data alone (byte-identical reruns)."""
    w: tuple[float, ...] = START
    docs = load(eval_dir, w, only)
    for _ in range(ROUNDS):
        w = tuple(fit(docs))
        docs = load(eval_dir, w, only)
    return docs, list(w)


def fit(docs, sample_weights: list[float] | None = None) -> list[float]:
    """The kind weights fitted on `docs` (rows, 1 = speech), with the speech lean."""
    x = [r for _, rows, _ in docs for r in rows]
    y = [v for _, _, ys in docs for v in ys]
    w = train_lr(x, y, sample_weights or [1.0] * len(y), epochs=40, l2=KIND_L2)
    return lean(w)


def lean(w: list[float], bias: float | None = None) -> list[float]:
    """`w` leaning towards speech by `bias` (default SPEECH_BIAS) on pages that report
    speech: added to the `page_reporting` weight, so scaled by that page feature."""
    w[KIND_FEATURES.index(PAGE_REPORTING)] += SPEECH_BIAS if bias is None else bias
    return w


def accuracy(docs, w) -> float:
    ok = n = 0
    for _, rows, ys in docs:
        for r, y in zip(rows, ys, strict=True):
            pred = 1 if sum(a * b for a, b in zip(w, r, strict=True)) >= 0 else 0
            ok += pred == y
            n += 1
    return ok / n if n else 0.0


def main(argv: list[str]) -> int:
    if "--help" in argv or "-h" in argv:
        print(__doc__)
        return 0
    args = [a for a in argv if not a.startswith("--")]
    eval_dir = Path(args[0]) if args else REPO.parent / "shared" / "eval"
    try:
        docs, w = fit_rounds(eval_dir)
    except FileNotFoundError as e:
        print(f"train_quotes: a label set or page is missing: {e.filename}", file=sys.stderr)
        return 2
    print(f"spans {sum(len(d[2]) for d in docs)}, train accuracy {accuracy(docs, w):.3f}")
    if "--cv" in argv:
        for half in (0, 1):
            tr = [d for d in docs if int(hashlib.sha1(d[0].encode()).hexdigest(), 16) % 2 == half]
            te = [d for d in docs if d not in tr]
            print(f"cv half {half}: accuracy {accuracy(te, fit(tr)):.3f} (train {len(tr)} docs)")
    body = "\n".join(f"    {v!r},  # {n}" for n, v in zip(KIND_FEATURES, w, strict=True))
    head = ('"""Generated by train_quotes.py from the quotation labels (the dev gold,\n'
            'bench/heldout_quotes, bench/heldout_quotes_train); do not edit."""\n\n')
    return emit(WEIGHTS, head + f"WEIGHTS = (\n{body}\n)\n", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
