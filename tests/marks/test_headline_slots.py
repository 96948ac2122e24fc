"""The headline's slot in a site's template (`headline_slots`, issue 16 item 4, eighth
round): pages of one template are decided together, so a page whose ranker hesitated between
its headline and a kicker, a dek or a teaser takes the line its neighbours' template slot
shows, and a sure page keeps its own pick. Synthetic pages of invented sites."""

from __future__ import annotations

from reader.marks import headline_slots as hs
from reader.marks.text import normalise_line

# a local paper's template: the same menu and "Breaking News Emails" box on every page
MENU = ("Harbourton Gazette", "Subscribe to the Harbourton Gazette today",
        "Local news and sport from the harbour towns", "Contact the newsroom by email")
BOX = "Breaking News Emails from the Gazette"


def _page(body: list[str], scores: dict[str, float], pick: str) -> hs.PageHeadline:
    """A page of `MENU` lines, then `body` (its kicker, headline, dek, ...), then `BOX`;
    options are `scores`' lines with their ranker scores, `pick` its own choice."""
    text = [*MENU, *body, BOX, "Share this story"]
    keys = tuple(normalise_line(s) for s in text)
    lines = tuple(range(1, len(text) + 1))
    line_of = {s: n for n, s in zip(lines, text, strict=True)}
    opts = {line_of[pick]: max(scores.values())}
    for s, v in sorted(scores.items(), key=lambda t: -t[1]):
        opts.setdefault(line_of[s], v)
    return hs.PageHeadline(keys, lines, line_of[pick], tuple(opts.items()))


def _line(page: hs.PageHeadline, n: int) -> str:
    return page.keys[page.lines.index(n)]


SURE = _page(["SPORT", "Harbourton rowers win the regional cup again",
              "The club's eight beat three rivals on a windy Saturday morning."],
             {"Harbourton rowers win the regional cup again": 6.0, "SPORT": 1.0,
              "The club's eight beat three rivals on a windy Saturday morning.": 2.0},
             "Harbourton rowers win the regional cup again")
# the ranker took this page's dek over its short headline, by a hair
UNSURE = _page(["COUNCIL", "Ferry fares frozen",
                "Councillors agreed on Tuesday to hold every fare at this year's price."],
               {"Ferry fares frozen": 3.6, "COUNCIL": 0.5,
                "Councillors agreed on Tuesday to hold every fare at this year's price.": 4.0},
               "Councillors agreed on Tuesday to hold every fare at this year's price.")


def test_pages_of_one_template_are_neighbours() -> None:
    assert hs.neighbours({"a": SURE, "b": UNSURE}) == {"a": ["b"], "b": ["a"]}


def test_an_unsure_page_takes_the_line_in_its_neighbours_slot() -> None:
    changed = hs.site_titles({"a": SURE, "b": UNSURE})
    assert set(changed) == {"b"}
    assert _line(UNSURE, changed["b"]) == normalise_line("Ferry fares frozen")


def test_a_sure_page_keeps_its_pick_against_its_neighbour() -> None:
    # the same two pages, but now the dek wins by far: the template does not overrule it
    dek = "Councillors agreed on Tuesday to hold every fare at this year's price."
    sure_dek = _page(["COUNCIL", "Ferry fares frozen", dek],
                     {"Ferry fares frozen": 1.0, dek: 5.0}, dek)
    assert hs.site_titles({"a": SURE, "b": sure_dek}) == {}


def test_pages_of_other_sites_do_not_vote() -> None:
    other = hs.PageHeadline(
        tuple(normalise_line(s) for s in ("Valley Times", "COUNCIL", "Ferry fares frozen",
                                          "Councillors agreed on Tuesday.")),
        (1, 2, 3, 4), 4, ((4, 4.0), (3, 3.6)))
    assert hs.neighbours({"a": SURE, "c": other}) == {}
    assert hs.site_titles({"a": SURE, "c": other}) == {}


def test_a_line_both_pages_hold_is_no_slot_match() -> None:
    # a teaser of one story in both pages' rails sits at the same offset on both: furniture
    rail = "Most read: the harbour wall repairs start in May"
    a = _page([rail, "Harbourton rowers win the regional cup again", "Lede of the rowers."],
              {"Harbourton rowers win the regional cup again": 3.0, rail: 2.9},
              "Harbourton rowers win the regional cup again")
    b = _page([rail, "Ferry fares frozen", "Lede of the fares."],
              {"Ferry fares frozen": 3.0, rail: 2.9}, "Ferry fares frozen")
    key = normalise_line(rail)
    ra, rb = a.lines[a.keys.index(key)], b.lines[b.keys.index(key)]
    assert not hs.same_slot(a, ra, b, rb)
    assert hs.same_slot(a, a.pick, b, b.pick)
    assert hs.site_titles({"a": a, "b": b}) == {}


def test_page_headline_lists_the_pick_first_and_skips_ruled_out_lines() -> None:
    idx = [0, 2, 4, 5, 7]
    keys = ["menu", "kicker", "headline", "headline", "lede"]
    rows = [[1.0], [2.0], [3.0], [3.0], [0.5]]
    page = hs.page_headline(idx, keys, [0, 1, 2, 3, 4], rows, [1.0], lambda k: k == 1, 6)
    assert page.pick == 6
    # the pick at the best score; the first copy of two adjacent ones is taken as the
    # second (as `pick_line` does); the ruled-out kicker is no option
    assert page.options[0] == (6, 3.0)
    assert {n for n, _ in page.options} == {6, 1, 8}
    assert page.lines == (1, 3, 5, 6, 8)
