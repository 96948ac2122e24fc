"""Search results equal a brute-force scan of the texts (a real corpus copy).

The scan shares nothing with the index but the detection of boilerplate lines: it walks
every line of every article, tokenizes it in Python and compares token runs, while the
index answers from SQLite's postings. Words and phrases are drawn from the pages
themselves, so they do occur (in the body, in boilerplate, or both).
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.corpus import read_text, scan
from reader.filtering import Facts, Text, evaluate, parse
from reader.pipeline import RepeatedCache, corpus_repeated
from reader.search.extract import split_lines, title_text
from reader.search.index import SearchIndex
from reader.search.text import find_in_line, token_spans
from tests.search.conftest import DEV, needs_dev

pytestmark = needs_dev


class Scan:
    """Every article's lines by scope, tokenized once."""

    def __init__(self, root: Path, repeated: frozenset[str] | None) -> None:
        self.ids: list[str] = []
        self.lines: list[dict[str, list[list[tuple[int, int, str]]]]] = []
        for a in scan(root).articles:
            text = read_text(a.path).text
            title, _, boiler, _ = split_lines(text, (), article_id=a.id, repeated=repeated)
            bp = set(boiler)
            head = [token_spans(title_text(title, a.id))]
            body = [token_spans(x) for n, x in enumerate(text.split("\n"), 1) if n not in bp]
            rest = [token_spans(x) for n, x in enumerate(text.split("\n"), 1) if n in bp]
            self.ids.append(a.id)
            self.lines.append({"title": head, "body": head + body, "all": head + body + rest})

    def engine(self, term: Text, scope: str) -> set[int]:
        return {
            i for i, by_scope in enumerate(self.lines)
            if any(next(find_in_line(s, term.terms, term.prefix), None) is not None
                   for s in by_scope[scope])
        }

    def search(self, query: str) -> list[str]:
        return [self.ids[i] for i in evaluate(parse(query), len(self.ids), self.engine,
                                                Facts())]


@pytest.fixture(scope="module")
def both(dev_copy: Path) -> tuple[Scan, SearchIndex]:
    index = SearchIndex(dev_copy.parent / "index.sqlite")
    index.open()
    corpus = scan(dev_copy)
    # the corpus's repeated lines, as `reader analyze` and `reader search` use them
    _, repeated = corpus_repeated(corpus.articles, 20 * 1024 * 1024, RepeatedCache(None))
    assert repeated
    index.update([(a.id, a.path, a.size, a.mtime_ns) for a in corpus.articles], jobs=2,
                 repeated=repeated)
    return Scan(dev_copy, repeated), index


@cache
def vocabulary() -> tuple[tuple[str, ...], ...]:
    """Lines of the dev pages as word lists (the source of random words and phrases)."""
    out = []
    for p in sorted(DEV.glob("*.txt")):
        for line in read_text(p).text.split("\n"):
            words = line.split()
            if len(words) >= 2:
                out.append(tuple(words))
    return tuple(out)


@st.composite
def queries(draw: st.DrawFn) -> str:
    lines = vocabulary()
    rng = random.Random(draw(st.integers(0, 2**32)))
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        words = lines[rng.randrange(len(lines))]
        kind = draw(st.sampled_from(["word", "phrase", "prefix", "neg", "or"]))
        k = rng.randrange(len(words))
        word = words[k].replace('"', "")
        if kind == "phrase":
            n = rng.randint(2, 4)
            parts.append('"' + " ".join(words[k : k + n]).replace('"', "") + '"')
        elif kind == "prefix":
            parts.append(word[: max(1, len(word) // 2)] + "*")
        elif kind == "neg":
            parts.append("-" + word)
        elif kind == "or":
            other = lines[rng.randrange(len(lines))]
            parts.append(f"{word} OR {rng.choice(other).replace(chr(34), '')}")
        else:
            parts.append(word)
    scope = draw(st.sampled_from(["", "in:all "]))
    return scope + " ".join(p for p in parts if p.strip('"-*'))


def _safe(q: str) -> bool:
    try:
        parse(q)
    except Exception:
        return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(queries())
def test_index_equals_brute_force(both: tuple[Scan, SearchIndex], query: str) -> None:
    brute, index = both
    if not _safe(query):  # a word drawn with operator syntax ("is:", "tag:", a lone OR)
        return
    assert sorted(index.search(parse(query), article_ids=brute.ids)) == brute.search(query)


@pytest.mark.parametrize(
    "query",
    ["Noem", "hell-bent", '"hell-bent"', "trump -biden", "trump OR biden", "elect*",
     '"North Korea"', "in:all cookie*", "in:all privacy policy", "in:title trump",
     "cookies", "-the", "in:all -the"],
)
def test_fixed_queries_equal_brute_force(both: tuple[Scan, SearchIndex], query: str) -> None:
    brute, index = both
    assert sorted(index.search(parse(query), article_ids=brute.ids)) == brute.search(query)


def test_body_scope_leaves_boilerplate_out(both: tuple[Scan, SearchIndex]) -> None:
    """Some word occurs only in boilerplate lines somewhere: in:all finds more."""
    brute, index = both
    for q in ("cookies", "newsletter", "subscribe", "privacy"):
        body = index.search(parse(q), article_ids=brute.ids)
        every = index.search(parse("in:all " + q), article_ids=brute.ids)
        assert set(body) <= set(every)
    assert any(
        len(index.search(parse("in:all " + q), article_ids=brute.ids))
        > len(index.search(parse(q), article_ids=brute.ids))
        for q in ("cookies", "newsletter", "subscribe", "privacy")
    )


@pytest.mark.parametrize(
    "query",
    ["trump", "Noem", '"North Korea"', "elect*", '"the united st*"', "trump OR korea",
     "korea -trump", "the"],
)
def test_hit_counts_from_the_index_equal_the_matches_in_the_text(
    both: tuple[Scan, SearchIndex], dev_copy: Path, query: str
) -> None:
    """`reader search` counts hits from the index's positions; `--json` finds them in the
    text: the two must agree."""
    from reader.search.index import snippets_for

    brute, index = both
    q = parse(query)
    found = index.search(q, article_ids=brute.ids)
    assert found
    counts = index.hit_counts(q, found, budget=10**9)
    assert counts is not None
    for article_id in found:
        text = read_text(dev_copy / article_id).text
        assert counts[article_id] == len(snippets_for(text, q, index.doc(article_id))), (
            article_id)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(queries())
def test_the_cli_one_pass_ranking_equals_the_index_search(
    both: tuple[Scan, SearchIndex], query: str
) -> None:
    """`reader search` answers a query of words from one pass (`reader.search.hits`): the
    same articles in the same order as `SearchIndex.search` over every id."""
    from reader.search.hits import only_words, word_hits

    brute, index = both
    if not _safe(query) or not only_words(parse(query)):
        return
    hits = word_hits(index, parse(query))
    assert [h.id for h in hits] == index.search(parse(query), article_ids=sorted(brute.ids))
    stamps = index.doc_stamps([h.id for h in hits])
    assert all(stamps[h.id] == (h.size, h.mtime_ns, h.title) for h in hits)


@pytest.mark.parametrize("query", ["Noem", "trump OR biden", '"North Korea"', "elect* trump",
                                   "in:title trump", "president OR minister said"])
def test_fixed_queries_rank_alike_in_one_pass(both: tuple[Scan, SearchIndex],
                                              query: str) -> None:
    from reader.search.hits import only_words, word_hits

    brute, index = both
    assert only_words(parse(query))
    ids = [h.id for h in word_hits(index, parse(query))]
    assert ids and ids == index.search(parse(query), article_ids=sorted(brute.ids))
