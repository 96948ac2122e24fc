"""Out-of-sample estimates of every target figure, the way an unseen split would see them.

    python bench/estimate_marks.py [EVAL_DIR] [--data dev|dev+train] [--train-weight W]
                                   [--folds K] [--only kfold|cross] [--score-train]
                                   [--no-stage1-pages] [--no-blend] [--salt S] [--dump FILE]

The maintainers' held-out split holds pages of the same kind as dev from sites nothing was
tuned on. Two estimates of it, both scored by the benchmark's own scorers:

* **site k-fold**: every page of the training data (`--data`: the dev split, or dev and
  the train split) is put in one of K folds by its web domain, so no site is in both a
  training and a test fold; each fold's dev pages are analysed, exactly as `reader
  analyze` analyses a corpus of those pages (their own repeated lines, furniture patterns,
  headline rules), by models fitted on the other folds: the boilerplate model, the
  headline ranker and the quotation kind model (on the training folds' pages of the
  quotation label sets `train_quotes` fits it on: the dev gold, the extra dev labels and
  train set 1, each kept out when its site is tested). The predictions for all dev pages
  are then scored together.
* **cross-source**: trained on the pages of one source, scored on another: 2019 news
  (Scrapinghub) vs 2025 news (WCXB) in dev, and, with the train split, the 2025 guides,
  blogs and reviews of the train split alone -> all of dev. Pages from a test site are
  never in training.

With `--data dev` the boilerplate model's stage 1 is also trained on the train-split pages
the trainer uses for it (`train_boilerplate.STAGE1_SPLITS`; never a dev site), as the
committed model is; `--no-stage1-pages` leaves them out (the model before that change).
The headline ranker is then blended with one fitted on the train split's pages of the sites
a scenario does not test (`train_headline.TRAIN_BLEND`), as the committed one is blended
with one fitted on the whole train split; `--no-blend` leaves it the dev ranker alone.
Quotation speaker and kind are also scored on the extra labels of `bench/heldout_quotes/`
(dev pages outside the quotation gold). `--score-train` also scores the train split's pages
of each test fold (boilerplate and headline; slow). Takes minutes with the train split.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.marks import _kind_weights, _title_weights  # noqa: E402
from reader.marks import boilerplate as bp  # noqa: E402
from reader.marks import train_boilerplate as tb  # noqa: E402
from reader.marks import train_headline as th  # noqa: E402
from reader.marks import train_quotes as tq  # noqa: E402
from reader.marks.headline_slots import analyze_corpus  # noqa: E402
from reader.marks.repeated import repeated_lines  # noqa: E402

COMMITTED_KIND = _kind_weights.WEIGHTS
FIGURES = ("line_f1", "char_f1", "kept", "headline", "quote_f1", "speaker", "kind",
           "speaker_x", "kind_x")
HEADER = ("line F1", "char F1", "kept", "headline", "quote F1", "speaker", "kind",
          "speaker*", "kind*")


# pages that train the boilerplate model's stage 1 only, as the trainer's (`--data dev`)
STAGE1: list[tb.Doc] = []
# train-split pages with quotation labels the kind model learns from -> their site
LABEL_SITES: dict[str, str] = {}
# the train split's pages (`--data dev`): the headline ranker is blended with one fitted on
# those of the sites a scenario does not test, as `train_headline` blends the committed one
# (`TRAIN_BLEND`) with one fitted on them all
BLEND_PAGES: list[tb.Doc] = []


def fit_boilerplate(train: list[tb.Doc]) -> None:
    """Fit the boilerplate model on `train` (its stage 1 also on `STAGE1`, as
    `train_boilerplate` does) and install it where `analyze` reads it. Shared with
    `bench/headline_sites.py`, so both benches judge the headline under the same scores."""
    bp_train = train + STAGE1
    bp.use_weights(*tb.fit(bp_train, tb.corpus_repeated(bp_train)))


def label_sites(eval_dir: Path) -> dict[str, str]:
    """Train-split page -> site, for the pages of the quotation label sets the kind model
    is fitted on (`train_quotes.LABEL_SETS`: train set 1), which the scenarios keep out of
    the kind model's fit when their site is tested."""
    names = tq.label_files(eval_dir)
    return {d.name: d.site for d in tb.load_split(eval_dir, "train") if d.name in names}


def fit_all(train: list[tb.Doc], eval_dir: Path, blend: list[tb.Doc] = (),
            label_pages: set[str] = frozenset()) -> None:
    """Fit the three models on `train` and install them where `analyze` reads them (the
    boilerplate model's stage 1 also on `STAGE1`, as `train_boilerplate` does; the headline
    ranker blended with one fitted on `blend`, as `train_headline` does with the train
    split). The kind model is fitted, as `train_quotes` fits it, on the quotation labels of
    the dev pages of `train` and of the train-split pages `label_pages`."""
    fit_boilerplate(train)
    rep = tb.corpus_repeated(train)
    data = [th.page_data(d, rep) for d in train]
    w = th.train([(p.rows, p.pos) for p in data], weights=th.page_weights(train))
    data_b = []
    if blend:
        rep_b = tb.corpus_repeated(blend)
        data_b = [th.page_data(d, rep_b) for d in blend]
    if blend and th.TRAIN_BLEND:
        w_b = th.train([(p.rows, p.pos) for p in data_b], weights=th.page_weights(blend))
        w = th.blend(w, w_b)
    _title_weights.WEIGHTS = tuple(w)
    # the second look at the two best candidates, as `train_headline` fits it
    _title_weights.PAIR_WEIGHTS = tuple(th.fit_pairs(list(zip(train, data, strict=True)),
                                                     data_b, w))
    quote_docs = {d.name for d in train if d.split == "dev"} | set(label_pages)
    if not quote_docs & tq.label_files(eval_dir):
        # no quotation labels among these pages: the kind model stays the committed one
        # (so kind figures of this run are not out of sample)
        _kind_weights.WEIGHTS = COMMITTED_KIND
        return
    _, kw = tq.fit_rounds(eval_dir, quote_docs)
    _kind_weights.WEIGHTS = tuple(kw)


def predict(test: list[tb.Doc]) -> list[dict]:
    """`reader analyze` output for a corpus made of `test` (its own repeated lines)."""
    rep = repeated_lines(d.text for d in test)
    marks = analyze_corpus({d.name: d.text for d in test}, rep)  # (the template step too)
    return [marks[d.name].to_json(d.name) for d in test]


def _subset_gold(src: Path, names: set[str], dest: Path) -> Path:
    """`dest` made a gold folder of the pages `names` of `src` (symlinked texts)."""
    dest.mkdir()
    with open(src / "gold.jsonl", encoding="utf-8") as f, \
            open(dest / "gold.jsonl", "w", encoding="utf-8") as out:
        for raw in f:
            if raw.strip() and json.loads(raw)["file"] in names:
                out.write(raw)
    for n in names:
        (dest / n).symlink_to(src.resolve() / n)  # absolute: the eval dir may be given relative
    return dest


def _filter_jsonl(src: Path, names: set[str], dest: Path) -> Path:
    lines = [ln for ln in src.read_text(encoding="utf-8").splitlines()
             if ln.strip() and json.loads(ln)["file"] in names]
    dest.write_text("".join(ln + "\n" for ln in lines), encoding="utf-8")
    return dest


def score(eval_dir: Path, docs: list[tb.Doc], preds: list[dict], split: str = "dev") -> dict:
    """The target figures of `preds` (pages of one split), by the public scorers."""
    names = {p["file"] for p in preds}
    by_name = {d.name: d for d in docs}
    gold_title = {n: next(ln for ln, lab in by_name[n].labels.items() if lab == "title")
                  for n in names}
    out: dict = {"pages": len(preds),
                 "headline": sum(p["title_line"] == gold_title[p["file"]] for p in preds)
                 / len(preds)}
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        pred = t / "pred.jsonl"
        pred.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        text_dir = _subset_gold(eval_dir / "boilerplate" / split, names, t / "gold")
        py = sys.executable
        res = json.loads(subprocess.run(
            [py, str(eval_dir / "score_boilerplate.py"), str(text_dir), str(pred), "--json"],
            capture_output=True, text=True, check=True).stdout)["micro"]
        out.update(line_f1=res["line_f1"], char_f1=res["char_f1"], kept=res["body_retention"])
        if split != "dev":
            return out
        golds = {"": eval_dir / "quotes" / "dev" / "gold.jsonl",
                 "_x": REPO / "bench" / "heldout_quotes" / "gold.jsonl"}
        for suffix, gold in golds.items():
            # (118 is the page the benchmark skips: not a news article)
            keep = {n for n in names if not (suffix and n.startswith("118_"))}
            sub = _filter_jsonl(gold, keep, t / f"quotes{suffix}.jsonl")
            if not sub.read_text():
                continue
            q = json.loads(subprocess.run(
                [py, str(eval_dir / "score_quotes.py"), str(text_dir), str(sub), str(pred),
                 "--json"], capture_output=True, text=True, check=True).stdout)
            if not suffix:
                out["quote_f1"] = q["f1"]
            out["speaker" + suffix] = q["speaker_accuracy"]
            out["kind" + suffix] = q["kind_accuracy"]
    return out


def show(label: str, figures: dict) -> None:
    cells = " ".join(f"{figures[k]:8.3f}" if k in figures else f"{'-':>8s}" for k in FIGURES)
    print(f"{label:34s} {figures['pages']:5d} {cells}", flush=True)


SALT = ""  # prefixed to the site before hashing (`--salt`): another assignment of sites to folds


def fold_of(site: str, k: int) -> int:
    return int(hashlib.sha1((SALT + site).encode()).hexdigest(), 16) % k


def kfold_scenarios(data: list[tb.Doc], dev: list[tb.Doc], k: int
                    ) -> list[tuple[str, list[tb.Doc], list[tb.Doc]]]:
    """(label, training pages, test dev pages) of each site fold."""
    return [(f"fold{f}", [d for d in data if fold_of(d.site, k) != f],
             [d for d in dev if fold_of(d.site, k) == f]) for f in range(k)]


def cross_scenarios(data: list[tb.Doc], dev: list[tb.Doc]
                    ) -> list[tuple[str, list[tb.Doc], list[tb.Doc]]]:
    """(label, training pages, test dev pages) of each cross-source estimate: one source
    of dev from the others (never a test page's site), and, when `data` holds train-split
    pages, the train split alone -> dev."""
    out = []
    for target in ("scrapinghub", "wcxb-news"):
        test = [d for d in dev if d.origin == target]
        sites = {d.site for d in test}
        train = [d for d in data if d.origin != target and d.site not in sites]
        out.append((f"not {target} -> {target}", train, test))
    if any(d.split == "train" for d in data):
        train = [d for d in data if d.split == "train"]
        sites = {d.site for d in train}
        out.append(("train split only -> dev", train, [d for d in dev if d.site not in sites]))
    return out


def site_kfold(eval_dir: Path, data: list[tb.Doc], dev: list[tb.Doc], k: int,
               score_train: bool, dump: str | None = None) -> None:
    preds: list[dict] = []
    train_preds: list[dict] = []
    for f, (_, train, test) in enumerate(kfold_scenarios(data, dev, k)):
        fit_all(train, eval_dir, [d for d in BLEND_PAGES if fold_of(d.site, k) != f],
                {n for n, site in LABEL_SITES.items() if fold_of(site, k) != f})
        preds += predict(test)
        if score_train:
            test_tr = [d for d in data if d.split == "train" and fold_of(d.site, k) == f]
            train_preds += predict(test_tr)
    show(f"site {k}-fold, dev pages", score(eval_dir, dev, preds))
    if dump:
        Path(dump).write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    if score_train:
        show(f"site {k}-fold, train-split pages", score(eval_dir, data, train_preds, "train"))


def cross_source(eval_dir: Path, data: list[tb.Doc], dev: list[tb.Doc]) -> None:
    for label, train, test in cross_scenarios(data, dev):
        sites = {d.site for d in test}
        fit_all(train, eval_dir, [d for d in BLEND_PAGES if d.site not in sites],
                {n for n, site in LABEL_SITES.items() if site not in sites})
        show(label, score(eval_dir, dev, predict(test)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir", nargs="?", default=str(REPO.parent / "shared" / "eval"))
    ap.add_argument("--data", choices=("dev", "dev+train"), default="dev+train",
                    help="what the models are trained on (default: dev+train, as committed)")
    ap.add_argument("--train-weight", type=float, default=None,
                    help="training weight of a train-split page (default: the trainers')")
    ap.add_argument("--train-share", type=int, default=None,
                    help="use one train-split page in N (default: the trainers' TRAIN_SHARE)")
    ap.add_argument("--folds", type=int, default=3, help="site folds (default 3)")
    ap.add_argument("--salt", default="",
                    help="another assignment of the sites to folds (a string hashed with the "
                    "site; default none), to see how much the figures move between assignments")
    ap.add_argument("--only", choices=("kfold", "cross"), default=None)
    ap.add_argument("--no-stage1-pages", action="store_true",
                    help="with --data dev: fit the boilerplate model on dev alone, without the "
                    "train-split pages its stage 1 is trained on (the model before that)")
    ap.add_argument("--no-blend", action="store_true",
                    help="with --data dev: the headline ranker fitted on dev alone, not blended "
                    "with one fitted on the train split (train_headline.TRAIN_BLEND)")
    ap.add_argument("--dump", metavar="FILE",
                    help="write the site k-fold predictions (`reader analyze` JSON Lines) to FILE "
                    "(for bench/body_loss.py)")
    ap.add_argument("--score-train", action="store_true",
                    help="also score the train-split pages of each test fold")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    global SALT
    SALT = args.salt
    if not (eval_dir / "boilerplate" / "train" / "gold.jsonl").is_file():
        print(f"no benchmark with a train split at {eval_dir}", file=sys.stderr)
        return 2
    dev = tb.load_split(eval_dir, "dev")
    data = list(dev)
    LABEL_SITES.update(label_sites(eval_dir))
    if args.data == "dev" and not args.no_stage1_pages:
        STAGE1[:] = tb.load_stage1_pages(eval_dir)
    if args.data == "dev" and not args.no_blend:
        BLEND_PAGES[:] = tb.load_split(eval_dir, "train")
    if args.data == "dev+train":
        w = args.train_weight
        if w is None:
            w = dict(tb.STAGE1_SPLITS).get("train", 1.0)
        share = tb.TRAIN_SHARE if args.train_share is None else args.train_share
        data += tb.load_split(eval_dir, "train", w, share)
    t0 = time.perf_counter()
    print(f"trained on {args.data} ({len(data)} pages, {len({d.site for d in data})} sites"
          f"{f'; boilerplate stage 1 also on {len(STAGE1)} train-split pages' if STAGE1 else ''}); "
          "* = extra quotation labels (bench/heldout_quotes)")
    print(f"{'':34s} {'pages':>5s} " + " ".join(f"{h:>8s}" for h in HEADER))
    if args.only in (None, "kfold"):
        site_kfold(eval_dir, data, dev, args.folds, args.score_train, args.dump)
    if args.only in (None, "cross"):
        cross_source(eval_dir, data, dev)
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
