"""`reader check CORPUS`: is the annotation store sound, and is every highlight still found?"""

from __future__ import annotations

import argparse
from collections import Counter

from annotations.anchoring import reanchored
from annotations.model import AnchorStatus, Highlight, content_hash, one_line
from reader.commands.common import (
    add_coder_argument,
    add_corpus_argument,
    add_db_argument,
    load,
)
from reader.commands.store_access import article_text, missing_article, open_store
from reader.errors import UserError
from reader.wording import plural

NAME = "check"
HELP = "verify the annotation store, re-anchor highlights, report orphans"
DESCRIPTION = """\
Verify the annotation store of CORPUS (the file parses, the journal is intact, no leftover
temporary files), re-anchor every highlight against its article's current text, and list
the orphans: highlights whose passage is no longer found, or whose article is gone. Orphans
are never deleted; re-attach them in the app or remove them deliberately.

Nothing is written unless --save is given, which stores the re-anchored positions and
statuses (the app does this by itself when it opens an article).

Exit status: 0 when the store is sound and no highlight is orphaned; 1 when there are
orphans (listed on stdout, one per line, starting with "orphaned"); 2 when the store
cannot be used (corrupt, not an annotation file, damaged journal) or on bad input.
Highlights checked are those of the coder you work as (or --coder NAME)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument(
        "--save", action="store_true", help="save re-anchored positions and statuses"
    )
    add_db_argument(parser)
    add_coder_argument(parser)


def run(args: argparse.Namespace) -> int:
    corpus = load(args, read=False)
    with open_store(args, corpus, write=args.save) as store:
        info = store.info()
        records = info["records"]
        if not info["exists"] and not info["journal_entries"]:
            print(f"store: {info['path']} (none yet: nothing annotated)")
        else:
            print(
                f"store: {info['path']} (schema {info['schema']}, "
                f"{plural(records['highlights'], 'highlight')}, "
                f"{plural(records['articles'], 'article')} with tags/status, "
                f"{plural(records['corrections'], 'correction')}, "
                f"{plural(info['journal_entries'], 'journal entry', 'journal entries')} "
                "not yet folded)"
            )
        if info["coders"]:
            print(f"coders: {', '.join(info['coders'])} (checking {info['coder']}'s highlights)")
            others = Counter(h.coder for h in store.highlights(coder=None)
                             if h.coder != store.coder)
            if others:  # "0 orphaned" for the login name read as "the store is fine"
                who = ", ".join(f"{c} {n}" for c, n in sorted(others.items()))
                print(f"note: other coders' highlights are not checked ({who}); "
                      "--coder NAME checks theirs")
        if info["migrated_from"] is not None and not args.save:
            print(
                f"note: the file is in the version {info['migrated_from']} format; it is "
                "converted (with a backup) the next time annotations are saved"
            )
        if info["journal_torn_tail"]:
            print(
                "note: the journal ends with an unfinished entry (a save cut short by a "
                "crash, never acknowledged); it is ignored and removed on the next save"
            )
        for leftover in info["stale_temp_files"]:
            print(f"note: leftover temporary file {leftover} (removed on the next save)")
        statuses: Counter[str] = Counter()
        orphans: list[tuple[Highlight, str]] = []
        by_article: dict[str, list[Highlight]] = {}
        for h in store.highlights():
            by_article.setdefault(h.article, []).append(h)
        for article_id, highlights in by_article.items():
            article = corpus.get(article_id)
            reason = "article not in the corpus"
            placed: list[Highlight] = []
            if article is not None:
                try:
                    text = article_text(article)
                except UserError as exc:
                    reason = str(exc)
                else:
                    if args.save:
                        placed = store.reanchor_article(article_id, text)
                    else:
                        text_hash = content_hash(text)
                        placed = [reanchored(h, text, text_hash)[0] for h in highlights]
                    reason = ""
            if not placed:
                placed = [missing_article(h) for h in highlights]
            for h in placed:
                statuses[h.status] += 1
                if h.status == AnchorStatus.ORPHANED:
                    orphans.append((h, reason or f"best match {h.score or 0:g}"))
    for h, why in orphans:
        print(
            f"orphaned  {h.article}  {h.id[:8]}  {h.start}-{h.end}  "
            f'"{one_line(h.exact, 50)}"  ({why})'
        )
    total = sum(statuses.values())
    parts = ", ".join(f"{statuses[s.value]} {s.value}" for s in AnchorStatus)
    print(f"{plural(total, 'highlight')} in {plural(len(by_article), 'article')}: {parts}")
    return 1 if orphans else 0
