"""Turn the hand labels `L_<page>.txt` into gold.jsonl, and list unlabelled marks.

    python build.py TRAIN_DIR PROPOSED.json LABEL_DIR OUT.jsonl

A label file has one row per proposed span, in order: `INDEX s|t [SPEAKER] [|E<line>[-<k>]]`
(`s` speech, `t` term; `|E<line>` ends the span at the end of that line instead, `|E<line>-<k>`
k characters before it, for a quotation whose nested inner quotes cut the proposal short);
`INDEX -` drops a proposal (an inner quote of a nested quotation: only the outer span counts).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    train, proposed, label_dir, out_path = map(Path, argv[:4])
    props = json.loads(proposed.read_text(encoding="utf-8"))
    with open(train / "gold.jsonl", encoding="utf-8") as fh:
        gold = {r["file"]: r for r in map(json.loads, fh)}
    out = []
    for lf in sorted(label_dir.glob("L_*.txt")):
        key = lf.stem[2:]
        f = next(x for x in props if x.startswith(key + "_"))
        text = (train / f).read_bytes().decode("utf-8")
        lines = text.split("\n")
        starts = [0]
        for ln in lines:
            starts.append(starts[-1] + len(ln) + 1)
        rows = [ln for ln in lf.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if len(rows) != len(props[f]):
            raise SystemExit(f"{lf.name}: {len(rows)} rows for {len(props[f])} spans")
        quotes = []
        for row in rows:
            mod = None
            if "|" in row:
                row, mod = (x.strip() for x in row.split("|"))
            parts = row.split(" ", 2)
            if parts[1] == "-":
                continue
            r = props[f][int(parts[0])]
            s, e = r["start"], r["end"]
            if mod and mod.startswith("E"):
                ln, _, back = mod[1:].partition("-")
                e = starts[int(ln) - 1] + len(lines[int(ln) - 1]) - int(back or 0)
            kind = {"s": "speech", "t": "term"}[parts[1]]
            speaker = parts[2].strip() if len(parts) > 2 and parts[2].strip() else None
            quotes.append({"start": s, "end": e, "kind": kind,
                           "speaker": speaker if kind == "speech" else None,
                           "text": text[s:e]})
        out.append({"file": f, "quotes": quotes})
    for rec in out:  # quotation marks on body/title lines that no span covers
        f = rec["file"]
        text = (train / f).read_bytes().decode("utf-8")
        covered = {p for q in rec["quotes"] for p in range(q["start"], q["end"])}
        off = 0
        for k, line in enumerate(text.split("\n"), 1):
            if gold[f]["labels"].get(str(k)) in ("body", "title"):
                for j, c in enumerate(line):
                    if c in "\u201c\u201d\"\u00ab\u00bb\u201e\u2018" and off + j not in covered:
                        print("uncovered", f, k, repr(line[max(0, j - 30) : j + 30]))
            off += len(line) + 1
    with open(out_path, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n = sum(len(r["quotes"]) for r in out)
    print(len(out), "docs", n, "spans")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
