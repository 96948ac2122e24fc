"""Score `reader analyze` quotations on the extra labels in bench/heldout_quotes/.

    python bench/score_heldout_quotes.py [EVAL_DIR]

Runs `reader analyze` on the dev texts and the benchmark's own scorer (score_quotes.py)
twice: on the official dev quote gold and on bench/heldout_quotes/gold.jsonl (without the
one page the benchmark skips). See bench/heldout_quotes/README.md for what the second set is.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    eval_dir = Path(argv[0]) if argv else REPO.parent / "shared" / "eval"
    dev = eval_dir / "boilerplate" / "dev"
    scorer = eval_dir / "score_quotes.py"
    if not scorer.is_file():
        print(f"no scorer at {scorer}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        with pred.open("wb") as out:
            subprocess.run([sys.executable, "-m", "reader", "analyze", str(dev)], stdout=out,
                           check=True, cwd=REPO)
        extra = Path(tmp) / "extra.jsonl"
        lines = (REPO / "bench" / "heldout_quotes" / "gold.jsonl").read_text().splitlines()
        extra.write_text("\n".join(ln for ln in lines
                                   if not json.loads(ln)["file"].startswith("118_")) + "\n")
        for name, gold in (("dev quote gold", eval_dir / "quotes" / "dev" / "gold.jsonl"),
                           ("extra labels (bench/heldout_quotes)", extra)):
            print(f"== {name}")
            sys.stdout.flush()
            subprocess.run([sys.executable, str(scorer), str(dev), str(gold), str(pred)],
                           check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
