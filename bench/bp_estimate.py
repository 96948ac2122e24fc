"""The boilerplate part of `estimate_marks.py`, fast enough to judge one change at a time.

    nice python bench/bp_estimate.py [EVAL_DIR] [--jobs N] [--thresholds T,...]
        [--split-lengths N,...] [--stage1-weight W] [--stage1-share N] [--ctx-weight W
        [--ctx-source-column]] [--weight-exp E] [--ctx-weight-exp E]
        [--stage1-pages-weight-exp E] [--drop F,...] [--neutral-lists 0-3]
        [--fit-neutral] [--title-weight W] [--cache DIR]
        [--on-train] [--settled-z Z] [--settled-stage-z Z] [--l2 L] [--l2-last L]
        [--switch-cost C] [--length-exp E] [--tail-share S] [--trees N] [--tree-depth D]
        [--tree-rate R] [--tree-l2 L] [--tree-min-hess H] [--tree-scope ctx|last]
        [--tree-pages-share W]
        [--dump-pages FILE] [--dump-preds FILE] [--dump-loss FILE]

Only the boilerplate model is refitted (the committed headline ranker and kind model are
kept: they change the title line at most); each test set is analysed as `reader analyze`
analyses a corpus of those pages (their own repeated lines, the furniture patterns, the
guards) and scored with the benchmark's own scorer (imported, micro figures). Scenarios,
all out of sample: the site 3-fold on three assignments of the sites to folds (salts "",
"a", "b", as `estimate_marks.py --salt`), their mean, and the two cross-source directions
(not Scrapinghub -> Scrapinghub, not WCXB news -> WCXB news). Eleven fits, run `--jobs`
at a time (default 2). The options override the trainer's settings for the run (the
train-split pages of stage 1: `--stage1-weight`, `--stage1-share`; `--ctx-weight`: their
weight in the context stages, `train_boilerplate.CONTEXT_SHARE`), so a variant is judged
without editing the trainer; `--thresholds` scores each fit at several decision
thresholds. Its site 3-fold figures equal `estimate_marks.py --data dev`'s boilerplate
columns up to the headline (a line labelled title is never boilerplate).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import time
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.marks import _weights, analyze, article_end, smoothing  # noqa: E402
from reader.marks import boilerplate as bp  # noqa: E402
from reader.marks import train_boilerplate as tb  # noqa: E402
from reader.marks.repeated import repeated_lines  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
import bp_trees  # noqa: E402

TREES = 0  # `--trees N`: boosted trees over the final scores (`bp_trees.py`; 0: none)

SALTS = ("", "a", "b")
K = 3
DEV: list[tb.Doc] = []
STAGE1: list[tb.Doc] = []
THRESHOLDS: list[float] = []
CACHE: Path | None = None  # fitted weights by (code, settings, training pages): `--cache`
# the trainer's code and the settings a run overrides, part of the cache key
CODE = hashlib.sha1(b"".join(
    p.read_bytes() for p in sorted((REPO / "reader" / "marks").glob("*.py"))
    if not p.name.startswith("_"))).hexdigest()
SETTINGS: list = []


def _fold(site: str, salt: str) -> int:
    return int(hashlib.sha1((salt + site).encode()).hexdigest(), 16) % K


TRAIN_TEST: list[tb.Doc] = []  # `--on-train`: train-split pages that do not train stage 1


def jobs() -> list[tuple[str, list[str], list[str]]]:
    """(scenario, training page names, test page names) of every fit."""
    out = []
    if TRAIN_TEST:
        out.append(("dev->train", [d.name for d in DEV], [d.name for d in TRAIN_TEST]))
    for salt in SALTS:
        for f in range(K):
            out.append((f"kfold{salt or '0'}",
                        [d.name for d in DEV if _fold(d.site, salt) != f],
                        [d.name for d in DEV if _fold(d.site, salt) == f]))
    for target in ("scrapinghub", "wcxb-news"):
        test = [d for d in DEV if d.origin == target]
        sites = {d.site for d in test}
        out.append((f"->{target}",
                    [d.name for d in DEV if d.origin != target and d.site not in sites],
                    [d.name for d in test]))
    return out


def run(job: tuple[str, list[str], list[str]]) -> tuple[str, dict[float, dict]]:
    """Fit on the job's training pages (+ the stage-1 pages), predict its test pages."""
    label, train_names, test_names = job
    by = {d.name: d for d in DEV + TRAIN_TEST}
    train = [by[n] for n in train_names] + STAGE1
    test = [by[n] for n in test_names]
    key = hashlib.sha1(json.dumps([CODE, SETTINGS, train_names]).encode()).hexdigest()
    cached = CACHE / f"{key}.json" if CACHE else None
    if cached and cached.is_file():
        w1, stages = json.loads(cached.read_text(encoding="utf-8"))
    else:
        w1, stages = tb.fit(train, tb.corpus_repeated(train))
        if cached:
            cached.write_text(json.dumps([w1, stages]), encoding="utf-8")
    bp.use_weights(w1, stages)
    # the trees are boosted from the linear fit's scores (not cached: a few seconds)
    if TREES:
        bp_trees.install(bp_trees.fit(train, w1, stages, tb.corpus_repeated(train)), w1, stages)
    rep = repeated_lines(d.text for d in test)
    out = {}
    for t in THRESHOLDS:
        _weights.THRESHOLD = t
        out[t] = {d.name: set(analyze(d.text, repeated=rep).boilerplate_lines) for d in test}
    return label, out


def _counts(labels: dict, marked: set[int]) -> list[int]:
    """A page's tp, fp, fn, their character sums, body characters and body kept (the
    scorer's micro counts, for a paired bootstrap over pages)."""
    c = [0] * 8
    for i, (lab, n) in labels.items():
        g, m = lab == "boilerplate", i in marked
        if g or m:
            j = 0 if g and m else 1 if m else 2
            c[j] += 1
            c[j + 3] += n
        if lab == "body":
            c[6] += n
            c[7] += 0 if m else n
    return c


def _scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score_bp", eval_dir / "score_boilerplate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir", nargs="?", default=str(REPO.parent / "shared" / "eval"))
    ap.add_argument("--jobs", type=int, default=2, help="fits run at a time (default 2)")
    ap.add_argument("--thresholds", default=None,
                    help="comma-separated decision thresholds (default: the trainer's)")
    ap.add_argument("--stage1-weight", type=float, default=None,
                    help="weight of a train-split page in stage 1 (default: the trainer's)")
    ap.add_argument("--stage1-share", type=int, default=None,
                    help="use one train-split page in N (default: the trainer's TRAIN_SHARE)")
    ap.add_argument("--ctx-weight", type=float, default=None,
                    help="weight factor of the stage-1 pages in the context stages")
    ap.add_argument("--split-lengths", type=lambda v: [int(x) for x in v.split(",")],
                    default=[], help="also score: lines shorter than N characters at one "
                    "threshold, longer ones at another (each pair of --thresholds)")
    ap.add_argument("--weight-exp", type=float, default=None,
                    help="a line's training weight is chars**E + 3 (the trainer's `WEIGHT_EXP`)")
    ap.add_argument("--cache", metavar="DIR",
                    help="keep each fit's weights in DIR and reuse them (re-scoring at other "
                    "thresholds costs no refit)")
    ap.add_argument("--ctx-weight-exp", type=float, default=None,
                    help="the same in the context stages only")
    ap.add_argument("--drop", default="",
                    help="comma-separated context features held at 0 in training (ablation)")
    ap.add_argument("--stage1-pages-weight-exp", type=float, default=None,
                    help="the same for the stage-1-only (train-split) pages only")
    ap.add_argument("--ctx-source-column", action="store_true",
                    help="with --ctx-weight: a source column in the context stages too")
    ap.add_argument("--neutral-lists", type=int, choices=(0, 1, 2, 3), default=None,
                    help="headed teaser lists in the run search: 0 weigh as other lines, 1 "
                    "weigh nothing, 2 nothing at its two strict levels, 3 as 2 for lists "
                    "between two paragraphs only (default: `boilerplate.NEUTRAL_LISTS`)")
    ap.add_argument("--title-weight", type=float, default=None,
                    help="weight factor of the title lines in the fit (`TITLE_WEIGHT`)")
    ap.add_argument("--fit-neutral", action="store_true",
                    help="the fits see --neutral-lists too (`train_boilerplate.FIT_NEUTRAL`; "
                    "by default only the analysis does)")
    ap.add_argument("--on-train", action="store_true",
                    help="also fit on all dev pages and score the train-split pages that do "
                    "not train stage 1 (643; no rule or weight was chosen on them; labelled "
                    "like WCXB: guides, blogs, reviews)")
    ap.add_argument("--settled-z", type=float, default=None,
                    help="stage-1 score under which a line outside every run keeps its "
                    "verdict (`boilerplate.SETTLED_Z`)")
    ap.add_argument("--settled-stage-z", type=float, default=None,
                    help="|score| after a context stage beyond which a line keeps its "
                    "verdict (`boilerplate.SETTLED_STAGE_Z`)")
    ap.add_argument("--l2", type=float, default=None,
                    help="L2 penalty of stage 1 and the first context stage (`L2`)")
    ap.add_argument("--l2-last", type=float, default=None,
                    help="L2 penalty of the last context stage (`L2_LAST`)")
    ap.add_argument("--switch-cost", type=float, default=None,
                    help="log-odds paid per change between body and boilerplate when the "
                    "verdicts are taken in blocks (`smoothing.SWITCH_COST`; 0: each line "
                    "alone, as before the fifth round). Analysis only: the fits are reused")
    ap.add_argument("--length-exp", type=float, default=None,
                    help="a line's evidence in the block verdicts is weighed chars**E "
                    "(`smoothing.LENGTH_EXP`)")
    ap.add_argument("--tail-share", type=float, default=None,
                    help="the body under a header that closes the article is furniture when "
                    "it holds at most this share of the page's body (`article_end.TAIL_SHARE`; "
                    "0: never, as before the eighth round). Analysis only: the fits are reused")
    ap.add_argument("--trees", type=int, default=0,
                    help="N boosted trees over the linear model's final scores (`bp_trees.py`, "
                    "not used by `reader`; default 0: none)")
    ap.add_argument("--tree-depth", type=int, default=None, help="their depth (`DEPTH`)")
    ap.add_argument("--tree-rate", type=float, default=None,
                    help="their learning rate (`RATE`)")
    ap.add_argument("--tree-l2", type=float, default=None, help="leaf L2 (`L2`)")
    ap.add_argument("--tree-min-hess", type=float, default=None,
                    help="least hessian on each side of a split (`MIN_HESS`)")
    ap.add_argument("--tree-pages-share", type=float, default=None,
                    help="weight factor of the stage-1 (train-split) pages in the trees' fit "
                    "(`PAGES_SHARE`; default: as the context stages)")
    ap.add_argument("--tree-scope", choices=("ctx", "last"), default=None,
                    help="the lines the trees score: every line stage 1 left open, or those "
                    "of the last stage (`SCOPE`)")
    ap.add_argument("--dump-pages", metavar="FILE",
                    help="write each scenario's per-page figures at the first threshold (JSON)")
    ap.add_argument("--dump-preds", metavar="FILE",
                    help="write each scenario's boilerplate lines per page at the first "
                    "threshold (JSON), to study the out-of-fold misses")
    ap.add_argument("--dump-loss", metavar="FILE",
                    help="write per-page body characters lost on the salt-'' 3-fold (JSON)")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    if not (eval_dir / "boilerplate" / "train" / "gold.jsonl").is_file():
        print(f"no benchmark with a train split at {eval_dir}", file=sys.stderr)
        return 2
    if args.stage1_weight is not None or args.stage1_share is not None:
        w = args.stage1_weight if args.stage1_weight is not None else tb.STAGE1_SPLITS[0][1]
        tb.STAGE1_SPLITS = (("train", w),)
        if args.stage1_share is not None:
            tb.TRAIN_SHARE = args.stage1_share
    if args.weight_exp is not None:
        tb.WEIGHT_EXP = args.weight_exp
    if args.ctx_weight_exp is not None:
        tb.CONTEXT_WEIGHT_EXP = args.ctx_weight_exp
    if args.stage1_pages_weight_exp is not None:
        tb.STAGE1_PAGES_WEIGHT_EXP = args.stage1_pages_weight_exp
    if args.ctx_source_column:
        tb.CONTEXT_SOURCE_COLUMN = True
    if args.drop:
        tb.DROP_CONTEXT = frozenset(args.drop.split(","))
    if args.ctx_weight is not None:
        tb.CONTEXT_SHARE = args.ctx_weight
    if args.neutral_lists is not None:
        bp.NEUTRAL_LISTS = args.neutral_lists
    if args.fit_neutral:
        tb.FIT_NEUTRAL = True
    if args.title_weight is not None:
        tb.TITLE_WEIGHT = args.title_weight
    if args.settled_z is not None:
        bp.SETTLED_Z = args.settled_z
    if args.settled_stage_z is not None:
        bp.SETTLED_STAGE_Z = args.settled_stage_z
    if args.l2 is not None:
        tb.L2 = args.l2
    if args.l2_last is not None:
        tb.L2_LAST = args.l2_last
    if args.switch_cost is not None:
        smoothing.SWITCH_COST = args.switch_cost
    if args.length_exp is not None:
        smoothing.LENGTH_EXP = args.length_exp
    if args.tail_share is not None:
        article_end.TAIL_SHARE = args.tail_share
    global TREES
    TREES = bp_trees.N_TREES = args.trees
    for opt, name in (("tree_depth", "DEPTH"), ("tree_rate", "RATE"), ("tree_l2", "L2"),
                      ("tree_min_hess", "MIN_HESS"), ("tree_scope", "SCOPE"),
                      ("tree_pages_share", "PAGES_SHARE")):
        if getattr(args, opt) is not None:
            setattr(bp_trees, name, getattr(args, opt))
    global CACHE
    if args.cache:
        CACHE = Path(args.cache)
        CACHE.mkdir(parents=True, exist_ok=True)
    SETTINGS[:] = [tb.STAGE1_SPLITS, tb.TRAIN_SHARE, args.ctx_weight, args.weight_exp,
                    args.ctx_weight_exp, args.drop, args.stage1_pages_weight_exp,
                    args.ctx_source_column, bp.NEUTRAL_LISTS, tb.FIT_NEUTRAL,
                    tb.TITLE_WEIGHT, bp.SETTLED_Z, bp.SETTLED_STAGE_Z]
    if args.l2 is not None or args.l2_last is not None:
        SETTINGS.append([tb.L2, tb.L2_LAST])
    DEV[:] = tb.load_split(eval_dir, "dev")
    STAGE1[:] = tb.load_stage1_pages(eval_dir)
    if args.on_train:
        held = {d.name for d in STAGE1}
        TRAIN_TEST[:] = [d for d in tb.load_split(eval_dir, "train") if d.name not in held]
    THRESHOLDS[:] = ([float(t) for t in args.thresholds.split(",")] if args.thresholds
                     else [tb.THRESHOLD])
    sc = _scorer(eval_dir)
    gold = sc.load_gold(str(eval_dir / "boilerplate" / "dev"))
    if TRAIN_TEST:
        gold.update(sc.load_gold(str(eval_dir / "boilerplate" / "train")))
    t0 = time.perf_counter()
    with get_context("fork").Pool(args.jobs) as pool:
        results = pool.map(run, jobs(), chunksize=1)
    print(f"stage 1 pages {len(STAGE1)} at {tb.STAGE1_SPLITS}, context share "
          f"{getattr(tb, 'CONTEXT_SHARE', 0)}; {time.perf_counter() - t0:.0f} s")
    schemes: list[tuple[str, float, float, int]] = [(f"thr {t:.2f}", t, t, 0) for t in THRESHOLDS]
    for lo in THRESHOLDS:
        for hi in THRESHOLDS:
            if lo != hi:
                schemes += [(f"{lo:.2f}<{n}<={hi:.2f}", lo, hi, n) for n in args.split_lengths]
    for name, lo, hi, n in schemes:
        merged: dict[str, dict] = {}
        for label, out in results:
            for page, a in out[lo].items():
                b = out[hi][page]
                ch = gold[page]["labels"]
                merged.setdefault(label, {})[page] = (
                    {i for i in a if ch.get(i, ("", 0))[1] < n}
                    | {i for i in b if ch.get(i, ("", 0))[1] >= n})
        figs = {}
        for label, preds in merged.items():
            sub = {n: gold[n] for n in preds}
            m = sc.score(sub, preds)["micro"]
            figs[label] = (m["line_f1"], m["char_f1"], m["body_retention"])
        figs["kfold mean"] = tuple(
            sum(figs[f"kfold{s or '0'}"][i] for s in SALTS) / len(SALTS) for i in range(3))
        row = "  ".join(f"{k} {a:.4f}/{b:.4f}/{c:.4f}" for k, (a, b, c) in figs.items())
        print(f"{name}  {row}")
        if args.dump_pages and name == schemes[0][0]:
            pages = {label: {n: _counts(gold[n]["labels"], preds[n]) for n in preds}
                     for label, preds in merged.items()}
            Path(args.dump_pages).write_text(json.dumps(pages), encoding="utf-8")
        if args.dump_preds and name == schemes[0][0]:
            Path(args.dump_preds).write_text(json.dumps(
                {label: {n: sorted(p) for n, p in preds.items()}
                 for label, preds in merged.items()}), encoding="utf-8")
        if args.dump_loss and name == schemes[0][0]:
            loss = {}
            for n, marked in merged["kfold0"].items():
                loss[n] = sorted(i for i, (lab, c) in gold[n]["labels"].items()
                                 if lab == "body" and i in marked)
            Path(args.dump_loss).write_text(json.dumps(loss), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
