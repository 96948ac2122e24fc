"""Train the boilerplate line classifier on the dev benchmark and write `_weights.py`.

    python -m reader.marks.train_boilerplate [EVAL_DIR] [--cv [--splits=N] [--sources]
        [--dump=FILE]] [--no-write]

EVAL_DIR defaults to `../shared/eval` beside the repository. The dev split trains the
model; one page in `TRAIN_SHARE` of the train split also trains its first stage (the
line-text model, `STAGE1_SPLITS`); `--cv` also prints cross-validated figures (two fixed
halves of the documents; with `--splits=N` also N more seeded random half-splits, with
`--sources` Scrapinghub pages vs the rest) so the generalisation to the held-out split can
be judged; `--dump=FILE` writes the halves' out-of-fold probabilities for error analysis.

Pure Python: logistic regression fitted with Adagrad SGD on standardised features; the
standardisation is folded back into the stored weights so inference is a plain dot
product. Trains in well under a minute. (Boosted trees were tried in the sixth round and
live in `bench/bp_trees.py`: none won out of sample, bench/README_marks.md.)
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

from reader.marks import boilerplate as bp
from reader.marks.features import LINE_FEATURES
from reader.marks.furniture import furniture_lines
from reader.marks.repeated import repeated_lines
from reader.marks.text import text_line_keys

REPO = Path(__file__).resolve().parents[2]
# the benchmark splits the committed weights are fitted on, with each page's weight. Only
# dev: the train split's pages (2025 guides, blogs, reviews from other sites) were tried as
# training data and rejected by the site k-fold estimate on the dev pages
# (`bench/estimate_marks.py`, 3 folds, one train page in 4): dev alone line F1 0.964, char
# F1 0.897, body kept 0.979, headline 0.892; with train pages at weight 0.25 0.955 / 0.874
# / 0.985 / 0.885, at weight 1 0.945 / 0.852 / 0.988 / 0.823 (more body kept, every other
# figure lower: their labels keep more text as body than dev's news pages do)
TRAIN_SPLITS: tuple[tuple[str, float], ...] = (("dev", 1.0),)
# of the train split, one page in TRAIN_SHARE (by a hash of its name) is used when it is
# used: the pure Python trainers take ~7x longer on all 843 pages, which one fit per fold
# could not afford on a shared machine
TRAIN_SHARE = 4
DATA_NOTE = "the dev benchmark"
BOILERPLATE_NOTE = "dev, stage 1 also on a quarter of train"
WEIGHTS = Path(__file__).with_name("_weights.py")
N_STAGES = 2
# decision threshold on p(boilerplate): chosen on out-of-fold predictions of two halves of
# dev (`--cv` prints the table): with the topic evidence, 0.8 keeps line/char F1 at the
# level 0.7 had without it while keeping more of the body
THRESHOLD = 0.85
# L2 penalty per update (on standardised features): 1e-3 rather than 1e-4 since the article
# run (`boilerplate.article_span`) was split from the 0.4 run: the context stages' weights
# are collinear (z / in_z, the four run flags, before/dist), and with 1e-4 the stage-3 fit
# swung so far that clean synthetic pages lost half their paragraphs; out of fold (whole
# pipeline, 5 half-splits) 1e-3 and 1e-4 are the same (line F1 0.966, char F1 0.906)
L2 = 1e-3
# the last context stage is fitted on the few lines the first left open (|z| <= 3), with
# the same collinear context features: at L2 its weights swung from fit to fit (with the
# list features, the credit and comment-count weights of stage 3 went -5.8 -> -1.2 and
# 2.0 -> -0.2, and clean synthetic pages lost their last paragraph), so it is held 10x
# tighter; out of fold (whole pipeline, 9 half-splits) with the list features: line F1
# 0.9666 -> 0.9668, char F1 0.9080 -> 0.9077, body kept 0.9701 -> 0.9720, headline
# 0.869 -> 0.875
L2_LAST = 1e-2
# pages that train stage 1 only (what a line looks like), with their weight: one train
# page in TRAIN_SHARE at weight 0.25. The context stages (where a line sits on a page) are
# fitted on dev alone: the train split's guides, blogs and reviews are laid out and
# labelled differently (36 % of lines body, comments and partly covered pages labelled
# boilerplate), and a whole model fitted on them lost line and char F1 under the site
# k-fold (`bench/estimate_marks.py`). Stage 1 gets one more column, 1.0 on these pages
# (`SOURCE_COLUMN`), which is dropped after the fit (0 at analysis): it takes up their
# different share of body lines, so the bias stays dev's. Site 3-fold on dev (mean of 3
# fold assignments) line F1 0.962 -> 0.970, char F1 0.898 -> 0.920, body kept 0.971 ->
# 0.979; Scrapinghub from the rest 0.961 / 0.903 / 0.940 -> 0.968 / 0.916 / 0.957; WCXB
# news from the rest 0.911 / 0.786 / 0.918 -> 0.911 / 0.790 / 0.918 (bench/README_marks.md)
STAGE1_SPLITS: tuple[tuple[str, float], ...] = (("train", 0.25),)
STAGE1_ONLY_SPLITS: frozenset[str] = frozenset(s for s, _ in STAGE1_SPLITS)
SOURCE_COLUMN = True
# weight factor of the stage-1-only pages in the context stages (0: they train stage 1 only)
CONTEXT_SHARE = 0.0
# with CONTEXT_SHARE > 0, a source column in the context stages too (dropped after each fit)
CONTEXT_SOURCE_COLUMN = False
UPDATES = 300_000  # SGD steps of a fit (`train_lr`)
# a line weighs chars ** WEIGHT_EXP + 3 in stage 1 (`_weight`), chars ** CONTEXT_WEIGHT_EXP
# + 3 in the context stages: 0.5 / 0.75 since issue 16's fourth round (0.75 for all
# before). Out of fold (bench/bp_estimate.py) line F1 up on all 3 site-fold assignments and
# both cross-source directions, char F1 on 4 of the 5; 0.5 in the context stages too gained
# a little more boilerplate but cost the headline ranker, which reads these scores, on
# every set (bench/README_marks.md, "Fourth round - boilerplate")
WEIGHT_EXP = 0.5
CONTEXT_WEIGHT_EXP: float | None = 0.75  # (None: WEIGHT_EXP)
STAGE1_PAGES_WEIGHT_EXP: float | None = None  # the same for the stage-1-only pages
# whether the fit, too, lets a headed list between two paragraphs through the strict levels
# of the run search (`boilerplate.NEUTRAL_LISTS`; analysis always does). It changes the
# context features of the 9 dev pages with such a list, and the refit moved other pages
# (out of fold, chars^0.5: WCXB news char F1 0.799 -> 0.791, body kept 0.940 -> 0.919 on
# pages without such a list), while at analysis alone it moves no figure by more than 0.0002
FIT_NEUTRAL = False
# weight factor of the lines labelled title (the headline; fitted as not-body)
TITLE_WEIGHT = 1.0
# context features held at 0 in training (an ablation: their weights come out 0)
DROP_CONTEXT: frozenset[str] = frozenset()


class Doc:
    """One labelled page: its lines and per-line labels (1-based keys as in gold.jsonl).

    `split` is the benchmark folder it comes from ("dev" or "train"), `url` its address
    (the site for site-grouped cross-validation), `weight` its weight in training."""

    def __init__(self, name: str, source: str, text: str, labels: dict[int, str],
                 split: str = "dev", url: str | None = None, weight: float = 1.0):
        self.name = name
        self.source = source
        self.text = text
        self.lines = text.split("\n")
        self.labels = labels
        self.split = split
        self.url = url
        self.weight = weight

    @property
    def site(self) -> str:
        """The web domain (without "www."); a page without an address is its own site."""
        host = urlparse(self.url).hostname if self.url else None
        return host.removeprefix("www.") if host else f"page:{self.name}"

    @property
    def origin(self) -> str:
        """Which kind of page it is: "scrapinghub" (2019 news), "wcxb-news" (2025 news, in
        dev), "wcxb-other" (2025 guides, blogs, reviews: the train split), "seed"."""
        if self.source.startswith("scrapinghub"):
            return "scrapinghub"
        if self.source.startswith("project seed"):
            return "seed"
        return "wcxb-news" if self.split == "dev" else "wcxb-other"


def load_split(eval_dir: Path, split: str, weight: float = 1.0, share: int = 1) -> list[Doc]:
    """Read the labelled pages of one split of the benchmark (`dev` or `train`); with
    `share` = N, the one page in N whose name hashes to 0 mod N."""
    d = eval_dir / "boilerplate" / split
    docs = []
    with open(d / "gold.jsonl", encoding="utf-8") as f:
        for raw in f:
            if not raw.strip():
                continue
            o = json.loads(raw)
            if share > 1 and int(hashlib.sha1(o["file"].encode()).hexdigest(), 16) % share:
                continue
            text = (d / o["file"]).read_text(encoding="utf-8")
            labels = {int(k): v for k, v in o["labels"].items()}
            docs.append(Doc(o["file"], o.get("source", ""), text, labels, split, o.get("url"),
                            weight))
    return docs


def load_dev(eval_dir: Path) -> list[Doc]:
    """Read every labelled page of the dev split."""
    return load_split(eval_dir, "dev")


def load_training(eval_dir: Path) -> list[Doc]:
    """The pages the committed models are trained on: dev, then train (`TRAIN_SPLITS`)."""
    return [
        d
        for split, w in TRAIN_SPLITS
        for d in load_split(eval_dir, split, w, TRAIN_SHARE if split == "train" else 1)
    ]


def load_stage1_pages(eval_dir: Path) -> list[Doc]:
    """The pages that train stage 1 only (`STAGE1_SPLITS`)."""
    return [d for split, w in STAGE1_SPLITS for d in load_split(eval_dir, split, w, TRAIN_SHARE)]


def _standardise(rows: list[list[float]]) -> tuple[list[float], list[float]]:
    n = len(rows)
    dim = len(rows[0])
    mean = [sum(r[j] for r in rows) / n for j in range(dim)]
    std = []
    for j in range(dim):
        v = sum((r[j] - mean[j]) ** 2 for r in rows) / n
        std.append(math.sqrt(v) if v > 1e-12 else 1.0)
    mean[0], std[0] = 0.0, 1.0  # bias column stays as is
    return mean, std


def train_lr(
    rows: list[list[float]], y: list[int], sw: list[float], epochs: int | None = None,
    seed: int = 1,
    l2: float | None = None,
) -> list[float]:
    """Weighted L2 logistic regression (penalty `l2`, default `L2`); returns raw-feature
    weights (bias first)."""
    if l2 is None:
        l2 = L2
    mean, std = _standardise(rows)
    xs = [[(v - m) / s for v, m, s in zip(r, mean, std, strict=True)] for r in rows]
    dim = len(mean)
    w = [0.0] * dim
    g2 = [1e-8] * dim
    order = list(range(len(xs)))
    rng = random.Random(seed)
    lr = 0.5
    wsum = sum(sw) / len(sw)
    if epochs is None:
        # about 300k updates in all: 12 passes over dev's ~21k lines, 2 over dev + train's
        # ~218k (SGD over ten times the lines needs fewer passes; 12 took ~3 min there)
        epochs = max(2, min(12, -(-UPDATES // len(xs))))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            x = xs[i]
            z = sum(a * b for a, b in zip(w, x, strict=True))
            p = bp._sigmoid(z)
            g = (p - y[i]) * sw[i] / wsum
            for j in range(dim):
                gj = g * x[j] + l2 * w[j]
                g2[j] += gj * gj
                w[j] -= lr * gj / math.sqrt(g2[j])
    raw = [w[j] / std[j] for j in range(dim)]
    raw[0] = w[0] - sum(w[j] * mean[j] / std[j] for j in range(1, dim))
    return raw


def _doc_rows(doc: Doc, repeated: frozenset[str] | None):
    idx, rows1, _ = bp.stage1_rows(doc.lines, repeated)
    y = [1 if doc.labels.get(i + 1) == "body" else 0 for i in idx]
    texts = [doc.lines[i].strip() for i in idx]
    return idx, rows1, y, [len(t) for t in texts], texts


def _neutral(doc: Doc, idx: list[int]) -> set[int]:
    """Positions (in `idx`) of the lines that weigh nothing in the run search, as
    `boilerplate.analyze_lines` finds them (`boilerplate.neutral_lines`)."""
    neutral = bp.neutral_lines(doc.lines)
    return {k for k, i in enumerate(idx) if i in neutral} if neutral else set()


def _open_lines(doc: Doc, idx: list[int]) -> list[float]:
    """1.0 for each line of `idx` that the furniture patterns leave to the model, else 0."""
    found = furniture_lines(doc.text, doc.lines, text_line_keys(doc.text))
    settled = found.certain | found.teasers
    return [0.0 if i in settled else TITLE_WEIGHT if doc.labels.get(i + 1) == "title" else 1.0
            for i in idx]


def _weight(c: int, exp: float | None = None) -> float:
    """A line's training weight from its length in characters (`WEIGHT_EXP`)."""
    return c ** (WEIGHT_EXP if exp is None else exp) + 3.0


def fit(docs: list[Doc], repeated: frozenset[str] | None) -> tuple[list[float], list]:
    """Fit stage 1, then each context stage on the lines the previous stages leave open.

    Pages of the splits in `STAGE1_ONLY_SPLITS` train stage 1 only (what a line looks
    like); the context stages are fitted on the others. With `SOURCE_COLUMN`, stage 1 gets
    one more column, 1.0 on those pages, whose weight is dropped after the fit (0 at
    analysis time): it absorbs their different share of body lines."""
    per = [_doc_rows(d, repeated) for d in docs]
    # the lines the furniture patterns settle are never the model's call: they weigh
    # nothing, so its capacity goes to the lines left open (a model trained on them too
    # did worse out of fold: bench/crossval_pipeline.py)
    open_ = [_open_lines(d, p[0]) for d, p in zip(docs, per, strict=True)]
    only1 = [d.split in STAGE1_ONLY_SPLITS for d in docs]
    if all(only1):  # nothing else to fit the context stages on: these pages train all
        only1 = [False] * len(docs)
    src = SOURCE_COLUMN and any(only1)
    x1 = [r + [1.0 if o else 0.0] if src else r
          for p, o in zip(per, only1, strict=True) for r in p[1]]
    y1 = [v for p in per for v in p[2]]
    s1 = [
        _weight(c, STAGE1_PAGES_WEIGHT_EXP if o else None) * k * d.weight
        for d, p, ks, o in zip(docs, per, open_, only1, strict=True)
        for c, k in zip(p[3], ks, strict=True)
    ]
    w1 = train_lr(x1, y1, s1)
    if src:
        w1 = w1[:-1]
    keep = [not o or CONTEXT_SHARE > 0 for o in only1]
    cw = [CONTEXT_SHARE if o else 1.0 for o, k in zip(only1, keep, strict=True) if k]
    docs = [d for d, k in zip(docs, keep, strict=True) if k]
    per = [p for p, k in zip(per, keep, strict=True) if k]
    open_ = [o for o, k in zip(open_, keep, strict=True) if k]
    neutral = [_neutral(d, p[0]) if FIT_NEUTRAL else set()
               for d, p in zip(docs, per, strict=True)]
    stages: list[list[float]] = []
    for st in range(N_STAGES):
        xs: list[list[float]] = []
        ys: list[int] = []
        ws: list[float] = []
        for d, (_, rows1, y, chars, texts), ks, f, nl in zip(docs, per, open_, cw, neutral,
                                                          strict=True):
            cap: list = []
            bp.run_stages(rows1, chars, w1, stages + [[0.0] * len(bp.STAGE2_FEATURES)], cap,
                          texts, nl)
            if not cap:
                continue
            active, rows = cap[-1]
            if DROP_CONTEXT:
                drop = [j for j, n in enumerate(bp.STAGE2_FEATURES) if n in DROP_CONTEXT]
                rows = [[0.0 if j in drop else v for j, v in enumerate(r)] for r in rows]
            if CONTEXT_SOURCE_COLUMN and CONTEXT_SHARE > 0:
                col = 1.0 if d.split in STAGE1_ONLY_SPLITS else 0.0
                rows = [[*r, col] for r in rows]
            xs.extend(rows)
            ys.extend(y[k] for k in active)
            ws.extend(_weight(chars[k], CONTEXT_WEIGHT_EXP) * ks[k] * d.weight * f
                      for k in active)
        if not xs:  # every line settled before this stage: it has nothing to learn
            stages.append([0.0] * len(bp.STAGE2_FEATURES))
            continue
        w = train_lr(xs, ys, ws, l2=L2_LAST if st == N_STAGES - 1 else L2)
        stages.append(w[: len(bp.STAGE2_FEATURES)])  # (a source column's weight dropped)
    return w1, stages


def predict(doc: Doc, w1, stages, repeated) -> tuple[list[int], list[float]]:
    """A page's non-blank line indexes and their boilerplate probabilities under the given
    weights (the trainer's reference path, `boilerplate.run_stages`)."""
    idx, rows1, _, chars, texts = _doc_rows(doc, repeated)
    z = bp.run_stages(rows1, chars, w1, stages, texts=texts, neutral=_neutral(doc, idx))
    return idx, [1.0 - bp._sigmoid(v) for v in z]


def metrics(results: list[tuple[Doc, list[int], list[float]]], thr: float) -> dict[str, float]:
    """Micro line/char P, R, F1 and body retention, as the benchmark scorer computes them."""
    tp = fp = fn = ctp = cfp = cfn = body = kept = 0
    for doc, idx, pb in results:
        marked = {i + 1 for i, p in zip(idx, pb, strict=True) if p >= thr}
        for ln, lab in doc.labels.items():
            c = len(doc.lines[ln - 1])
            g = lab == "boilerplate"
            m = ln in marked
            tp += g and m
            fp += m and not g
            fn += g and not m
            ctp += c if g and m else 0
            cfp += c if m and not g else 0
            cfn += c if g and not m else 0
            if lab == "body":
                body += c
                kept += 0 if m else c

    def f1(a, b, c):
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return {
        "line_f1": f1(tp, fp, fn),
        "char_f1": f1(ctp, cfp, cfn),
        "kept": kept / body if body else 1.0,
    }


def corpus_repeated(docs: list[Doc]) -> frozenset[str]:
    return repeated_lines(d.text for d in docs)


def _oof(docs: list[Doc], part: list[Doc], stage1: list[Doc] = ()) -> tuple[list, list]:
    """Out-of-fold results of the two directions of one split of `docs` into `part`/rest
    (`stage1`: pages that train stage 1 only, in both directions)."""
    other = [d for d in docs if d not in part]
    out = []
    for train, test in ((part, other), (other, part)):
        train = [*train, *stage1]
        w1, stages = fit(train, corpus_repeated(train))
        rep = corpus_repeated(test)
        out.append([(d, *predict(d, w1, stages, rep)) for d in test])
    return out[0], out[1]


def cross_validate(docs: list[Doc], thr: float, extra: int = 0, dump: str | None = None,
                   stage1: list[Doc] = ()) -> None:
    """Print figures for models trained on one part of dev and scored on the other.

    `extra` more random half-splits (seeded, so runs compare) are scored in both directions
    and summarised, since a single split's figures move by ~0.01 with small changes.
    `dump` writes the out-of-fold p(boilerplate) of the halves as JSON lines.
    """

    def h(d: Doc) -> int:
        return int(hashlib.sha1(d.name.encode()).hexdigest(), 16)

    def fmt(m: dict[str, float]) -> str:
        return " ".join(f"{k}={v:.3f}" for k, v in m.items())

    half_a = [d for d in docs if h(d) % 2 == 0]
    ab, ba = _oof(docs, half_a, stage1)
    oof = ab + ba
    for t in (0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
        print(f"out-of-fold thr={t:.2f} " + fmt(metrics(oof, t)))
    print(f"cv {'half A->B':18s} " + fmt(metrics(ab, thr)))
    print(f"cv {'half B->A':18s} " + fmt(metrics(ba, thr)))
    if dump:
        with open(dump, "w", encoding="utf-8") as f:
            for d, idx, pb in oof:
                f.write(json.dumps({"file": d.name, "idx": idx, "p": pb}) + "\n")
    if extra:
        rows = []
        pooled = []
        for seed in range(extra):
            rng = random.Random(1000 + seed)
            part = [d for d in docs if rng.random() < 0.5]
            x, y = _oof(docs, part, stage1)
            m = metrics(x + y, thr)
            rows.append(m)
            pooled.append(x + y)
            print(f"cv random split {seed}  " + fmt(m) + "   (" + fmt(metrics(x, thr))
                  + " | " + fmt(metrics(y, thr)) + ")")
        for t in (0.7, 0.8, 0.85, 0.9):
            ms = [metrics(r, t) for r in pooled]
            print(f"cv random mean thr={t:.2f} "
                  + fmt({k: sum(m[k] for m in ms) / len(ms) for k in ms[0]}))
    if "--sources" in sys.argv:
        sh = [d for d in docs if d.source.startswith("scrapinghub")]
        x, y = _oof(docs, sh, stage1)
        print(f"cv {'scrapinghub->rest':18s} " + fmt(metrics(x, thr)))
        print(f"cv {'rest->scrapinghub':18s} " + fmt(metrics(y, thr)))


def weights_source(w1: list[float], stages: list[list[float]], thr: float) -> str:
    """The text of `_weights.py` for these weights."""
    def fmt(names, w, ind):
        return "\n".join(f"{ind}{v!r},  # {n}" for n, v in zip(names, w, strict=True))

    body = "".join(
        f"    (\n{fmt(bp.STAGE2_FEATURES, w, ' ' * 8)}\n    ),\n" for w in stages
    )
    return (
        f'"""Generated by train_boilerplate.py from {BOILERPLATE_NOTE}; do not edit."""\n\n'
        f"THRESHOLD = {thr!r}\n\n"
        f"STAGE1 = (\n{fmt(LINE_FEATURES, w1, ' ' * 4)}\n)\n\n"
        f"STAGES = (\n{body})\n"
    )


def emit(path: Path, source: str, argv: list[str]) -> int:
    """Write a trainer's weight module, or with `--check` compare it with the committed one
    byte for byte (exit status 1 when they differ: the weights are not what the trainer
    makes of the data); `--no-write` does neither."""
    if "--check" in argv:
        same = path.is_file() and path.read_text(encoding="utf-8") == source
        verdict = "reproduced byte for byte" if same else "DIFFERS from the trainer output"
        print(f"{path.name}: {verdict}")
        return 0 if same else 1
    if "--no-write" not in argv:
        path.write_text(source, encoding="utf-8")
        print(f"wrote {path}")
    return 0


def option(argv: list[str], name: str) -> str | None:
    """The value of `--name=VALUE` in `argv` (the trainers' few options), else None."""
    return next((a.split("=", 1)[1] for a in argv if a.startswith(name + "=")), None)


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    args = [a for a in argv if not a.startswith("-")]
    eval_dir = Path(args[0]) if args else REPO.parent / "shared" / "eval"
    docs = load_training(eval_dir)
    extra = load_stage1_pages(eval_dir)
    rep = corpus_repeated(docs + extra)
    w1, stages = fit(docs + extra, rep)
    res = [(d, *predict(d, w1, stages, rep)) for d in docs]
    best = max((metrics(res, t)["char_f1"], t) for t in [i / 100 for i in range(20, 81, 2)])
    thr = THRESHOLD
    for t in (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, best[1]):
        print(f"train thr={t:.2f}", metrics(res, t))
    if "--cv" in argv:
        cross_validate(docs, thr, int(option(argv, "--splits") or 0), option(argv, "--dump"),
                       extra)
    status = emit(WEIGHTS, weights_source(w1, stages, thr), argv)
    c = Counter(lab for d in docs for lab in d.labels.values())
    print(f"{len(docs)} documents, labels {dict(c)}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
