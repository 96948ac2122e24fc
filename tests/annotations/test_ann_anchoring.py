"""Re-anchoring: exact, moved, fuzzy, orphaned, and never captured by a look-alike."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.anchoring import reanchor
from annotations.model import AnchorStatus, Highlight
from annotations.store import AnnotationStore

from .helpers import ALPHA

QUOTE = "The minister announced a tax cut of 5 percent on Tuesday."


def make(text: str = ALPHA, quote: str = QUOTE) -> Highlight:
    start = text.index(quote)
    return Highlight.create("alpha.txt", text, start, start + len(quote))


def test_unchanged_text_is_exact_by_hash() -> None:
    h = make()
    assert reanchor(h, ALPHA) == (AnchorStatus.EXACT, h.start, h.end, 100.0)


def test_same_offsets_after_an_edit_further_on_is_exact() -> None:
    h = make()
    edited = ALPHA.replace("too late", "far too late")
    status, start, end, _ = reanchor(h, edited)
    assert (status, start, end) == (AnchorStatus.EXACT, h.start, h.end)


def test_text_inserted_before_moves_the_highlight() -> None:
    h = make()
    edited = "UPDATED: corrections appended.\n" + ALPHA
    status, start, end, score = reanchor(h, edited)
    assert status == AnchorStatus.MOVED and score == 100.0
    assert edited[start:end] == QUOTE


def test_repeated_quotes_are_told_apart_by_their_context() -> None:
    text = "Intro. Prices rose. Then the mayor spoke. Prices rose. Then the council voted."
    second = text.index("Prices rose.", 10)
    h = Highlight.create("a", text, second, second + len("Prices rose."))
    edited = "NEW LEAD PARAGRAPH. " + text.replace("Intro.", "Introduction here.")
    status, start, _, _ = reanchor(h, edited)
    assert status == AnchorStatus.MOVED
    assert edited[start:].startswith("Prices rose. Then the council voted.")


def test_a_lightly_edited_quote_is_found_fuzzily() -> None:
    h = make()
    edited = ALPHA.replace(QUOTE, "The minister announced a tax cut of five percent on Tuesday.")
    status, start, end, score = reanchor(h, edited)
    assert status == AnchorStatus.FUZZY and score is not None and 85 <= score < 100
    assert "tax cut of five percent" in edited[start:end]


def test_a_removed_passage_is_orphaned_and_keeps_its_offsets() -> None:
    h = make()
    edited = ALPHA.replace(QUOTE, "")
    status, start, end, score = reanchor(h, edited)
    assert status == AnchorStatus.ORPHANED and (start, end) == (h.start, h.end)
    assert score is not None and score < 85


def test_a_similar_but_different_sentence_does_not_capture_the_highlight() -> None:
    h = make()
    edited = ALPHA.replace(QUOTE, "The minister denied a tax rise of 3 percent on Monday.")
    assert reanchor(h, edited)[0] == AnchorStatus.ORPHANED


def test_a_short_quote_needs_its_context_too() -> None:
    text = "Dock workers returned. Johnson said the deal was fair. The end."
    start = text.index("Johnson")
    h = Highlight.create("b", text, start, start + len("Johnson"))
    other = "A different story entirely about football. Johnston scored twice on Sunday."
    assert reanchor(h, other)[0] == AnchorStatus.ORPHANED
    retyped = text.replace("Johnson said", "Jonson said")  # a typo fix in the same place
    assert reanchor(h, retyped)[0] in (AnchorStatus.FUZZY, AnchorStatus.EXACT)


def test_a_much_shorter_text_does_not_match_inside_the_quote() -> None:
    h = make()
    assert reanchor(h, "tax cut")[0] == AnchorStatus.ORPHANED


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(min_size=0, max_size=200),
    insert=st.text(min_size=1, max_size=80),
    span=st.tuples(st.integers(0, 150), st.integers(1, 60)),
)
def test_an_exact_quote_is_always_found_again(before: str, insert: str, span: tuple) -> None:
    text = before + ALPHA
    start = min(span[0], len(text) - 1)
    end = min(len(text), start + span[1])
    h = Highlight.create("a", text, start, end)
    edited = insert + text
    status, s, e, _ = reanchor(h, edited)
    assert status in (AnchorStatus.EXACT, AnchorStatus.MOVED)
    assert edited[s:e] == text[start:end]


def test_reanchor_article_saves_positions_and_keeps_orphans(db_path: Path) -> None:
    s = AnnotationStore.open(db_path)
    moved = s.add_highlight(
        "alpha.txt", ALPHA, ALPHA.index(QUOTE), ALPHA.index(QUOTE) + len(QUOTE), note="keep me"
    )
    gone_text = "Residents welcomed the decision"
    gone = s.add_highlight(
        "alpha.txt", ALPHA, ALPHA.index(gone_text), ALPHA.index(gone_text) + len(gone_text)
    )
    edited = "Breaking: " + ALPHA.replace(gone_text, "Nobody commented on it")
    result = {h.id: h for h in s.reanchor_article("alpha.txt", edited)}
    assert result[moved.id].status == AnchorStatus.MOVED
    assert edited[result[moved.id].start : result[moved.id].end] == QUOTE
    assert result[gone.id].status == AnchorStatus.ORPHANED
    assert result[gone.id].exact == gone_text  # the coder's quote is kept
    s.reanchor_article("alpha.txt", edited)  # a second pass keeps "moved"
    s.close()
    again = AnnotationStore.open(db_path, readonly=True)
    assert again.highlight(moved.id).status == AnchorStatus.MOVED  # type: ignore[union-attr]
    assert again.highlight(gone.id).status == AnchorStatus.ORPHANED  # type: ignore[union-attr]
    assert again.highlight(moved.id).note == "keep me"  # type: ignore[union-attr]
    again.close()


def test_reattaching_an_orphan_makes_it_exact(store: AnnotationStore) -> None:
    h = store.add_highlight("alpha.txt", ALPHA, 31, 60)
    edited = ALPHA.replace(ALPHA[31:60], "Something else entirely, really")
    (orphan,) = store.reanchor_article("alpha.txt", edited)
    assert orphan.status == AnchorStatus.ORPHANED
    fixed = store.update_highlight(h.id, text=edited, start=31, end=50)
    assert fixed.status == AnchorStatus.EXACT and fixed.exact == edited[31:50]
    assert fixed.score is None


def test_a_highlight_is_quoted_once_on_one_line() -> None:
    text = "All \u201crelevant sites\u201d were disinfected.\n\nThe CDC said so."
    own = Highlight.create("a.txt", text, 4, 20)
    assert own.quoted() == "\u201crelevant sites\u201d"
    plain = Highlight.create("a.txt", text, 21, len(text))
    assert plain.quoted() == "\u201cwere disinfected. The CDC said so.\u201d"
    assert plain.quoted(10) == "\u201cwere disi\u2026\u201d"
