"""`reader import CORPUS FILE.json`: merge a JSON export back into the annotation store.

The module is `import_` because `import` is a Python keyword; the CLI maps the name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotations.export.importer import import_bundle, load_export, summary_counts
from annotations.import_conflicts import report_theirs
from reader.commands.common import (
    add_coder_argument,
    add_corpus_argument,
    add_db_argument,
    load,
    path_value,
)
from reader.commands.store_access import open_store
from reader.wording import plural

NAME = "import"
HELP = "merge a JSON export or a REFI-QDA project/codebook into the annotations"
DESCRIPTION = """\
Merge FILE (made by `reader export --format json`) into the annotations of CORPUS.

Records keep their ids and their coder and are never duplicated; each coder's tags are
unioned with that coder's own, so merging a colleague's copy keeps both coders' work
apart. Records from an export made before coders existed are attributed to the coder
you work as (--coder, else $READER_CODER, the config file, your login name). Where the
store and the file disagree (same highlight, other label or note; two different
statuses of one coder; two different memos), the store's version stays, one
`conflict:` line per record goes to stderr, as do records that cannot be read, and the
file's version is appended to STORE.conflicts (JSON Lines) beside the store (named on stderr),
so nothing a colleague wrote is lost. The
file's codebook is adopted only when the store has none; session records missing from
the store are added. The summary goes to stdout:

    added N, unchanged N, conflicts N

Exit status 0 even with conflicts (they are reported, not errors); 2 when FILE
is not a readable export.

FILE may also be a REFI-QDA project (.qdpx, from `reader export --format qdpx` or
another QDA tool): its highlights, tags, statuses and memos are merged by the same
rules, each under the coder (User) who made it, and codes the corpus codebook lacks
are added to codebook.toml; or a REFI-QDA codebook (.qdc): its codes are added to
codebook.toml."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("file", metavar="FILE", type=path_value,
                        help="a JSON export, a .qdpx or a .qdc")
    add_db_argument(parser)
    add_coder_argument(parser)


def run(args: argparse.Namespace) -> int:
    from reader.commands import refi_io

    if refi_io.is_refi_file(args.file):
        return refi_io.import_(args)
    bundle = load_export(args.file)
    corpus = load(args, read=False)
    missing = sorted({h.article for h in bundle.highlights if corpus.get(h.article) is None})
    if missing:
        print(
            f"reader: {plural(len(missing), 'article')} of {Path(args.file).name} are not in this "
            f"corpus (first: {missing[0]}); their highlights are kept as orphans",
            file=sys.stderr,
        )
    store = open_store(args, corpus, write=True)
    try:
        report, notes = import_bundle(store, bundle)
    finally:
        store.close()
    for line in notes:
        print(f"reader: {line}", file=sys.stderr)
    for line in [*bundle.invalid, *report.invalid]:
        print(f"invalid: {line}", file=sys.stderr)
    for line in report.conflicts:
        print(f"conflict: {line}", file=sys.stderr)
    if kept := report_theirs(store.path, report.theirs, Path(args.file)):  # none lost
        print(f"reader: {kept}", file=sys.stderr)
    added, unchanged, conflicts = summary_counts(report)
    invalid = len(bundle.invalid) + len(report.invalid)
    tail = f", invalid {invalid}" if invalid else ""
    print(f"added {added}, unchanged {unchanged}, conflicts {conflicts}{tail}")
    return 0
