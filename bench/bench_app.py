"""Whole-process figures for the reader app on one corpus, through a pseudo-terminal.

    python bench/bench_app.py CORPUS [--keys 60] [--json]

Runs the installed `reader` console script twice on CORPUS, 120x40, TERM=xterm-256color,
with HOME / XDG_* and `--db` in a fresh temp folder (nothing is written to the corpus):

1. first start (no summary cache): time to first frame, time until indexing is done,
   key-to-frame latency moving through the list (`j`), per-keystroke filter latency
   (`/` then a word, one key at a time, then escape), open-article latency (enter),
   key-to-frame scrolling the article (`j`, `space`), peak RSS; then `q`;
2. warm start (the cache the first run left): time to first frame, time until indexing
   is done, peak RSS.

With --whole-pass both runs also wait for the background headline/boilerplate pass to
end (the first run's writes the quotation cache `annotations.quotes.json`, which the warm
start loads) and open the overview (V, the speaker counts) before the peak RSS is read.

See bench/ptyrun.py for what "first frame" and "key-to-frame" mean exactly.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import Burst, PtyApp, percentile  # noqa: E402

VENV_BIN = Path(sys.executable).parent


def reader_cmd() -> str:
    script = VENV_BIN / "reader"
    return str(script) if script.exists() else (shutil.which("reader") or "reader")


def isolated_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    home = tmp / "home"
    for sub in ("", "data", "config", "cache", "state"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
    )
    return env


def first_article(corpus: Path) -> tuple[str, str]:
    """(file name as listed, title prefix) of the first article, the way the app orders."""
    from reader.corpus import first_line_title, read_text, scan

    c = scan(corpus)
    a = c.articles[0]
    try:
        from reader.titles import title_of

        title = title_of(read_text(a.path).text)
    except Exception:
        title = first_line_title(read_text(a.path).text)
    return a.id, title[:24]


def summarize(xs: list[float]) -> dict[str, float]:
    ms = [x * 1000 for x in xs if x == x]
    if not ms:
        return {"median": float("nan"), "p95": float("nan"), "n": 0}
    return {"median": statistics.median(ms), "p95": percentile(ms, 95), "max": max(ms),
            "n": len(ms)}


def indexing_done(screen: str) -> bool:
    first = screen.split("\n", 1)[0]
    return "articles" in first and "indexing" not in first


def run_app(corpus: Path, tmp: Path, env: dict[str, str], needles: tuple[str, ...],
            interact: bool, keys: int, index_timeout: float, whole_pass: bool = False
            ) -> dict[str, object]:
    db = tmp / "db" / "annotations.json"
    db.parent.mkdir(parents=True, exist_ok=True)
    app = PtyApp([reader_cmd(), str(corpus), "--db", str(db)], env=env)
    out: dict[str, object] = {}
    try:
        ff = app.wait_for(*needles, timeout=60)
        out["first_frame_s"] = ff
        screen = app.text()
        out["first_frame_has_title"] = needles[1] in screen if len(needles) > 1 else None
        out["rss_after_first_frame_mb"] = app.peak_rss_mb()
        if ff is None:
            out["error"] = "no first frame:\n" + screen
            return out
        t_done = app.wait_until(indexing_done, timeout=index_timeout)
        out["indexed_s"] = (time.perf_counter() - app.t0) if t_done else None
        app.drain(0.2, 5)
        if interact:
            out.update(interact_with(app, keys))
        out["analysis_per_s"] = analysis_rate(app)
        if whole_pass:  # the headline/boilerplate pass to its end (it writes the quotation
            # cache a warm start reads), then the overview, which counts the speakers
            quotes = db.with_name("annotations.quotes.json")
            done = app.wait_until(lambda s: quotes.exists() and "headlines & boilerplate"
                                  not in s.split("\n")[0], timeout=index_timeout)
            out["pass_done_s"] = (time.perf_counter() - app.t0) if done else None
            app.key(b"V")
            out["overview_shown"] = app.wait_until(lambda s: "Most quoted speakers" in s,
                                                   timeout=60)
            app.drain(0.5, 10)
            out["quotes_cache_bytes"] = quotes.stat().st_size if quotes.exists() else None
            app.key(b"\x1b", settle=0.2)  # back to the list, where q quits
        out["peak_rss_mb"] = app.peak_rss_mb()
    finally:
        t_quit = time.perf_counter()
        out["exit_status"] = app.close(b"q", timeout=60)
        out["quit_s"] = time.perf_counter() - t_quit
    return out


def analysis_rate(app: PtyApp, seconds: float = 5.0) -> float | None:
    """Articles a second of the background headline/boilerplate pass (title bar counter)."""
    import re

    def count() -> int | None:
        app.drain(0.05, 1)
        m = re.search(r"headlines & boilerplate ([\d,]+)/", app.text().split("\n", 1)[0])
        return int(m.group(1).replace(",", "")) if m else None

    a, t0 = count(), time.perf_counter()
    if a is None:
        return None
    time.sleep(seconds)
    b = count()
    return None if b is None else (b - a) / (time.perf_counter() - t0)


def interact_with(app: PtyApp, keys: int) -> dict[str, object]:
    """Keys one at a time, each after the previous answer has settled."""
    out: dict[str, object] = {}
    bursts: dict[str, list[Burst]] = {k: [] for k in
                                      ("list_j", "filter_key", "open_article", "article_j",
                                       "article_space")}

    def press(kind: str, k: bytes) -> Burst:
        b = app.key(k)
        bursts[kind].append(b)
        return b

    for _ in range(keys):  # moving through the list
        press("list_j", b"j")
    app.key(b"/")  # filter, one keystroke at a time
    for ch in "ceasefire":
        press("filter_key", ch.encode())
    out["filter_matches_on_screen"] = "ceasefire" in app.text().lower()
    clear = app.key(b"\x1b", settle=0.1)  # escape: the whole list back (Textual waits a
    out["filter_clear_ms"] = clear.settled * 1000  # moment to tell a lone ESC from a sequence)
    app.drain(0.1)
    for _ in range(5):  # open an article from the list, read it, go back
        press("open_article", b"\r")
        app.drain(0.05)
        if not app.alive():
            out["error"] = "the app exited on opening an article:\n" + app.text()[-1500:]
            bursts["open_article"].pop()
            break
        for _ in range(max(10, keys // 3)):
            press("article_j", b"j")
        for _ in range(8):
            press("article_space", b" ")
        app.key(b"h")  # back to the list
        app.key(b"j")
    for kind, bs in bursts.items():
        out[kind] = summarize([b.last for b in bs])
        out[kind + "_settled"] = summarize([b.settled for b in bs])
        out[kind + "_first_byte"] = summarize([b.first for b in bs])
    return out


def measure(corpus: Path, keys: int = 60, index_timeout: float = 900,
            keep: bool = False, whole_pass: bool = False) -> dict[str, object]:
    corpus = corpus.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="bench-app-"))
    try:
        env = isolated_env(tmp)
        name, title = first_article(corpus)
        needles = (name, title)
        cold = run_app(corpus, tmp, env, needles, keys > 0, keys, index_timeout, whole_pass)
        cache = tmp / "db" / "annotations.cache.json"
        cold["cache_bytes"] = cache.stat().st_size if cache.exists() else None
        warm = run_app(corpus, tmp, env, needles, False, keys, index_timeout, whole_pass)
        return {"corpus": str(corpus), "cold": cold, "warm": warm}
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def fmt_ms(d: object) -> str:
    if not isinstance(d, dict) or not d.get("n"):
        return "-"
    return f"{d['median']:.1f} / {d['p95']:.1f} ms"


def report(r: dict[str, object]) -> None:
    cold, warm = r["cold"], r["warm"]
    assert isinstance(cold, dict) and isinstance(warm, dict)

    def s(v: object) -> str:
        return f"{v:.3f} s" if isinstance(v, float) else str(v)

    print(f"corpus {r['corpus']}")
    print(f"  first frame, first start   {s(cold.get('first_frame_s'))}"
          f"  (titles already shown: {cold.get('first_frame_has_title')})")
    print(f"  indexing done, first start {s(cold.get('indexed_s'))}")
    print(f"  first frame, warm          {s(warm.get('first_frame_s'))}"
          f"  (titles already shown: {warm.get('first_frame_has_title')})")
    print(f"  indexing done, warm        {s(warm.get('indexed_s'))}")
    for kind, label in (("list_j", "list j"), ("filter_key", "filter keystroke"),
                        ("open_article", "open article (enter)"), ("article_j", "article j"),
                        ("article_space", "article space")):
        print(f"  {label:<26} frame {fmt_ms(cold.get(kind))}   settled "
              f"{fmt_ms(cold.get(kind + '_settled'))}   first byte "
              f"{fmt_ms(cold.get(kind + '_first_byte'))}")
    print(f"  filter clear (esc)         {cold.get('filter_clear_ms', float('nan')):.0f} ms"
          f"  (matches on screen: {cold.get('filter_matches_on_screen')})")
    rate = cold.get("analysis_per_s")
    print(f"  headline/boilerplate pass  {rate:.0f} articles/s" if rate else
          "  headline/boilerplate pass  (not running when measured)")
    print(f"  quit (q to exit) cold/warm {s(cold.get('quit_s'))} / {s(warm.get('quit_s'))}")
    print(f"  peak RSS cold / warm       {cold.get('peak_rss_mb')} / {warm.get('peak_rss_mb')} MB")
    print(f"  cache file                 {cold.get('cache_bytes')} bytes")
    for k in ("error",):
        for side in (cold, warm):
            if side.get(k):
                print(f"  {k}: {side[k]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--keys", type=int, default=60, help="0: start-up figures only")
    ap.add_argument("--index-timeout", type=float, default=900,
                    help="seconds to wait for the first indexing pass")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder")
    ap.add_argument("--whole-pass", action="store_true",
                    help="wait for the background headline/boilerplate pass to end (it writes "
                         "the quotation cache), then open the overview (V), in both runs")
    args = ap.parse_args(argv)
    r = measure(args.corpus, args.keys, args.index_timeout, keep=args.keep,
                whole_pass=args.whole_pass)
    if args.json:
        print(json.dumps(r, indent=1, default=str))
    else:
        report(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
