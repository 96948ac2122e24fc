"""The Python tokenizer places matches where SQLite's FTS5 tokenizer sees the words."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.corpus import read_text
from reader.search.text import TOKENIZE, find_in_line, fold, token_spans, tokens
from tests.search.conftest import DEV, needs_dev


def fts_tokens(texts: list[str]) -> list[list[str]]:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(a, content='', tokenize='{TOKENIZE}')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    db.executemany("INSERT INTO t(rowid, a) VALUES (?, ?)", list(enumerate(texts)))
    out: list[list[str]] = [[] for _ in texts]
    for doc, term in db.execute("SELECT doc, term FROM v ORDER BY doc, offset"):
        out[doc].append(term)
    return out


@needs_dev
def test_every_dev_page_tokenizes_as_sqlite_does() -> None:
    texts = [read_text(p).text for p in sorted(DEV.glob("*.txt"))]
    assert texts
    assert [tokens(t) for t in texts] == fts_tokens(texts)


ALPHABET = st.sampled_from(
    list("abcXYZ019 _-'’.,\n\t\"") + list("éÉüßøæÇñİıµΣσςάЖж中文€½²") + ["\u0301", "🙂", "\ue000"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(ALPHABET, max_size=40), min_size=1, max_size=8))
def test_random_text_tokenizes_as_sqlite_does(texts: list[str]) -> None:
    assert [tokens(t) for t in texts] == fts_tokens(texts)


def test_case_and_accents_fold() -> None:
    assert fold("ÉCOLE") == fold("école") == "ecole"
    assert tokens("Noem's hell-bent") == ["noem", "s", "hell", "bent"]


def test_spans_point_at_the_words() -> None:
    line = "Crème brûlée, said Noem."
    spans = token_spans(line)
    assert [line[a:b] for a, b, _ in spans] == ["Crème", "brûlée", "said", "Noem"]
    assert list(find_in_line(spans, ["creme", "brulee"], False)) == [(0, 12)]
    assert list(find_in_line(spans, ["no"], True)) == [(19, 23)]
    assert list(find_in_line(spans, ["no"], False)) == []
