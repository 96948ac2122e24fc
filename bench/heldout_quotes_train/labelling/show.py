"""Print a page's body/title lines with the proposed spans bracketed `[i|…|i]`.

    python show.py TRAIN_DIR PROPOSED.json FILE
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    train, proposed, f = Path(argv[0]), Path(argv[1]), argv[2]
    recs = json.loads(proposed.read_text(encoding="utf-8"))[f]
    with open(train / "gold.jsonl", encoding="utf-8") as fh:
        labels = next(r for r in map(json.loads, fh) if r["file"] == f)["labels"]
    text = (train / f).read_bytes().decode("utf-8")
    by_line: dict[int, list[tuple[int, dict]]] = {}
    for i, r in enumerate(recs):
        by_line.setdefault(r["line"], []).append((i, r))
    off = 0
    for k, line in enumerate(text.split("\n"), 1):
        lab = labels.get(str(k))
        if lab in ("body", "title"):
            s = line
            for i, r in sorted(by_line.get(k, []), key=lambda x: -x[1]["start"]):
                a, b = r["start"] - off, r["end"] - off
                s = s[:a] + f"[{i}|" + s[a:b] + f"|{i}]" + s[b:]
            print(f"{k}{'T' if lab == 'title' else ''}: {s}")
        off += len(line) + 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
