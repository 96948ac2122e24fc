"""`reader import CORPUS FILE.json`: merge a JSON export back into the annotation store.

The module is `import_` because `import` is a Python keyword; the CLI maps the name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotations.export.importer import ExportBundle, MergePlan, load_export, plan_merge
from reader.commands.common import add_corpus_argument, add_db_argument, load

NAME = "import"
HELP = "merge a JSON export back into the annotation store"
DESCRIPTION = """\
Merge FILE (made by `reader export --format json`) into the annotations of CORPUS.

Nothing is duplicated (records keep their ids; the same passage highlighted under
another id counts as unchanged) and nothing is overwritten: where the store and
the file disagree, the store's version stays and one `conflict:` line per record
goes to stderr. The summary goes to stdout:

    added N, unchanged N, conflicts N

Exit status 0 even with conflicts (they are reported, not errors); 2 when FILE
is not a readable export."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("file", metavar="FILE", help="a JSON export")
    add_db_argument(parser)


def merge_into(store: Any, bundle: ExportBundle) -> MergePlan:
    """Merge through the store's own `merge`; a store without one gets the plan applied
    record by record (same rules, see annotations.export.importer)."""
    merge = getattr(store, "merge", None)
    if merge is not None:
        return as_plan(merge(bundle.highlights, bundle.states, bundle.corrections))
    plan = plan_merge(
        store.highlights(),
        store.article_states(),
        store.corrections(),
        bundle.highlights,
        bundle.states,
        bundle.corrections,
    )
    for h in plan.highlights:
        store.add_highlight(h)
    for s in plan.states:
        store.put_article_state(s)
    for c in plan.corrections:
        store.add_correction(c)
    return plan


def as_plan(report: Any) -> MergePlan:
    """Read the store's MergeReport (counts or lists, conflicts as objects or strings)."""
    if isinstance(report, MergePlan):
        return report

    def count(value: Any) -> int:
        return value if isinstance(value, int) else len(value or ())

    plan = MergePlan(unchanged=count(getattr(report, "unchanged", 0)))
    plan.conflicts = list(getattr(report, "conflicts", []) or [])
    added = getattr(report, "added", 0)
    plan_added = count(added)
    # MergePlan.added counts lists; keep the store's number by padding a neutral list
    plan.corrections = [None] * plan_added  # type: ignore[list-item]
    return plan


def run(args: argparse.Namespace) -> int:
    bundle = load_export(args.file)
    corpus = load(args, read=False)
    from annotations.store import AnnotationStore, resolve_db_path

    missing = sorted({h.article for h in bundle.highlights if corpus.get(h.article) is None})
    if missing:
        print(
            f"reader: {len(missing)} article(s) of {Path(args.file).name} are not in this "
            f"corpus (first: {missing[0]}); their highlights are kept as orphans",
            file=sys.stderr,
        )
    store = AnnotationStore.open(resolve_db_path(corpus, args.db))
    try:
        plan = merge_into(store, bundle)
    finally:
        store.close()
    for conflict in plan.conflicts:
        print(str(conflict), file=sys.stderr)
    print(plan.summary())
    return 0
