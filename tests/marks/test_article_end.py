"""Where the article ends (`reader.marks.article_end`): the few body lines under a header
that closes the article ("Related", "More from", "About this statement") are furniture;
an article that goes on under such a header, and what the user marked as body, are kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.marks import LineKind, analyze
from reader.marks.article_end import tail_below_header
from reader.marks.repeated import repeated_lines
from tests.conftest import EVAL

PARA = ("The council voted on Tuesday to approve the budget after a long debate about "
        "schools, roads and the cost of the new library.")
SUMMARY = "A teaser's summary that looks like a paragraph, about another story entirely."


def _page(extra_body: int = 1) -> tuple[list[bool], list[str], list[float]]:
    """Six paragraphs, a "Related stories" header, `extra_body` body lines, a footer."""
    texts = [PARA] * 6 + ["Related stories"] + [SUMMARY] * extra_body + ["Privacy policy"]
    body = [True] * 6 + [False] + [True] * extra_body + [False]
    p = [0.01] * 6 + [0.99] + [0.3] * extra_body + [0.99]
    return body, texts, p


def test_body_lines_under_a_closing_header_are_furniture() -> None:
    body, texts, p = _page()
    assert tail_below_header(body, texts, p) == [7]


def test_an_article_that_goes_on_under_the_header_is_kept() -> None:
    # the lines under the header hold more than a tenth of the body: the article resumes
    # ("Recommended Reading" between two parts of an essay)
    body, texts, p = _page(extra_body=4)
    texts = texts[:7] + [PARA] * 4 + texts[11:]
    assert tail_below_header(body, texts, p) == []


def test_no_header_no_cut_and_the_users_body_is_kept() -> None:
    body, texts, p = _page()
    texts[6] = "Photo: Jane Smith"  # furniture, but not a header that ends the article
    assert tail_below_header(body, texts, p) == []
    body, texts, p = _page()
    assert tail_below_header(body, texts, p, protected={7}) == []
    # a header that is a body line (the article's own sub-heading) is no boundary
    body, texts, p = _page()
    body[6] = True
    assert tail_below_header(body, texts, p) == []


def test_a_header_above_the_articles_last_paragraph_is_no_end() -> None:
    # "More" over the article's last paragraphs (a list of links inside it, then prose):
    # the boundary is looked for under the last strong paragraph only
    texts = [PARA] * 3 + ["More on the budget"] + [PARA] * 3 + ["Share"] + [SUMMARY]
    body = [True] * 3 + [False] + [True] * 3 + [False] + [True]
    p = [0.01] * 3 + [0.99] + [0.01] * 3 + [0.99] + [0.3]
    assert tail_below_header(body, texts, p) == [8]


def _page_159() -> tuple[str, frozenset[str]]:
    pages = {p.name: p.read_text(encoding="utf-8")
             for p in sorted((EVAL / "boilerplate" / "dev").glob("*.txt"))}
    return next(t for n, t in pages.items() if n.startswith("159_")), repeated_lines(
        pages.values())


needs_dev = pytest.mark.skipif(not (EVAL / "boilerplate" / "dev").is_dir(),
                               reason=f"no evaluation data at {EVAL} (set READER_EVAL)")


@needs_dev
def test_a_fact_checks_statement_box_is_boilerplate() -> None:
    # dev page 159: a fact check's last paragraph ("We rate the statement Mostly True."),
    # an "Advertisement" line, then "About this statement:" with its published, researched
    # by, edited by and sources lines, which the model kept as the article's end
    text, rep = _page_159()
    lines = text.split("\n")
    kinds = analyze(text, repeated=rep).line_kinds
    assert lines[206].startswith("We rate the statement")
    assert kinds[206] is LineKind.BODY
    assert lines[212].startswith("Published:")
    for n in (211, 213, 215, 217, 219):
        assert kinds[n - 1] is LineKind.BOILERPLATE, lines[n - 1]


@needs_dev
def test_the_users_body_correction_under_the_header_keeps_the_tail() -> None:
    # the user says "Researched by: ..." is body: the lines under the header stay as the
    # model had them (body), not only the corrected one
    text, rep = _page_159()
    kinds = analyze(text, repeated=rep, forced_body=frozenset({215})).line_kinds
    assert kinds[214] is LineKind.BODY
    assert kinds[216] is LineKind.BODY


@given(st.lists(st.tuples(st.booleans(), st.sampled_from(["", "Related", "More from us", PARA,
                                                         SUMMARY, "Share"]),
                          st.floats(0, 1)), max_size=40))
def test_only_body_lines_below_a_header_are_taken(lines: list) -> None:
    body = [b for b, _, _ in lines]
    texts = [t for _, t, _ in lines]
    p = [q for _, _, q in lines]
    out = tail_below_header(body, texts, p)
    assert all(body[k] for k in out)
    assert out == sorted(set(out))
    if out:
        assert sum(len(texts[k]) for k in out) <= 0.1 * sum(
            len(t) for t, b in zip(texts, body, strict=True) if b)
