"""One ranking core (`reader.search.ranking`) orders the hits of every search path: the
reference `SearchIndex.search`, `reader search`'s `word_hits` and the app's `LiveSearch`.
A change to the ranking made there is what all three then give (they were three copies
kept equal only by the equivalence tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus import scan
from reader.filtering import Facts, parse
from reader.search.hits import word_hits
from reader.search.index import SearchIndex
from reader.search.live import LiveSearch
from tests.search.conftest import write

ARTICLES = {
    "a.txt": "Harbour news\n\nThe storm hit the harbour. The storm was long.\n",
    "b.txt": "Storm season\n\nA storm came. Then the harbour flooded twice.\n",
    "c.txt": "Council\n\nThe council met about the storm and the harbour and the storm.\n",
    "d.txt": "Sport\n\nThe storm stopped the match at the harbour.\n",
}
QUERIES = ("storm", "storm harbour", '"the harbour"', "storm OR council")


@pytest.fixture
def index(tmp_path: Path) -> tuple[list[str], SearchIndex]:
    root = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        write(root, name, text)
    corpus = scan(root)
    index = SearchIndex(tmp_path / "index.sqlite")
    index.open()
    index.update([(a.id, a.path, a.size, a.mtime_ns) for a in corpus.articles], jobs=1)
    return [a.id for a in corpus.articles], index


def answers(ids: list[str], index: SearchIndex, q: str) -> tuple[list[str], ...]:
    query = parse(q)
    found = LiveSearch(index).answer(query, {i: k for k, i in enumerate(ids)}, Facts())
    assert found is not None
    return (index.search(query, article_ids=ids), [h.id for h in word_hits(index, query)],
            [ids[k] for k in found])


def test_every_path_orders_by_the_one_ranking(index: tuple[list[str], SearchIndex],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    ids, idx = index
    from reader.search import ranking

    before = {q: answers(ids, idx, q) for q in QUERIES}
    for q, (ref, cli, live) in before.items():
        assert ref == cli == live and len(ref) >= 2, q
    assert before["storm"][0][0] == "b.txt"  # the title hit first

    real = ranking.best_first
    monkeypatch.setattr(ranking, "best_first",
                        lambda items, score, in_title: real(items, score, in_title)[::-1])
    for q in QUERIES:
        ref, cli, live = answers(ids, idx, q)
        assert ref == cli == live == before[q][0][::-1], q
