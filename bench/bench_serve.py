"""Startup of `reader serve` to a usable page in headless Chromium.

    python bench/bench_serve.py [CORPUS] [--runs 5]

Each run launches the installed `reader serve CORPUS` on a free loopback port (HOME,
XDG_* in a temp folder; annotations in a temp `--db`) and measures, from the launch:

  url     the server prints its URL (it accepts connections)
  page    the browser has the page (DOMContentLoaded)
  usable  the first article title has reached the tab's terminal (the app answers keys)

Baseline in the same run: `second tab`, a new tab on the already running server (what
a colleague opening the link pays: the app process alone). Medians over the runs; the
browser itself is started once, before timing. Needs /usr/bin/chromium, chromedriver
and selenium (the [test] extra).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.e2e.browser import Served, Tab, isolated_env, make_browser  # noqa: E402
from tests.e2e.tmux import reader_script  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "seeds"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    corpus = Path(args.corpus).resolve()
    listing = subprocess.run(
        [reader_script(), "list", str(corpus)], capture_output=True, text=True, check=True
    )
    needle = listing.stdout.splitlines()[0].split("\t")[1][:20]  # the first title
    figures: dict[str, list[float]] = {"url": [], "page": [], "usable": [], "second tab": []}
    driver = make_browser()
    try:
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                home = Path(tmp)
                served = Served(corpus, isolated_env(home), "--db", str(home / "a.json"))
                try:
                    figures["url"].append(time.monotonic() - served.started)
                    tab = Tab.open(driver, served.url, new=False)
                    figures["page"].append(time.monotonic() - served.started)
                    tab.wait_for(lambda s: needle in s)
                    figures["usable"].append(time.monotonic() - served.started)
                    begun = time.monotonic()
                    second = Tab.open(driver, served.url, new=True)
                    second.wait_for(lambda s: needle in s)
                    figures["second tab"].append(time.monotonic() - begun)
                    driver.close()
                    driver.switch_to.window(tab.handle)
                    driver.get("about:blank")
                finally:
                    served.stop()
    finally:
        driver.quit()
    print(f"reader serve {corpus} ({args.runs} runs, medians, seconds from launch)")
    for name, values in figures.items():
        print(f"  {name:<11} {statistics.median(values):6.2f}   (min {min(values):.2f}, "
              f"max {max(values):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
