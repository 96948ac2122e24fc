"""Per-line evidence for the boilerplate classifier.

A scraped page keeps its article as one long run of prose lines; everything else (menus,
teasers, captions, credits, sign-up prompts, footers) is short, title-cased, link-like or
built from a small vocabulary of interface words. Each function here turns one line into
numbers that say how much it looks like prose and how much like page furniture, without
knowing anything about a particular site, so the same weights carry over to unseen pages.

Features are plain floats in a fixed order (`LINE_FEATURES`), so a linear model stored as
JSON can score them with no third-party code.
"""

from __future__ import annotations

import math
import re

# English function words: the proportion of these separates running prose (~40-50%)
# from menus, names and headlines (<20%); this is jusText's stop-word density idea.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    even ever few for from further had has have having he her here hers herself him himself
    his how i if in into is it its itself just least less like many may me might more most
    much must my myself no nor not now of off on once one only or other our ours ourselves
    out over own same shall she should since so some still such than that the their theirs
    them themselves then there these they this those though through to too under until up
    upon us very was we were what when where whether which while who whom whose why will
    with within without would yet you your yours yourself yourselves it's don't that's
    there's he's she's they're we're i'm can't won't didn't doesn't isn't wasn't said says
    told""".split()
)

_TOKEN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)*")
_SENT_END_RE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")
_SENT_BREAK_RE = re.compile(r"[a-z0-9)][.!?][\"'\u201d\u2019]?\s+[\"\u201c\u2018]?[A-Z]")
_GLUED_RE = re.compile(r"[a-z\.][A-Z][a-z]")
_DIGIT_RE = re.compile(r"\d")
_CREDIT_RE = re.compile(
    r"\b(?:getty|shutterstock|istock|reuters|afp|epa|xinhua|associated press|canadian press"
    r"|ap photo|file photo|courtesy|credits?|photograph(?:ed|y)?|photos?|images?|pictures?"
    r"|illustrations?|caption)\b",
    re.IGNORECASE,
)
_CREDIT_TAIL_RE = re.compile(
    r"(?:(?:credit|photo|image|photograph|source|caption)s?\s*(?:by\b|:)"
    r"|\((?:photo|file|ap|afp|reuters|getty)[^)]{0,80}\)\s*\.?$"
    r"|/\s*(?:getty|ap|afp|reuters|epa|shutterstock|istock|bloomberg|press)\b[^/]{0,40}$"
    r"|\b(?:getty images|shutterstock|istock(?:photo)?)\s*$)",
    re.IGNORECASE,
)
_CTA_RE = re.compile(
    r"\b(?:sign[ -]?up|sign[ -]?in|log[ -]?in|subscribe|subscription|subscribers?|newsletters?"
    r"|click|tap here|read more|learn more|follow us|follow @|share|download|app store"
    r"|advertisement|advertise|advert|sponsored|cookies?|privacy|terms of (?:use|service)"
    r"|rights reserved|comments?|reply|replies|loading|register|contact us|e-?mail"
    r"|inbox|unsubscribe|podcast|watch|listen|video|gallery|view all|see all|previous"
    r"|next|skip|menu|search|home|close|print|copy link|copied|opens in a new)\b",
    re.IGNORECASE,
)
_LEAD_RE = re.compile(
    r"^\W{0,3}(?:related(?: stories| articles| posts?| content| news| coverage)?|read more"
    r"|read next|read also|also read|also on|see also|more(?: from| on| stories| news)?"
    r"|recommended(?: reading| for you| stories)?|trending|popular|most (?:read|popular|viewed)"
    r"|latest|top stories|don't miss|you may also like|you might also like|editor'?s picks?"
    r"|watch|listen|sponsored|advertisement|up next|further reading|explore further"
    r"|tags?|topics?|filed under|categories|share|posted in)\b",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^(?:by|written by|words by|reporting by|posted by|story by|from)\s+(?:[A-Z]|the\b)",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|\b\d+\s*(?:min|mins|minutes?|hrs?|hours?|days?"
    r"|weeks?|months?|years?|[hdmw])\s+ago\b|\b(?:updated|published|posted)\b",
    re.IGNORECASE,
)
_URL_RE = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|@\w|#\w", re.IGNORECASE)
_PRICE_RE = re.compile(r"[$\u00a3\u20ac]\s?\d")
_COPYRIGHT_RE = re.compile(r"\u00a9|\(c\)\s*\d|\bcopyright\b|all rights reserved", re.IGNORECASE)
_SEPS = "|\u2022\u00b7\u00bb\u203a>/\u2192\u2190"

LINE_FEATURES: tuple[str, ...] = (
    "bias",
    "log_chars",
    "w1",
    "w2_3",
    "w4_7",
    "w8_15",
    "w16_30",
    "w31",
    "stop_ratio",
    "stop_ratio_long",
    "no_stop",
    "sent_end",
    "sent_end_long",
    "sent_breaks",
    "comma_rate",
    "start_lower",
    "start_digit",
    "start_other",
    "title_ratio",
    "all_caps",
    "digit_ratio",
    "alpha_ratio",
    "mean_word_len",
    "glued",
    "credit_kw",
    "credit_tail",
    "cta",
    "cta_short",
    "lead",
    "byline",
    "date",
    "url",
    "price",
    "copyright",
    "seps",
    "ends_colon",
    "ends_ellipsis",
    "in_parens",
    "adj_prev",
    "adj_next",
    "dup_in_doc",
    "repeated",
)


def line_features(
    line: str, adj_prev: bool, adj_next: bool, dup: bool, repeated: bool
) -> list[float]:
    """Numbers describing one non-blank line; order is `LINE_FEATURES`."""
    s = line.strip()
    n = len(s) or 1
    toks = _TOKEN_RE.findall(s)
    nw = len(toks)
    if nw:
        low = [t.lower() for t in toks]
        nstop = sum(1 for t in low if t in STOPWORDS)
        stop_ratio = nstop / nw
        ncap = sum(1 for t in toks if t[0].isupper())
        title_ratio = ncap / nw
        mean_wl = sum(map(len, toks)) / nw
    else:
        nstop = 0
        stop_ratio = 0.0
        title_ratio = 0.0
        mean_wl = 0.0
    long_ = nw >= 8
    sent_end = 1.0 if _SENT_END_RE.search(s) else 0.0
    first = s[0]
    alpha = sum(1 for c in s if c.isalpha())
    ndig = len(_DIGIT_RE.findall(s))
    nseps = sum(s.count(c) for c in _SEPS)
    cta = 1.0 if _CTA_RE.search(s) else 0.0
    return [
        1.0,
        math.log1p(len(s)) / 6.0,
        1.0 if nw <= 1 else 0.0,
        1.0 if 2 <= nw <= 3 else 0.0,
        1.0 if 4 <= nw <= 7 else 0.0,
        1.0 if 8 <= nw <= 15 else 0.0,
        1.0 if 16 <= nw <= 30 else 0.0,
        1.0 if nw > 30 else 0.0,
        stop_ratio,
        stop_ratio if long_ else 0.0,
        1.0 if nstop == 0 else 0.0,
        sent_end,
        sent_end if long_ else 0.0,
        min(len(_SENT_BREAK_RE.findall(s)), 5) / 5.0,
        min(s.count(",") / (nw or 1), 0.5),
        1.0 if first.islower() else 0.0,
        1.0 if first.isdigit() else 0.0,
        0.0 if first.isalnum() or first in "\"'\u201c\u2018(" else 1.0,
        title_ratio,
        1.0 if nw >= 2 and s.upper() == s else 0.0,
        ndig / n,
        alpha / n,
        min(mean_wl, 12.0) / 12.0,
        1.0 if _GLUED_RE.search(s) else 0.0,
        1.0 if _CREDIT_RE.search(s) else 0.0,
        1.0 if _CREDIT_TAIL_RE.search(s) else 0.0,
        cta,
        cta if nw <= 6 else 0.0,
        1.0 if _LEAD_RE.search(s) else 0.0,
        1.0 if _BYLINE_RE.search(s) else 0.0,
        1.0 if _DATE_RE.search(s) else 0.0,
        1.0 if _URL_RE.search(s) else 0.0,
        1.0 if _PRICE_RE.search(s) else 0.0,
        1.0 if _COPYRIGHT_RE.search(s) else 0.0,
        min(nseps, 4) / 4.0,
        1.0 if s.endswith(":") else 0.0,
        1.0 if s.endswith(("...", "\u2026")) else 0.0,
        1.0 if first == "(" and s.endswith(")") else 0.0,
        1.0 if adj_prev else 0.0,
        1.0 if adj_next else 0.0,
        1.0 if dup else 0.0,
        1.0 if repeated else 0.0,
    ]
