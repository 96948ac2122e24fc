"""Time from launch to the first *title* on screen, warm start, measured in tmux.

    python bench/make_corpus.py 100000 /tmp/c100k --source ../shared/eval/boilerplate/dev
    python bench/bench_first_titles.py /tmp/c100k --runs 5

The scale bench (bench_scale.py) times the first frame, which on a large corpus shows file
names: the titles come a moment later from the summary cache. What a coder waits for is
the titles, so this bench launches `reader CORPUS` in a detached tmux session of 120x40,
polls `tmux capture-pane` every few milliseconds and records, from just before the launch:

* first name:  the first article's file name is on screen (the old first frame);
* first title: a title of one of the articles on the first screen is on screen (taken
  from the summary cache the warm-up run left, so it is the title the app will show).

Each timed run is a pair: one with the view state (`annotations.view.json`, which since
issue 19 remembers the titles of the rows on screen) deleted, the old path where titles
come from the summary cache after the first frame, the baseline; one warm, with it.

Warm start: a first run fills the summary cache (the first-line pass over every article;
~1 min at 100k) and quits; the timed runs then start with that cache. Baseline in the
same run: a minimal Textual app's time to its first frame, measured the same way. Target
(issue 19): first title within 1.0 s at 100,000 articles. Prints medians (and every run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("minimal-app-ready")
Minimal().run()
"""


def tmux(*args: str, check: bool = True) -> str:
    out = subprocess.run(["tmux", *args], capture_output=True, text=True, check=check)
    return out.stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session, check=False)


def launch_and_wait(command: list[str], needles: dict[str, list[str]], env: dict[str, str],
                    timeout: float = 30.0) -> dict[str, float]:
    """Seconds from launch until each group of needles first shows (any one of a group)."""
    session = f"bench-{os.getpid()}-{time.monotonic_ns()}"
    env_args = [item for k, v in env.items() for item in ("-e", f"{k}={v}")]
    shell = " ".join(_quote(c) for c in command)
    for attempt in range(5):  # a tmux server shutting down after the last run can refuse
        t0 = time.perf_counter()
        started = subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120",
                                  "-y", "40", *env_args, shell], capture_output=True, text=True)
        if started.returncode == 0:
            break
        time.sleep(0.2 * (attempt + 1))
    else:
        raise RuntimeError(f"tmux new-session failed: {started.stderr.strip()}")
    seen: dict[str, float] = {}
    try:
        while len(seen) < len(needles) and time.perf_counter() - t0 < timeout:
            text = screen(session)
            now = time.perf_counter() - t0
            for name, group in needles.items():
                if name not in seen and any(n in text for n in group):
                    seen[name] = now
            time.sleep(0.003)
    finally:
        tmux("send-keys", "-t", session, "q", check=False)
        for _ in range(200):  # let the app quit (it saves its cache and view state)
            if session not in tmux("list-sessions", "-F", "#{session_name}", check=False):
                break
            time.sleep(0.05)
        tmux("kill-session", "-t", session, check=False)
    return seen


def _quote(s: str) -> str:
    import shlex

    return shlex.quote(s)


def reader_cmd() -> list[str]:
    return [sys.executable, "-m", "reader"]


def first_screen(corpus: Path, rows: int = 30) -> list[str]:
    from reader.corpus import scan

    return [a.id for a in scan(corpus, lazy_stat_over=0).articles[:rows]]


def cached_titles(cache: Path, ids: list[str]) -> list[str]:
    """The titles the cache holds for these ids (as the list would show their start)."""
    import orjson

    entries = orjson.loads(cache.read_bytes()).get("entries", {})
    out = []
    for aid in ids:
        v = entries.get(aid)
        title = v[2] if isinstance(v, list) and len(v) > 2 else None
        if isinstance(title, str) and len(title.strip()) >= 12:
            out.append(" ".join(title.split())[:24])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", type=Path, help="annotations file to use (and keep): a second "
                    "bench run on the same corpus skips the warm-up when its cache is there")
    ap.add_argument("--warm-timeout", type=float, default=600.0,
                    help="seconds to wait for the warm-up run's first pass")
    args = ap.parse_args()
    if shutil.which("tmux") is None:
        print("bench_first_titles: tmux is not installed", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="bench-titles-"))
    try:
        env = {"HOME": str(tmp / "home"), "XDG_DATA_HOME": str(tmp / "data"),
               "XDG_CACHE_HOME": str(tmp / "cache"), "XDG_CONFIG_HOME": str(tmp / "config"),
               "TERM": "xterm-256color", "PYTHONPATH": str(REPO)}
        for k in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
            Path(env[k]).mkdir(parents=True, exist_ok=True)
        db = args.db.absolute() if args.db else tmp / "db" / "annotations.json"
        db.parent.mkdir(parents=True, exist_ok=True)
        command = [*reader_cmd(), str(args.corpus), "--db", str(db)]
        ids = first_screen(args.corpus)
        names = [Path(i).name[:20] for i in ids[:3]]

        cache = db.with_name(db.stem + ".cache.json")
        if not cache.exists():  # warm-up: until the first pass is done (titles cached)
            t0 = time.perf_counter()
            warm = launch_and_wait(command, {"done": ["headlines & boilerplate"]},
                                   env, timeout=args.warm_timeout)
            print(f"warm-up run: {time.perf_counter() - t0:.1f} s "
                  f"({'first pass done' if warm else 'timed out'})")
        titles = cached_titles(cache, ids) if cache.exists() else []
        if not titles:
            print("bench_first_titles: the warm-up left no cached titles", file=sys.stderr)
            return 1

        minimal = [launch_and_wait([sys.executable, "-c", MINIMAL_APP],
                                   {"frame": ["minimal-app-ready"]}, env).get("frame", float("nan"))
                   for _ in range(args.runs)]
        view = db.with_name(db.stem + ".view.json")
        cold_view, runs = [], []
        for _ in range(args.runs):  # alternate: without and with the remembered screen
            view.unlink(missing_ok=True)
            cold_view.append(launch_and_wait(command, {"name": names, "title": titles}, env))
            runs.append(launch_and_wait(command, {"name": names, "title": titles}, env))
        first_name = [r.get("name", float("nan")) for r in cold_view]
        no_view = [r.get("title", float("nan")) for r in cold_view]
        first_title = [r.get("title", float("nan")) for r in runs]
        n = len(list(args.corpus.rglob("*.txt"))) if args.corpus.is_dir() else 1
        print(f"corpus: {args.corpus} ({n:,} articles), tmux 120x40, {args.runs} runs, warm")
        print(f"  minimal Textual app, first frame  median {statistics.median(minimal):.2f} s"
              f"  runs {' '.join(f'{x:.2f}' for x in minimal)}")
        rows = (
            ("first file name, no view state", first_name),
            ("first title, no view state (baseline)", no_view),
            ("first title, warm (view state)", first_title),
        )
        for label, xs in rows:
            print(f"  reader, {label:<38} median {statistics.median(xs):.2f} s"
                  f"  runs {' '.join(f'{x:.2f}' for x in xs)}")
        print("  target (issue 19): first title within 1.00 s, warm")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
