"""Time `reader analyze` against jusText on the same plain-text pages, whole process.

    python bench/bench_analyze.py [TEXT_DIR] [--repeat N]

TEXT_DIR defaults to ../shared/eval/boilerplate/dev beside the repository. Each tool runs
as a fresh process (interpreter start, imports and all), so the figures are what a user
waits for:

* `reader analyze TEXT_DIR` with default options (what a user runs: as many workers as
  this process may use CPUs, in-process for a small corpus such as dev) and with
  `--jobs 1` (one core, in this process);
* jusText 3 on every article, each non-blank line wrapped as an HTML <p>, English
  stop-list (the README's baseline (b)), in one process, one core.

The best of --repeat runs (default 3) is reported, as seconds, MB/s of input text and the
speed-up over jusText, for both. Exit status 1 when the default-options speed-up is under 5.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = 5.0

JUSTEXT_SCRIPT = r"""
import html, sys, pathlib
import justext
stop = justext.get_stoplist("English")
marked = 0
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    text = p.read_text(encoding="utf-8")
    body = "".join("<p>" + html.escape(ln) + "</p>" for ln in text.split("\n") if ln.strip())
    doc = ("<html><body>" + body + "</body></html>").encode("utf-8")
    marked += sum(par.is_boilerplate for par in justext.justext(doc, stop))
print(marked)
"""


def _time(cmd: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("text_dir", nargs="?",
                    default=str(REPO.parent / "shared" / "eval" / "boilerplate" / "dev"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    text_dir = Path(args.text_dir)
    files = sorted(text_dir.glob("*.txt"))
    if not files:
        print(f"no .txt files in {text_dir}", file=sys.stderr)
        return 2
    mb = sum(f.stat().st_size for f in files) / 1e6
    py = sys.executable
    reader = [py, "-m", "reader", "analyze", str(text_dir)]
    runs = {
        "reader analyze (default)": _time(reader, args.repeat),
        "reader analyze --jobs 1": _time(reader + ["--jobs", "1"], args.repeat),
        "jusText (one core)": _time([py, "-c", JUSTEXT_SCRIPT, str(text_dir)], args.repeat),
    }
    jt = runs["jusText (one core)"]
    print(f"{len(files)} files, {mb:.2f} MB, best of {args.repeat} whole-process runs; "
          f"{len(os.sched_getaffinity(0))} usable CPUs")
    for name, t in runs.items():
        print(f"  {name:28s} {t:7.3f} s  {mb / t:6.2f} MB/s  {jt / t:5.2f}x jusText")
    default = jt / runs["reader analyze (default)"]
    print(f"default-options speed-up over jusText: {default:.2f}x (target {TARGET:.0f}x)")
    return 0 if default >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
