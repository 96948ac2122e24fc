"""Per-line evidence for the boilerplate classifier.

A scraped page keeps its article as one long run of prose lines; everything else (menus,
teasers, captions, credits, sign-up prompts, footers) is short, title-cased, link-like or
built from a small vocabulary of interface words. Each function here turns one line into
numbers that say how much it looks like prose and how much like page furniture, without
knowing anything about a particular site, so the same weights carry over to unseen pages.

Speed matters (every line of every article goes through here), so the evidence is taken
with C-level string operations: one `translate` + `split` gives clean lower-case words,
word lists are sets tested with `isdisjoint`, and the few regular expressions run only on
short lines or on the tail of a line.
"""

from __future__ import annotations

import math
import string
from itertools import repeat

from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs

# English function words: the proportion of these separates running prose (~40-50%)
# from menus, names and headlines (<20%); this is jusText's stop-word density idea.
STOPWORDS = frozenset(
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
        "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
        "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
        "during", "each", "even", "ever", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
        "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less",
        "like", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
        "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other",
        "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should",
        "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "this", "those", "though",
        "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
        "yourself", "yourselves", "it's", "don't", "that's", "there's", "he's", "she's",
        "they're", "we're", "i'm", "can't", "won't", "didn't", "doesn't", "isn't", "wasn't",
        "said", "says", "told"
    ]
)
_CTA = frozenset(
    [
        "subscribe", "subscription", "subscribers", "subscriber", "newsletter", "newsletters",
        "signup", "login", "logout", "click", "share", "shares", "shared", "tweet",
        "advertisement", "advertise", "advert", "ad", "ads", "sponsored", "cookie", "cookies",
        "privacy", "comments", "comment", "reply", "replies", "loading", "register",
        "registration", "email", "e-mail", "inbox", "unsubscribe", "podcast", "watch",
        "listen", "video", "videos", "gallery", "previous", "next", "skip", "menu", "search",
        "home", "close", "print", "copied", "download", "app", "apps", "follow", "facebook",
        "twitter", "instagram", "youtube", "linkedin", "pinterest", "whatsapp", "reddit",
        "rss", "account", "password", "terms", "contact", "careers", "sitemap", "feedback",
        "shop", "buy", "deals", "deal", "save", "coupon", "trending", "popular", "recommended",
        "related", "newsroom"
    ]
)
_CREDIT = frozenset(
    [
        "getty", "shutterstock", "istock", "istockphoto", "reuters", "afp", "epa", "xinhua",
        "ap", "courtesy", "credit", "credits", "photo", "photos", "photograph", "photographed",
        "photography", "image", "images", "picture", "pictures", "illustration", "caption",
        "file", "via", "press"
    ]
)
_LEAD = frozenset(
    [
        "related", "read", "more", "see", "also", "recommended", "trending", "popular",
        "latest", "watch", "listen", "sponsored", "advertisement", "tags", "tag", "topics",
        "topic", "filed", "categories", "share", "posted", "up", "further", "explore",
        "previous", "next", "back", "most", "editor's", "editors", "you"
    ]
)
_MONTHS = frozenset(
    [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "ago", "updated", "published", "posted"
    ]
)
# (the reference pattern, not compiled here: the tests check the fast form below against it)
PHRASE_PATTERN = (
    r"sign up|sign in|log in|read more|learn more|click here|follow us|all rights|terms of"
    r"|privacy policy|see all|view all|more from|you may also|you might also|don't miss"
    r"|most read|newsletter"
)
# `re.search(PHRASE_PATTERN, low) is not None` == `"newsletter" in low or
# _PHRASE_AT_SPACE_RE.search(low) is not None`: the phrases found from their (first) space,
# which the regex engine jumps between, and confirmed by a look-behind; ~3x faster than
# trying 18 alternatives at most positions of a line
_PHRASE_AT_SPACE_RE = re.compile(
    r" (?:up(?<=sign up)|in(?:(?<=sign in)|(?<=log in))|more(?:(?<=read more)|(?<=learn more))"
    r"|here(?<=click here)|us(?<=follow us)|rights(?<=all rights)|of(?<=terms of)"
    r"|policy(?<=privacy policy)|all(?:(?<=see all)|(?<=view all))|from(?<=more from)"
    r"|m(?:ay also(?<=you may also)|ight also(?<=you might also)|iss(?<=don't miss))"
    r"|read(?<=most read))"
)
_CAP_RE = re.compile(r"(?:^|\s)[A-Z]")
_PUNCT = str.maketrans({c: " " for c in string.punctuation.replace("'", "") + "\u2014\u2013"
                        "\u201c\u201d\u2018\u00a9\u00bb\u00ab\u2022\u00b7\u203a\u2192\u2190|"})
_SEPS = "|\u2022\u00b7\u00bb\u203a>/\u2192\u2190"
_NO_SEPS = str.maketrans("", "", _SEPS)
_NO_DIGITS = str.maketrans("", "", string.digits)
# "[a-z.][A-Z][a-z]" (only whether it occurs is used), written to start at the rarer capital
_GLUED_RE = re.compile(r"[A-Z](?<=[a-z.][A-Z])[a-z]")
_CREDIT_TAIL_RE = re.compile(
    r"(?:(?:credit|photo|image|photograph|source|caption)s?\s*(?:by\b|:)"
    r"|\((?:photo|file|ap|afp|reuters|getty)[^)]{0,80}\)\s*\.?$"
    r"|/\s*(?:getty|ap|afp|reuters|epa|shutterstock|istock|bloomberg|press)\b[^/]{0,40}$"
    r"|\b(?:press|photo|ap|afp|reuters|getty|images)\s*/\s*[a-z][^/]{0,40}$"
    r"|\b(?:getty images|shutterstock|istock(?:photo)?)\s*$)"
)
# the signature under an embedded post: "— Jane Doe (@janedoe) November 18, 2019"
_TWEET_SIG_RE = re.compile(
    r"[—–-]+ ?[^\n]{1,80}\(@\w{1,30}\) ?[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s*$"
)
# the header or footer of a reader comment: "Alex on September 17, 2018 at 6:34 am said:",
# "2 days ago at 07:47 am", "Rating: 36 Votes", "12 likes", "Reply" (lower-cased line);
# the reference pattern (the tests check `comment_mark` against it)
COMMENT_PATTERN = (
    r"\b\d{1,2}:\d{2} ?[ap]\.?m\.?(?: (?:said|says|wrote):)?$"
    r"|\brating: -?\d+ votes?$"
    r"|^\d+ (?:likes?|replies|votes|points)$"
    r"|^(?:reply|report|flag|permalink|report abuse|upvote|expand full comment|show replies"
    r"|load more comments|reply to this comment)$"
)
# `COMMENT_PATTERN` in two: its first two branches need a ":" and may match anywhere, the
# other two only a whole line (`match`). Most lines it is asked about are short and have
# no ":", and for them a search (which tries the unanchored branches at every position)
# is five times the cost of the one anchored try.
_COMMENT_TAIL_RE = re.compile(
    r"\b\d{1,2}:\d{2} ?[ap]\.?m\.?(?: (?:said|says|wrote):)?$|\brating: -?\d+ votes?$"
)
_COMMENT_LINE_RE = re.compile(
    r"\d+ (?:likes?|replies|votes|points)$"
    r"|(?:reply|report|flag|permalink|report abuse|upvote|expand full comment|show replies"
    r"|load more comments|reply to this comment)$"
)


def comment_mark(low: str) -> bool:
    """`re.search(COMMENT_PATTERN, low) is not None`, for a lower-cased line."""
    return (":" in low and _COMMENT_TAIL_RE.search(low) is not None) or (
        _COMMENT_LINE_RE.match(low) is not None
    )


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
    "upper_rate",
    "title_ratio",
    "all_caps",
    "digit_ratio",
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
    "tweet_sig",
    "comment_mark",
    "adj_prev",
    "adj_next",
    "dup_in_doc",
    "repeated",
)
N_LINE_FEATURES = len(LINE_FEATURES)
SHORT = 160  # lines up to this length get the word-level keyword and pattern checks


N_FLAG_FEATURES = 4  # adj_prev, adj_next, dup_in_doc, repeated: not a property of the text
N_TEXT_FEATURES = N_LINE_FEATURES - N_FLAG_FEATURES


def _bins(nw: int) -> tuple[float, ...]:
    return (
        1.0 if nw <= 1 else 0.0,
        1.0 if 2 <= nw <= 3 else 0.0,
        1.0 if 4 <= nw <= 7 else 0.0,
        1.0 if 8 <= nw <= 15 else 0.0,
        1.0 if 16 <= nw <= 30 else 0.0,
        1.0 if nw > 30 else 0.0,
    )


_WBINS = tuple(_bins(k) for k in range(32))
_LOGLEN = tuple(math.log1p(k) / 6.0 for k in range(1024))
_ENDS_SKIP = "\"'\u201d\u2019)]"
_OPENERS = "\"'\u201c\u2018("
_BYLINE_WORDS = frozenset(("by", "written", "words", "reporting"))


_UPPER_B = bytes(range(65, 91))
_DIGITS_B = b"0123456789"
_SEPS_B = b"|>/"
_STRIP = (
    string.punctuation.replace("'", "")
    + "\u2014\u2013\u201c\u201d\u2018\u2019\u00a9\u00bb\u00ab\u2022"
)


def _words(low: str, _strip: str = _STRIP) -> list[str]:
    """The whitespace-separated words of a line with `_STRIP` characters stripped from both
    ends, empty ones dropped: split, strip and filter all run at C speed, which beats one
    regex pass (and its compilation at import)."""
    return [*filter(None, map(str.strip, low.split(), repeat(_strip)))]


# frequent function words, counted with str.count on long lines (no word splitting)
_COMMON = (" the ", " of ", " and ", " to ", " a ", " in ", " is ", " that ", " for ", " it ",
           " was ", " on ")


def text_features(  # noqa: PLR0913 - defaults bind globals as fast locals
    s: str,
    _stop: frozenset[str] = STOPWORDS,
    _cta: frozenset[str] = _CTA,
    _credit: frozenset[str] = _CREDIT,
    _months: frozenset[str] = _MONTHS,
    _lead: frozenset[str] = _LEAD,
    _bylines: frozenset[str] = _BYLINE_WORDS,
    _wbins: tuple = _WBINS,
    _loglen: tuple = _LOGLEN,
    _strip: str = _STRIP,
    _upper_b: bytes = _UPPER_B,
    _digits_b: bytes = _DIGITS_B,
    _common: tuple = _COMMON,
) -> tuple[float, ...]:
    """The text-only part of `line_features` (all but the last `N_FLAG_FEATURES`).

    Written for speed: long lines are never split into words (counts of frequent function
    words and byte-level character counts stand in), short lines get the word-level and
    keyword checks that menus and captions need.
    """
    n = len(s)
    low = s.lower()
    b = s.encode("utf-8", "ignore")
    nb = len(b)
    nup = nb - len(b.translate(None, _upper_b))
    ndig = nb - len(b.translate(None, _digits_b))
    last = s[-1]
    if last in _ENDS_SKIP and n > 1:
        last = s[-2]
    sent_end = 1.0 if last in ".!?\u2026" else 0.0
    first = s[0]
    if n <= SHORT:
        raw = s.split()
        nraw = len(raw) or 1
        words = _words(low)
        nw = len(words)
        nstop = sum(map(_stop.__contains__, words))
        wset = set(words)
        w0 = words[0] if words else ""
        cta = (
            0.0
            if _cta.isdisjoint(wset)
            and not (n > 7 and ("newsletter" in low or _PHRASE_AT_SPACE_RE.search(low)))
            else 1.0
        )
        title_ratio = sum(map(str.istitle, raw)) / nraw
        all_caps = 1.0 if nw >= 2 and nup and s.upper() == s else 0.0
        glued = 1.0 if nup >= 2 and _GLUED_RE.search(s) else 0.0
        credit_kw = 0.0 if _credit.isdisjoint(wset) else 1.0
        if ndig:
            date = 0.0 if _months.isdisjoint(wset) else 1.0
            price = 1.0 if "$" in s or "\u00a3" in s or "\u20ac" in s else 0.0
        else:
            date = 1.0 if "ago" in wset and not _months.isdisjoint(wset) else 0.0
            price = 0.0
        copyright_ = (
            1.0 if "\u00a9" in s or "copyright" in wset or "rights reserved" in low else 0.0
        )
        nseps = nb - len(b.translate(None, _SEPS_B)) + s.count("\u2022") + s.count("\u00bb")
        lead = 1.0 if w0 in _lead and nw <= 12 else 0.0
        byline = 1.0 if nw <= 8 and w0 in _bylines else 0.0
        comment = 1.0 if (":" in s or nw <= 3) and comment_mark(low) else 0.0
        tweet = (
            1.0 if first in "\u2014\u2013-" and "(@" in s and _TWEET_SIG_RE.match(s) else 0.0
        )
    else:
        nraw = s.count(" ") + 1
        nw = nraw
        padded = " " + low + " "
        nstop = sum(map(padded.count, _common))
        cta = date = price = copyright_ = lead = byline = 0.0
        title_ratio = all_caps = glued = credit_kw = comment = tweet = 0.0
        nseps = 0
    if n < 40:  # (only ever a short line)
        breaks = 0.0
    else:
        nb_ = s.count(". ") + s.count("? ") + s.count("! ")
        breaks = (nb_ if nb_ < 5 else 5) / 5.0
    # (x if x < c else c: the value of min(x, c), without the call)
    stop_ratio = ((nstop / nw) if nstop < nw else 1.0) if nw else 0.0
    long_ = nw >= 8
    tail = low[-90:]
    credit_tail = (
        1.0
        if ("credit" in tail or "photo" in tail or "image" in tail or "/" in tail
            or "getty" in tail or "shutterstock" in tail or "istock" in tail or "caption" in tail
            or "source" in tail)
        and _CREDIT_TAIL_RE.search(tail)
        else 0.0
    )
    comma = s.count(",") / nraw
    upper = nup / nraw
    wlen = (n - nraw + 1) / nraw
    return (
        1.0,
        _loglen[n] if n < 1024 else math.log1p(n) / 6.0,
        *_wbins[nw if nw < 32 else 31],
        stop_ratio,
        stop_ratio if long_ else 0.0,
        1.0 if nstop == 0 else 0.0,
        sent_end,
        sent_end if long_ else 0.0,
        breaks,
        comma if comma < 0.5 else 0.5,
        1.0 if first.islower() else 0.0,
        1.0 if first.isdigit() else 0.0,
        0.0 if first.isalnum() or first in _OPENERS else 1.0,
        upper if upper < 2.0 else 2.0,
        title_ratio,
        all_caps,
        ndig / n,
        (wlen if wlen < 12.0 else 12.0) / 12.0,
        glued,
        credit_kw,
        credit_tail,
        cta,
        cta if nw <= 6 else 0.0,
        lead,
        byline,
        date,
        1.0 if "http" in low or "www." in low or ".com" in low or "@" in s else 0.0,
        price,
        copyright_,
        (nseps if nseps < 4 else 4) / 4.0,
        1.0 if last == ":" else 0.0,
        1.0 if last == "\u2026" or s.endswith("...") else 0.0,
        1.0 if first == "(" and last == ")" else 0.0,
        tweet,
        comment,
    )


def line_features(
    s: str, adj_prev: bool, adj_next: bool, dup: bool, repeated: bool
) -> list[float]:
    """Numbers describing one non-blank, stripped line; order is `LINE_FEATURES`."""
    return list(text_features(s)) + [
        1.0 if adj_prev else 0.0,
        1.0 if adj_next else 0.0,
        1.0 if dup else 0.0,
        1.0 if repeated else 0.0,
    ]
