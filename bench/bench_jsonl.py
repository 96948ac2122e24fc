"""JSON Lines corpora at scale: first frame of the app, and indexing, on one big `.jsonl`.

    python bench/bench_jsonl.py [--n 100000] [--big-gb 0] [--dir /tmp]

Builds a JSON Lines file of N records from the dev pages (bench/make_corpus.py's pages,
each with a distinct headline, a URL, a date and a source), then:

1. in this process: `scan()` as the app calls it (a quarter-second of indexing, the rest
   left to the background) with no saved index and with one, and a full index pass (MB/s);
2. through a pseudo-terminal (bench/ptyrun.py), the installed `reader` on the file: time
   to the first frame with no saved index ("cold") and with the index the first run saved
   ("warm", target ≤ 1.0 s at 100,000 records), and until every record is listed;
3. baselines in the same run: a minimal Textual app's first frame, and the app's on the
   two bundled seeds (the floor every corpus pays: Python, Textual, the app, the store).

With --big-gb G, a file of about G GB is also built and the cold first frame measured on
it: the app must not read it whole before showing it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import orjson

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from bench_app import isolated_env, reader_cmd  # noqa: E402
from bench_scale import MINIMAL_APP, first_frame_runs  # noqa: E402
from make_corpus import WORDS_A, WORDS_B, load_templates  # noqa: E402
from make_syndicated import DEFAULT_SOURCE  # noqa: E402  (found from a worktree too)
from ptyrun import PtyApp  # noqa: E402

SOURCES = ("Example Times", "Daily Wire Service", "The Harbour Gazette", "Metro Post")


def make_jsonl(path: Path, n: int | None = None, target_bytes: int | None = None) -> int:
    """N records (or until `target_bytes`); returns how many were written."""
    templates = load_templates(DEFAULT_SOURCE)
    nt = len(templates)
    written = size = 0
    with open(path, "wb") as f:
        i = 0
        while (n is None or i < n) and (target_bytes is None or size < target_bytes):
            pieces, title = templates[i % nt]
            new_title = b"%s: %s %s (%d)" % (title, WORDS_A[(i * 7) % len(WORDS_A)].encode(),
                                             WORDS_B[(i * 13 // nt) % len(WORDS_B)].encode(), i)
            text = (b"\n" + new_title + b"\n").join(pieces)[1:-1].decode("utf-8", "replace")
            record = {
                "id": f"a{i:07d}",
                "title": new_title.decode("utf-8", "replace"),
                "url": f"https://www.site{i % 40}.example/news/{i}",
                "date": f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "source": SOURCES[i % len(SOURCES)],
                "text": text,
            }
            line = orjson.dumps(record) + b"\n"
            f.write(line)
            size += len(line)
            written += 1
            i += 1
    return written


def in_process(path: Path) -> None:
    from reader.corpus import scan
    from reader.jsonl import _fallback, open_indexer

    index = _fallback(path.resolve(), "reader-index")  # (a one-file corpus: the user cache)
    index.unlink(missing_ok=True)
    t0 = time.perf_counter()
    first = scan(path, background=0.25)
    cold = time.perf_counter() - t0
    pending = len(first.pending)
    t0 = time.perf_counter()
    indexer = open_indexer(path, path.name, None, 20 * 1024 * 1024)
    indexer.run()
    full = time.perf_counter() - t0
    t0 = time.perf_counter()
    warm_corpus = scan(path, background=0.25)
    warm = time.perf_counter() - t0
    mb = path.stat().st_size / 1e6
    print(f"  scan, no index:   {cold:.3f} s ({len(first.articles):,} records listed, "
          f"{'rest in the background' if pending else 'all'})")
    print(f"  full index pass:  {full:.1f} s, {mb / full:.0f} MB/s "
          f"({len(indexer.rows):,} records, index file {index.stat().st_size / 1e6:.1f} MB)")
    print(f"  scan, saved index: {warm:.3f} s ({len(warm_corpus.articles):,} records listed)")


def app_first_frame(path: Path, needle: str, cold: bool, env: dict[str, str], db: Path
                    ) -> tuple[float | None, float | None]:
    if cold:
        from reader.jsonl import _fallback

        _fallback(path.resolve(), "reader-index").unlink(missing_ok=True)
    app = PtyApp([reader_cmd(), str(path), "--db", str(db)], env=env)
    try:
        ff = app.wait_for(needle, timeout=60)
        done = None
        if ff is not None:
            def listed(screen: str) -> bool:
                first = screen.split("\n", 1)[0]
                return "articles" in first and "indexing" not in first

            if app.wait_until(listed, timeout=600):
                done = time.perf_counter() - app.t0
    finally:
        app.close(b"q", timeout=60)
    return ff, done


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="records (default 100,000)")
    ap.add_argument("--big-gb", type=float, default=0.0, help="also a file of this many GB")
    ap.add_argument("--dir", type=Path, default=None, help="where to build (default: temp)")
    ap.add_argument("--runs", type=int, default=3, help="warm first-frame repeats")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-jsonl-", dir=args.dir))
    try:
        env = isolated_env(work)
        base = first_frame_runs([sys.executable, "-c", MINIMAL_APP], ("minimal-app-ready",),
                                env, args.runs)
        print(f"baseline: minimal Textual app first frame {statistics.median(base):.3f} s")
        seeds = first_frame_runs([reader_cmd(), str(BENCH.parent / "reader" / "seeds"), "--db",
                                  str(work / "seeds-db.json")], ("Trump and Kim",), env,
                                 args.runs)
        print(f"baseline: the app on the two seeds, first frame {statistics.median(seeds):.3f} s")
        path = work / "news.jsonl"
        t0 = time.perf_counter()
        n = make_jsonl(path, n=args.n)
        mb = path.stat().st_size / 1e6
        print(f"{n:,} records, {mb:.0f} MB, built in {time.perf_counter() - t0:.1f} s")
        in_process(path)
        db = work / "db" / "annotations.json"
        db.parent.mkdir(parents=True, exist_ok=True)
        # the first record's headline begins with its page's title
        needle = load_templates(DEFAULT_SOURCE)[0][1].decode("utf-8", "replace")[:20]
        ff, done = app_first_frame(path, needle, True, env, db)
        print(f"  app, no index:    first frame {ff:.3f} s, all listed {done:.1f} s"
              if ff and done else f"  app, no index: first frame {ff}, all listed {done}")
        warm = []
        for _ in range(args.runs):
            ff, _ = app_first_frame(path, needle, False, env, db)
            if ff is not None:
                warm.append(ff)
        if warm:
            w = statistics.median(warm)
            print(f"  app, saved index: first frame {w:.3f} s (median of {len(warm)}; "
                  f"target ≤ 1.0 s: {'met' if w <= 1.0 else 'NOT met'})")
        if args.big_gb:
            big = work / "big.jsonl"
            t0 = time.perf_counter()
            n = make_jsonl(big, target_bytes=int(args.big_gb * 1e9))
            print(f"{n:,} records, {big.stat().st_size / 1e9:.2f} GB, built in "
                  f"{time.perf_counter() - t0:.0f} s")
            os.sync()
            ff, done = app_first_frame(big, needle, True, env, db.with_name("big.json"))
            print(f"  app, no index:    first frame {ff:.3f} s, all listed "
                  f"{done:.0f} s" if ff and done else f"  app: first frame {ff}, done {done}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
