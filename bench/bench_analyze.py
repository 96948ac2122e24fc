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
speed-up over jusText, for both, with the CPU time of each process (user + system: on a
shared machine the steadier figure) and the load average beside. Exit status 1 when the
default-options speed-up is under 5.

`--old TREE` also times another source tree's `reader` (an export of main: `git archive
main | tar -x -C /tmp/old`), run from that tree with this interpreter, alternated with this
tree's runs in every round, so both see the same machine load. `--no-regex-cache` runs
`reader` without its cache of compiled regexes (`READER_REGEX_CACHE=0`: every process
compiles them, as a first run does).
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _once(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   cwd=cwd, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("text_dir", nargs="?",
                    default=str(REPO.parent / "shared" / "eval" / "boilerplate" / "dev"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--old", type=Path, default=None, metavar="TREE",
                    help="also time this source tree's reader, alternated with this one's")
    ap.add_argument("--no-regex-cache", action="store_true",
                    help="run reader without its cache of compiled regexes")
    args = ap.parse_args(argv)
    text_dir = Path(args.text_dir).resolve()
    files = sorted(text_dir.glob("*.txt"))
    if not files:
        print(f"no .txt files in {text_dir}", file=sys.stderr)
        return 2
    if args.old is not None and not (args.old / "reader" / "__main__.py").is_file():
        print(f"not a reader source tree: {args.old}", file=sys.stderr)
        return 2
    mb = sum(f.stat().st_size for f in files) / 1e6
    py = sys.executable
    env = dict(os.environ)
    if args.no_regex_cache:
        env["READER_REGEX_CACHE"] = "0"
    trees = [("", REPO)] + ([("old ", args.old.resolve())] if args.old is not None else [])
    runs: dict[str, tuple[list[str], Path, dict[str, str]]] = {}
    for opts, label in (([], "(default)"), (["--jobs", "1"], "--jobs 1")):
        for tag, tree in trees:
            runs[f"{tag}reader analyze {label}"] = (
                [py, "-m", "reader", "analyze", str(text_dir), *opts], tree,
                {**env, "PYTHONPATH": str(tree)})
    runs["jusText (one core)"] = ([py, "-c", JUSTEXT_SCRIPT, str(text_dir)], REPO, env)
    print(f"{len(files)} files, {mb:.2f} MB, best of {args.repeat} whole-process runs "
          f"(alternated); {len(os.sched_getaffinity(0))} usable CPUs; before: {_load()}")
    best = {name: (float("inf"), float("inf")) for name in runs}
    for _ in range(args.repeat):
        for name, (cmd, cwd, run_env) in runs.items():
            wall, cpu = _once(cmd, cwd, run_env)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    jt, jt_cpu = best["jusText (one core)"]
    for name, (t, cpu) in best.items():
        print(f"  {name:32s} {t:7.3f} s  {mb / t:6.2f} MB/s  {jt / t:5.2f}x jusText"
              f"   CPU {cpu:6.3f} s  {jt_cpu / cpu:5.2f}x")
    print(f"after: {_load()}")
    default = jt / best["reader analyze (default)"][0]
    print(f"default-options speed-up over jusText: {default:.2f}x (target {TARGET:.0f}x)")
    return 0 if default >= TARGET else 1

if __name__ == "__main__":
    sys.exit(main())
