"""Out-of-fold figures for the whole `reader analyze` pipeline, scored by the public scorers.

    python bench/crossval_pipeline.py [EVAL_DIR] [--splits N] [--seed-weight W]

The held-out split of the benchmark is not distributed, so this is the closest estimate of
what it will say: the dev pages are cut in two halves (the hash halves the trainers' `--cv`
uses; with `--splits N` also N seeded random half-splits); the boilerplate model and the
headline ranker are trained on one half exactly as `train_boilerplate` / `train_headline`
train them, and the other half is analysed as `reader analyze` would analyse a corpus of
just those pages (corpus-wide repeated lines from those pages only, the furniture patterns,
everything). Both directions give a prediction for every page, which the benchmark's own
scorers then score like any `reader analyze` output. The quotation kind model keeps its
dev-trained weights (it is small and rule-led; `train_quotes --cv` estimates it alone). The
headline is also counted on the pages other than the two hand-labelled seeds (the held-out
split has none), with the seeds' training weight `--seed-weight` (default: the trainer's).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.marks import _title_weights, analyze  # noqa: E402
from reader.marks import boilerplate as bp  # noqa: E402
from reader.marks import train_boilerplate as tb  # noqa: E402
from reader.marks import train_headline as th  # noqa: E402
from reader.marks.repeated import repeated_lines  # noqa: E402


def _install(train: list[tb.Doc], seed_weight: float | None = None) -> None:
    """Fit both models on `train` and put their weights where `analyze` reads them."""
    rep = tb.corpus_repeated(train)
    bp.use_weights(*tb.fit(train, rep))
    pages = [th.page_rows(d, rep) for d in train]
    weights = th.page_weights(train, seed_weight)
    _title_weights.WEIGHTS = tuple(th.train(pages, weights=weights))


def _predict(test: list[tb.Doc]) -> list[dict]:
    rep = repeated_lines(d.text for d in test)
    return [analyze(d.text, repeated=rep).to_json(d.name) for d in test]


def _oof(docs: list[tb.Doc], part: set[str], seed_weight: float | None = None) -> list[dict]:
    a = [d for d in docs if d.name in part]
    b = [d for d in docs if d.name not in part]
    out = []
    for train, test in ((a, b), (b, a)):
        _install(train, seed_weight)
        out += _predict(test)
    return out


def _score(eval_dir: Path, docs: list[tb.Doc], preds: list[dict], label: str) -> None:
    dev = eval_dir / "boilerplate" / "dev"
    gold_title = {d.name: next(n for n, lab in d.labels.items() if lab == "title") for d in docs}
    right = sum(p["title_line"] == gold_title[p["file"]] for p in preds)
    seeds = {d.name for d in docs if th.is_seed(d)}
    others = [p for p in preds if p["file"] not in seeds]
    right_others = sum(p["title_line"] == gold_title[p["file"]] for p in others)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pred.jsonl"
        path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        print(f"== {label}")
        print(f"headline right {right / len(preds):.3f} ({right}/{len(preds)}); "
              f"pages other than the seeds {right_others}/{len(others)}")
        sys.stdout.flush()
        for cmd in (
            [sys.executable, str(eval_dir / "score_boilerplate.py"), str(dev), str(path)],
            [sys.executable, str(eval_dir / "score_quotes.py"), str(dev),
             str(eval_dir / "quotes" / "dev" / "gold.jsonl"), str(path)],
        ):
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            keep = ("micro", "line P", "F1 ", "speaker", "kind")
            print("\n".join(ln for ln in res.stdout.splitlines() if ln.lstrip().startswith(keep)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir", nargs="?", default=str(REPO.parent / "shared" / "eval"))
    ap.add_argument("--splits", type=int, default=0, help="random half-splits besides the halves")
    ap.add_argument("--seed-weight", type=float, default=None,
                    help="training weight of the two hand-labelled seed pages (default: "
                         f"{th.SEED_WEIGHT:g}, the headline trainer's)")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    if not (eval_dir / "score_boilerplate.py").is_file():
        print(f"no benchmark at {eval_dir}", file=sys.stderr)
        return 2
    docs = tb.load_dev(eval_dir)
    half = {d.name for d in docs if int(hashlib.sha1(d.name.encode()).hexdigest(), 16) % 2 == 0}
    _score(eval_dir, docs, _oof(docs, half, args.seed_weight), "hash halves, out of fold")
    for seed in range(args.splits):
        rng = random.Random(1000 + seed)
        part = {d.name for d in docs if rng.random() < 0.5}
        preds = _oof(docs, part, args.seed_weight)
        _score(eval_dir, docs, preds, f"random half-split {seed}, out of fold")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
