"""Boilerplate lines, the headline, corpus repetition and user corrections."""

from __future__ import annotations

from reader.marks import LineKind, analyze, normalise_line, repeated_lines

PROSE = (
    "The council approved the budget on Thursday after a long debate about police funding, "
    "and members said they expected the plan to hold for at least two more years."
)


def page(*middle: str) -> str:
    menu = ["Home", "News", "Sports", "Opinion", "Subscribe", "Sign in"]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "© 2019 The Paper"]
    return "\n\n".join(menu + list(middle) + footer)


def kinds_of(text: str) -> dict[str, LineKind]:
    m = analyze(text)
    return {ln: k for ln, k in zip(text.split("\n"), m.line_kinds, strict=True) if ln}


def test_menus_footers_and_captions_are_boilerplate_prose_is_body() -> None:
    body = [PROSE.replace("budget", f"budget {i}") for i in range(6)]
    text = page(
        "Council approves budget for police and schools",
        "By Meg JamesStaff Writer",
        *body[:3],
        "(File photo by Advocate staff)",
        "THE CANADIAN PRESS/Jonathan Hayward",
        *body[3:],
        "Read more: Council to vote on parks plan",
        "Sign up here",
    )
    k = kinds_of(text)
    for line in body:
        assert k[line] is LineKind.BODY
    for junk in ("Home", "Subscribe", "Privacy Policy", "Sign up here",
                 "(File photo by Advocate staff)", "THE CANADIAN PRESS/Jonathan Hayward"):
        assert k[junk] is LineKind.BOILERPLATE, junk


def test_headline_skips_masthead_and_repeat_is_boilerplate() -> None:
    title = "Council approves budget for police and schools"
    body = [PROSE.replace("budget", f"budget {i}") for i in range(5)]
    text = page("The Washington PostDemocracy Dies in Darkness", title, "By Meg James",
                *body, title)
    m = analyze(text)
    lines = text.split("\n")
    assert m.title_line is not None
    assert lines[m.title_line - 1] == title
    repeat = len(lines) - lines[::-1].index(title)
    assert repeat != m.title_line
    assert m.line_kinds[repeat - 1] is LineKind.BOILERPLATE


def test_user_corrections_override_detection() -> None:
    text = page(PROSE, PROSE.replace("council", "board"))
    lines = text.split("\n")
    home = lines.index("Home") + 1
    prose = lines.index(PROSE) + 1
    m = analyze(text, forced_body=frozenset({home}), forced_boilerplate=frozenset({prose}))
    assert m.line_kinds[home - 1] is not LineKind.BOILERPLATE  # body (or the title)
    assert m.line_kinds[prose - 1] is LineKind.BOILERPLATE
    m2 = analyze(text, boilerplate_texts=frozenset({normalise_line(PROSE)}))
    assert m2.line_kinds[prose - 1] is LineKind.BOILERPLATE


def test_repeated_lines_and_normalisation() -> None:
    texts = ["Share\nA\n“Quote”", "share \nB\n\"quote\"", "SHARE\nC\n“Quote”", "D"]
    rep = repeated_lines(texts, min_docs=3)
    assert normalise_line("  Share  ") in rep
    assert normalise_line("“Quote”") in rep
    assert normalise_line("A") not in rep


def test_marks_json_record() -> None:
    text = page(PROSE, "“We are done,” he said.")
    rec = analyze(text).to_json("x.txt")
    assert set(rec) == {"file", "title_line", "boilerplate_lines", "quotes"}
    assert rec["boilerplate_lines"] == sorted(set(rec["boilerplate_lines"]))
    assert all(set(q) == {"start", "end", "kind", "speaker"} for q in rec["quotes"])


def test_subheads_and_list_items_sharing_the_article_words_are_kept() -> None:
    from reader.marks import boilerplate as bp

    body = [
        "Compact cameras are small, cheap and easy to use, and most travellers who want "
        "better pictures than a phone gives them start with one of these cameras.",
        "Mirrorless cameras drop the mirror of a reflex camera, so the body is lighter and "
        "the video modes are better, while the lenses still change like on a reflex.",
        "Film cameras are back in fashion with students who like the slow pace of film "
        "and the look of grain, even if developing each roll of film costs money.",
    ]
    lines = [body[0], "", "Mirrorless cameras", "", body[1], "", "Celebrity gossip roundup",
             "", body[2]]
    idx, _, _, p = bp.analyze_lines(lines)
    p_of = dict(zip(idx, p, strict=True))
    topic = bp.topic_overlap(
        [ln.strip() for ln in lines if ln.strip()], [0.9, 0.1, 0.9, 0.1, 0.9],
        [len(ln) for ln in lines if ln.strip()], (0, 4), range(5),
    )
    assert topic[1] == (1.0, 0.0)  # "Mirrorless cameras": all its words are the article's
    assert topic[3] == (0.0, 1.0)  # an unrelated teaser shares none
    assert topic[0] == (0.0, 0.0)  # strong prose lines themselves get no topic evidence
    assert p_of[2] < p_of[6]


def test_comment_headers_and_post_signatures_are_told_apart() -> None:
    """A reader comment's header or footer is furniture; the signature under an embedded
    post belongs to the article that quotes the post."""
    from reader.marks.features import LINE_FEATURES, text_features

    cmt = LINE_FEATURES.index("comment_mark")
    sig = LINE_FEATURES.index("tweet_sig")
    for line in ("Alex on September 17, 2018 at 6:34 am said:", "2 days ago at 07:47 am",
                 "Rating: 36 Votes", "3 replies", "Reply", "Expand full comment"):
        assert text_features(line)[cmt] == 1.0, line
    for line in ("The meeting ended at 6:34 am on Friday after a long night of talks.",
                 "Reply to the council's letter is due on Monday, officials said."):
        assert text_features(line)[cmt] == 0.0, line
    assert text_features("— Dianna E. Anderson (@diannaeanderson) November 18, 2019")[sig] == 1.0
    assert text_features("— The editors, in a statement on Monday")[sig] == 0.0


def test_a_run_of_comments_after_the_article_is_boilerplate() -> None:
    body = [PROSE.replace("budget", f"budget {i}") for i in range(5)]
    comments = []
    for who, said in (("Alex", "I think the council got this one badly wrong again"),
                      ("Sam", "Police funding should have been cut years ago, honestly"),
                      ("Kim", "Great reporting, thank you for covering the meeting")):
        comments += [f"{who} on September 17, 2018 at 6:34 am said:",
                     f"{said}, and the members who voted for it should explain themselves "
                     "to the people of this town at the next public meeting.", "Reply"]
    text = page("Council approves budget for police and schools", *body, "3 comments",
                *comments)
    k = kinds_of(text)
    assert all(k[line] is LineKind.BODY for line in body)
    assert k["Alex on September 17, 2018 at 6:34 am said:"] is LineKind.BOILERPLATE
    assert k[comments[-2]] is LineKind.BOILERPLATE  # a comment's own long text
