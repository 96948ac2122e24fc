"""Score `reader analyze` quotations on the extra quotation labels kept in bench/.

    python bench/score_heldout_quotes.py [EVAL_DIR] [--set dev|train|train2|train3|all]

--set dev (the default): runs `reader analyze` on the dev texts and the benchmark's own
scorer (score_quotes.py) twice, on the official dev quote gold and on
bench/heldout_quotes/gold.jsonl (without the one page the benchmark skips). See
bench/heldout_quotes/README.md for what that second set is (no longer out of sample).

--set train: the fresh blind set bench/heldout_quotes_train/gold.jsonl (14 pages of the
benchmark's train split, labelled before any speaker rule was judged on them; see its
README). The 14 pages are analysed as a corpus of their own (copied to a temporary
folder with their line labels) and scored with the same scorer.

--set train2: the second blind set bench/heldout_quotes_train2/gold.jsonl (14 other train
pages, labelled while the first train set was being tuned on; see its README), analysed
and scored the same way as --set train.

--set train3: the third blind set bench/heldout_quotes_train3/gold.jsonl (20 more train
pages, mostly news-like, labelled while the speaker code was being tuned on the second;
see its README), analysed and scored the same way as --set train.

--set all: dev and train. It leaves train2 and train3 out on purpose: those sets are
scored only when asked for by name, so that they stay out of sample.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _analyze(corpus: Path, out: Path) -> None:
    """Run `reader analyze CORPUS` with this checkout's code, writing JSON Lines to OUT."""
    with out.open("wb") as fh:
        subprocess.run([sys.executable, "-m", "reader", "analyze", str(corpus)], stdout=fh,
                       check=True, cwd=REPO)


def _score(scorer: Path, texts: Path, gold: Path, pred: Path, name: str) -> None:
    print(f"== {name}")
    sys.stdout.flush()
    subprocess.run([sys.executable, str(scorer), str(texts), str(gold), str(pred)], check=True)


def score_dev(eval_dir: Path, scorer: Path, tmp: Path) -> None:
    """The official dev quote gold and the extra dev labels (bench/heldout_quotes)."""
    dev = eval_dir / "boilerplate" / "dev"
    pred = tmp / "pred.jsonl"
    pages = tmp / "dev-pages"  # a copy: `reader analyze` keeps its caches beside the corpus,
    pages.mkdir()              # and the benchmark's folder is not ours to write into
    for page in dev.glob("*.txt"):
        shutil.copyfile(page, pages / page.name)
    _analyze(pages, pred)
    extra = tmp / "extra.jsonl"
    lines = (REPO / "bench" / "heldout_quotes" / "gold.jsonl").read_text().splitlines()
    extra.write_text("\n".join(ln for ln in lines
                               if not json.loads(ln)["file"].startswith("118_")) + "\n")
    _score(scorer, dev, eval_dir / "quotes" / "dev" / "gold.jsonl", pred, "dev quote gold")
    _score(scorer, dev, extra, pred, "extra labels (bench/heldout_quotes)")


def score_train(eval_dir: Path, scorer: Path, tmp: Path,
                set_dir: str = "heldout_quotes_train",
                title: str = "fresh blind labels (bench/heldout_quotes_train)") -> None:
    """Labels on train pages (bench/SET_DIR/gold.jsonl), the pages analysed as their own corpus."""
    train = eval_dir / "boilerplate" / "train"
    gold = REPO / "bench" / set_dir / "gold.jsonl"
    files = [json.loads(ln)["file"] for ln in gold.read_text(encoding="utf-8").splitlines()
             if ln.strip()]
    work = tmp / set_dir
    corpus = work / "corpus"           # the texts alone: what `reader analyze` reads
    texts = work / "texts"             # the texts and their line labels: what the scorer reads
    corpus.mkdir(parents=True)
    texts.mkdir()
    wanted = set(files)
    with (train / "gold.jsonl").open(encoding="utf-8") as fh, \
            (texts / "gold.jsonl").open("w", encoding="utf-8") as out:
        for ln in fh:
            if json.loads(ln)["file"] in wanted:
                out.write(ln)
    for name in files:
        shutil.copyfile(train / name, corpus / name)
        shutil.copyfile(train / name, texts / name)
    pred = work / "pred.jsonl"
    _analyze(corpus, pred)
    _score(scorer, texts, gold, pred, title)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dir", nargs="?", type=Path, default=REPO.parent / "shared" / "eval",
                        help="the benchmark folder (default: ../shared/eval)")
    parser.add_argument("--set", choices=("dev", "train", "train2", "train3", "all"), default="dev",
                        help="which labels to score (default: dev)")
    args = parser.parse_args(argv)
    scorer = args.eval_dir / "score_quotes.py"
    if not scorer.is_file():
        print(f"no scorer at {scorer}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if args.set in ("dev", "all"):
            score_dev(args.eval_dir, scorer, tmp)
        if args.set in ("train", "all"):
            score_train(args.eval_dir, scorer, tmp)
        if args.set == "train2":
            score_train(args.eval_dir, scorer, tmp, "heldout_quotes_train2",
                        "second blind labels (bench/heldout_quotes_train2)")
        if args.set == "train3":
            score_train(args.eval_dir, scorer, tmp, "heldout_quotes_train3",
                        "third blind labels (bench/heldout_quotes_train3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
