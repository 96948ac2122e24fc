"""Evidence for a quotation's kind (speech or term) that the sentence alone does not give:
how much the article reports what people said, and whether a short phrase has anyone to
say it.

A short quoted phrase in a news report full of "said" is usually a fragment of someone's
words (speech); the same phrase in an essay, a guide or a review that rarely reports
anyone is usually scare quotes, a coined term or a label (term: "the “microservices
mania”", "how they define “travel partner”"). The kind model's other features describe
the quotation and its sentence only, so a model fitted on 2019 news pages called nearly
every woven phrase of a 2025 essay speech (kind 0.846 on the WCXB news pages, 0.949 on
the Scrapinghub ones; `bench/kind_folds.py`). Both features here are properties of the
page's words, not of one source's typography (curly or straight marks).
"""

from __future__ import annotations

# verbs and phrases that report speech (present and past), as a news report uses them
REPORTING = ("said", "says", "told", "asked", "added", "explained", "according to")

# reporting verbs per 1000 words at which a page counts as fully "reporting": news reports
# run at 5-25, essays, guides and reviews at 0-2 (the three label sets); the feature is the
# rate over this, capped at 1 (3, 5, 8 and 10 were compared by site folds: within a few
# spans of each other)
FULL_RATE = 5.0
# what a page says of itself is weighed against a prior of this many words at FULL_RATE
# (a news report): a short page, or a one-paragraph text, with no reporting verb is not
# taken for an essay on so little evidence, and a text of no words gets the news lean the
# model had before this feature (`NEUTRAL_PAGE`)
PRIOR_WORDS = 100

NAMES: tuple[str, ...] = ("page_reporting", "bare_fragment")
# the features of a page nothing is known of (a caller without the article's text)
NEUTRAL_PAGE: tuple[float, ...] = (1.0,)
ZEROS: tuple[float, ...] = (0.0,) * len(NAMES)
# the name, among `speakers.KIND_FEATURES`, of the feature the trainer's speech lean goes
# on (`train_quotes.lean`): `NAMES`' first, so the two cannot disagree
PAGE_REPORTING = NAMES[0]


def page_features(own_text: str, turns: int = 0) -> tuple[float, ...]:
    """The page-level features of an article whose own (body and headline) lines, joined,
    are `own_text`: the rate of reporting verbs, scaled to 0..1. `turns`: the turns of a
    transcript or interview on the page, each a reported utterance too."""
    words = own_text.count(" ") + 1 if own_text.strip() else 0
    seen = reporting_count(own_text) + turns + PRIOR_WORDS * FULL_RATE / 1000.0
    rate = 1000.0 * seen / (words + PRIOR_WORDS)
    return (min(rate, FULL_RATE) / FULL_RATE,)


def reporting_count(text: str) -> int:
    """How many times `text` uses one of `REPORTING` as a whole word ("says", not
    "essays"). C-level `str.find` per word: a regex alternation over every article took a
    tenth of the quotation stage's time."""
    n = 0
    size = len(text)
    for w in REPORTING:
        i = text.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not text[i - 1].isalnum()) and (j >= size or not text[j].isalnum()):
                n += 1
            i = text.find(w, j)
    return n


def bare_fragment(nw: int, direct: bool, sentence_verb: bool) -> float:
    """1.0 for a phrase of 2 to 6 words that nothing in its sentence attributes (no
    attribution and no speech verb): by the labelling rules an unattributed phrase is a
    term, an attributed fragment speech; the linear model cannot form this "and" from the
    length and attribution features alone."""
    return 1.0 if 2 <= nw <= 6 and not direct and not sentence_verb else 0.0
