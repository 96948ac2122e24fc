"""Site furniture named by a fixed pattern is boilerplate whatever the model thinks."""

from __future__ import annotations

from reader.marks import LineKind, analyze
from reader.marks.furniture import furniture_lines, headed_lists, inside_lists
from reader.marks.text import text_line_keys
from tests.marks.test_boilerplate import page

TITLE = "Council approves budget for police and schools"
PROSE = [
    "Red Deer city council approved its operating budget on Thursday after a long debate "
    "about police funding, and members said they expected the plan to hold for two years.",
    "The mayor told reporters that the city had found savings in its fleet and in the way "
    "it buys road salt, which let council freeze the tax rate without cutting services.",
    "Several councillors wanted a larger cut to the police budget, arguing that a crisis "
    "team of social workers would answer many calls more cheaply than officers do.",
    "Others said the force was already stretched, and that the province should pay for "
    "the crisis team instead of leaving the cost to municipal taxpayers.",
    "The budget also sets aside money for snow clearing on residential streets, which "
    "residents had named as their first concern in the city's annual survey.",
    "Council will revisit the numbers in the spring, when the province announces how much "
    "it will send to municipalities for policing and for transit next year.",
]


def kinds_of(text: str, **kw: frozenset[int]) -> dict[str, LineKind]:
    m = analyze(text, **kw)
    return {ln: k for ln, k in zip(text.split("\n"), m.line_kinds, strict=True) if ln}


def assert_marked(text: str, boilerplate: list[str], body: list[str]) -> None:
    """`boilerplate` lines are dimmed and `body` lines are kept, as the reader shows them."""
    k = kinds_of(text)
    for line in boilerplate:
        assert k[line] is LineKind.BOILERPLATE, line
    for line in body:
        assert k[line] is LineKind.BODY, line


def found(text: str) -> tuple[list[str], list[str]]:
    lines = text.split("\n")
    certain, teasers, _ = furniture_lines(text, lines, text_line_keys(text))
    return [lines[i] for i in sorted(certain)], [lines[i] for i in sorted(teasers)]


def test_prompts_and_credits_among_prose_are_boilerplate() -> None:
    # the lines the bundled seeds carry between their paragraphs
    caption = ("In this April 1 image taken from a video, North Korean leader Kim Jong Un claps "
               "with officials at a performance in Pyongyang. (Korea Pool via AP)")
    junk = [
        caption,
        "Placeholder while article actions load",
        "Get local stories you won't find anywhere else right to your inbox.",
        "Sign up here",
        "Advertisement. Scroll to continue reading.",
        "Alberta reported 1,854 cases on Thursday. (THE CANADIAN PRESS/AP-HO, National "
        "Institute of Allergy and Infectious Diseases - Rocky Mountain Laboratories)",
    ]
    text = page(TITLE, PROSE[0], junk[0], junk[1], PROSE[1], junk[2], junk[3], PROSE[2],
                junk[4], junk[5], *PROSE[3:])
    assert_marked(text, junk, PROSE)


def test_the_list_under_a_header_is_boilerplate_until_the_article_resumes() -> None:
    teasers = ["Zero tax increase approved by city council for 2021 and 2022",
               "Red Deer has 289 active cases of COVID-19",
               "Cambridge Hotel in Red Deer has new ownership group"]
    text = page(TITLE, *PROSE[:3], "Just Posted", "(File photo by Advocate staff)", *teasers,
                *PROSE[3:])
    certain, listed = found(text)
    assert certain == ["Subscribe", "Just Posted", "(File photo by Advocate staff)"]
    assert listed == teasers  # the run stops at the next sentence
    assert_marked(text, ["Just Posted", *teasers], PROSE)


def test_a_list_between_paragraphs_is_told_from_a_list_under_the_article() -> None:
    # the run search lets the first through (`boilerplate.NEUTRAL_LISTS`): the paragraphs
    # under it are the article's, while the second is followed by the footer
    inside = ["Just Posted", "(File photo by Advocate staff)",
              "Red Deer has 289 active cases of COVID-19",
              "Cambridge Hotel in Red Deer has new ownership group"]
    under = ["Related stories", "Council to vote on parks plan", "Snow clearing starts Monday"]
    text = page(TITLE, *PROSE[:3], *inside, *PROSE[3:], *under)
    lines = text.split("\n")
    lists = headed_lists(furniture_lines(text, lines, text_line_keys(text)), lines)
    assert set(inside + under) <= {lines[i] for i in lists}  # (the footer's links too)
    assert sorted(lines[i] for i in inside_lists(lists, lines)) == sorted(inside)
    assert_marked(text, inside + under, PROSE)


def test_headers_are_whole_lines_only() -> None:
    text = "\n".join([
        "Read more:", "Related Stories", "More from The Post", "YOU MAY ALSO LIKE",
        "Read more about the budget in the council minutes, which were published on Friday.",
        "More from the mayor came later, when she said the plan would hold.",
        "The most popular option was to delay the vote.",
        "Subscribe", "Subscribers to the paper's print edition will see the change next week.",
    ])
    certain, _ = found(text)
    assert certain == ["Read more:", "Related Stories", "More from The Post",
                       "YOU MAY ALSO LIKE", "Subscribe"]


def test_the_user_overrides_the_patterns() -> None:
    text = page(TITLE, *PROSE[:3], "Sign up here", *PROSE[3:])
    lines = text.split("\n")
    n = lines.index("Sign up here") + 1
    assert kinds_of(text)["Sign up here"] is LineKind.BOILERPLATE
    assert kinds_of(text, forced_body=frozenset({n}))["Sign up here"] is LineKind.BODY



def test_caption_labels_and_newsletter_prompts_are_found_but_not_prose_about_email() -> None:
    text = "\n".join([
        "Above: The fluffy seedheads of the grass almost glow in the winter light.",
        "Video: In this talk presented at the 2016 conference, an associate professor explains.",
        "Photo: Jane Smith",
        "Get the best of the week's science delivered to your inbox.",
        "Dan Davies - \"Back of Mind\" is a reader-supported publication. To receive new posts, "
        "consider becoming a subscriber.",
        "Phishing emails that land in your inbox often copy the look of a bank's letters.",
        "The photo: a grainy image of the harbour bridge, taken in 1932, is the only record.",
        "Readers who sign up for the bank's newsletter were not affected, the council said.",
    ])
    certain, _ = found(text)
    assert certain == text.split("\n")[:5]


def test_a_signed_comment_thread_runs_to_the_end_of_the_page() -> None:
    comments = [
        "Milan Griffes on September 12, 2018 at 4:47 pm said:",
        "Any update on how the follow-up paper on cash transfers will affect the council's "
        "decision? I would have expected the budget to change after the second study.",
        "Catherine on September 13, 2018 at 5:23 pm said:",
        "We haven't yet reviewed the paper, but plan to consider it as part of our year-end "
        "review of the budget, which we expect to publish in the spring of next year.",
    ]
    text = page(TITLE, "Comments", *PROSE, "10 Comments", *comments)
    certain, _ = found(text)
    assert "10 Comments" in certain and set(comments) <= set(certain)
    assert "Comments" not in certain  # a link at the top, no signed comments under it
    assert_marked(text, comments, PROSE)


def test_the_post_before_a_long_comment_thread_is_kept() -> None:
    # a short blog post under a long thread: the model takes the thread for the article
    intro = ("Our goal with hosting quarterly open threads is to give blog readers an "
             "opportunity to publicly raise comments or questions about the charity.")
    said = [
        ("Milan Griffes", "Any update on how the follow-up paper will affect your "
         "recommendation of the cash transfer charity this year?"),
        ("Catherine", "Hi Milan, we have not yet reviewed the paper, but plan to consider "
         "it as part of our year-end review of cash transfers."),
        ("Alex", "I skimmed your report, and did not see any analysis of the negative "
         "utility of travelling on slower buses in the region."),
        ("Gary M", "Have you written anything about the trade-off between giving now and "
         "investing the money and giving it later on instead?"),
    ]
    comments = []
    for i, (name, words) in enumerate(said):
        comments += [f"{name} on September {12 + i}, 2018 at 4:4{i} pm said:", words]
    text = page("September 2018 open thread", "September 10, 2018 | by Catherine", intro,
                "Posted in Open thread | Permalink | 10 Comments", "10 Comments", *comments)
    k = kinds_of(text)
    assert k[intro] is LineKind.BODY
    for line in comments:
        assert k[line] is LineKind.BOILERPLATE, line


def test_when_no_paragraph_survives_the_sentences_under_the_headline_are_kept() -> None:
    # the guard behind `analyze` for a page whose model verdict left no article at all
    from reader.marks import _rescue_lede

    lines = [
        "Cat found in New Mexico after going missing in Oregon", "",
        "Updated 11:21 pm CST, Tuesday, November 19, 2019", "",
        "SANTA FE, N.M. (AP) — A cat who has been missing for five years in Portland, "
        "Oregon, has been found in Santa Fe, New Mexico.", "",
        "Usov says the family thought they would never see the cat again.", "",
        "Most Popular", "",
        "Thousands of streaming accounts were hacked and sold online for as little as $3.",
    ]
    kinds = [LineKind.BOILERPLATE if ln else LineKind.BLANK for ln in lines]
    kinds[0] = LineKind.TITLE
    _rescue_lede(lines, kinds, 1, set())
    got = [ln for ln, k in zip(lines, kinds, strict=True) if k is LineKind.BODY]
    assert got == [lines[4], lines[6]]  # not the date, not past "Most Popular"
    kinds = [LineKind.BOILERPLATE if ln else LineKind.BLANK for ln in lines]
    _rescue_lede(lines, kinds, 1, {4})  # a line the user or a pattern put aside stays
    assert LineKind.BODY not in kinds


def test_a_stub_keeps_its_one_sentence() -> None:
    # a headline over one short sentence: no paragraph for the model to find the article by
    sentence = "The council could not agree on a deal for the budget this week."
    text = f"Budget talks stall\n\n{sentence}\n"
    assert kinds_of(text)[sentence] is LineKind.BODY
    menu = "Home\n\nNews\n\nSubscribe\n\n"
    assert kinds_of(menu + text)[sentence] is LineKind.BODY
    assert kinds_of(menu + text)["Subscribe"] is LineKind.BOILERPLATE


def test_a_credit_without_parentheses_ends_a_caption() -> None:
    caption = ("Bayern's Alphonso Davies, right, challenges PSG's Thilo Kehrer during the "
               "Champions League final in Lisbon, Sunday, Aug. 23, 2020. THE CANADIAN "
               "PRESS/Miguel A. Lopes/Pool via AP")
    story = ("The Canadian Press reported on Sunday that the club would appeal, and Getty "
             "Images photographers were at the match.")
    certain, _, _ = furniture_lines(f"{caption}\n{story}", [caption, story],
                                    text_line_keys(f"{caption}\n{story}"))
    assert certain == {0}
