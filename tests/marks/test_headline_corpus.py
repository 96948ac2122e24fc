"""A line the corpus repeats on several pages is site furniture, never an article's headline
(issue 16, item 4; seventh round: `headline.corpus_lines`)."""

from __future__ import annotations

import pytest

from reader.marks import analyze, repeated_lines
from reader.marks import headline as hl

# a site-wide section banner over every story of a local site's series: all its words are
# in each story, which the story's own headline cannot match
BANNER = "The Harbour Bridge Rebuild"
HEADS = (
    "Council approves two more years of closures",
    "Ferry timetable doubles while the crossing is shut",
    "Engineers find more corroded supports under the deck",
)
PARAS = (
    "The harbour bridge will stay closed to commuters for two more years while engineers "
    "rebuild its corroded supports, the city council said on Tuesday.",
    "Commuters who cross the harbour bridge every day will need to plan their journeys, and "
    "the council said it would publish every closure on its website.",
    "The rebuild of the harbour bridge is expected to cost the city about forty million "
    "dollars, according to the engineers who inspected the supports.",
    "Residents said they were relieved that the council had finally agreed on a plan for "
    "the bridge, although many worried about the traffic it would bring.",
)
PLACES = ("the city", "the town", "the region")
VERBS = ("said", "announced", "confirmed")


def _story(i: int) -> list[str]:
    # each story its own wording, so no paragraph recurs across the corpus
    return [p.replace("the city", PLACES[i]).replace("said", VERBS[i])
            for p in PARAS[i:] + PARAS[:i]]


def _page(head: str, story: list[str], menu: tuple[str, ...] = ("Home", "News"),
          banner: str = BANNER, after: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*menu, "Transport", banner, head, "By Jane Smith", "May 2, 2026",
                        *story, "Share", "Related stories", *after])


def _titles(texts: list[str]) -> list[str | None]:
    rep = repeated_lines(texts)
    out = []
    for t in texts:
        m = analyze(t, repeated=rep)
        out.append(None if m.title_line is None else t.split("\n")[m.title_line - 1])
    return out


def test_a_banner_on_every_page_of_the_corpus_is_not_the_headline() -> None:
    texts = [_page(HEADS[i], _story(i)) for i in range(3)]
    assert _titles(texts) == list(HEADS)


def test_without_the_rule_the_banner_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    # (a real confusion: the repeated-line evidence reaches the ranker only through the
    # boilerplate model's probability, which leaves the banner its best candidate)
    monkeypatch.setattr(hl, "corpus_lines", lambda *a: frozenset())
    texts = [_page(HEADS[i], _story(i)) for i in range(3)]
    assert _titles(texts) == [BANNER] * 3


def test_copies_of_one_syndicated_story_keep_their_shared_headline() -> None:
    # the same story on three sites (its text recurs across the corpus, its headline too):
    # the repeated headline is the story's, not furniture
    menus = (("Home", "News"), ("Front page", "Local"), ("Start", "World"))
    texts = [_page(HEADS[1], _story(1), menu, "Transport desk") for menu in menus]
    assert _titles(texts) == [HEADS[1]] * 3


def _most_read_corpus() -> list[str]:
    # the site's other pages list the first story's headline under "Most read"
    rail = ("Most read", HEADS[0], "Ten things to do in the city this weekend",
            "Weather: rain clears by Friday")
    return [_page(HEADS[i], _story(i), banner="Transport desk", after=rail if i else ())
            for i in range(3)]


def test_a_story_listed_as_most_read_on_other_pages_keeps_its_headline() -> None:
    # its headline recurs on three pages, but on its own page it is the headline (6+
    # words, most of them the article's)
    texts = _most_read_corpus()
    assert HEADS[0].lower() in repeated_lines(texts)
    assert _titles(texts)[0] == HEADS[0]


def test_without_the_own_story_exception_it_loses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hl, "OWN_STORY_WORDS", 99)
    assert _titles(_most_read_corpus())[0] != HEADS[0]
