"""Classify the non-blank lines of a scraped page as article body or page furniture.

Stacked linear models, because whether a line is boilerplate depends both on what it looks
like and on where it sits:

1. each line alone is scored for prose-likeness (`features.line_features`);
2. the main run of prose is located as the stretch of lines with the largest total
   evidence (a maximum-sum segment, at a few strictness levels, so a caption or an ad
   inside the article does not cut it in two while a menu or footer outside stays out;
   the loosest level may move its start back to an intro above a long list,
   `article_span`),
   and every line is scored again from its own features, its neighbours' scores, its
   position relative to that run and the list it belongs to (`list_runs`); this is
   repeated once with the refined scores.

Lines that stage 1 already finds hopeless (far outside every run, very low score) keep
that verdict, which spares most menu lines the context work. Weights live in
`_weights.py`, written by `train_boilerplate.py` from the dev benchmark (boosted trees
were tried as stage 1, as the context stages and over the final scores, and did not win
out of sample: `bench/bp_trees.py`).
"""

from __future__ import annotations

import math
import string
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Sequence
from itertools import accumulate
from operator import itemgetter, mul

from reader.marks import _weights
from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs
from reader.marks.features import (
    LINE_FEATURES,
    N_TEXT_FEATURES,
    STOPWORDS,
    line_features,
    text_features,
)
from reader.marks.furniture import Furniture, furniture_lines, headed_lists, inside_lists
from reader.marks.text import normalise_line, text_line_keys

REGION_BIASES = (0.25, 0.4, 0.55, 0.7)
SETTLED_STAGE_Z = 3.0  # after a context stage, lines this sure of either verdict keep it
SETTLED_Z = -2.5  # stage-1 score below which a line outside every run is not rescored
# the lines of a headed teaser list ("Just Posted" and the titles under it,
# `furniture.headed_lists`) weigh nothing in the search for the article's run, so a list
# between two paragraphs does not end the run there (see `run_weights`)
# 0: off, 1: at every level of the run search, 2: at the strict two, 3: as 2 for the
# lists between two paragraphs only (`furniture.inside_lists`)
NEUTRAL_LISTS = 3

CONTEXT_FEATURES: tuple[str, ...] = (
    "z",
    "z_prev",
    "z_next",
    "z_prev2",
    "z_next2",
    "win_p",
    "win_long_p",
    "win8_p",
    "in_r25",
    "in_r40",
    "in_r55",
    "in_r70",
    "before_region",
    "after_region",
    "dist_region",
    "region_pos",
    "doc_pos",
    "region_share",
    "near_edge",
    "sandwiched",
    "dist_prev_strong",
    "dist_next_strong",
    "in_w1",
    "in_w2_3",
    "in_w4_7",
    "in_z",
    "in_credit",
    "in_cta_short",
    "in_lead",
    "topic",
    "topic_miss",
    "cmt_before",
    "list_len",
    "list_art",
)
STAGE2_FEATURES: tuple[str, ...] = LINE_FEATURES + CONTEXT_FEATURES

_F = {n: j for j, n in enumerate(LINE_FEATURES)}
_JW1, _JW2, _JW4 = _F["w1"], _F["w2_3"], _F["w4_7"]
_JCR, _JCTA, _JLEAD = _F["credit_tail"], _F["cta_short"], _F["lead"]
_JCMT = _F["comment_mark"]
CMT_CAP = 4  # comment headers/footers counted up to this many (from 2: one is chance)


def _comment_prefix(rows: Sequence[Sequence[float]]) -> list[int]:
    """Prefix counts of the lines that look like a comment's header or footer (at C speed:
    `bool` of each row's feature, summed from an int 0, so the counts are ints)."""
    return list(accumulate(map(bool, map(itemgetter(_JCMT), rows)), initial=0))


def _sigmoid(z: float) -> float:
    if z < -30.0:
        return 0.0
    if z > 30.0:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def _dot(w: Sequence[float], x: Sequence[float]) -> float:
    return sum(map(mul, w, x))


def stage1_rows(
    lines: Sequence[str], repeated: frozenset[str] | None
) -> tuple[list[int], list[list[float]], list[str]]:
    """Stage-1 feature rows for the non-blank lines; returns (line indexes, rows, keys)."""
    idx = []
    stripped = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s:
            idx.append(i)
            stripped.append(s)
    keys = [normalise_line(s) for s in stripped]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    n = len(lines)
    rows = []
    for j, i in enumerate(idx):
        adj_prev = i > 0 and bool(lines[i - 1].strip())
        adj_next = i + 1 < n and bool(lines[i + 1].strip())
        k = keys[j]
        rep = repeated is not None and k in repeated
        rows.append(line_features(stripped[j], adj_prev, adj_next, counts[k] > 1, rep))
    return idx, rows, keys


def main_regions(p: Sequence[float], sq: Sequence[float],
                 strict_sq: Sequence[float] | None = None) -> list[tuple[int, int]]:
    """Maximum-sum segment of (p - bias) * sqrt(length) for each of `REGION_BIASES`.

    Long prose lines pull a run towards them, a stretch of short menu items pushes it away,
    a lone caption barely matters. Returns inclusive (first, last) pairs, (0, -1) if empty.
    All four strictness levels are found in one pass (Kadane's algorithm, four times over).
    """
    b0, b1, b2, b3 = REGION_BIASES
    c0 = c1 = c2 = c3 = 0.0
    s0 = s1 = s2 = s3 = 0
    best = [0.0, 0.0, 0.0, 0.0]
    span = [(0, -1), (0, -1), (0, -1), (0, -1)]
    for k, (pk, q, qs) in enumerate(zip(p, sq, sq if strict_sq is None else strict_sq,
                                        strict=True)):
        if c0 <= 0.0:
            c0, s0 = (pk - b0) * q, k
        else:
            c0 += (pk - b0) * q
        if c0 > best[0]:
            best[0], span[0] = c0, (s0, k)
        if c1 <= 0.0:
            c1, s1 = (pk - b1) * q, k
        else:
            c1 += (pk - b1) * q
        if c1 > best[1]:
            best[1], span[1] = c1, (s1, k)
        if c2 <= 0.0:
            c2, s2 = (pk - b2) * qs, k
        else:
            c2 += (pk - b2) * qs
        if c2 > best[2]:
            best[2], span[2] = c2, (s2, k)
        if c3 <= 0.0:
            c3, s3 = (pk - b3) * qs, k
        else:
            c3 += (pk - b3) * qs
        if c3 > best[3]:
            best[3], span[3] = c3, (s3, k)
    return span


def neutral_lines(lines: Sequence[str], line_keys: Sequence[str] | None = None,
                  found: Furniture | None = None) -> set[int]:
    """0-based indexes of the lines of `lines` that weigh nothing in the run search:
    the headed teaser lists the furniture patterns find (`furniture.headed_lists`), or none
    without `NEUTRAL_LISTS`. `found` is `furniture_lines` of the page, when known."""
    if not NEUTRAL_LISTS:
        return set()
    if found is None:
        text = "\n".join(lines)
        if line_keys is None:
            line_keys = text_line_keys(text)
        found = furniture_lines(text, lines, line_keys)
    lists = headed_lists(found, lines)
    return inside_lists(lists, lines) if NEUTRAL_LISTS == 3 and lists else lists


def run_weights(sq: list[float], idx: Sequence[int], neutral: Collection[int]
                ) -> tuple[list[float], list[float] | None]:
    """`main_regions`' line weights (`sq`: sqrt(length)) at the loose and at the strict
    levels, with 0 for the lines in `neutral` (0-based line indexes; `idx` maps the
    non-blank lines to them) at all levels (`NEUTRAL_LISTS` 1) or at the two strict ones
    only (2); None: the strict levels use the loose weights.

    A headed list of teaser titles inside an article (a "Just Posted" list between two
    paragraphs) is five short, furniture-like lines: with their weight the stricter runs
    stop at it, the paragraphs under it count as "after the article" and the last of them,
    above the footer, was lost. The patterns settle the list's lines anyway."""
    if not neutral or not NEUTRAL_LISTS:
        return sq, None
    zeroed = [0.0 if i in neutral else q for i, q in zip(idx, sq, strict=True)]
    return (zeroed, None) if NEUTRAL_LISTS == 1 else (sq, zeroed)  # (3: as 2)


def article_span(regions: Sequence[tuple[int, int]], p: Sequence[float],
                 chars: Sequence[int]) -> tuple[int, int]:
    """The article's run: the main run (`main_regions`' 0.4 level), started earlier at the
    first strong prose line (`strong_lines`) of the loosest (0.25) run that contains it.

    A long list-shaped article (a listicle: an intro, then hundreds of short "Price: ...",
    "Pros:" items with a paragraph here and there) has its densest prose at one end, and
    the 0.4 run then covers only that end: everything before it counted as "before the
    article", far from it, and the context stages threw the intro and most of the list
    away (page 240 of dev lost its body in every out-of-fold split). The loosest run still
    joins the two, and a paragraph-long likely-prose line in the stretch it adds before
    the main run is the article's start: above an article a page holds menus, bylines and
    breadcrumbs, rarely prose. Out of fold (stage 1, 5 half-splits) that stretch is 59 % body
    by characters. Not after the run: what follows an article (comments, teasers, author
    boxes) is often prose, and that stretch is 91 % boilerplate.
    """
    a, b = regions[1]
    a0, b0 = regions[0]
    if a0 < a <= b <= b0:
        strong = strong_lines(p, chars, a0, a)
        if strong:
            return strong[0], b
    return a, b


def settled(z1: Sequence[float], regions: list[tuple[int, int]],
            lists: Sequence[tuple[int, int] | None] | None = None) -> list[bool]:
    """Lines whose stage-1 verdict (boilerplate) is final: very low score, outside all runs.

    A line of a list (`list_runs`) that reaches into the runs' neighbourhood is never
    final: a list is judged as a whole by the context stages (tour dates under an article
    run past its end, and stage 1 alone calls each date line furniture).
    """
    lo = min((a for a, b in regions if b >= a), default=0)
    hi = max((b for a, b in regions if b >= a), default=-1)
    out = [(v < SETTLED_Z and not (lo - 2 <= k <= hi + 2)) for k, v in enumerate(z1)]
    if lists is not None:
        for k, run in enumerate(lists):
            if out[k] and run is not None and run[0] <= hi + 2 and run[1] >= lo - 2:
                out[k] = False
    return out


# how a list item starts: a number ("18 Darla Moore ...", "4. Action Cameras", "2 satsumas"),
# a date ("June 10 – Tampa, FL @ ..."), a short label and a colon ("Pros: ...", "Sweden
# (Group F): Seventh appearance") or a bullet
_LIST_LEAD = re.compile(
    r"(?P<num>\d+(?:[.)]|\s))"
    r"|(?P<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
    r"|(?P<label>[^:\s][^:]{0,29}:(?:\s|$))"
    r"|(?P<bullet>[\u2022\u00b7\u25aa\u25ba\u2713*\-\u2013]\s)",
    re.IGNORECASE,
).match
LIST_MIN = 3  # items in a row that make a list
LABEL_SPACES = 4  # a "label:" with more spaces before its colon is a sentence
LIST_NEAR = 10  # a list this close to the article's run (in lines) is attached to it


def _list_lead(s: str) -> str | None:
    """The kind of list-item start of a stripped line (`_LIST_LEAD`), or None."""
    m = _LIST_LEAD(s)
    if m is None:
        return None
    kind = m.lastgroup
    if kind == "label" and s[: m.end()].count(" ") > LABEL_SPACES:
        return None  # a sentence with a colon, not a label
    return kind


def list_runs(texts: Sequence[str]) -> list[tuple[int, int] | None]:
    """For each line, the (first, last) line of the run of `LIST_MIN`+ adjacent lines
    that start the same way (`_list_lead`: a number, a date, a label, a bullet), or None.

    In-article lists (tour dates, a rankings table, "Pros:"/"Cons:" lines, ingredients)
    are short, digit-heavy lines that stage 1 calls furniture one by one; what they share
    is their shape and their place: a list attached to the article's run is body, menus
    and teaser lists sit outside it (and share no vocabulary with it, `topic_overlap`).
    """
    leads = list(map(_list_lead, texts))
    m = len(texts)
    out: list[tuple[int, int] | None] = [None] * m
    k = 0
    while k < m:
        kind = leads[k]
        e = k
        if kind is not None:
            while e + 1 < m and leads[e + 1] == kind:
                e += 1
            if e - k + 1 >= LIST_MIN:
                run = (k, e)
                for j in range(k, e + 1):
                    out[j] = run
        k = e + 1
    return out


def _list_value(n: int) -> float:
    """Context feature value of a list of `n` items (log-scaled, capped at 20 items)."""
    return math.log(n if n < 20 else 20) / 3.0


def strong_lines(p: Sequence[float], chars: Sequence[int], lo: int = 0,
                 hi: int | None = None) -> list[int]:
    """Indexes (in `lo:hi`) of the lines that are surely prose: probably body (`p` > 0.8)
    and paragraph-long (80+ characters). Both the context features (distance to the
    nearest such line) and the topic evidence (their vocabulary) start from them."""
    if hi is None:
        hi = len(p)
    return [k for k in range(lo, hi) if p[k] > 0.8 and chars[k] >= 80]


# the topic evidence works on lower-cased UTF-8 bytes (curly quotes and dashes spaced
# first): words of 4+ letters are found by one C-level regex pass, and the counting is done
# with set operations, so no Python code runs per word
_TOPIC_PUNCT = ("\u2019", "\u2018", "\u201c", "\u201d", "\u2014", "\u2013", "\u2026")
_WORDS4 = re.compile(rb"[a-z\x80-\xff]{4,}").findall
_STOP_B = frozenset(w.encode() for w in STOPWORDS)
_PUNCT_B = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))


def _lower_bytes(s: str) -> bytes:
    for c in _TOPIC_PUNCT:
        if c in s:
            s = s.replace(c, " ")
    return s.encode("utf-8", "ignore").lower()


def topic_overlap(
    texts: Sequence[str],
    p: Sequence[float],
    chars: Sequence[int],
    region: tuple[int, int],
    active: Sequence[int],
) -> list[tuple[float, float]]:
    """How much each line shares the vocabulary of the article's prose.

    `p` are the stage-1 body probabilities, `region` the article's run (`article_span`).
    The vocabulary is that of the run's strong prose lines (p > 0.8, 80+ characters);
    every other line of `active` (the rest are never read) gets (share of its distinct
    content words, i.e. words of 4+ letters that are not function words, found there as
    they are or as singular/plural, share not found), or (0, 0) when it has none.
    In-article sub-headings, list items and table cells reuse the article's words;
    teasers, menus and promotions mostly don't.
    """
    m = len(p)
    out = [(0.0, 0.0)] * m
    a, b = region
    strong = strong_lines(p, chars, a, b + 1)
    if not strong:
        return out
    # (punctuation to spaces and split: faster than the regex over this much text)
    vocab = set(_lower_bytes(" ".join([texts[k] for k in strong])).translate(_PUNCT_B).split())
    vocab -= _STOP_B
    # a singular or plural of an article word counts as the word
    vocab.update([w[:-1] if w[-1] == 115 else w + b"s" for w in vocab])  # 115: "s"
    is_strong = set(strong)
    rest = [k for k in active if k not in is_strong]
    if not rest:
        return out
    stop = _STOP_B
    words = _WORDS4
    for k, line in zip(rest, _lower_bytes("\n".join([texts[k] for k in rest])).split(b"\n"),
                       strict=True):
        ws = set(words(line))
        n = len(ws) - len(ws & stop) if ws else 0
        if n:
            hit = len(ws & vocab)
            out[k] = (hit / n, (n - hit) / n)
    return out


def context_rows(
    rows1: list[list[float]],
    z: list[float],
    chars: list[int],
    sq: list[float],
    active: Sequence[int],
    topic: Sequence[tuple[float, float]] | None = None,
    lists: Sequence[tuple[int, int] | None] | None = None,
    strict_sq: Sequence[float] | None = None,
) -> list[list[float]]:
    """Context features (`CONTEXT_FEATURES`) of the lines in `active`, from scores `z`;
    `lists` from `list_runs` (without them the list evidence is 0)."""
    m = len(z)
    p = [_sigmoid(v) for v in z]
    regions = main_regions(p, sq, strict_sq)
    a, b = article_span(regions, p, chars)
    total = sum(chars) or 1
    share = (sum(chars[a : b + 1]) if b >= a else 0) / total
    # prefix sums for the windows
    pp = [0.0]
    pc = [0.0]
    cc = [0]
    acc_p = acc_pc = 0.0
    acc_c = 0
    for pk, ck in zip(p, chars, strict=True):
        acc_p += pk
        acc_pc += pk * ck
        acc_c += ck
        pp.append(acc_p)
        pc.append(acc_pc)
        cc.append(acc_c)
    strong = [False] * m
    for k in strong_lines(p, chars):
        strong[k] = True
    prev_strong = [0] * m
    last = -100
    for k in range(m):
        prev_strong[k] = k - last
        if strong[k]:
            last = k
    next_strong = [0] * m
    last = m + 100
    for k in range(m - 1, -1, -1):
        next_strong[k] = last - k
        if strong[k]:
            last = k
    zs = [v / 5.0 for v in z]
    (a25, b25), (a40, b40), (a55, b55), (a70, b70) = regions
    cm = _comment_prefix(rows1)
    log = math.log1p
    out = []
    for k in active:
        lo, hi = k - 3 if k >= 3 else 0, k + 4 if k + 4 <= m else m
        lo8, hi8 = k - 8 if k >= 8 else 0, k + 9 if k + 9 <= m else m
        inside = a <= k <= b
        if inside:
            dist = 0
            rpos = (k - a) / (b - a if b > a else 1)
        elif k < a:
            dist = a - k
            rpos = 0.0
        else:
            dist = k - b
            rpos = 1.0
        ps, ns = prev_strong[k], next_strong[k]
        r = rows1[k]
        zk = zs[k]
        sw = cc[hi] - cc[lo]
        ncm = cm[k] - cm[a] if k > a else 0
        run = lists[k] if lists is not None else None
        lv = _list_value(run[1] - run[0] + 1) if run is not None else 0.0
        attached = run is not None and run[0] <= b + LIST_NEAR and run[1] >= a - LIST_NEAR
        out.append(
            [
                zk,
                zs[k - 1] if k > 0 else -1.0,
                zs[k + 1] if k + 1 < m else -1.0,
                zs[k - 2] if k > 1 else -1.0,
                zs[k + 2] if k + 2 < m else -1.0,
                (pp[hi] - pp[lo]) / (hi - lo),
                (pc[hi] - pc[lo]) / sw if sw else 0.0,
                (pp[hi8] - pp[lo8]) / (hi8 - lo8),
                1.0 if a25 <= k <= b25 else 0.0,
                1.0 if a40 <= k <= b40 else 0.0,
                1.0 if a55 <= k <= b55 else 0.0,
                1.0 if a70 <= k <= b70 else 0.0,
                1.0 if k < a else 0.0,
                1.0 if k > b else 0.0,
                log(dist) / 4.0 if dist else 0.0,
                rpos,
                cc[k] / total,
                share,
                1.0 if inside and (k - a < 2 or b - k < 2) else 0.0,
                1.0 if ps <= 4 and ns <= 4 else 0.0,
                log(ps if ps < 30 else 30) / 3.5,
                log(ns if ns < 30 else 30) / 3.5,
                r[_JW1] if inside else 0.0,
                r[_JW2] if inside else 0.0,
                r[_JW4] if inside else 0.0,
                zk if inside else 0.0,
                r[_JCR] if inside else 0.0,
                r[_JCTA] if inside else 0.0,
                r[_JLEAD] if inside else 0.0,
                *(topic[k] if topic is not None else (0.0, 0.0)),
                ((ncm if ncm < CMT_CAP else CMT_CAP) / CMT_CAP) if ncm > 1 else 0.0,
                lv,
                lv if attached else 0.0,
            ]
        )
    return out


def run_stages(
    rows1: list[list[float]],
    chars: list[int],
    stage1: Sequence[float],
    stages: Sequence[Sequence[float]],
    capture: list | None = None,
    texts: Sequence[str] | None = None,
    neutral: Collection[int] = (),
) -> list[float]:
    """Final body scores (logits) of all lines; `capture` receives (active, rows) per stage.

    `texts` are the stripped lines (for `topic_overlap`; without them that evidence is 0);
    `neutral` the positions (in `rows1`) of the lines that weigh nothing in the run search
    (`neutral_lines`, `run_weights`).
    """
    m = len(rows1)
    if not m:
        return []
    n1 = len(LINE_FEATURES)
    z = [_dot(stage1, r) for r in rows1]
    sq, ssq = run_weights([math.sqrt(c) for c in chars], range(m), neutral)
    p1 = [_sigmoid(v) for v in z]
    regions = main_regions(p1, sq, ssq)
    lists = list_runs(texts) if texts is not None else None
    fixed = settled(z, regions, lists)
    active = [k for k in range(m) if not fixed[k]]
    topic = (
        topic_overlap(texts, p1, chars, article_span(regions, p1, chars), active)
        if texts is not None
        else None
    )
    for w in stages:
        wl, wc = w[:n1], w[n1:]
        ctx = context_rows(rows1, z, chars, sq, active, topic, lists, ssq)
        if capture is not None:
            capture.append((active, [rows1[k] + c for k, c in zip(active, ctx, strict=True)]))
        z = list(z)
        for k, c in zip(active, ctx, strict=True):
            z[k] = _dot(wl, rows1[k]) + _dot(wc, c)
        active = [k for k in active if -SETTLED_STAGE_Z <= z[k] <= SETTLED_STAGE_Z]
    return z


_CACHE: dict[str, tuple[tuple[float, ...], float]] = {}
_CACHE_MAX = 200_000


def _split_weights() -> tuple[list, list, list]:
    """Text, flag and context parts of the stage weights (stage 1 first)."""
    n1 = len(LINE_FEATURES)
    n2 = len(STAGE2_FEATURES)
    ws = [tuple(_weights.STAGE1)] + [tuple(w) for w in _weights.STAGES]
    if len(ws) != 3 or len(ws[0]) != n1 or any(len(w) != n2 for w in ws[1:]):
        # weights from an older feature set (only while retraining): score nothing
        ws = [(0.0,) * n1, (0.0,) * n2, (0.0,) * n2]
    return (
        [w[:N_TEXT_FEATURES] for w in ws],
        [w[N_TEXT_FEATURES:n1] for w in ws],
        [w[n1:] for w in ws[1:]],
    )


_TEXT_W, _FLAG_W, _CTX_W = _split_weights()


def _flag_table() -> list[tuple[float, ...]]:
    """Per-stage additive score of each of the 16 combinations of the four line flags."""
    out = []
    for combo in range(16):
        out.append(tuple(sum(fw[j] for j in range(4) if combo >> j & 1) for fw in _FLAG_W))
    return out


_FLAG_TABLE = _flag_table()


def use_weights(stage1: Sequence[float], stages: Sequence[Sequence[float]]) -> None:
    """Score with other weights from now on (cross-validation trains several models in
    one process): the tables derived from them and the per-line cache follow."""
    global _TEXT_W, _FLAG_W, _CTX_W, _FLAG_TABLE
    _weights.STAGE1 = tuple(stage1)
    _weights.STAGES = tuple(tuple(w) for w in stages)
    _TEXT_W, _FLAG_W, _CTX_W = _split_weights()
    _FLAG_TABLE = _flag_table()
    _CACHE.clear()


def _sigmoids(z: Sequence[float], _exp=math.exp) -> list[float]:  # noqa: ANN001
    """`_sigmoid` of every value (inlined: this runs over every line, three times)."""
    return [
        (1.0 / (1.0 + _exp(-v)) if v <= 30.0 else 1.0) if v >= -30.0 else 0.0 for v in z
    ]


_LOG35 = tuple(math.log1p(k) / 3.5 for k in range(31))  # log1p(ps) / 3.5, ps capped at 30


def _context_dots(  # noqa: PLR0913, PLR0915 - one fused pass, locals on purpose
    rows: list[tuple[float, ...]],
    z: list[float],
    chars: list[int],
    sq: list[float],
    cc: list[int],
    total: int,
    active: Sequence[int],
    topic: Sequence[tuple[float, float]],
    w: Sequence[float],
    p: list[float] | None = None,
    regions: list[tuple[int, int]] | None = None,
    cm: list[int] | None = None,
    lists: Sequence[tuple[int, int] | None] | None = None,
    strict_sq: Sequence[float] | None = None,
) -> list[float]:
    """`sum(map(mul, w, row))` for each row `context_rows` would give for `active`.

    The same products are added in the same order (so the sums are bit-identical), but no
    row is built: a term whose feature is 0.0 is left out (adding +-0.0 changes nothing but
    the sign of a zero sum, which no later step can see) and a 1.0 adds the weight itself.
    `cc` are the prefix sums of `chars` and `total` is `sum(chars) or 1`; `p` and `regions`,
    when given, must be `_sigmoids(z)` and `main_regions` of them (stage 2 has them from
    stage 1); `cm`, when given, must be `_comment_prefix(rows)` (the same for every stage);
    `lists` are `list_runs` of the lines (None: no list evidence).
    Keep in step with `context_rows`.
    """
    m = len(z)
    if p is None:
        p = _sigmoids(z)
    if regions is None:
        regions = main_regions(p, sq, strict_sq)
    (a25, b25), (a40, b40), (a55, b55), (a70, b70) = regions
    a, b = article_span(regions, p, chars)
    share = (sum(chars[a : b + 1]) if b >= a else 0) / total
    pp = [0.0, *accumulate(p)]
    pc = [0.0, *accumulate(map(mul, p, chars))]
    strong = strong_lines(p, chars)
    ns_strong = len(strong)
    zs = [v / 5.0 for v in z]
    (w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15, w16, w17, w18,
     w19, w20, w21, w22, w23, w24, w25, w26, w27, w28, w29, w30, w31, w32, w33) = w
    if cm is None:
        cm = _comment_prefix(rows)
    cma = cm[a]
    log = math.log1p
    log35 = _LOG35
    jw1, jw2, jw4, jcr, jcta, jlead = _JW1, _JW2, _JW4, _JCR, _JCTA, _JLEAD
    span = b - a if b > a else 1
    out = []
    for k in active:
        zk = zs[k]
        acc = w0 * zk
        acc += w1 * (zs[k - 1] if k > 0 else -1.0)
        acc += w2 * (zs[k + 1] if k + 1 < m else -1.0)
        acc += w3 * (zs[k - 2] if k > 1 else -1.0)
        acc += w4 * (zs[k + 2] if k + 2 < m else -1.0)
        lo, hi = k - 3 if k >= 3 else 0, k + 4 if k + 4 <= m else m
        acc += w5 * ((pp[hi] - pp[lo]) / (hi - lo))
        sw = cc[hi] - cc[lo]
        if sw:
            acc += w6 * ((pc[hi] - pc[lo]) / sw)
        lo, hi = k - 8 if k >= 8 else 0, k + 9 if k + 9 <= m else m
        acc += w7 * ((pp[hi] - pp[lo]) / (hi - lo))
        if a25 <= k <= b25:
            acc += w8
        inside = a <= k <= b
        if a40 <= k <= b40:
            acc += w9
        if a55 <= k <= b55:
            acc += w10
        if a70 <= k <= b70:
            acc += w11
        if inside:
            # dist 0: no w14 term
            acc += w15 * ((k - a) / span)
        elif k < a:
            acc += w12
            acc += w14 * (log(a - k) / 4.0)
        else:
            acc += w13
            acc += w14 * (log(k - b) / 4.0)
            acc += w15
        acc += w16 * (cc[k] / total)
        acc += w17 * share
        if inside and (k - a < 2 or b - k < 2):
            acc += w18
        j = bisect_left(strong, k)
        ps = k - strong[j - 1] if j else k + 100
        j = bisect_right(strong, k, j)
        ns = strong[j] - k if j < ns_strong else m + 100 - k
        if ps <= 4 and ns <= 4:
            acc += w19
        acc += w20 * log35[ps if ps < 30 else 30]
        acc += w21 * log35[ns if ns < 30 else 30]
        if inside:
            r = rows[k]
            acc += w22 * r[jw1]
            acc += w23 * r[jw2]
            acc += w24 * r[jw4]
            acc += w25 * zk
            acc += w26 * r[jcr]
            acc += w27 * r[jcta]
            acc += w28 * r[jlead]
        t0, t1 = topic[k]
        acc += w29 * t0
        acc += w30 * t1
        if k > a:
            ncm = cm[k] - cma
            if ncm > 1:
                acc += w31 * ((ncm if ncm < CMT_CAP else CMT_CAP) / CMT_CAP)
        if lists is not None:
            run = lists[k]
            if run is not None:
                lv = _list_value(run[1] - run[0] + 1)
                acc += w32 * lv
                if run[0] <= b + LIST_NEAR and run[1] >= a - LIST_NEAR:
                    acc += w33 * lv
        out.append(acc)
    return out


def analyze_lines(
    lines: Sequence[str],
    repeated: frozenset[str] | None = None,
    line_keys: Sequence[str] | None = None,
    found: Furniture | None = None,
) -> tuple[list[int], list[tuple[float, ...]], list[str], list[float]]:
    """Boilerplate probability of each non-blank line, the fast way.

    Same model as `stage1_rows` + `run_stages`, but the text features of a line and their
    dot product with the stage-1 weights are computed once per distinct line text and
    cached (menus and footers repeat across the articles of a corpus), and only the four
    position flags are added per occurrence. `line_keys` are the `normalise_line` keys of
    all `lines` (computed when not given), `found` the page's `furniture_lines` (likewise).
    Returns (line indexes, text feature rows, normalised keys, p_boilerplate).
    """
    stripped_all = list(map(str.strip, lines))
    idx = [i for i, s in enumerate(stripped_all) if s]
    m = len(idx)
    if not m:
        return [], [], [], []
    if line_keys is None:
        line_keys = text_line_keys("\n".join(lines))
    stripped = [stripped_all[i] for i in idx]
    keys = [line_keys[i] for i in idx]
    cache = _CACHE
    if len(cache) > _CACHE_MAX:
        cache.clear()
    w0, w1, w2 = _TEXT_W
    entries = list(map(cache.get, stripped))
    if None in entries:
        for j, e in enumerate(entries):
            if e is None:
                s = stripped[j]
                e = cache.get(s)  # a line repeated within this article
                if e is None:
                    row = text_features(s)
                    e = cache[s] = (row, sum(map(mul, w0, row)))
                entries[j] = e
    rows = [e[0] for e in entries]
    counts = Counter(keys)
    table = _FLAG_TABLE
    nxt = idx[1:]
    nxt.append(-5)
    prev_i = -2
    combos: list[int] = []
    z: list[float] = []
    for e, i, n, k in zip(entries, idx, nxt, keys, strict=True):
        combo = (
            (1 if prev_i == i - 1 else 0)
            | (2 if n == i + 1 else 0)
            | (4 if counts[k] > 1 else 0)
            | (8 if repeated is not None and k in repeated else 0)
        )
        combos.append(combo)
        z.append(e[1] + table[combo][0])
        prev_i = i
    chars = list(map(len, stripped))
    sq, ssq = run_weights(list(map(math.sqrt, chars)), idx,
                          neutral_lines(lines, line_keys, found))
    p1 = _sigmoids(z)
    regions = main_regions(p1, sq, ssq)
    lists = list_runs(stripped)
    fixed = settled(z, regions, lists)
    active = [k for k in range(m) if not fixed[k]]
    topic = topic_overlap(stripped, p1, chars, article_span(regions, p1, chars), active)
    cc = [0, *accumulate(chars)]
    total = cc[-1] or 1
    pz: list[float] | None = p1  # the probabilities and runs of `z` (known for stage 1's)
    rz: list[tuple[int, int]] | None = regions
    cm = _comment_prefix(rows)
    for st, (wt, wc) in enumerate(((w1, _CTX_W[0]), (w2, _CTX_W[1])), start=1):
        dots = _context_dots(rows, z, chars, sq, cc, total, active, topic, wc,  # type: ignore[arg-type]
                             pz, rz, cm, lists, ssq)
        pz = rz = None
        for k, c in zip(active, dots, strict=True):
            z[k] = sum(map(mul, wt, rows[k])) + table[combos[k]][st] + c
        active = [k for k in active if -SETTLED_STAGE_Z <= z[k] <= SETTLED_STAGE_Z]
    return idx, rows, keys, [1.0 - p for p in _sigmoids(z)]


def score_rows(
    lines: Sequence[str], idx: Sequence[int], rows1: list[list[float]]
) -> list[float]:
    """Probability that each non-blank line (rows from `stage1_rows`) is boilerplate."""
    texts = [lines[i].strip() for i in idx]
    chars = list(map(len, texts))
    neutral = neutral_lines(lines)
    z = run_stages(rows1, chars, _weights.STAGE1, _weights.STAGES, texts=texts,
                   neutral={k for k, i in enumerate(idx) if i in neutral})
    return [1.0 - _sigmoid(v) for v in z]


def boilerplate_probabilities(
    lines: Sequence[str], repeated: frozenset[str] | None = None
) -> tuple[list[int], list[float], list[str]]:
    """Probability that each non-blank line is boilerplate; returns (line indexes, p, keys)."""
    idx, rows1, keys = stage1_rows(lines, repeated)
    return idx, score_rows(lines, idx, rows1), keys
