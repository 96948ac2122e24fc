"""Seconds from ctrl+q to the end of the app while a very long article is being analysed,
this tree against a baseline revision, in the same run.

    python bench/bench_quit_long.py [--pages DIR] [--mb 6] [--baseline REV] [--wait 1]

A corpus is made in a temp folder: one article of --mb MB (the paragraph lines of the
pages in DIR, default the dev pages, as `bench_long_article.py --shapes prose` makes it)
and three small pages. The app runs in a pseudo-terminal (120x40, an isolated HOME); once
its first frame is up, enter opens the long article (first in the list), --wait seconds
later ctrl+q quits, and the time until the process has ended is printed, with the CPU
seconds the app's process tree used (user + sys of the reaped children). Then the same
with the baseline (`git archive REV reader annotations`, default d39ddf9). The load
average is printed beside: wall times on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_app import isolated_env  # noqa: E402
from bench_long_article import DEFAULT_BASELINE, ROOT, baseline_tree, make_article  # noqa: E402
from ptyrun import PtyApp  # noqa: E402


def quit_time(src: Path, corpus: Path, tmp: Path, wait: float) -> tuple[float | None, float]:
    env = isolated_env(tmp)
    env["PYTHONPATH"] = str(src)
    db = tmp / "db" / "annotations.json"
    db.parent.mkdir(parents=True, exist_ok=True)
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    app = PtyApp([sys.executable, "-c", "import sys; from reader.cli import main; "
                  "sys.exit(main())", str(corpus), "--db", str(db)], env=env,
                 cwd=tempfile.gettempdir())
    try:
        if app.wait_for("000_long", timeout=60) is None:
            print("no first frame:\n" + app.text(), file=sys.stderr)
            return None, 0.0
        app.drain(0.2, 2)
        app.key(b"\r", settle=0.2)
        time.sleep(wait)
        app.drain(0.05, 1)
        start = time.perf_counter()
        app.close(b"\x11", timeout=600)
        took = time.perf_counter() - start
    finally:
        if app.exit_status is None:
            app.close(None, timeout=5)
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    return took, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    eval_dir = Path(os.environ.get("READER_EVAL", ROOT.parent / "shared" / "eval"))
    ap.add_argument("--pages", type=Path, default=eval_dir / "boilerplate" / "dev")
    ap.add_argument("--mb", type=float, default=6.0)
    ap.add_argument("--wait", type=float, default=1.0, help="seconds between open and quit")
    ap.add_argument("--baseline", default=DEFAULT_BASELINE)
    args = ap.parse_args()
    if not args.pages.is_dir():
        sys.exit(f"bench_quit_long: no pages at {args.pages} (--pages or READER_EVAL)")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus"
        corpus.mkdir()
        text = make_article(args.pages, "prose", args.mb)
        (corpus / "000_long.txt").write_text(text, encoding="utf-8")
        for k, page in enumerate(sorted(args.pages.glob("*.txt"))[:3]):
            (corpus / f"{k + 1:03d}_{page.name}").write_text(page.read_text(encoding="utf-8"),
                                                             encoding="utf-8")
        (tmp / "base").mkdir()
        base = baseline_tree(args.baseline, tmp / "base")
        print(f"article {len(text) / 1e6:.1f} MB; quit {args.wait:.1f} s after opening it; "
              f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        rows = []
        for name, src in (("now", ROOT), (f"baseline {args.baseline}", base)):
            run_tmp = tmp / name.split()[0]
            run_tmp.mkdir()
            took, cpu = quit_time(src, corpus, run_tmp, args.wait)
            rows.append(took)
            shown = f"{took:6.2f} s" if took is not None else "   n/a"
            print(f"  {name:18} ctrl+q to exit {shown}   CPU of the run {cpu:6.2f} s "
                  f"(load {os.getloadavg()[0]:.2f})", flush=True)
        if all(rows):
            print(f"  baseline / now: {rows[1] / rows[0]:.1f}x")


if __name__ == "__main__":
    main()
