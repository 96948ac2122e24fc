"""Full-text search figures, with targets, in one run (issue 14): prints a table.

    python bench/bench_search.py                      # 100,000 articles (~1 GB in /tmp)
    python bench/bench_search.py --n 10000            # quicker
    python bench/bench_search.py --corpus DIR         # an existing corpus (not written to)

1. index build, one core: `SearchIndex.update(jobs=1)` on the first --sample articles
   (detection of boilerplate lines dominates: it is the same pass `reader analyze` makes);
2. index build, whole corpus: `reader search` with --jobs (default: all cores) on a
   corpus with no index, whole process; the index goes beside a `--db` in a temp folder.
   At 1 GB that is ~35 min of detection on one core, so with --fill (the default above
   20,000 articles) the index for the figures below is filled instead from one real
   detection pass per page template of make_corpus.py (every article of a template has
   its lines classified as the template's first article; the text indexed is each
   article's own), and the build time printed is the one-core rate times the corpus;
3. index size as a share of the corpus's bytes (target <= 50%);
4. `reader search` (whole process, warm page cache, median of --runs) for a one-word and a
   phrase query, against `grep -rlwi` over the same folder in the same run (target: >= 10x
   faster); wall and CPU time (on a loaded machine wall time waits for a core); the number
   of files each finds is printed beside it (grep also matches boilerplate lines; the
   default scope leaves them out). Three ways of bringing the index up to date first:
   the default quick check (folder mtimes, JSON Lines files, the hits: see
   `reader.search.freshness`), `--update` (a stat of every file) and `--no-update` (none);
5. `/` in the app: key-to-frame per keystroke while typing the word (first frame: the
   box echoes; results: the last frame the key caused, the ranked list drawn), median
   (target <= 50 ms), and the app's peak RSS with the index open (target <= 400 MB).
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

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from bench_app import isolated_env, reader_cmd  # noqa: E402
from make_corpus import DEFAULT_SOURCE, build  # noqa: E402

# (READER_EVAL: the evaluation data elsewhere than beside the repository, as for the tests)
SOURCE = (Path(os.environ["READER_EVAL"]) / "boilerplate" / "dev"
          if os.environ.get("READER_EVAL") else DEFAULT_SOURCE)


def corpus_bytes(root: Path) -> tuple[int, int]:
    n = total = 0
    for folder, _, files in os.walk(root):
        for f in files:
            if f.endswith(".txt"):
                n += 1
                total += os.path.getsize(os.path.join(folder, f))
    return n, total


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """(wall seconds, CPU seconds of the child, exit status, stdout)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(argv, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.returncode, p.stdout


def median_time(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float, str]:
    """Median wall and CPU seconds of `runs` runs after a warm-up run."""
    timed(argv, env)  # warm the page cache and the interpreter's files
    walls, cpus, out = [], [], ""
    for _ in range(runs):
        wall, cpu, _, out = timed(argv, env)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus), out


def one_core_rate(root: Path, sample: int, tmp: Path) -> tuple[float, int, int]:
    from reader.corpus import scan
    from reader.search.index import SearchIndex

    articles = scan(root).articles[:sample]
    index = SearchIndex(tmp / "sample.sqlite")
    index.open()
    t = time.perf_counter()
    index.update([(a.id, a.path, a.size, a.mtime_ns) for a in articles], jobs=1)
    dt = time.perf_counter() - t
    index.close()
    return dt, sum(a.size for a in articles), len(articles)


def fill(root: Path, index_file: Path, source: Path) -> float:
    """The index of a make_corpus.py corpus from one detection pass per template (see the
    module docstring); returns the seconds it took."""
    from reader.corpus import read_text, scan
    from reader.search.extract import JOIN, Extract, extract_text
    from reader.search.index import SearchIndex

    t = time.perf_counter()
    articles = scan(root).articles
    index = SearchIndex(index_file)
    index.open()
    first: dict[tuple[int, int], Extract] = {}  # (template, line count) -> its extract
    batch: list[Extract] = []
    from make_corpus import load_templates

    nt = len(load_templates(source))
    for a in articles:
        text = read_text(a.path).text
        lines = text.split("\n")
        key = (int(a.path.stem[1:]) % nt, len(lines))
        ref = first.get(key)
        if ref is None:
            ref = first[key] = extract_text(a.id, text, a.size, a.mtime_ns, "")
            batch.append(ref)
        else:
            skip = set(ref.boiler_lines)
            body = JOIN.join(ln for n, ln in enumerate(lines, 1) if n not in skip)
            boiler = tuple(dict.fromkeys(lines[n - 1] for n in ref.boiler_lines
                                         if lines[n - 1].strip()))
            title = (" ".join(lines[ref.title_line - 1].split())[:300]
                     if ref.title_line else ref.title)
            batch.append(Extract(a.id, a.size, a.mtime_ns, "", title, ref.title_line, body,
                                 boiler, ref.boiler_lines, ref.speakers))
        if len(batch) >= 2000:
            index._write(batch)
            batch = []
    if batch:
        index._write(batch)
    index.optimize()
    index.close()
    return time.perf_counter() - t


def query_per_keystroke(root: Path, index_file: Path, word: str) -> list[float]:
    """Milliseconds the app's search worker spends per keystroke (evaluate and rank, in
    this process: what the results frame waits for besides the terminal and the UI)."""
    from reader.corpus import scan
    from reader.filtering import Facts, evaluate, parse
    from reader.search.index import SearchIndex

    corpus = scan(root, lazy_stat_over=20_000)
    index = SearchIndex(index_file)
    index.open()
    ids = [a.id for a in corpus.articles]
    out = []
    for k in range(1, len(word) + 1):
        t = time.perf_counter()
        query = parse(word[:k])
        text_engine, speakers = index.engine(corpus._index)
        found = evaluate(query, len(ids), text_engine, Facts(speakers=speakers))
        index.rank(query, [ids[i] for i in found])
        out.append((time.perf_counter() - t) * 1000)
    index.close()
    return out


def keystrokes(root: Path, db: Path, env: dict[str, str], word: str) -> dict[str, object]:
    from ptyrun import PtyApp

    app = PtyApp([reader_cmd(), str(root), "--db", str(db)], env=env)
    out: dict[str, object] = {}
    try:
        if app.wait_for("articles", timeout=60) is None:
            return {"error": "no first frame"}
        t = time.perf_counter()
        ok = app.wait_until(lambda s: "search index" not in s.split("\n", 1)[0], timeout=600)
        out["index_open_s"] = time.perf_counter() - t if ok else None
        # as bench_app.py: keys once the first indexing pass (titles) is done; the
        # headline pass goes on in worker processes
        app.wait_until(lambda s: "indexing" not in s.split("\n", 1)[0], timeout=900)
        app.drain(0.3, 5)
        app.key(b"/")
        app.drain(0.2, 2)
        first, settled = [], []
        for ch in word:
            b = app.key(ch.encode(), settle=0.15)
            first.append(b.last * 1000)
            settled.append(b.settled * 1000)
        app.drain(0.5, 5)
        screen = app.text()
        out["first_ms"] = statistics.median(first)
        out["settled_ms"] = statistics.median(settled)
        out["settled_max_ms"] = max(settled)
        out["count_line"] = next((ln.strip() for ln in screen.split("\n") if " of " in ln
                                  and "," in ln), "")
        out["peak_rss_mb"] = app.peak_rss_mb()
    finally:
        app.close(b"\x1bq", timeout=30)
    return out


def _table(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"  {name:<{width}}  {value}   [{target}]")
    print(f"  (load average {os.getloadavg()[0]:.2f})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="articles to generate")
    ap.add_argument("--corpus", type=Path, help="use this corpus instead of generating one")
    ap.add_argument("--sample", type=int, default=1000,
                    help="articles for the one-core build rate (default 1000)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="worker processes for the full build")
    ap.add_argument("--runs", type=int, default=5, help="repeats of each timed query")
    ap.add_argument("--source", type=Path, default=SOURCE,
                    help=f"pages to make the corpus from (default: {SOURCE})")
    ap.add_argument("--word", default="ceasefire")
    ap.add_argument("--phrase", default="North Korea")
    ap.add_argument("--no-app", action="store_true", help="skip the app keystroke part")
    ap.add_argument("--no-cli", action="store_true", help="skip the reader search timings")
    ap.add_argument("--cli-only", action="store_true",
                    help="only the index size and the reader search timings (no / part)")
    ap.add_argument("--fill", action=argparse.BooleanOptionalAction, default=None,
                    help="fill the index from one detection per template instead of a "
                    "real build (default: above 20,000 articles)")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpus and index")
    ap.add_argument("--db-dir", type=Path,
                    help="where the index goes (beside annotations.json there); an index "
                    "already there is used as it is (no build, no fill)")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
    env = isolated_env(tmp)
    # warm runs: compiled modules cached, as an installed reader has them
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    made = args.corpus is None
    root = args.corpus.resolve() if args.corpus else tmp / "corpus"
    try:
        if made:
            build(args.n, root, 1000, args.source, quiet=True)
        n, size = corpus_bytes(root)
        mb = size / 1e6
        print(f"corpus: {n:,} articles, {mb:,.0f} MB ({root})")
        rows: list[tuple[str, str, str]] = []

        db = (args.db_dir or tmp / "db") / "annotations.json"
        db.parent.mkdir(parents=True, exist_ok=True)
        reader = reader_cmd()
        index_file = db.with_name("annotations.search.sqlite")
        reuse = index_file.exists()
        if not reuse:
            dt, sbytes, sn = one_core_rate(root, min(args.sample, n), tmp)
            rows.append(("build, one core", f"{sbytes / 1e6 / dt:.2f} MB/s "
                         f"({sn:,} articles in {dt:.1f} s)", "report"))
        if reuse:
            rows.append(("index", f"reused: {index_file}", ""))
        elif args.fill if args.fill is not None else (made and n > 20_000):
            filled = fill(root, index_file, args.source)
            rows.append(("build, whole corpus, one core (estimated)",
                         f"{size / (sbytes / dt) / 60:,.0f} min (corpus / one-core rate); "
                         f"index filled per template in {filled:,.0f} s", "report"))
        else:
            t = time.perf_counter()
            p = subprocess.run([reader, "search", str(root), "zzzqqxnotaword", "--db",
                                str(db), "--jobs", str(args.jobs)], env=env,
                               capture_output=True)
            build_s = time.perf_counter() - t
            rows.append((f"build, whole corpus ({args.jobs} jobs)",
                         f"{build_s:,.0f} s, {mb / build_s:.2f} MB/s (exit {p.returncode})",
                         "report"))
        isize = index_file.stat().st_size if index_file.exists() else 0
        rows.append(("index size", f"{isize / 1e6:,.0f} MB = {isize / size:.0%} of the corpus",
                     "<= 50%"))

        for label, query in (() if args.no_cli else (("one word", args.word),
                                                       ("phrase", args.phrase))):
            theirs, theirs_cpu, gout = median_time(
                ["grep", "-rlwi", "--include=*.txt", query, str(root)], env,
                max(1, args.runs // 2))
            gfound = len(gout.splitlines())
            rows.append((f"grep -rlwi, {label} ({query!r})",
                         f"{theirs * 1000:,.0f} ms wall, {theirs_cpu * 1000:,.0f} ms CPU "
                         f"({gfound:,} files)", "baseline"))
            for mode, extra in (("default", []), ("--update", ["--update"]),
                                ("--no-update", ["--no-update"])):
                ours, ours_cpu, out = median_time(
                    [reader, "search", str(root), query, "--db", str(db), *extra], env,
                    args.runs)
                rows.append((f"  reader search {mode}",
                             f"{ours * 1000:,.0f} ms wall, {ours_cpu * 1000:,.0f} ms CPU "
                             f"({len(out.splitlines()):,} articles): "
                             f"{theirs / ours:.1f}x wall, {theirs_cpu / ours_cpu:.1f}x CPU",
                             ">= 10x" if mode == "default" else "report"))
        for mode, extra in (("default", []), ("--update", ["--update"])):
            p = subprocess.run(["/usr/bin/time", "-f", "%M", reader, "search", str(root),
                                args.word, "--db", str(db), *extra], env=env,
                               capture_output=True, text=True)
            rss = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "?"
            rows.append((f"reader search {mode} peak RSS", f"{int(rss) / 1024:.0f} MB"
                         if rss.isdigit() else rss, "<= 400 MB"))

        if args.cli_only:
            _table(rows)
            return 0
        per_key = query_per_keystroke(root, index_file, args.word)
        rows.append(("/ query work per keystroke (in process, median)",
                     f"{statistics.median(per_key):.1f} ms (max {max(per_key):.0f} ms, "
                     f"typing {args.word!r})", "<= 50 ms"))
        if not args.no_app:
            k = keystrokes(root, db, env, args.word)
            if "error" in k:
                rows.append(("/ keystroke", str(k["error"]), "<= 50 ms"))
            else:
                rows.append(("/ keystroke, first frame (median)", f"{k['first_ms']:.0f} ms",
                             "<= 50 ms"))
                rows.append(("/ keystroke, results drawn (median)",
                             f"{k['settled_ms']:.0f} ms (max {k['settled_max_ms']:.0f} ms)",
                             "<= 50 ms"))
                rows.append(("app: index opened after first frame",
                             f"{k['index_open_s']:.1f} s" if k["index_open_s"] else "timeout",
                             "report"))
                rows.append(("app peak RSS with the index", f"{k['peak_rss_mb']:.0f} MB",
                             "<= 400 MB"))
                rows.append(("app count line", str(k["count_line"]), ""))
        _table(rows)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept: {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
