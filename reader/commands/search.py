"""`reader search CORPUS QUERY`: the articles that match a query, best first."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from reader.commands.common import (
    add_coder_argument,
    add_corpus_argument,
    add_db_argument,
    max_bytes,
)
from reader.errors import UserError
from reader.textlayout import sanitize

NAME = "search"
HELP = "full-text search: the articles matching a query, best first"
DESCRIPTION = """\
Search the articles of CORPUS and print one line per matching article, best first
(title hits, then BM25):

    ID<TAB>TITLE<TAB>HITS

With --json, one JSON object per line and article:

    {"file": ID, "title": T, "hits": N,
     "snippets": [{"line": L, "start": S, "end": E, "text": "..."}]}

where start/end are character offsets of the match in the article text (as `reader
analyze` counts them) and line is 1-based.

The query language (the same as the app's /):
  budget vote          both words, in the article text without its boilerplate lines
  "exact phrase"       the words in this order, within one line
  strike OR walkout    either;   -word  without it;   elect*  a word starting so
  tag:NAME  -tag:NAME  tag:"foreign policy"   is:done|todo|skipped
  label:NAME           has a highlight with that label;  has:note  has:highlight
  speaker:"Name"       quotes that speaker
  in:all  in:title     search every line / titles only
Case and accents do not matter. A query that starts with "-" goes after "--":
  reader search CORPUS -- -tag:done

The index (a file beside the annotation file, or in the user cache folder for a
read-only corpus) is built on first use, with a progress bar on a terminal. Before
each search it is brought up to date without reading every file's size and date
(that alone would take longer than the search): a folder whose date changed (a file
added, removed or renamed in it) is listed again, JSON Lines files are checked, every
article a query hits is checked before it is printed (and indexed again if it
changed), and changed corrections update the index as a whole. What this misses: a
.txt edited in place (its folder keeps its date) so that it now matches a query it
did not match before. --update checks every file (as the app does when it opens the
corpus; site: and date: queries do too).

Exit status: 0 with matches, 1 with none (stdout stays empty; on a terminal a
line on stderr says so), 2 on a bad query or corpus."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("query", metavar="QUERY", help="what to search for (see above)")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per article, with snippets and offsets")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="print at most N articles (default: all)")
    parser.add_argument("--update", action="store_true",
                        help="check every file's size and date against the index first "
                        "(catches a file edited in place; slower at 100,000 files)")
    parser.add_argument("--no-update", action="store_true",
                        help="answer from the index as it is, without checking the corpus "
                        "for added, changed or deleted files (for many queries in a row)")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes when (re)building the index (default: all "
                             "cores)")
    add_db_argument(parser)
    add_coder_argument(parser, help="whose tags, status and highlights tag:, is:, label: and "
                       "has: look at (default: yours, as for every command)")


def _clean(s: str) -> str:
    """Tabs and control characters would break the one-line, tab-separated format."""
    if s.isprintable():
        return s
    return "".join(ch if ch.isprintable() else " " for ch in s)


def _facts(args: argparse.Namespace, corpus: Any, query: Any, index_of: dict[str, int]) -> Any:
    """Annotation terms (tag:, is:, label:, has:) from the store, read-only."""
    from reader.filtering import Facts, metadata_matcher
    from reader.metadata import filter_keys

    facts = Facts()
    kinds = _meta_kinds(query)
    if kinds & {"site", "date"}:
        keys = filter_keys(corpus.articles)  # site:, date: from the articles' metadata
        facts.metadata = metadata_matcher(keys.__getitem__, len(keys))
    if not kinds - {"speaker", "site", "date"}:
        return facts
    from annotations.paths import resolve_db_path
    from annotations.store import AnnotationStore

    path = resolve_db_path(corpus, args.db, create=False)
    if not path.exists():
        return facts
    store = AnnotationStore.open(path, readonly=True, coder=getattr(args, "coder", None))
    try:
        facts.add_annotations(store, index_of.get)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
    return facts


def run(args: argparse.Namespace) -> int:
    """Bring the index up to date (the quick check by default, `--update` the full one,
    `--no-update` none), search, stat the hits (quick check), print."""
    from annotations.paths import resolve_db_path
    from reader.filtering import parse
    from reader.search.index import SearchIndex, index_path_for

    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be at least 1")
    if args.jobs < 1:
        raise UserError("--jobs must be at least 1")
    if args.update and args.no_update:
        raise UserError("--update and --no-update contradict each other: give one")
    query = parse(args.query)  # a QueryError is a UserError: one line, exit 2
    if query.empty:
        raise UserError("empty query: give words, a phrase or an operator (see --help)")
    if query.wordless:
        raise UserError(f"nothing to search for in {args.query!r} (punctuation is not "
                        "searched): give words, a phrase or an operator (see --help)")
    named = _unlisted(args.corpus)
    db_path = resolve_db_path(named, args.db, create=False)
    index = SearchIndex(index_path_for(db_path))
    if args.no_update and (index.path is None or not index.path.exists()):
        raise UserError(f"no search index for {args.corpus} yet: run without --no-update")
    import sqlite3

    if not index.open_quiet():  # (reading leaves the index's folder as it was)
        try:
            index.open()
        except (OSError, sqlite3.Error) as exc:  # a read-only corpus and cache folder
            where = index.path.parent if index.path is not None else "the cache folder"
            raise UserError(f"cannot keep the search index in {where}: "
                            f"{getattr(exc, 'strerror', None) or exc} (a writable --db "
                            "folder or XDG_CACHE_HOME gives it a place)") from exc

    try:
        found, stamps, rowids, corpus = _answer(args, query, named, db_path, index)
    except sqlite3.DatabaseError:
        if not index.quiet:
            raise
        # (read without locks, the file changed under us: another process checkpointed)
        index.writable()
        found, stamps, rowids, corpus = _answer(args, query, named, db_path, index)
    _print(args, index, query, found, stamps, rowids, corpus or named)
    index.close()
    if not found:
        _no_hits(args.query, query, lambda: _other_coders(args, named, db_path))
    return 0 if found else 1


def _no_hits(typed: str, query: Any, others: Any = lambda: ("", [])) -> None:
    """Say so in one line on stderr when a person is there to read it; a script (stderr
    not a terminal) sees what grep gives it: no output, exit status 1."""
    if not sys.stderr.isatty():
        return
    more = (" (boilerplate lines are left out: add in:all to search them too)"
            if query.scope == "body" and query.text_terms() else "")
    if not more and _meta_kinds(query) & {"tag", "is", "label", "has"}:
        # (a team member searched tag:X, which a colleague gave, and read "no article")
        coder, rest = others()
        if rest:
            more = (f" (tag:, is:, label:, has: look at coder {coder}'s work; "
                    f"{', '.join(rest)} coded here too: --coder NAME)")
    print(f"no article matches {_clean(typed)}{more}", file=sys.stderr)


def _other_coders(args: argparse.Namespace, corpus: Any, db_path: Any) -> tuple[str, list[str]]:
    """(the coder searched as, the other coders with work in the store)."""
    from annotations.store import AnnotationStore

    if db_path is None or not db_path.exists():
        return "", []
    store = AnnotationStore.open(db_path, readonly=True, coder=getattr(args, "coder", None))
    try:
        return store.coder, [c for c in store.coders() if c != store.coder]
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()


def _answer(args: argparse.Namespace, query: Any, named: Any, db_path: Any, index: Any
            ) -> tuple[list[str], dict[str, tuple[int, int, str]], dict[int, str] | None, Any]:
    """(found, stamps, row ids: see `_search`; the listed corpus after a full check, or
    None) with the index brought up to date first as the options say."""
    corpus = None
    quick: _Quick | None = None
    if not args.no_update:
        if not (args.update or named.single_file is not None or index.rebuilt
                or _needs_listing(query)):
            quick = _Quick.start(args, named.root, db_path, index)
        if quick is None:
            corpus = _full_update(args, db_path, index)
    for _ in range(10):
        found, stamps, rowids = _search(args, index, query, corpus or named, corpus is not None)
        if quick is None:
            break
        fresh = quick.check_hits(found, stamps)
        if fresh is None:  # the hits' evidence cannot be had: the full check
            quick, corpus = None, _full_update(args, db_path, index)
        elif fresh:
            break
    return found, stamps, rowids, corpus


def _print(args: argparse.Namespace, index: Any, query: Any, found: list[str],
           stamps: dict[str, tuple[int, int, str]], rowids: dict[int, str] | None,
           corpus: Any) -> None:
    """One line per article (plain or --json); the hit counts from the index's positions
    when it can give them, else from the matches placed in each article's text."""
    from reader.corpus import ArticleError
    from reader.search.index import snippets_for

    out = sys.stdout
    records: dict[str, dict[str, Any]] = {}
    counts = None if args.json else index.hit_counts(query, found, rowids=rowids)
    if args.json:
        import orjson
    for article_id in found:
        title = stamps[article_id][2] if article_id in stamps else ""
        title = title or article_id
        if counts is not None:
            out.write(f"{_clean(article_id)}\t{_clean(title)}\t{counts.get(article_id, 0)}\n")
            continue
        snips = []
        if query.text_terms():
            try:
                text = _read(args, corpus, article_id, records)
            except ArticleError as exc:
                print(sanitize(f"skipped {article_id}: {exc}"), file=sys.stderr)
                continue
            snips = snippets_for(text, query, index.doc(article_id))
        if args.json:
            out.write(orjson.dumps({
                "file": article_id, "title": title, "hits": len(snips),
                "snippets": [s.to_json() for s in snips],
            }).decode() + "\n")
        else:
            out.write(f"{_clean(article_id)}\t{_clean(title)}\t{len(snips)}\n")
    out.flush()


def _read(args: argparse.Namespace, corpus: Any, article_id: str,
          records: dict[str, dict[str, Any]]) -> str:
    """An article's text: from the listed corpus, else its file or JSON Lines record
    (`records`: JSON Lines file -> id -> record locator, filled as needed)."""
    from reader.corpus import locator, read_located, read_text

    article = corpus.get(article_id)
    if article is not None:
        return str(read_located(locator(article), max_bytes(args)).text)
    from reader.search.freshness import jsonl_articles, record_file

    rel = record_file(article_id)
    if rel is not None:
        if rel not in records:
            found = jsonl_articles(corpus.root, rel, getattr(args, "text_field", None),
                                   max_bytes(args), beside=corpus.single_file is None)
            records[rel] = {a.id: a.record for a in found}
        record = records[rel].get(article_id)
        if record is not None:
            return str(read_located(record, max_bytes(args)).text)
    return str(read_text(corpus.root / article_id, max_bytes(args)).text)


def _needs_listing(query: Any) -> bool:
    """site: and date: are answered from the articles' metadata, which only listing the
    corpus gives (sidecars, metadata.csv, records): such a query makes the full check."""
    return bool(_meta_kinds(query) & {"site", "date"})


def _meta_kinds(query: Any) -> set[str]:
    from reader.filtering import Meta, Not

    kinds = set()
    for c in query.clauses:
        for t in getattr(c, "terms", (c,)):
            t = t.term if isinstance(t, Not) else t
            if isinstance(t, Meta):
                kinds.add(t.kind)
    return kinds


def _search(args: argparse.Namespace, index: Any, query: Any, corpus: Any, listed: bool
            ) -> tuple[list[str], dict[str, tuple[int, int, str]], dict[int, str] | None]:
    """(ids of the matching articles best first, in corpus order where ranks tie; id ->
    (size, mtime_ns, title) as indexed; row id -> id when known) up to --limit."""
    from reader.search.hits import only_words, word_hits

    if only_words(query) and (not listed or all(a.record is None for a in corpus.articles)):
        # (the common case: one pass over the index; its ties go by id, which is the
        # corpus's order unless JSON Lines records keep their file's order)
        hits = word_hits(index, query)[: args.limit]
        return ([h.id for h in hits], {h.id: (h.size, h.mtime_ns, h.title) for h in hits},
                {h.rowid: h.id for h in hits})
    ids = [a.id for a in corpus.articles] if listed else index.all_ids()
    index_of = {i: k for k, i in enumerate(ids)}
    found = index.search(query, _facts(args, corpus, query, index_of), ids)[: args.limit]
    return found, index.doc_stamps(found), None


def _unlisted(path: str) -> Any:
    """The corpus named on the command line, without listing its articles."""
    from pathlib import Path

    from reader.corpus import Corpus

    p = Path(path).expanduser()
    if not p.exists():
        raise UserError(f"no such file or folder: {path}")
    if p.is_file():
        return Corpus(p.resolve().parent, [], single_file=p.resolve())
    if not p.is_dir():
        raise UserError(f"not a folder or a .txt file: {path}")
    return Corpus(p.resolve(), [])


class _Quick:
    """The default check (`reader.search.freshness`): folders' mtimes, JSON Lines files,
    the annotation file, and the hits of each query."""

    def __init__(self, args: argparse.Namespace, root: Any, db_path: Any, index: Any) -> None:
        self.args, self.root, self.db_path, self.index = args, root, db_path, index
        self._evidence: tuple[list[Any], frozenset[str] | None] | None = None
        self._tried = False

    def evidence(self) -> tuple[list[Any], frozenset[str] | None] | None:
        """(corrections, repeated lines) the index was built with; None when the
        corrections changed since or the repeated-line set is not at hand."""
        if not self._tried:
            from reader.search.freshness import stored_evidence

            self._tried = True
            self._evidence = stored_evidence(self.index, self.db_path,
                                             lambda: _corrections(self.db_path))
        return self._evidence

    @classmethod
    def start(cls, args: argparse.Namespace, root: Any, db_path: Any,
              index: Any) -> _Quick | None:
        """Bring the index up to date by the quick check; None when the full check must
        run instead (no recorded state, corrections changed, ...)."""
        from reader.search import freshness as fr

        text_field = getattr(args, "text_field", None)
        assert index.path is not None
        state = fr.load_state(fr.state_path(index.path), index.fresh_token())
        if state is None or state.key != fr.corpus_key(root, max_bytes(args), text_field):
            return None
        self = cls(args, root, db_path, index)
        store = fr.store_stats(db_path)
        if store != state.store and self.evidence() is None:
            return None
        try:
            changes = fr.check(index, state, root, max_bytes(args), text_field)
        except fr.NeedFullCheck:
            return None
        changes.state.store = store
        if changes.todo or changes.gone:
            evidence = self.evidence()
            if evidence is None or not index.apply(
                changes.todo, changes.gone, *evidence, progress=_progress(),
                jobs=args.jobs, max_bytes=max_bytes(args),
            ):
                return None
            if not index.db.execute("SELECT 1 FROM docs WHERE error IS NULL LIMIT 1"
                                    ).fetchone():
                return None  # no article left: the full check says so (exit 2)
        if changes.changed or store != state.store:
            fr.save_state(fr.state_path(index.path), changes.state, index.fresh_token() or "")
        return self

    def check_hits(self, found: list[str], stamps: dict[str, tuple[int, int, str]]
                   ) -> bool | None:
        """Stat every `.txt` hit; index again those that changed. True when none did (the
        results stand), False when some did (run the query again), None when they cannot
        be indexed with the index's evidence (run the full check)."""
        from reader.search.freshness import record_file

        todo, gone = [], []
        root = str(self.root)
        cap = max_bytes(self.args)
        for article_id in found:
            if record_file(article_id) is not None:
                continue  # (its JSON Lines file was stat-ed)
            path = f"{root}/{article_id}"
            try:
                st = os.stat(path)
            except OSError:
                gone.append(article_id)
                continue
            known = stamps.get(article_id)
            if known is not None and known[:2] == (st.st_size, st.st_mtime_ns):
                continue
            if 0 < st.st_size <= cap and os.access(path, os.R_OK):
                todo.append((article_id, path, st.st_size, st.st_mtime_ns))
            else:
                gone.append(article_id)
        if not todo and not gone:
            return True
        evidence = self.evidence()
        if evidence is None or not self.index.apply(todo, gone, *evidence,
                                                    max_bytes=cap):
            return None
        return False


def _full_update(args: argparse.Namespace, db_path: Any, index: Any) -> Any:
    """List the corpus, stat every file and bring the index up to date (`--update`);
    record the folders' state for the quick check of the next search."""
    from reader.corpus import open_corpus
    from reader.search import freshness as fr

    index.writable()
    index.set_fresh_token(None)  # (a full check that stops half-way leaves no state)
    named = _unlisted(args.corpus)
    text_field = getattr(args, "text_field", None)
    snap = fr.snapshot(named.root) if named.single_file is None else None  # (before listing)
    store = fr.store_stats(db_path)
    corpus = open_corpus(args.corpus, max_bytes(args), read=False, text_field=text_field)
    if _update(args, corpus, index, db_path) and snap is not None and index.path is not None:
        dirs, jsonl = snap
        token = fr.new_token()
        fr.save_state(fr.state_path(index.path),
                      fr.State(fr.corpus_key(named.root, max_bytes(args), text_field), dirs,
                               jsonl, store), token)
        index.set_fresh_token(token)
    return corpus


def _progress() -> Callable[[int, int], None]:
    """A progress bar, shown once there is something to index."""
    from reader.progress import Progress

    bar: Progress | None = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if not total:
                return
            bar = Progress(total, "indexing")
        bar.advance(done - bar.done)

    return progress


def _update(args: argparse.Namespace, corpus: Any, index: Any, db_path: Any) -> bool:
    """Bring the index up to date with the corpus (a progress bar on a terminal); False
    when it did not finish."""
    corrections = _corrections(db_path)
    from reader.cache import cache_path_for
    from reader.corpus import locator
    from reader.pipeline import RepeatedCache, corpus_repeated, repeated_cache_path_for

    # the corpus's repeated lines, from the app's cache when fresh: the body scope is the
    # split `reader analyze` and the app show (reader.pipeline)
    _, repeated = corpus_repeated(corpus.articles, max_bytes(args),
                                  RepeatedCache(repeated_cache_path_for(cache_path_for(db_path))))

    # (a Path as it is: `SearchIndex.stale` makes a string of the few it indexes; a JSON
    # Lines record travels as its locator)
    articles = [(a.id, a.path if a.record is None else locator(a), a.size, a.mtime_ns)
                for a in corpus.articles]
    return bool(index.update(articles, corrections, repeated=repeated, progress=_progress(),
                             jobs=args.jobs, max_bytes=max_bytes(args)))


def _corrections(db_path: Any) -> list[Any]:
    """The user's boilerplate and quotation corrections, which shape the body scope."""
    if not db_path.exists():
        return []
    from annotations.store import AnnotationStore

    store = AnnotationStore.open(db_path, readonly=True)
    try:
        return list(store.corrections())
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
