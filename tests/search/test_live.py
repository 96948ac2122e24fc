"""`/`'s answers (`reader.search.live`) are `SearchIndex.search`'s, in the same order:
the fast path keeps the ranking (title hits, BM25, corpus order), follows the index when
an article is re-indexed, and gives up a query that a newer keystroke interrupts."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.corpus import scan
from reader.filtering import Facts, parse
from reader.pipeline import RepeatedCache, corpus_repeated
from reader.search.index import SearchIndex
from reader.search.live import LiveSearch
from tests.search.conftest import needs_dev, write
from tests.search.test_equivalence import _safe, vocabulary


@pytest.fixture(scope="module")
def dev_index(dev_copy: Path) -> tuple[list[str], SearchIndex, LiveSearch]:
    index = SearchIndex(dev_copy.parent / "live.sqlite")
    index.open()
    corpus = scan(dev_copy)
    _, repeated = corpus_repeated(corpus.articles, 20 * 1024 * 1024, RepeatedCache(None))
    index.update([(a.id, a.path, a.size, a.mtime_ns) for a in corpus.articles], jobs=2,
                 repeated=repeated)
    ids = [a.id for a in corpus.articles]
    return ids, index, LiveSearch(index)


def live_ids(ids: list[str], live: LiveSearch, query: str) -> list[str]:
    found = live.answer(parse(query), {i: k for k, i in enumerate(ids)}, Facts())
    assert found is not None
    return [ids[k] for k in found]


@st.composite
def typed(draw: st.DrawFn) -> str:
    """Queries as they are typed: words, phrases, prefixes, OR, negations, scopes, and
    the half-typed word at the end."""
    lines = vocabulary()
    rng = random.Random(draw(st.integers(0, 2**32)))
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        words = lines[rng.randrange(len(lines))]
        k = rng.randrange(len(words))
        word = words[k].replace('"', "")
        kind = draw(st.sampled_from(["word", "phrase", "prefix", "neg", "or", "partial"]))
        if kind == "phrase":
            parts.append('"' + " ".join(words[k : k + 3]).replace('"', "") + '"')
        elif kind == "prefix":
            parts.append(word[: max(1, len(word) // 2)] + "*")
        elif kind == "neg":
            parts.append("-" + word)
        elif kind == "or":
            parts.append(f"{word} OR {rng.choice(words).replace(chr(34), '')}")
        elif kind == "partial":
            parts.append(word[: rng.randint(1, max(1, len(word)))])
        else:
            parts.append(word)
    scope = draw(st.sampled_from(["", "", "in:all ", "in:title "]))
    return scope + " ".join(p for p in parts if p.strip('"-*'))


@needs_dev
@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(typed())
def test_live_answers_equal_the_index_search_in_order(
    dev_index: tuple[list[str], SearchIndex, LiveSearch], query: str
) -> None:
    ids, index, live = dev_index
    if not _safe(query):
        return
    assert live_ids(ids, live, query) == index.search(parse(query), article_ids=ids)


@needs_dev
@pytest.mark.parametrize(
    "query", ["the", "trump", "Noem", '"North Korea"', "elect*", "t*", "in:all cookie*",
              "in:title trump", "trump OR biden", "said -trump", "-the", "the said"])
def test_common_and_rare_words_rank_as_the_index_does(
    dev_index: tuple[list[str], SearchIndex, LiveSearch], query: str
) -> None:
    ids, index, live = dev_index
    expected = index.search(parse(query), article_ids=ids)
    assert live_ids(ids, live, query) == expected
    assert live_ids(ids, live, query) == expected  # answered again from what it kept


@needs_dev
@pytest.mark.parametrize("query", ["trump", "the", "c", "elect*", '"North Korea"',
                                   "in:all cookie*", "in:title trump", "korea OR trump"])
def test_the_first_match_is_the_first_snippet(
    dev_index: tuple[list[str], SearchIndex, LiveSearch], dev_copy: Path, query: str
) -> None:
    """The keyword in context of a listed hit: its first match, found without the rest."""
    from reader.corpus import read_text
    from reader.search.index import snippets_for
    from reader.search.live import first_match

    ids, index, live = dev_index
    q = parse(query)
    for article_id in index.search(q, article_ids=ids)[:40]:
        text = read_text(dev_copy / article_id).text
        snips = snippets_for(text, q, index.doc(article_id))
        want = (snips[0].start, snips[0].end) if snips else None
        assert first_match(text, q, live.doc(article_id)) == want, article_id


def small_index(tmp_path: Path) -> tuple[Path, list[str], SearchIndex]:
    root = tmp_path / "corpus"
    write(root, "a.txt", "Harbour news\n\nThe storm surge flooded the harbour.\n")
    write(root, "b.txt", "Storm warning\n\nA storm is coming, forecasters said.\n")
    write(root, "c.txt", "Budget talks\n\nThe council could not agree.\n")
    index = SearchIndex(tmp_path / "index.sqlite")
    index.open()
    articles = scan(root).articles
    index.update([(a.id, a.path, a.size, a.mtime_ns) for a in articles])
    return root, [a.id for a in articles], index


def test_an_article_indexed_again_is_found_by_its_new_words_only(tmp_path: Path) -> None:
    """Its old postings stay in the file (a tombstone): the answer must not list it for
    the words it no longer has, and must list it for the new ones."""
    root, ids, index = small_index(tmp_path)
    live = LiveSearch(index)
    assert live_ids(ids, live, "surge") == ["a.txt"]
    assert live_ids(ids, live, "lighthouse") == []
    path = write(root, "a.txt", "Harbour news\n\nThe lighthouse keeper retired today.\n")
    index.refresh([("a.txt", path, -1, -1)])
    assert live_ids(ids, live, "surge") == []
    assert live_ids(ids, live, "lighthouse") == ["a.txt"]
    assert live_ids(ids, live, "harbour") == index.search(parse("harbour"), article_ids=ids)
    live.close()
    index.close()


def test_a_newer_keystroke_abandons_the_query_in_progress(tmp_path: Path) -> None:
    _, ids, index = small_index(tmp_path)
    live = LiveSearch(index)
    where = {i: k for k, i in enumerate(ids)}
    stale = threading.Event()
    out: list[object] = []

    def endless() -> None:  # a statement that never ends by itself, as `answer` runs one
        from reader.search.live import Interrupted

        with live._lock:
            live._sync(where)
            live._watch(stale.is_set)
            try:
                live._rows("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                           "FROM n) SELECT count(*) FROM n", ())
                out.append("finished")
            except Interrupted:
                out.append("abandoned")
            finally:
                live._watch(None)

    t = threading.Thread(target=endless)
    t.start()
    threading.Event().wait(0.2)
    stale.set()  # the user typed on
    t.join(10)
    assert out == ["abandoned"]
    # the connection answers the next keystroke as usual
    assert live_ids(ids, live, "storm") == ["b.txt", "a.txt"]
    # a caller already stale when the work starts gets no answer
    assert live.answer(parse("storm"), where, Facts(), cancelled=lambda: True) is None
    live.close()
    index.close()


def test_an_index_rebuilt_from_scratch_is_read_anew(tmp_path: Path) -> None:
    """A rebuild deletes the file and writes another (too many tombstones, an older
    version): the next keystroke reads the new file, not the deleted one it had open."""
    root, ids, index = small_index(tmp_path)
    live = LiveSearch(index)
    assert live_ids(ids, live, "surge") == ["a.txt"]
    write(root, "a.txt", "Harbour news\n\nThe lighthouse keeper retired today.\n")
    index.close()
    index._remove_files()
    index.open()
    articles = scan(root).articles
    index.update([(a.id, a.path, a.size, a.mtime_ns) for a in articles])
    assert live_ids(ids, live, "surge") == []
    assert live_ids(ids, live, "lighthouse") == ["a.txt"]
    live.close()
    index.close()
