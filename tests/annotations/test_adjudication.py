"""Adjudication decisions land in the adjudicator coder's work, undoably."""

from __future__ import annotations

from pathlib import Path

from annotations.adjudication import BOTH, GOLD, NEITHER, decide, gold_value
from annotations.agreement import disagreements
from annotations.agreement_data import gather
from annotations.store import AnnotationStore
from reader.corpus import open_corpus

from .coding import S1, S2, S3, two_coders
from .helpers import ALPHA


def _setup(corpus_dir: Path):  # type: ignore[no-untyped-def]
    db = two_coders(corpus_dir)
    store = AnnotationStore.open(db, coder="judge")
    gathered = gather(open_corpus(corpus_dir, read=False), store, ["ann", "bob"])
    rows = {(d.kind, d.name, d.start): d for d in disagreements(gathered.units)}
    return store, gathered.units, rows


def _gold(store: AnnotationStore) -> list[tuple[str, str]]:
    return sorted((h.label, h.exact) for h in store.highlights("alpha.txt", coder=GOLD))


def test_decisions_go_to_gold_and_seed_the_agreed_work(corpus_dir: Path) -> None:
    store, units, rows = _setup(corpus_dir)
    try:
        evidence = rows[("label", "evidence", ALPHA.index(S2))]
        assert evidence.values == (1, 0)
        assert gold_value(store, evidence) is None  # not adjudicated yet
        decide(store, units, evidence, 0)  # ann's version
        # the agreed claim came along; the article is done for gold with the agreed tag
        assert _gold(store) == [("claim", S1), ("evidence", S2)]
        state = store.article_state("alpha.txt", coder=GOLD)
        assert (state.status, state.tags) == ("done", ["relevant"])
        assert gold_value(store, evidence) == 1

        follow = rows[("tag", "follow-up", None)]
        decide(store, units, follow, NEITHER)
        assert store.tags("alpha.txt", coder=GOLD) == ["relevant"]
        decide(store, units, follow, 1)  # bob's version: he gave it
        assert store.tags("alpha.txt", coder=GOLD) == ["relevant", "follow-up"]

        opinion = rows[("label", "opinion", ALPHA.index(S3))]
        decide(store, units, opinion, BOTH)
        decide(store, units, opinion, BOTH)  # twice: still one copy
        assert _gold(store) == [("claim", S1), ("evidence", S2), ("opinion", S3)]
        decide(store, units, evidence, 1)  # bob had none: gold's evidence goes
        assert _gold(store) == [("claim", S1), ("opinion", S3)]
        store.undo()
        assert _gold(store) == [("claim", S1), ("evidence", S2), ("opinion", S3)]
        # the coders' own work is untouched
        assert len(store.highlights(coder="ann")) == 4 and len(store.highlights(coder="bob")) == 2
        assert "gold" in store.coders()
        # gold exports like any coder
        from annotations.model import Codebook
        from annotations.refiqda import build_project

        corpus = open_corpus(corpus_dir, read=False)
        _, _, result = build_project(corpus, store, Codebook.default(), coders=["gold"])
        assert result.users == ["gold"] and result.selections == 3 and result.tag_codings == 2
    finally:
        store.close()


def test_reader_agree_leaves_the_adjudicator_out_unless_asked(monkeypatch) -> None:
    import pytest

    from reader.commands.agree import parse_coders
    from reader.errors import UserError

    known = ["ann", "bob", "gold"]
    assert parse_coders(None, known) == ["ann", "bob"]
    assert parse_coders("ann,gold", known) == ["ann", "gold"]
    monkeypatch.setenv("READER_ADJUDICATOR", "bob")
    assert parse_coders(None, known) == ["ann", "gold"]
    monkeypatch.setenv("READER_ADJUDICATOR", "bad\x01name")
    with pytest.raises(UserError):
        parse_coders(None, known)
