"""A learned second look at each quotation's speaker: candidates ranked by general features.

The attribution rules (`speakers.attribute`) name one speaker per quotation, reading the
sentence's grammar. This module lists the other people the quotation could be given to
- the names of its own paragraph and the two before it (outside quotation marks), the
previous quotation's speaker, and nobody - describes each by features that say nothing
about one page's wording (distance, before or after, a speech verb beside the name, in
the same sentence or paragraph, spoken before, a full name, the rules' own choice), and
keeps the candidate a conditional logit model scores highest (`speaker_ranker.py` fits
and judges it on the labelled quotation sets). An experiment: `reader` does not use it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from reader.marks.given_names import FEMALE, GIVEN, MALE
from reader.marks.quotes import line_spans
from reader.marks.speakers import (
    _NAME_RE,
    _ORG_WORDS,
    _VERB_WORDS,
    LowerWords,
    clean_name,
)

_APPOSITION_SAID = re.compile(r",[^,.!?\u201c\u201d\"]{2,80},\s+(?:\w+ly\s+)?(\w+)")
_PREPS = frozenset(("of", "at", "from", "with", "by", "for", "to", "in", "on", "about",
                    "like", "than", "and"))
_SENT_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z])")
_WORD = re.compile(r"[A-Za-z]+")
_PRONOUN_SAID = re.compile(
    r"\b(?:he|she|they|He|She|They)\s+(?:\w+ly\s+)?(?:said|says|told|added|wrote|explained|"
    r"noted|asked|continued|recalled|argued|insisted|explains|adds|tells|writes)\b"
)
FEATURES = (
    "name",            # a person or organisation named (0 for the "nobody" candidate)
    "rule",            # the rules' choice, named by a step not below
    "rule_direct",     # ... by the attribution's own subject ("…,” Doe said")
    "rule_pronoun",    # ... by a pronoun's antecedent ("…,” she said")
    "rule_sentence_verb",  # ... by the subject of the sentence's speech verb
    "rule_subject",    # ... by the subject of the sentence the quotation is woven into
    "rule_carry",      # ... carried over from a name or speaker before
    "same_line",       # in the quotation's paragraph
    "before",          # before the quotation in its paragraph
    "after",           # after the quotation in its paragraph
    "log_dist",        # log(1 + characters between the name and the quotation) / 5
    "same_sentence",   # no sentence break between the name and the quotation
    "verb_after",      # a speech verb within three words after the name
    "verb_before",     # a speech verb within two words before the name
    "attr_after",      # right after the quotation, a speech verb between or after it
    "attr_before",     # before the quotation in its sentence, a speech verb between
    "sentence_subject",  # opens its sentence, a speech verb later in it (outside quotes)
    "apposition_said",   # "Name, ..., said": a speech verb after a comma-enclosed phrase
    "governed",        # after a preposition ("of", "at", "from", "with", "by", ...)
    "prev_lines",      # in one of the two paragraphs before
    "prev_speaker",    # the previous quotation's speaker
    "prev_near",       # ... and that quotation is in this or the previous paragraph
    "log_mentions",    # log(1 + times named before the quotation)
    "full_name",       # two words or more
    "org_like",        # an organisation's word in it
    "nearest_before",  # the last name before the quotation
    "nearest_after",   # the first name after the quotation in its paragraph
    "pronoun_said",    # "he said" beside the quotation, and this is the last name before
    "given_name",      # opens with a common given name (given_names.py)
    "one_word",        # a single word
    "surname_known",   # the last word of a full name met before (or a full name itself)
    "log_spoke",       # log(1 + earlier quotations the rules gave it)
    "said_before",     # met before as the subject of a speech verb ("Doe said")
    "last_person",     # the last person-like name met before the quotation, anywhere
    "gender_fits",     # a "he"/"she" beside the quotation fits its given name
    "gender_clash",    # ... does not
    "far",             # met only beyond the two paragraphs before
    "none",            # the "nobody" candidate
    "none_rule",       # ... and the rules named nobody
    "none_no_verb",    # ... and no speech verb in the quotation's paragraph outside quotes
    "none_alone",      # ... and the quotation is its paragraph's only text
)
DIM = len(FEATURES)
_IDX = {n: k for k, n in enumerate(FEATURES)}


def _key(name: str) -> str:
    """What the scorer compares: the last word, lower case."""
    toks = [t.strip(".,;:!?\"'()") for t in name.lower().replace("-", " ").split()]
    toks = [t for t in toks if t]
    return toks[-1] if toks else ""


def _verb_near(words: list[str]) -> bool:
    return any(w.lower() in _VERB_WORDS for w in words)


def _outside(line: str) -> list[tuple[int, int]]:
    """The parts of a line outside its quotation spans."""
    out, at = [], 0
    for a, b, _ in line_spans(line):
        out.append((at, a))
        at = b
    out.append((at, len(line)))
    return out


def _names(line: str, lower: LowerWords) -> list[tuple[int, int, str]]:
    """(start, end, cleaned name) of the capitalised runs outside quotation marks."""
    out = []
    for a, b in _outside(line):
        for m in _NAME_RE.finditer(line, a, b):
            name = clean_name(m.group(0), lower)
            if name and name[:1].isupper() and len(name) > 2:
                out.append((m.start(), m.end(), name))
    return out


def _sent_start(line: str, at: int) -> int:
    lo = 0
    for m in _SENT_BREAK.finditer(line, 0, at):
        lo = m.end()
    return lo


def _grammar(c: Candidate, line: str, s: int, e: int, sent_lo: int, hi: int) -> None:
    """Where the name stands in its sentence: its subject, an apposition's head, governed."""
    lead = line[sent_lo:s].strip(" \u201c\u201d\"'(")
    rest = line[e:hi]
    stop = _SENT_BREAK.search(rest)
    rest = rest[: stop.start() + 1] if stop else rest
    if (not lead or lead.lower() in ("the", "but", "and", "so")) and _verb_near(
            _WORD.findall(rest)):
        c.set("sentence_subject")
    m = _APPOSITION_SAID.match(line, e)
    if m and m.group(1).lower() in _VERB_WORDS:
        c.set("apposition_said")
    prevw = _WORD.findall(line[max(0, s - 12) : s])
    if prevw and prevw[-1].lower() in _PREPS:
        c.set("governed")


class DocState:
    """What the reading has met before the current quotation."""

    def __init__(self) -> None:
        self.mentions: dict[str, int] = {}
        self.full: dict[str, str] = {}      # last word -> the first full name with it
        self.spoke: dict[str, int] = {}     # key -> quotations the rules gave it
        self.said: set[str] = set()         # keys met as a speech verb's subject
        self.last_person: str | None = None
        self.speakers: list[str] = []       # the rules' speakers, latest last

    def read(self, line: str, lower: LowerWords) -> None:
        for _s, e, name in _names(line, lower):
            k = _key(name)
            self.mentions[k] = self.mentions.get(k, 0) + 1
            words = name.split()
            if len(words) >= 2:
                self.full.setdefault(k, name)
            if _person_like(name, self):
                self.last_person = name
            if _verb_near(_WORD.findall(line[e : e + 30])[:2]):
                self.said.add(k)


def _person_like(name: str, doc: DocState) -> bool:
    words = name.split()
    if any(w.lower() in _ORG_WORDS for w in words):
        return False
    return (words[0].lower() in GIVEN) or (len(words) >= 2 and len(words) <= 3) or (
        _key(name) in doc.full)


class Candidate:
    """One possible speaker of a quotation and its features."""

    __slots__ = ("name", "feats")

    def __init__(self, name: str | None) -> None:
        self.name = name
        self.feats = [0.0] * DIM

    def set(self, feat: str, value: float = 1.0) -> None:
        self.feats[_IDX[feat]] = value


def candidates(
    lines: Sequence[str],
    starts: Sequence[int],
    line_of: int,
    a: int,
    b: int,
    rule: str | None,
    step: str,
    prev: tuple[str | None, int] | None,
    lower: LowerWords,
    doc: DocState,
    own: Sequence[int],
) -> list[Candidate]:
    """The candidates of the quotation at line offsets `a`-`b` of line `line_of`; `prev`
    is the previous speech quotation's (speaker, line), `mentions` the times each name key
    was met before, `own` the article's line indices in order."""
    line = lines[line_of]
    by_key: dict[str, Candidate] = {}
    names = _names(line, lower)
    before = [n for n in names if n[1] <= a]
    after = [n for n in names if n[0] >= b]
    sent_lo = 0
    for m in _SENT_BREAK.finditer(line, 0, a):
        sent_lo = m.end()
    sent_hi = len(line)
    m = _SENT_BREAK.search(line, b)
    if m is not None:
        sent_hi = m.start() + 1
    outside = "".join(line[x:y] for x, y in _outside(line))
    verb_in_line = _verb_near(_WORD.findall(outside))
    pron = _PRONOUN_SAID.search(line, b, min(len(line), b + 40)) or _PRONOUN_SAID.search(
        line, max(0, a - 60), a)

    gender = None
    if pron is not None:
        p0 = pron.group(0)[:2].lower()
        gender = "m" if p0 == "he" else "f" if p0 == "sh" else None

    def get(name: str) -> Candidate:
        k = _key(name)
        c = by_key.get(k)
        if c is None:
            c = by_key[k] = Candidate(name)
            c.set("name")
            c.set("log_mentions", math.log1p(doc.mentions.get(k, 0)))
            words = name.split()
            first = words[0].lower()
            c.set("given_name", 1.0 if first in GIVEN else 0.0)
            c.set("one_word", 1.0 if len(words) == 1 else 0.0)
            c.set("surname_known", 1.0 if len(words) >= 2 or k in doc.full else 0.0)
            c.set("log_spoke", math.log1p(doc.spoke.get(k, 0)))
            c.set("said_before", 1.0 if k in doc.said else 0.0)
            c.set("far", 1.0)
            if gender is not None:
                full = doc.full.get(k, name).split()[0].lower()
                g = "f" if full in FEMALE else "m" if full in MALE else None
                if g is not None:
                    c.set("gender_fits" if g == gender else "gender_clash")
            c.set("full_name", 1.0 if len(name.split()) >= 2 else 0.0)
            c.set("org_like", 1.0 if any(w.lower() in _ORG_WORDS for w in name.split()) else 0.0)
            c.set("log_dist", 2.0)
        elif len(name) > len(c.name or ""):
            c.name = name
        return c

    for k, (s, e, name) in enumerate(before):
        c = get(name)
        c.set("far", 0.0)
        c.set("same_line")
        c.set("before")
        c.set("log_dist", min(c.feats[_IDX["log_dist"]], math.log1p(a - e) / 5))
        if s >= sent_lo:
            c.set("same_sentence")
        if _verb_near(_WORD.findall(line[e : e + 40])[:3]):
            c.set("verb_after")
        if _verb_near(_WORD.findall(line[max(0, s - 20) : s])[-2:]):
            c.set("verb_before")
        _grammar(c, line, s, e, sent_lo, a)
        if k == len(before) - 1:
            c.set("nearest_before")
            if s >= sent_lo and _verb_near(_WORD.findall(line[e:a])):
                c.set("attr_before")
    for k, (s, e, name) in enumerate(after):
        c = get(name)
        c.set("far", 0.0)
        c.set("same_line")
        c.set("after")
        c.set("log_dist", min(c.feats[_IDX["log_dist"]], math.log1p(s - b) / 5))
        if e <= sent_hi:
            c.set("same_sentence")
        if _verb_near(_WORD.findall(line[e : e + 40])[:3]):
            c.set("verb_after")
        if _verb_near(_WORD.findall(line[max(0, s - 20) : s])[-2:]):
            c.set("verb_before")
        _grammar(c, line, s, e, _sent_start(line, s), len(line))
        if k == 0:
            c.set("nearest_after")
            gap = _WORD.findall(line[b:s])
            if len(gap) <= 2 and (_verb_near(gap) or _verb_near(_WORD.findall(line[e:e + 30])[:2])):
                c.set("attr_after")
    # the two article paragraphs before
    pos = own.index(line_of) if line_of in own else -1
    last_prev: Candidate | None = None
    for back in (own[max(0, pos - 2) : pos] if pos > 0 else []):
        for _s, _e, name in _names(lines[back], lower):
            c = get(name)
            c.set("far", 0.0)
            c.set("prev_lines")
            if not before:
                last_prev = c
    if pron is not None:
        target = get(before[-1][2]) if before else last_prev
        if target is not None:
            target.set("pronoun_said")
    if doc.last_person is not None:
        get(doc.last_person).set("last_person")
    for name in doc.speakers[-3:]:
        get(name)
    if prev is not None and prev[0]:
        c = get(prev[0])
        c.set("prev_speaker")
        if pos >= 0 and prev[1] in own[max(0, pos - 1) : pos + 1]:
            c.set("prev_near")
    if rule:
        c = get(rule)
        feat = "rule_" + step
        c.set(feat if feat in _IDX else "rule")
        c.name = rule  # the rules' spelling (full name, description) is kept
    nobody = Candidate(None)
    nobody.set("none")
    if not rule:
        nobody.set("none_rule")
    if not verb_in_line:
        nobody.set("none_no_verb")
    if not line[:a].strip() and not line[b:].strip(" .,;"):
        nobody.set("none_alone")
    return [*by_key.values(), nobody]


def score(c: Candidate, weights: Sequence[float]) -> float:
    return sum(w * f for w, f in zip(weights, c.feats, strict=True))


def quote_candidates(
    out: list, lines: Sequence[str], starts: Sequence[int], own: Sequence[int],
    lower: LowerWords, unnamed_only: bool = False,
) -> list[tuple[int, list[Candidate]]]:
    """(index in `out`, candidates) of every speech quotation of the article's own lines,
    in text order (`out` sorted by start); `unnamed_only`: of those the rules gave nobody."""
    res: list[tuple[int, list[Candidate]]] = []
    if unnamed_only and not any(
        q.speaker is None and q.kind == "speech" and not q.turn and not q.on_boilerplate
        for q in out
    ):
        return res
    own_sorted = sorted(own)
    bounds = [(starts[i], starts[i] + len(lines[i]), i) for i in own_sorted]
    doc = DocState()
    seen_upto = 0  # index into bounds: lines whose names are counted
    prev: tuple[str | None, int] | None = None
    bi = 0
    for k, q in enumerate(out):
        if q.turn or q.on_boilerplate:
            continue
        while bi < len(bounds) and bounds[bi][1] < q.start:
            bi += 1
        if bi >= len(bounds) or bounds[bi][0] > q.start:
            continue
        li = bounds[bi][2]
        while seen_upto < bi:
            doc.read(lines[bounds[seen_upto][2]], lower)
            seen_upto += 1
        if q.kind != "speech":
            continue
        a, b = q.start - starts[li], q.end - starts[li]
        if not unnamed_only or q.speaker is None:
            res.append((k, candidates(lines, starts, li, a, b, q.speaker, q.step, prev, lower,
                                      doc, own_sorted)))
        prev = (q.speaker, li)
        if q.speaker:
            kk = _key(q.speaker)
            doc.spoke[kk] = doc.spoke.get(kk, 0) + 1
            if q.speaker in doc.speakers:
                doc.speakers.remove(q.speaker)
            doc.speakers.append(q.speaker)
    return res
