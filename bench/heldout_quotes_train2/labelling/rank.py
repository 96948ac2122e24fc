"""Rank train pages by how much quotation they hold, for picking pages to label.

    python rank.py TRAIN_DIR [USED_GOLD.jsonl ...] [--top N]

Score of a page: quotation-mark characters (“ ” " ‘ ’ « » „, not a ’ between two letters
or digits) on its body/title lines, capped at 40, plus 4x the count of
said/says/told/according to on those lines; ties by file name. This is the ranking
described in bench/heldout_quotes_train/README.md, written down so that the next set
can be drawn from the same list. Pages already in a USED gold file are marked USED.
Prints: rank, score, marks, verbs, file, USED or -, URL.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_MARKS = "\u201c\u201d\"\u2018\u2019\u00ab\u00bb\u201e"
_VERBS = re.compile(r"\b(said|says|told|according to)\b", re.IGNORECASE)


def page_score(text: str, labels: dict[str, str]) -> tuple[int, int, int]:
    """(score, marks, verbs) of one page, counting body/title lines only."""
    marks = verbs = 0
    for k, line in enumerate(text.split("\n"), 1):
        if labels.get(str(k)) not in ("body", "title"):
            continue
        for j, c in enumerate(line):
            if c not in _MARKS:
                continue
            if (c == "\u2019" and 0 < j < len(line) - 1 and line[j - 1].isalnum()
                    and line[j + 1].isalnum()):
                continue  # an apostrophe: won’t
            marks += 1
        verbs += len(_VERBS.findall(line))
    return min(marks, 40) + 4 * verbs, marks, verbs


def main(argv: list[str]) -> int:
    top = 260
    if "--top" in argv:
        i = argv.index("--top")
        top = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    train, used_files = Path(argv[0]), argv[1:]
    used = {json.loads(ln)["file"] for g in used_files
            for ln in Path(g).read_text(encoding="utf-8").splitlines() if ln.strip()}
    rows = []
    with open(train / "gold.jsonl", encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            text = (train / rec["file"]).read_bytes().decode("utf-8")
            score, marks, verbs = page_score(text, rec["labels"])
            rows.append((score, marks, verbs, rec["file"], rec.get("url")))
    rows.sort(key=lambda r: (-r[0], r[3]))
    for i, (score, marks, verbs, f, url) in enumerate(rows[:top]):
        print(i, score, marks, verbs, f, "USED" if f in used else "-", url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
