"""CPU seconds of start-up imports against a bare interpreter, in the same run.

    python bench/bench_startup.py [--runs 7]

Each import runs in a fresh interpreter (`python -c "import X"`), --runs times, interleaved;
printed is the median CPU time of the process (user + sys, from the reaped child, so the
load of other users counts little), that time less the bare interpreter's (`python -c
pass`, the baseline), and whether `reader.marks` (the detectors, ~0.13 s of regular
expressions to compile) was imported along. The load average is printed beside.

What it showed on 2026-12-07: `reader.cli` (every command's parsing, `--help`) and
`reader.tui.app` (the app up to its first frame) do not import the detectors; the app
imports them in its indexing thread after the first frame, and `reader analyze` / `list`
when they analyse. Nothing further was clearly worth making lazy.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys

IMPORTS = {
    "bare interpreter (baseline)": "pass",
    "reader.cli": "import reader.cli",
    "reader.tui.app": "import reader.tui.app",
    "reader.marks": "import reader.marks",
}
CHECK = "; import sys; print('reader.marks' in sys.modules)"


def cpu_of(code: str) -> tuple[float, bool]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", code + CHECK], capture_output=True, text=True,
                         check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, out.stdout.strip() == "True"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    times: dict[str, list[float]] = {k: [] for k in IMPORTS}
    marks: dict[str, bool] = {}
    for _ in range(args.runs):
        for name, code in IMPORTS.items():
            cpu, has_marks = cpu_of(code)
            times[name].append(cpu)
            marks[name] = has_marks
    base = statistics.median(times["bare interpreter (baseline)"])
    for name in IMPORTS:
        med = statistics.median(times[name])
        print(f"  {name:28} {med * 1000:7.1f} ms CPU  (+{(med - base) * 1000:6.1f} ms over "
              f"the bare interpreter)  detectors imported: {'yes' if marks[name] else 'no'}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
