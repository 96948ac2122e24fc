"""Build a large, realistic corpus for the scale benchmarks.

    python bench/make_corpus.py N [DEST] [--per-folder 1000] [--source DIR]

N articles are made from the scraped dev pages in `../shared/eval/boilerplate/dev` (real
pages with navigation, cookie banners and footers around the story). Every article gets a
distinct headline: the page's first line (its title, repeated wherever the page repeats it)
is suffixed with two words and a counter, so titles differ and a filter has something real
to match. Articles go into subfolders of `--per-folder` files (`f0000/a0000000.txt`).

N = 100,000 is about 1 GB and takes a few seconds to write: pages are split once around
their title, and each article is one `os.write` of pre-encoded bytes. DEST defaults to a
new temporary folder; the path is printed on the last line.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "eval" / "boilerplate" / "dev"

_WORDS_A = (
    "budget election harbour council flood strike summit trial vaccine market border "
    "drought pension tariff festival stadium railway wildfire merger protest bridge "
    "hospital airport treaty museum harvest scandal reform ceasefire inquiry"
)
WORDS_A = _WORDS_A.split()
_WORDS_B = (
    "talks delayed again resumes collapses widens deepens eases tightens looms ends "
    "stalls returns spreads divides splits grows shrinks sparks fuels halts"
)
WORDS_B = _WORDS_B.split()


def load_templates(source: Path) -> list[tuple[list[bytes], bytes]]:
    """Each page as (pieces around its title line, title bytes)."""
    templates = []
    for path in sorted(source.glob("*.txt")):
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        title = b""
        for line in data.split(b"\n", 50):
            if line.strip():
                title = line.rstrip(b"\r")
                break
        if not title:
            continue
        # Replace the title only where it stands as a whole line.
        pieces = (b"\n" + data + b"\n").split(b"\n" + title + b"\n")
        templates.append((pieces, title.strip()))
    if not templates:
        raise SystemExit(f"no .txt pages in {source}")
    return templates


def build(n: int, dest: Path, per_folder: int, source: Path, quiet: bool = False) -> int:
    templates = load_templates(source)
    dest.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    total = 0
    folder = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    na, nb, nt = len(WORDS_A), len(WORDS_B), len(templates)
    step = max(1, n // 20)
    for i in range(n):
        if i % per_folder == 0:
            folder = dest / f"f{i // per_folder:04d}"
            folder.mkdir(exist_ok=True)
            folder_s = os.fsencode(folder)
        pieces, title = templates[i % nt]
        new_title = b"%s: %s %s (%d)" % (
            title,
            WORDS_A[(i * 7) % na].encode(),
            WORDS_B[(i * 13 // nt) % nb].encode(),
            i,
        )
        data = (b"\n" + new_title + b"\n").join(pieces)[1:-1]
        fd = os.open(b"%s/a%07d.txt" % (folder_s, i), flags, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        total += len(data)
        if not quiet and (i + 1) % step == 0:
            rate = (i + 1) / (time.perf_counter() - t0)
            print(f"  {i + 1:>9,}/{n:,} articles  {total / 1e6:8.1f} MB  {rate:,.0f}/s",
                  file=sys.stderr, flush=True)
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("dest", nargs="?", help="output folder (default: a new temp folder)")
    ap.add_argument("--per-folder", type=int, default=1000)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    dest = Path(args.dest) if args.dest else Path(tempfile.mkdtemp(prefix=f"corpus{args.n}-"))
    t0 = time.perf_counter()
    total = build(args.n, dest, args.per_folder, args.source, args.quiet)
    dt = time.perf_counter() - t0
    print(f"{args.n:,} articles, {total / 1e6:.1f} MB in {dt:.1f} s", file=sys.stderr)
    print(dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
