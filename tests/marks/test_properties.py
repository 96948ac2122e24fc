"""Any text at all yields well-formed marks and never an exception."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.marks import LineKind, Marks, _analyze, analyze

HOSTILE = st.sampled_from(
    [
        "\n", "\n\n", " ", "\t", "\x00", "\x1b[31m", "\x1b]8;;http://x\x07", "[bold]", "[/]",
        "“", "”", "‘", "’", '"', "'", "«", "»", "„", "\u200b", "\ufeff", "\r", "\u2028",
        "é", "𝔘", "👍🏽", "Mr.", "said", "he", "She said, ", "Gil Vallee", ". ", ",", "—",
        # what the furniture patterns look for
        "Read more:", "\nJust Posted\n", "\n3 Comments\n", "Comments", " said:", "2 days ago",
        "(AP Photo/X)", "Photo: ", "\nSign up here", "Continue reading", "to your inbox",
        "\nMore from ", "\nclick here", "[ 5 comments ]",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(HOSTILE, st.text(max_size=30)), max_size=80).map("".join),
)


def check(text: str, m: Marks) -> None:
    lines = text.split("\n")
    assert len(m.line_kinds) == len(lines)
    for ln, k in zip(lines, m.line_kinds, strict=True):
        assert (k is LineKind.BLANK) == (not ln.strip())
    if m.title_line is not None:
        assert 1 <= m.title_line <= len(lines)
        assert m.line_kinds[m.title_line - 1] is LineKind.TITLE
    assert sum(k is LineKind.TITLE for k in m.line_kinds) == (m.title_line is not None)
    last = 0
    for q in m.quotes:
        assert last <= q.start < q.end <= len(text)
        assert q.kind in ("speech", "term")
        assert q.speaker is None or (isinstance(q.speaker, str) and q.speaker)
        last = q.end
    assert all(1 <= n <= len(lines) for n in m.boilerplate_lines)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_gives_well_formed_marks(text: str) -> None:
    # the unguarded implementation, so a bug surfaces here instead of being swallowed
    m = _analyze(text, None, frozenset(), frozenset(), frozenset())
    check(text, m)
    assert analyze(text) == m


@settings(max_examples=50, deadline=None)
@given(TEXTS, st.frozensets(st.integers(-3, 60)), st.frozensets(st.integers(-3, 60)))
def test_corrections_with_any_line_numbers(text: str, body: frozenset, bp: frozenset) -> None:
    m = _analyze(text, frozenset({"home"}), body, bp, frozenset({"", "x"}))
    check(text, m)


def test_edge_inputs() -> None:
    for text in ["", "\n" * 50, "x" * 200_000, "“" * 5000, "a\x00b\n" * 100, "\r\n" * 10]:
        check(text, analyze(text))


def test_pages_made_of_furniture_stay_linear() -> None:
    # every line a list header, a prompt or a thread header: a pattern scan that restarts
    # at each hit is quadratic here (minutes); the linear one takes well under a second
    for text in (
        "\n".join(["Read more:", "Sign up here"] * 20_000),
        "\n".join(["Photo: a caption", "3 Comments", "Bob on May 2, 2018 at 6:34 am said:"]
                  * 15_000),
    ):
        t = time.perf_counter()
        check(text, _analyze(text, None, frozenset(), frozenset(), frozenset()))
        assert time.perf_counter() - t < 20
