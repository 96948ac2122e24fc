"""`reader annotations CORPUS`: tags and highlights, re-anchored against the current text."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import orjson

from annotations.anchoring import reanchored
from annotations.model import Highlight, content_hash, one_line
from annotations.store import AnnotationStore
from reader.commands.common import (
    add_coder_argument,
    add_corpus_argument,
    add_db_argument,
    load,
)
from reader.commands.store_access import (
    article_text,
    highlight_row,
    missing_article,
    open_store,
)
from reader.corpus import Corpus
from reader.errors import UserError
from reader.textlayout import sanitize
from reader.titles import title_of

NAME = "annotations"
HELP = "list tags, highlights (with their anchoring status) and corrections"
DESCRIPTION = """\
List the tags, status, highlights, memo and corrections of every article annotated by
the coder you work as (or by --coder NAME), or of --article ID, then the corrections that
apply to every article (`Z` in the app).
Highlights are first re-anchored against the articles' current text, in memory only
(nothing is written; `reader check --save` keeps new positions), so offsets and statuses
are those of the text as it is now:

  exact     the quote is where it was
  moved     the same quote was found elsewhere in the article
  fuzzy     a near-identical passage was found (score: similarity 85-100)
  orphaned  not found (or the article is gone); kept, never dropped

With --json, one JSON object on stdout:

  {"articles": [
    {"article": "<id>", "title": "<title or null>", "coder": "<name>", "tags": ["..."],
     "status": "todo|done|skipped", "missing": false, "memo": "<text or null>",
     "highlights": [
       {"id": "<32 hex>", "start": 0, "end": 10, "label": "claim", "note": "",
        "text": "<the quoted passage>", "status": "exact|moved|fuzzy|orphaned",
        "score": null, "created": "<ISO 8601 UTC>", "updated": "<ISO 8601 UTC>",
        "coder": "<name>"}],
     "corrections": [
       {"id": "<32 hex>", "kind": "line_boilerplate|line_body|line_title|quote_kind|quote_speaker|
        quote_reject|text_boilerplate", "line": 5, "text": "<the line>", "start": null,
        "end": null, "value": null, "created": "<ISO 8601 UTC>"}]}],
   "corrections": [<corpus-wide corrections, same shape>]}

`missing` is true when the article is no longer in the corpus (or cannot be read).
`score` is null for highlights that never moved, else 0-100. Articles come in corpus
order, then missing ones by id; highlights by start offset.
With --remove-correction ID the correction with that id (or id prefix) is removed, from
any session and by any coder, and what was removed is printed; the app's `R` does the same
for the open article.
Exit status: 0, or 2 on bad input (unknown --article, unknown or ambiguous id, unusable
store)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("--article", metavar="ID", help="only this article")
    parser.add_argument("--json", action="store_true", help="one JSON object (see above)")
    parser.add_argument("--remove-correction", metavar="ID",
                        help="remove the correction with this id (the first characters "
                             "this command prints suffice): the detector's verdict comes "
                             "back, as with R in the app; prints what was removed")
    add_db_argument(parser)
    add_coder_argument(parser)


def annotated_ids(store: AnnotationStore, corpus: Corpus) -> list[str]:
    ids = {s.article for s in store.article_states()} | {h.article for h in store.highlights()}
    ids |= {m.article for m in store.memos() if m.article}
    ids |= {c.article for c in store.corrections() if c.article}
    in_corpus = [a.id for a in corpus.articles if a.id in ids]
    return in_corpus + sorted(ids - set(in_corpus))


def article_entry(store: AnnotationStore, corpus: Corpus, article_id: str) -> dict[str, Any]:
    state = store.article_state(article_id)
    highlights: list[Highlight] = store.highlights(article_id)
    article = corpus.get(article_id)
    title: str | None = None
    missing = article is None
    if article is not None:
        try:
            text = article_text(article)
        except UserError:
            missing = True
        else:
            title = title_of(text)
            text_hash = content_hash(text)
            highlights = [reanchored(h, text, text_hash)[0] for h in highlights]
            highlights.sort(key=lambda h: (h.start, h.end))
    if missing:
        highlights = [missing_article(h) for h in highlights]
    return {
        "article": article_id,
        "title": title,
        "coder": store.coder,
        "tags": state.tags,
        "status": state.status,
        "missing": missing,
        "memo": memo.text if (memo := store.memo(article_id)) is not None else None,
        "highlights": [highlight_row(h) for h in highlights],
        "corrections": [correction_row(c) for c in store.corrections(article_id)
                        if c.article == article_id],
    }


CORRECTION_FIELDS = ("id", "kind", "line", "text", "start", "end", "value", "created")


def correction_row(c: Any) -> dict[str, Any]:
    return {k: getattr(c, k, None) for k in CORRECTION_FIELDS}


def _template_rule(value: Any) -> dict[str, Any] | None:
    """The template rule a line correction keeps in `value` (`annotations.learning`)."""
    if isinstance(value, str) and value.startswith("{"):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, dict) and value.get("kind") == "template" else None


def correction_text(c: dict[str, Any]) -> str:
    """`line_boilerplate  line 5  "Sign up for…"` or `quote_speaker  120-160  → Kim`."""
    where = f"line {c['line']}" if c["line"] else (
        f"{c['start']}-{c['end']}" if c["start"] is not None else "every article")
    what = f'  "{one_line(c["text"])}"' if c["text"] else ""
    value = f"  → {c['value']}" if c["value"] else ""
    rule = _template_rule(c["value"])
    if rule is not None:  # a `z` correction's template rule, not a new value: it
        # printed as a 300-character JSON object (`--json` keeps it whole)
        between = [f'"{one_line(str(rule[k]), 30)}"' for k in ("above", "below") if rule.get(k)]
        value = ("  (and its template: the same text, and lines between "
                 + " and ".join(between) + ")") if between else "  (and its template)"
    return f"{c['id'][:8]}  {c['kind']}  {where}{what}{value}"


class _Inert:
    """stdout, with control characters shown as symbols: ids (file names), notes and
    memos given on the command line, quoted article text may hold terminal escapes."""

    def write(self, text: str) -> None:
        sys.stdout.write(sanitize(text))


def print_text(entries: list[dict[str, Any]]) -> None:
    out = _Inert()
    for entry in entries:
        tags = ", ".join(entry["tags"]) or "-"
        where = "  (not in the corpus)" if entry["missing"] else ""
        out.write(f"{entry['article']}  [{entry['status']}]  tags: {tags}{where}\n")
        if entry["memo"]:
            out.write(f"  memo: {one_line(entry['memo'], 70)}\n")
        for h in entry["highlights"]:
            score = f" {h['score']:g}" if h["status"] in ("fuzzy", "orphaned") else ""
            note = f"  — {one_line(h['note'], 40)}" if h["note"] else ""
            out.write(
                f"  {h['id'][:8]}  {h['start']}-{h['end']}  {h['label'] or '-'}  "
                f'{h["status"]}{score}  "{one_line(h["text"])}"{note}\n'
            )
        for c in entry["corrections"]:
            out.write(f"  correction {correction_text(c)}\n")


def print_corpus_corrections(rows: list[dict[str, Any]]) -> None:
    if rows:
        sys.stdout.write("every article:\n")
    for c in rows:
        _Inert().write(f"  correction {correction_text(c)}\n")


def remove_correction(args: argparse.Namespace, corpus: Corpus) -> int:
    """`--remove-correction ID`: a correction of an earlier session taken back (the app's
    `u` reaches only its own session)."""
    prefix = args.remove_correction.strip().lower()
    if not prefix:
        raise UserError("--remove-correction needs an id (reader annotations lists them)")
    with open_store(args, corpus, write=True) as store:
        found = [c for c in store.corrections() if c.id.lower().startswith(prefix)]
        if not found:
            raise UserError(f"no correction with id {prefix!r} (reader annotations "
                            "lists each as `correction ID …`)")
        if len(found) > 1:
            raise UserError(f"{len(found)} corrections have ids starting with {prefix!r}: "
                            "give more of the id")
        store.remove_correction(found[0].id)
    row = correction_row(found[0])
    _Inert().write(f"removed {correction_text(row)}"
                   f"{'  in ' + found[0].article if found[0].article else ''}\n")
    return 0


def run(args: argparse.Namespace) -> int:
    corpus = load(args, read=False)
    if getattr(args, "remove_correction", None) is not None:
        return remove_correction(args, corpus)
    with open_store(args, corpus, write=False) as store:
        ids = annotated_ids(store, corpus)
        if args.article is not None:
            if corpus.get(args.article) is None and args.article not in ids:
                raise corpus.not_found(args.article)
            ids = [args.article]
        entries = [article_entry(store, corpus, i) for i in ids]
        everywhere = [] if args.article is not None else [
            correction_row(c) for c in store.corrections() if not c.article]
        others = [c for c in store.coders() if c != store.coder]
        own = any(e["tags"] or e["status"] != "todo" or e["highlights"] or e["memo"]
                  for e in entries)
        if not entries and not everywhere and others:
            # (work is per coder: an empty answer for the login name, when a colleague's
            # or one's own --coder work is there, looked like lost work)
            print(f"reader: nothing by coder {store.coder!r}; work by "
                  f"{', '.join(others)} is there (--coder NAME)", file=sys.stderr)
        elif not own and others:
            # (the articles a colleague's corrections touch were listed "[todo] tags: -":
            # their tags and highlights looked lost)
            print(f"reader: no tags, statuses, highlights or memos by coder "
                  f"{store.coder!r} (only corrections); work by {', '.join(others)} is "
                  "there (--coder NAME)", file=sys.stderr)
    if args.json:
        doc = {"articles": entries, "corrections": everywhere}
        sys.stdout.buffer.write(orjson.dumps(doc) + b"\n")
        sys.stdout.flush()
    else:
        print_text(entries)
        print_corpus_corrections(everywhere)
    return 0
