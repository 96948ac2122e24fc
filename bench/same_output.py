"""Check that two source trees print byte-identical `reader analyze` output on a corpus.

    python bench/same_output.py OLD_TREE NEW_TREE CORPUS [--jobs N] [--keep DIR]

A speed change must not move a single output byte. Each tree's `reader` package is run
as `python -m reader analyze CORPUS` with the tree as the working directory (so its own
`reader/` is imported, whatever this venv has installed), with this interpreter; stdout,
stderr and the exit status of the two runs are compared. The new tree runs twice, the
second time with the user cache its first run left (compiled regexes), and must print the
same both times. OLD_TREE is typically an export of main (`git archive main | tar -x -C
/tmp/old`), NEW_TREE this worktree. Prints one line per stream and exits 0 when all agree,
1 otherwise (with the first differing record), 2 on bad arguments. With `--plain`, OLD_TREE
runs with this round's fast paths swapped for their plain references (`PLAIN`), so
`same_output.py . . CORPUS --plain` checks a tree that merged others' work against itself.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

NL = b"\n"


# `reader analyze` with this round's fast paths swapped for their plain references: no
# regex cache, `full_names`' per-page pattern, the article's start found by each headline
# step itself. A tree that has merged others' work can be checked against itself with it.
PLAIN = r"""
import os, re, sys
os.environ["READER_REGEX_CACHE"] = "0"
from reader.marks import headline as H, name_runs, speakers

def plain_runs(cap, words, text):
    for m in re.finditer(name_runs.plain_pattern(cap, words), text):
        yield m.span()

speakers.surname_runs = plain_runs
for name, base in (("title_rows", 5), ("toc_lines", 5), ("corpus_lines", 6)):
    def without_start(*a, _f=getattr(H, name), _n=base, **k):
        k.pop("start", None)
        return _f(*a[:_n], **k)
    setattr(H, name, without_start)
from reader.cli import main
sys.exit(main(["analyze", *sys.argv[1:]]))
"""


def run_tree(tree: Path, corpus: Path, jobs: int | None, cache: Path,
             plain: bool = False) -> tuple[bytes, bytes, int]:
    """(stdout, stderr, exit status) of `reader analyze` from `tree` (`plain`: with the
    fast paths swapped for their references, `PLAIN`)."""
    cmd = [sys.executable, *(["-c", PLAIN] if plain else ["-m", "reader", "analyze"]),
           str(corpus)]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    # (a private user cache: no cache of an earlier comparison stands in for this one's work)
    env = {**os.environ, "PYTHONPATH": str(tree), "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, check=False)
    return done.stdout, done.stderr, done.returncode


def first_difference(a: bytes, b: bytes) -> str:
    """The first record (line) where `a` and `b` differ, both versions."""
    la, lb = a.split(b"\n"), b.split(b"\n")
    for n, (x, y) in enumerate(zip(la, lb, strict=False), 1):
        if x != y:
            pairs = enumerate(zip(x, y, strict=False))
            at = next((i for i, (c, d) in pairs if c != d), min(len(x), len(y)))
            lo = max(0, at - 120)
            return (f"line {n}, byte {at}:\n  old ...{x[lo : at + 180]!r}\n"
                    f"  new ...{y[lo : at + 180]!r}")
    return f"one output is a prefix of the other ({len(la)} vs {len(lb)} lines)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old_tree", type=Path)
    ap.add_argument("new_tree", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--jobs", type=int, default=None,
                    help="passed to both runs (default: reader's own default)")
    ap.add_argument("--keep", type=Path, default=None,
                    help="write old.jsonl and new.jsonl (the two stdouts) into this folder")
    ap.add_argument("--plain", action="store_true",
                    help="run OLD_TREE with this round's fast paths swapped for their plain "
                    "references (no regex cache, a pattern per page in full_names, the "
                    "article's start found by each headline step): `. . CORPUS --plain` "
                    "checks a merged tree against itself")
    args = ap.parse_args(argv)
    for tree in (args.old_tree, args.new_tree):
        if not (tree / "reader" / "__main__.py").is_file():
            print(f"not a reader source tree: {tree}", file=sys.stderr)
            return 2
    if not args.corpus.exists():
        print(f"no such corpus: {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        old = run_tree(args.old_tree.resolve(), args.corpus.resolve(), args.jobs,
                       Path(tmp) / "old-cache", args.plain)
        new = run_tree(args.new_tree.resolve(), args.corpus.resolve(), args.jobs,
                       Path(tmp) / "new-cache")
        # (and again, with what the first run left in the user cache: compiled regexes)
        warm = run_tree(args.new_tree.resolve(), args.corpus.resolve(), args.jobs,
                        Path(tmp) / "new-cache")
    if warm != new:
        print("NEW TREE'S SECOND RUN DIFFERS from its first (a cache changed the output); "
              f"{first_difference(new[0], warm[0])}")
        return 1
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "old.jsonl").write_bytes(old[0])
        (args.keep / "new.jsonl").write_bytes(new[0])
    same = True
    for name, a, b in (("stdout", old[0], new[0]), ("stderr", old[1], new[1])):
        if a == b:
            print(f"{name}: identical ({len(a)} bytes, {a.count(NL)} lines)")
        else:
            same = False
            print(f"{name}: DIFFERENT ({len(a)} vs {len(b)} bytes); {first_difference(a, b)}")
    if old[2] == new[2]:
        print(f"exit status: identical ({old[2]})")
    else:
        same = False
        print(f"exit status: DIFFERENT ({old[2]} vs {new[2]})")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
