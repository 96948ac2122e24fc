"""Headlines on pages of sites the ranker never saw (issue 16, item 4): the confusions the
maintainers' held-out split showed, as small synthetic pages."""

from __future__ import annotations

import pytest

from reader.marks import _title_weights, analyze
from reader.marks import boilerplate as bp
from reader.marks import headline as hl
from reader.marks.headline import article_start

BODY = (
    "The city council voted on Tuesday to rebuild the old harbour bridge after engineers "
    "found that its steel supports had corroded far faster than expected, officials said.",
    "Repairs to the harbour bridge will take two years and cost the city about 40 million "
    "dollars, according to the engineers who inspected the corroded supports this autumn.",
    "Residents who cross the bridge every day said they were relieved that the council had "
    "finally agreed on a plan, although many worried about traffic during the rebuilding.",
)
HEAD = "City council votes to rebuild corroded harbour bridge"


def _title(*top: str) -> str | None:
    text = "\n\n".join((*top, *BODY))
    m = analyze(text)
    return None if m.title_line is None else text.split("\n")[m.title_line - 1]


def test_long_teaser_titles_above_the_headline_are_not_the_article() -> None:
    # a "more stories" rail of long teaser titles (80+ characters, no period: as long as
    # a paragraph, and the boilerplate model may call some of them body) above the headline
    teasers = (
        "California power shutoff: largest utility to cut electricity to 150,000 customers "
        "this week",
        "Is Georgia a swing state? Democrats think so, and they are spending money to prove "
        "it next year",
        "Why you should always close the door before you go to bed, according to fire "
        "safety experts",
        "The secret ingredient that transforms sweet potatoes into the best side dish of "
        "the whole season",
    )
    assert _title("Home", "News", *teasers, HEAD, "By Jane Smith, CNN", "1 day ago") == HEAD


def test_body_like_teaser_title_does_not_hide_the_headline() -> None:
    # a teaser rail whose first, long item the boilerplate model (of another site) calls
    # body: taken as the article's start, it left the headline, six lines below, outside
    # the candidates (fed the model's probabilities as such a model gives them)
    teasers = (
        "What the council members and the engineers said about the state of the old "
        "harbour bridge on Tuesday",
        "Harbour ferry fares to rise next spring",
        "Council to repair the old bridge lighting",
        "Engineers warn about the steel in city car parks",
        "New cycle lane opens along the harbour front",
        "Bridge closure planned for the summer festival",
    )
    lines = ["Home", "News", *teasers, HEAD, "By Jane Smith, CNN", "1 day ago", *BODY]
    p_bp = [0.99, 0.99, 0.3, 0.96, 0.92, 0.94, 0.94, 0.97, 0.92, 1.0, 0.99, 0.03, 0.2, 0.04]
    idx, rows1, keys = bp.stage1_rows(lines, frozenset())
    cands, rows = hl.title_rows(lines, idx, rows1, p_bp, keys)
    best = hl.choose(cands, rows, _title_weights.WEIGHTS)
    assert lines[idx[best]] == HEAD


def test_article_start_is_a_line_that_ends_like_a_sentence() -> None:
    lines = [
        "Home",
        "California power shutoff: largest utility to cut electricity to 150,000 customers now",
        HEAD,
        BODY[0],
        BODY[1],
    ]
    idx = list(range(len(lines)))
    # the long teaser (1) is as body-like as the lede (3) to the model
    assert article_start(lines, idx, [0.9, 0.3, 0.8, 0.2, 0.1]) == 3
    # no long line that ends like a sentence: the first confident long line
    assert article_start(lines[:3], idx[:3], [0.9, 0.3, 0.8]) == 1


def test_a_page_whose_lines_no_model_trusts_still_has_its_article_start() -> None:
    # a model fitted on other sites may give every line p(boilerplate) >= 0.5: the most
    # body-like long line is the start (before: none, and the page's first line, a
    # masthead, became the headline)
    lines = ["Dow Jones, a News Corp company", HEAD, "By Jane Smith", *BODY]
    idx = list(range(len(lines)))
    assert article_start(lines, idx, [0.9, 0.8, 0.9, 0.7, 0.6, 0.65]) == 4
    assert article_start(lines[:3], idx[:3], [0.9, 0.8, 0.9]) is None


# The confusions the issue names, each above or around the same headline (these pass with
# the model before this change too: guards, so that a new feature does not trade them away)
CONFUSIONS = {
    "kicker": ("Home", "Harbour Bridge Fears", HEAD, "By Jane Smith", "Nov 19, 2019"),
    "one-word kicker": ("Home", "Exclusive", HEAD, "By Jane Smith", "Nov 19, 2019"),
    "section labels": ("The Harbour Times", "World", "Politics", "Local News", HEAD,
                       "Jane Smith", "Nov 19, 2019"),
    "masthead": ("The Harbour Times", HEAD, "By Jane Smith", "Nov 19, 2019"),
    "masthead with tagline": ("The Harbour Times - News for the harbour bridge city",
                              "Subscribe", HEAD, "By Jane Smith"),
    "teasers": ("Most read", "Ferry fares rise as council cuts harbour budget",
                "Bridge lights to be repaired by spring", "Harbour front cycle lane opens",
                HEAD, "By Jane Smith", "Nov 19, 2019"),
    "dated teasers": ("Harbour ferries: is there still a future?", "Nov 18, 2019",
                      "Council plans new bridge for the harbour", "Nov 17, 2019", HEAD,
                      "By Jane Smith", "Nov 19, 2019"),
    "copy in a share bar": (HEAD, "Share", "Tweet", HEAD, "By Jane Smith"),
    "dek without a period": ("Home", HEAD,
                             "Engineers found steel supports rusted far faster than expected",
                             "By Jane Smith", "Nov 19, 2019"),
}


@pytest.mark.parametrize("name", sorted(CONFUSIONS))
def test_named_confusions_keep_the_headline(name: str) -> None:
    assert _title(*CONFUSIONS[name]) == HEAD


def test_listicle_title_above_a_half_trusted_introduction_is_found() -> None:
    # a listicle: its title, an introduction the boilerplate model only half trusts (kept
    # as body, p 0.7), then fifty short list lines, and only then a paragraph it is sure
    # of: the headline is fifty lines above that paragraph, out of the window before it
    title = "16 Best Harbour Bridge Walks of 2026 (Ranking and Guide)"
    intro = ("Walking across the old harbour bridges is the best way to see the city, and "
             "we ranked the sixteen walks that the council and the engineers recommend.")
    items = [f"{n}. Harbour walk number {n} across the bridge" for n in range(1, 51)]
    lines = ["Home", "Guides", title, "By Jane Smith", intro, *items, *BODY]
    p_bp = [0.99, 0.99, 0.9, 0.99, 0.7, *[0.9] * len(items), 0.2, 0.2, 0.2]
    assert article_start(lines, list(range(len(lines))), p_bp) == 4
    idx, rows1, keys = bp.stage1_rows(lines, frozenset())
    cands, rows = hl.title_rows(lines, idx, rows1, p_bp, keys)
    best = hl.choose(cands, rows, _title_weights.WEIGHTS)
    assert lines[idx[best]] == title


def test_a_headline_several_lines_under_a_body_like_summary_is_found() -> None:
    # a summary box at the top of the page (a sentence the boilerplate model trusts) is taken
    # for the article's start; the headline comes six lines under it, past the share bar.
    # Candidates reached 4 lines past the start before, 8 now (under the stage-1 scores 6,
    # 8 and 12 all gained out of fold: bench/README_marks.md, "Headlines on unseen pages")
    summary = ("In short: the council has agreed to rebuild the corroded harbour bridge, a job "
               "that will take two years and cost the city about 40 million dollars.")
    lines = ["Home", summary, "Share", "Tweet", "Email", "Print", "Save", HEAD,
             "By Jane Smith", *BODY]
    p_bp = [0.99, 0.2, 0.99, 0.99, 0.99, 0.99, 0.99, 0.9, 0.99, 0.1, 0.1, 0.1]
    idx, rows1, keys = bp.stage1_rows(lines, frozenset())
    assert article_start(lines, idx, p_bp) == 1
    cands, rows = hl.title_rows(lines, idx, rows1, p_bp, keys)
    assert lines[idx[hl.choose(cands, rows, _title_weights.WEIGHTS)]] == HEAD
