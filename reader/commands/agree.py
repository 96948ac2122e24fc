"""`reader agree CORPUS`: intercoder agreement per tag, per label and over all labels."""

from __future__ import annotations

import argparse
import json
import sys

from annotations.adjudication import adjudicator_name
from annotations.agreement import Figures, Report, report
from annotations.comparable_coders import left_out_note, without_idle
from reader.commands.common import add_corpus_argument, add_db_argument, load
from reader.commands.store_access import open_store
from reader.errors import UserError
from reader.wording import plural

NAME = "agree"
HELP = "intercoder agreement: percent, Krippendorff's alpha, Cohen's kappa"
DESCRIPTION = """\
Compare the coders of CORPUS: for each tag, each label and all labels together, the
number of units, percent agreement, Krippendorff's alpha (nominal) and, for exactly
two coders, Cohen's kappa.

units:
  tags        an article every compared coder marked done (articles only some of
              them marked done are left out, and counted); a coder's value for a
              tag is 1 if the coder gave the article that tag, else 0
  labels      a sentence (as `)` moves) of such an article, boilerplate lines left
              out; a coder's value for a label is 1 if one of the coder's
              highlights with that label covers at least half of the sentence
  all labels  one value per sentence: the label covering most of it, or "none"

Percent agreement is the share of agreeing pairs of coders over the units. Alpha is
empty (null in JSON) when undefined: no variation at all, e.g. a label nobody used.

--json prints
  {"coders": [...], "units": {"articles": N, "sentences": M},
   "tags": {TAG: {"units": N, "agreement": P, "alpha": A, "kappa": K}},
   "labels": {LABEL: {...}}, "all_labels": {...}}
with agreement as a fraction (0-1) and kappa null for more than two coders."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument(
        "--coders",
        metavar="A,B,...",
        help="the coders to compare (default: every coder in the annotation file but the "
        "adjudicator, gold or $READER_ADJUDICATOR, and those with no article done)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_db_argument(parser)


def parse_coders(value: str | None, known: list[str]) -> list[str]:
    """The coders asked for (all known ones by default); bad input is a UserError."""
    if value is None:
        adjudicator = adjudicator_name()  # not an independent coder
        coders = [c for c in known if c != adjudicator]
    else:
        coders = []
        for part in value.split(","):
            name = part.strip()
            if name and name not in coders:
                coders.append(name)
        unknown = [c for c in coders if c not in known]
        if unknown:
            have = ", ".join(known) or "none"
            raise UserError(f"no work by coder {unknown[0]!r} in the annotations (coders: {have})")
    if len(coders) < 2:
        have = ", ".join(known) or "none"
        raise UserError(f"agreement needs at least two coders (coders with work: {have})")
    return coders


def run(args: argparse.Namespace) -> int:
    from annotations.agreement_data import gather
    from annotations.codebook import load_codebook
    from reader.progress import Progress

    corpus = load(args, read=False)
    codebook = load_codebook(corpus.root)
    store = open_store(args, corpus, write=False)
    try:
        coders = parse_coders(args.coders, list(store.coders()))
        idle: list[str] = []
        if args.coders is None:  # (coders named with --coders are compared as asked)
            coders, idle = without_idle(store, coders)
        bar: Progress | None = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = Progress(total, "reading articles")
            bar.advance()

        gathered = gather(
            corpus,
            store,
            coders,
            labels=[lab.name for lab in codebook.labels],
            tags=[t.name for t in codebook.tags],
            progress=progress,
        )
    finally:
        store.close()
    result = report(gathered.units)
    if idle:
        print(f"reader: {left_out_note(idle)} (--coders names them anyway)", file=sys.stderr)
    for line in gathered.warnings:
        print(f"reader: {line}", file=sys.stderr)
    if result.left_out and args.json:
        print(
            f"reader: {plural(len(result.left_out), 'article')} left out: not marked done by every "
            f"compared coder (first: {result.left_out[0]})",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_table(result))
    return 0


def _num(x: float | None, percent: bool = False) -> str:
    if x is None:
        return "—"
    return f"{x:.1%}" if percent else f"{x:.3f}"


def render_table(result: Report) -> str:
    """The human-readable report: one row per tag, per label, and all labels."""
    two = len(result.coders) == 2
    lines = [
        f"coders: {', '.join(result.coders)}",
        f"units: {plural(result.articles, 'article')} done by every coder"
        + (f" ({len(result.left_out)} left out)" if result.left_out else "")
        + f", {plural(result.sentences, 'sentence')}",
        "",
    ]
    rows: list[tuple[str, Figures]] = [
        *((f"tag {t}", f) for t, f in result.tags.items()),
        *((f"label {lab}", f) for lab, f in result.labels.items()),
        ("all labels", result.all_labels),
    ]
    width = max([len(name) for name, _ in rows] + [8])
    head = f"{'variable':<{width}}  {'units':>6}  {'agreement':>9}  {'alpha':>6}"
    lines.append(head + (f"  {'kappa':>6}" if two else ""))
    for name, f in rows:
        line = (
            f"{name:<{width}}  {f.units:>6}  {_num(f.agreement, True):>9}  {_num(f.alpha):>6}"
        )
        lines.append(line + (f"  {_num(f.kappa):>6}" if two else ""))
    if not result.articles:
        lines.append("")
        lines.append("no article is marked done by every compared coder: nothing to compare yet")
    return "\n".join(lines)
