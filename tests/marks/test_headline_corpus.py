"""A line the corpus repeats on several pages is site furniture, never an article's headline
(issue 16, item 4; seventh round: `headline.corpus_lines`)."""

from __future__ import annotations

import pytest

from reader.marks import analyze, repeated_lines
from reader.marks import headline as hl

# a site-wide banner over every story of a local site's series: headline-shaped, and it
# shares more words with each story than the story's own headline does
BANNER = "Harbour Bridge Rebuild: Everything Commuters Need to Know"
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


def _page(head: str, story: list[str], menu: tuple[str, ...] = ("Home", "News")) -> str:
    return "\n\n".join([*menu, "Transport", BANNER, head, "By Jane Smith", "May 2, 2026",
                        *story, "Share", "Related stories"])


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
    texts = [_page(HEADS[1], _story(1), menu).replace(BANNER, "Transport desk")
             for menu in menus]
    assert _titles(texts) == [HEADS[1]] * 3
