"""`reader dupes CORPUS`: syndicated copies (near-duplicate bodies) grouped by MinHash LSH."""

from __future__ import annotations

import argparse
import os
import sys

from reader.commands.common import add_corpus_argument, load, max_bytes
from reader.errors import UserError
from reader.textlayout import sanitize
from reader.wording import plural

NAME = "dupes"
HELP = "group syndicated copies: articles whose body text is nearly the same"
DESCRIPTION = """\
Find the articles of CORPUS that are copies of one story: the same body text under other
site furniture, another headline or small edits (a wire story or a syndicated column run
by several outlets). Each article's body is what `reader analyze` leaves after removing
boilerplate and the title line; bodies are compared by MinHash signatures of their 5-word
shingles, with locality-sensitive hashing (datasketch) finding the candidates, so a large
corpus is not compared pair by pair.

Prints one group per paragraph: its estimated similarity, then one article id per line.
With --json, one JSON object per group (JSON Lines):

    {"articles": [ID, ...], "similarity": S}

where S is the smallest estimated Jaccard similarity between two articles of the group.
Articles in no group are not printed. Exit status 0 also when there are no groups (then
stderr says so)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reader.dupes import DEFAULT_THRESHOLD

    add_corpus_argument(parser)
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        metavar="J",
        help=f"smallest Jaccard similarity of two bodies' shingles for them to be copies "
        f"(0-1, default: {DEFAULT_THRESHOLD})",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per group")
    parser.add_argument(
        "--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
        help="worker processes (default: all cores; 1 runs in this process)",
    )


def run(args: argparse.Namespace) -> int:
    if not 0 < args.threshold <= 1:
        raise UserError("--threshold must be a similarity between 0 (excluded) and 1")
    if args.jobs < 1:
        raise UserError("--jobs must be at least 1")
    corpus = load(args, read=False)
    from reader.corpus import locator
    from reader.dupes import corpus_signatures, group
    from reader.progress import Progress

    items = [(a.id, locator(a)) for a in corpus.articles]
    bars: dict[str, Progress] = {}

    def progress(what: str, n: int) -> None:
        bar = bars.get(what)
        if bar is None:
            bar = bars[what] = Progress(len(items), what)
        bar.advance(n)

    def problem(article_id: str, reason: str) -> None:
        print(sanitize(f"skipped {article_id}: {reason}"), file=sys.stderr)

    signatures = corpus_signatures(items, jobs=min(args.jobs, max(1, len(items))),
                                   max_bytes=max_bytes(args), progress=progress,
                                   on_error=problem)
    groups = group(signatures, args.threshold)
    out = sys.stdout
    if args.json:
        import json

        for g in groups:
            out.write(json.dumps(g.to_json(), ensure_ascii=False) + "\n")
    else:
        for i, g in enumerate(groups):
            if i:
                out.write("\n")
            out.write(f"{len(g.articles)} copies, similarity ≥ {g.similarity:.2f}\n")
            out.writelines(f"  {a}\n" for a in g.articles)
    out.flush()
    for s in corpus.skipped:
        print(sanitize(f"skipped {s.id}: {s.reason}"), file=sys.stderr)
    if not groups:  # (on stderr: stdout stays empty for scripts) not a silent nothing
        print(f"no copies found among {plural(len(items), 'article')} at similarity ≥ "
              f"{args.threshold:g} (--threshold lowers it)", file=sys.stderr)
    return 0
