"""Propose quotation spans on the body/title lines of train pages, for hand labelling.

    python propose.py TRAIN_DIR OUT.json FILE...

A small regex written for labelling (not the project's `reader.marks.quotes`): a double
or guillemet mark to the next closing mark on the line (a paragraph that never closes
gives a span to the end of the line), a curly or straight single quote not inside a word
to the next one that ends a word. Every proposal was checked by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

_CLOSERS = {"\u201c": "\u201d\"\u201c", '"': "\"\u201d\u201c", "\u00ab": "\u00bb",
            "\u201e": "\u201c\u201d", "\u201d": "\u201d\u201c"}


def _ends_word(s: str, j: int) -> bool:
    return j + 1 == len(s) or not s[j + 1].isalnum()


def spans_in_line(s: str) -> list[tuple[int, int]]:
    """(start, end) of the proposed spans of one line."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        free = i == 0 or not s[i - 1].isalnum()
        if c in "\u201c\"\u00ab\u201e" or (c == "\u201d" and free and i + 1 < n
                                          and s[i + 1].isalnum()):
            closers = _CLOSERS[c]
            j = i + 1
            while j < n and not (s[j] in closers and _ends_word(s, j)):
                j += 1
            if c == '"' and j >= n:
                i += 1
                continue
            out.append((i, min(j + 1, n)))
            i = j + 1
            continue
        if c in "\u2018'" and free and i + 1 < n and s[i + 1].isalnum():
            closers = "\u2019\u2018" if c == "\u2018" else "'"
            j = i + 1
            while j < n and not (s[j] in closers and _ends_word(s, j)):
                j += 1
            if j < n and (c == "\u2018" or j - i < 120):
                out.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return out


def main(argv: list[str]) -> int:
    train, out_path, files = Path(argv[0]), Path(argv[1]), argv[2:]
    with open(train / "gold.jsonl", encoding="utf-8") as fh:
        gold = {r["file"]: r for r in map(json.loads, fh)}
    res = {}
    for f in files:
        text = (train / f).read_bytes().decode("utf-8")
        off, recs = 0, []
        for k, line in enumerate(text.split("\n"), 1):
            if gold[f]["labels"].get(str(k)) in ("body", "title"):
                for a, b in spans_in_line(line):
                    recs.append({"start": off + a, "end": off + b, "line": k,
                                 "text": text[off + a : off + b]})
            off += len(line) + 1
        res[f] = recs
    out_path.write_text(json.dumps(res, ensure_ascii=False, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
