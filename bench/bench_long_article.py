"""Marking one very long article: CPU seconds against article length, this tree against a
baseline revision, in the same run.

    python bench/bench_long_article.py [--pages DIR] [--sizes 0.1 0.5 1 2 6]
                                       [--shapes pages prose] [--baseline REV]

Articles are made in memory from the pages in DIR (default: the dev pages,
$READER_EVAL/boilerplate/dev; nothing is written there), repeated until each size (MB of
text) is reached, in two shapes:

- pages: whole pages one after another (menus, teasers and all), as the issue had it;
- prose: only the paragraph lines (80+ characters) of the pages, a blank line between
  them: a long report, where the speaker detector's questions about the article's words
  dominate (this is the shape that was quadratic: 4 MB of train pages took 11 s).

For each shape and size, `reader.marks.analyze` runs once in a fresh process of this tree
and once in one of the baseline (`git archive REV reader annotations`, default d39ddf9,
before the long-article work), and the CPU time of the call (`time.process_time`, so the
load of other users counts little) is printed with seconds per MB, the growth of seconds
per MB from the smallest size (1.0 = linear), the baseline's figures and the ratio
baseline / now; plus whether both produced the same marks (line kinds, headline,
quotations and speakers). The load average is printed beside.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BASELINE = "d39ddf9"


def make_article(pages: Path, shape: str, size_mb: float) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(pages.glob("*.txt"))]
    if shape == "prose":
        texts = ["\n\n".join(ln for ln in t.split("\n") if len(ln) > 80) for t in texts]
        texts = [t for t in texts if t]
    target = int(size_mb * 1_000_000)
    parts: list[str] = []
    n = k = 0
    while n < target:
        t = texts[k % len(texts)]
        parts.append(t)
        n += len(t) + 2
        k += 1
    return "\n\n".join(parts)


def measure(pages: str, shape: str, size: float) -> None:
    """(In the child process.) Mark the article; print CPU seconds and a digest of the marks."""
    from reader.marks import analyze

    text = make_article(Path(pages), shape, size)
    start = time.process_time()
    m = analyze(text)
    cpu = time.process_time() - start
    record = [m.title_line, [k.value for k in m.line_kinds],
              [(q.start, q.end, q.kind, q.speaker, q.on_boilerplate, q.turn) for q in m.quotes]]
    digest = hashlib.sha1(json.dumps(record).encode()).hexdigest()[:12]
    print(json.dumps({"cpu": cpu, "chars": len(text), "digest": digest, "error": m.error}))


def run(src: Path, pages: Path, shape: str, size: float) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(pages), shape, str(size)],
        env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def baseline_tree(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "reader", "annotations"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        measure(sys.argv[2], sys.argv[3], float(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    eval_dir = Path(os.environ.get("READER_EVAL", ROOT.parent / "shared" / "eval"))
    ap.add_argument("--pages", type=Path, default=eval_dir / "boilerplate" / "dev")
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.5, 1, 2, 6])
    ap.add_argument("--shapes", nargs="+", default=["pages", "prose"],
                    choices=["pages", "prose"])
    ap.add_argument("--baseline", default=DEFAULT_BASELINE,
                    help=f"git revision to compare with (default {DEFAULT_BASELINE})")
    args = ap.parse_args()
    if not args.pages.is_dir():
        sys.exit(f"bench_long_article: no pages at {args.pages} (--pages or READER_EVAL)")
    print(f"pages {args.pages}; baseline {args.baseline}; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline_tree(args.baseline, Path(tmp))
        print(f"{'shape':6} {'MB':>5} {'now s':>7} {'s/MB':>6} {'growth':>6} "
              f"{'base s':>7} {'s/MB':>6} {'growth':>6} {'base/now':>8}  same marks")
        for shape in args.shapes:
            first_now = first_base = None
            for size in args.sizes:
                now = run(ROOT, args.pages, shape, size)
                old = run(base, args.pages, shape, size)
                mb = now["chars"] / 1e6
                per_now, per_old = now["cpu"] / mb, old["cpu"] / mb
                first_now = first_now or per_now
                first_base = first_base or per_old
                same = "yes" if now["digest"] == old["digest"] else "NO"
                print(f"{shape:6} {mb:5.2f} {now['cpu']:7.2f} {per_now:6.2f} "
                      f"{per_now / first_now:6.2f} {old['cpu']:7.2f} {per_old:6.2f} "
                      f"{per_old / first_base:6.2f} {old['cpu'] / now['cpu']:8.2f}  {same}",
                      flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
