"""Decide whether a quotation is reported speech or a term, and who said it.

News attribution is formulaic, so a handful of patterns around the quote cover most of it:
`“…,” said NAME`, `“…,” NAME said`, `NAME said, “…”`, `according to NAME`, a pronoun that
points at the person named just before, and an unattributed quote that continues the
previous speaker. Names are capitalised word runs with titles stripped; a surname on its
own is expanded to the full name met earlier ("Vallee said" -> "Gil Vallee").

A quote is `term` when it is a single word, a title-cased name or title, or a phrase with
no attribution in its sentence; otherwise it is `speech`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import mul

_VERBS = (
    "said|says|say|told|tells|tell|added|adds|asked|asks|explained|explains|wrote|writes"
    "|noted|notes|stated|states|described|describes|commented|comments|argued|argues"
    "|continued|continues|recalled|recalls|insisted|insists|claimed|claims|laughed|tweeted"
    "|replied|replies|answered|answers|admitted|admits|agreed|agrees|warned|warns|suggested"
    "|suggests|acknowledged|acknowledges|concluded|concludes|sings|sang|sing|posted|posts"
    "|announced|announces|declared|declares|exclaimed|joked|jokes|responded|responds"
    "|reported|reports|observed|observes|emphasized|emphasised|emphasizes|stressed|stresses"
    "|predicted|predicts|urged|urges|shared|shares|mused|muses|confessed|confesses"
    "|testified|testifies|inquired|inquires|cautioned|cautions|boasted|boasts|added"
    "|read|reads|wondered|wonders|whispered|shouted|yelled|screamed|cried|sighed|quipped"
    "|quips|begins|began|went on|pointed out|points out|puts it|put it|weighed in"
    "|chimed in|summed up|sums up|summarizes|summarises|summarized|summarised|maintained"
    "|maintains|contended|contends|countered|counters|conceded|concedes|believes|believed"
    "|thinks|thought|remarked|remarks|recounted|recounts|elaborated|elaborates|offered"
    "|advised|advises|assured|assures|pleaded|demanded|demands|promised|promises|vowed"
    "|vows|hoped|hopes|bragged|complained|complains|lamented|laments|texted|emailed"
    "|messaged|chanted|chants|captioned|reminded|reminds|mentioned|mentions|notified"
    "|informed|informs|instructed|instructs|announced|cautioned|calls|called|dubbed"
    "|described it as|characterized|described as"
)
_SPEECH_VERB = rf"(?:{_VERBS})"
# first words of the verbs: a context without any of them needs no attribution regex
_VERB_WORDS = frozenset(v.split()[0] for v in _VERBS.split("|"))
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_ADV = r"(?:(?:also|then|later|once|again|simply|just|recently|previously|earlier|further|"
_ADV += r"[a-z]+ly|had|has|have|would|will|could|did|does|do|was|is)\s+)"
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her"}
_TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "gov", "governor", "sen",
    "senator", "rep", "representative", "president", "vice", "officer", "ambassador",
    "gen", "general", "lt", "col", "colonel", "capt", "captain", "sgt", "sergeant", "rev",
    "reverend", "sir", "dame", "lord", "lady", "judge", "justice", "chancellor", "minister",
    "secretary", "ceo", "director", "chairman", "chairwoman", "chair", "mayor", "coach",
    "detective", "sheriff", "chief", "commissioner", "pastor", "father", "sister", "brother",
    "dean", "speaker", "attorney", "cardinal", "bishop", "pope", "king", "queen", "st",
    "saint", "councilman", "councilwoman", "councillor", "deputy", "inspector", "superintendent",
    "analyst", "economist", "founder", "co-founder", "editor", "manager", "spokesman",
    "spokeswoman", "spokesperson", "leader", "head", "team", "senior", "executive", "vp",
}
_NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "this", "that", "these", "those",
    "it", "he", "she", "they", "we", "i", "you", "as", "when", "while", "after", "before", "if",
    "for", "with", "so", "some", "many", "most", "one", "two", "three", "there", "here",
    "what", "why", "how", "who", "where", "which", "then", "now", "still", "yet", "also",
    "however", "meanwhile", "although", "though", "because", "since", "until", "by", "from",
    "of", "to", "into", "over", "under", "about", "his", "her", "their", "our", "its", "my",
    "your", "according", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "not", "no", "yes", "all", "each",
    "every", "both", "even", "just", "only", "last", "next", "first", "new", "more", "other",
    "said", "says", "told", "asked", "mr.", "like", "instead", "earlier", "later",
    "today", "yesterday", "tomorrow", "tonight", "do", "does", "did", "is", "was", "are",
    "were", "be", "has", "have", "had", "will", "would", "can", "could", "should", "might",
    "must", "let", "let's", "oh", "ok", "okay", "well", "thanks", "thank", "please",
    "dear", "hi", "hello", "read", "see", "watch", "click", "image", "photo", "video",
}
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "bin", "el",
              "dos", "das", "del", "ter", "ten", "y"}

_CAP = r"(?:[A-Z][\w'\u2019\-]*\.?|[A-Z]\.)"
_PART = r"(?:de|van|von|der|den|da|di|du|la|le|al|bin|el|dos|das|del|ter|ten)"
_NAME = rf"{_CAP}(?:\s+(?:{_PART}\s+)*{_CAP}){{0,4}}"
_NAME_RE = re.compile(_NAME)
_DET = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)"
_DESC_WORD = r"(?!(?:and|or|that|which|who|to|in|on|at|for|with|but|as|is|was|were|are)\b)"
_DESC = rf"{_DET}\s+(?:{_DESC_WORD}[\w\-'\u2019]+\s+){{0,4}}?{_DESC_WORD}[\w\-'\u2019]+"
_WHO = rf"(?:{_NAME}|{_DESC}|he|she|they|it|we|I)"
_VERB_THEN_SPEAKER = (
    r"(?:said|says|asked|asks|wrote|writes|added|adds|explained|explains|noted|notes|stated"
    r"|states|commented|comments|replied|answered|argued|argues|recalled|recalls|continued"
    r"|inquired|countered|concluded|concludes|observed|observes|warned|warns|insisted"
    r"|insists|suggested|suggests|admitted|admits|cautioned|cautions|confessed|confesses"
    r"|reported|reports|laughed|quipped|quips|joked|jokes|tweeted|posted|acknowledged|read)"
)
# `“…,” said NAME` / `“…,” says general manager Gil Vallee`
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,]*(?!told\b|tells\b|calls\b|called\b|dubbed\b){_SPEECH_VERB}\s+((?:[a-z][\w\-]*\s+){{0,4}}?{_NAME}|{_DESC}|he|she|they)",
)
# `“…,” NAME said` / `“…,” Mayer, Disney’s chairman of …, said`
_AFTER_NAME_FIRST = re.compile(
    rf"^[\s,]*((?:[a-z][\w\-]*\s+){{0,3}}?{_NAME}|{_DESC}|he|she|they|it|we|I)"
    rf"(?:,[^,\u201c\u201d\"]{{1,160}},)?\s+{_ADV}{{0,2}}(?:{_SPEECH_VERB})\b(?!\s*:)",
)
# `NAME said, “…”` / `As Vermont's Bongard told the New York Times, “…”`
_BEFORE = re.compile(
    rf"({_WHO})(?:,[^,\u201c\u201d\"]{{1,160}},)?\s+{_ADV}{{0,2}}(?:{_SPEECH_VERB})\b"
    rf"[^\u201c\u201d\"]{{0,60}}?[,:]\s*$",
)
_BEFORE_VERB_FIRST = re.compile(rf"\b{_VERB_THEN_SPEAKER}\s+({_NAME}|{_DESC})[,:]\s*$")
_ACCORDING = re.compile(
    rf"\b(?:according to|per|as)\s+({_NAME}|{_DESC})(?:\s+(?:{_SPEECH_VERB}|puts it))?\s*[,:]?",
)
_SENT_VERB = re.compile(
    rf"({_WHO})(?:,[^,\u201c\u201d\"]{{1,160}},)?\s+{_ADV}{{0,2}}(?:{_SPEECH_VERB})\b"
)
_SENT_VERB_FIRST = re.compile(rf"\b{_VERB_THEN_SPEAKER}\s+((?:[a-z][\w\-]*\s+){{0,4}}?{_NAME})")
_SENT_END = re.compile(r"(?<![A-Z])(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Dr)(?<!St)[.!?][\"'\u201d\u2019)]*\s+")
_TERM_LEAD = re.compile(
    r"\b(?:called|dubbed|named|titled|entitled|term|terms|termed|word|words|phrase|so-called"
    r"|known as|label|labels|labelled|labeled|nicknamed|brand|branded|slogan|hashtag|as)\s*$",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[\w'\u2019\-]+")


_ORG_WORDS = {
    "securities", "institute", "university", "inc", "inc.", "corp", "corp.", "corporation",
    "group", "company", "co", "co.", "news", "times", "post", "journal", "school", "college",
    "bank", "party", "department", "agency", "association", "foundation", "center", "centre",
    "council", "committee", "commission", "ministry", "office", "press", "reuters", "media",
    "network", "magazine", "review", "report", "fitness", "labs", "lab", "laboratory",
    "hospital", "clinic", "capital", "partners", "ventures", "holdings", "llc", "ltd",
    "limited", "plc", "board", "court", "congress", "senate", "house", "administration",
    "government", "police", "service", "services", "technologies", "technology", "systems",
    "games", "studios", "records", "entertainment", "airlines", "motors", "robotics",
    "street", "avenue", "road", "city", "county", "state", "states", "republic", "kingdom",
    "union", "nations", "league", "club", "team", "museum", "library", "church", "society",
}
_PREPOSITIONS = {"of", "at", "from", "with", "to", "by", "for", "in", "on", "told", "tells",
                 "about", "into", "and", "or", "like", "than", "via", "per"}


class LowerWords:
    """Whether an article uses a word in lower case ("despite" -> "Despite" at the start of
    a sentence is an ordinary word, not a name). A few substring searches per question,
    which is far cheaper than collecting the article's vocabulary up front."""

    __slots__ = ("_text", "_memo")

    def __init__(self, text: str = "") -> None:
        self._text = " " + text + " "
        self._memo: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.isalpha() or not word.islower():
            return False
        hit = self._memo.get(word)
        if hit is None:
            t = self._text
            hit = any((" " + word + c) in t for c in " ,.;:")
            self._memo[word] = hit
        return hit


@dataclass(slots=True)
class Context:
    """What the reader of an article remembers while reading it front to back."""

    lower_words: LowerWords = field(default_factory=LowerWords)
    surnames: dict[str, str] = field(default_factory=dict)
    last_person: str | None = None
    last_person_sent: int = -100
    last_speaker: str | None = None
    last_speaker_pos: int = -1
    last_speaker_sent: int = -100
    sentence: int = 0


def _strip_possessive(w: str) -> str:
    for suf in ("\u2019s", "'s", "\u2019", "'"):
        if w.endswith(suf) and len(w) > len(suf) + 1:
            return w[: -len(suf)]
    return w


def clean_name(raw: str, lower_words: LowerWords | frozenset[str] = frozenset()) -> str | None:
    """Strip titles, job words and possessives from a captured name; None if nothing left.

    A capitalised first word that the article also uses in lower case ("Despite",
    "Following") is an ordinary word at the start of a sentence, not part of a name.
    """
    words = [_strip_possessive(w) for w in raw.split()]
    while words and words[-1].rstrip(".,").lower() in _NOT_NAMES:
        words.pop()
    # keep the trailing capitalised run (drops "general manager", "the 14th-ranked")
    run: list[str] = []
    for w in reversed(words):
        core = w.strip(".,;:()")
        if core and (core[0].isupper() or (run and core.lower() in _PARTICLES)):
            run.append(core)
        else:
            break
    run.reverse()
    while run and (
        (len(run) > 1 and run[0].lower().rstrip(".") in _TITLES)
        or run[0].lower() in _NOT_NAMES
        or (len(run) > 1 and run[0].lower() in lower_words and run[0].lower() not in _PARTICLES)
    ):
        run.pop(0)
    if not run:
        return None
    name = " ".join(run)
    return name if len(name) > 1 else None


def _resolve(who: str, ctx: Context) -> str | None:
    """Turn a captured speaker phrase into the name to report."""
    w = who.strip(" ,.")
    low = w.lower()
    if low in _PRONOUNS:
        if low in ("i", "we", "you"):
            return None
        if ctx.sentence - ctx.last_person_sent <= 3 and ctx.last_person:
            return ctx.last_person
        if ctx.sentence - ctx.last_speaker_sent <= 3:
            return ctx.last_speaker
        return None
    first = low.split()[0] if low else ""
    if first in ("the", "a", "an", "one", "another", "this", "that", "his", "her", "their",
                 "its", "our"):
        if " " not in w:
            return None  # a bare "That said, ..." is no speaker
        name = clean_name(w, ctx.lower_words)
        if name and name[0].isupper() and " " in w and any(c.isupper() for c in w[1:]):
            # "a report from Kotak Institutional Equities" -> the organisation
            cap = re.findall(_NAME, w)
            if cap:
                name = clean_name(cap[-1], ctx.lower_words) or name
                return _expand(name, ctx)
        # a description: "the actor" may point at the person named just before
        if ctx.sentence - ctx.last_person_sent <= 2 and ctx.last_person and _is_role(low):
            return ctx.last_person
        return w
    name = clean_name(w, ctx.lower_words)
    if not name:
        return None
    return _expand(name, ctx)


_ROLE_WORDS = {
    "actor", "actress", "singer", "star", "author", "writer", "director", "ceo", "executive",
    "president", "official", "spokesman", "spokeswoman", "spokesperson", "senator", "governor",
    "professor", "researcher", "scientist", "doctor", "physician", "expert", "analyst",
    "economist", "player", "coach", "chairman", "minister", "artist", "founder", "musician",
    "lawmaker", "congressman", "congresswoman", "mayor", "judge", "prosecutor", "lawyer",
    "attorney", "teacher", "veteran", "officer", "chief", "woman", "man", "quarterback",
    "manager", "editor", "reporter", "journalist", "producer", "filmmaker", "comedian",
    "rapper", "host", "dietitian", "nutritionist", "leader", "candidate",
}


def _is_role(desc: str) -> bool:
    words = desc.split()
    return bool(words) and words[-1] in _ROLE_WORDS


def _expand(name: str, ctx: Context) -> str:
    if " " not in name:
        full = ctx.surnames.get(name.lower())
        if full:
            return full
    return name


def _is_person(parts: list[str]) -> bool:
    return not any(p.lower().strip(".,") in _ORG_WORDS for p in parts)


def note_names(text: str, ctx: Context) -> None:
    """Remember full names (for surname expansion) and the last person mentioned.

    Only a name that is not the object of a preposition ("told NBC News", "at Ubisoft")
    becomes the referent of a later "he"/"she".
    """
    surnames = ctx.surnames
    for m in _NAME_RE.finditer(text):
        raw = m.group(0)
        if " " not in raw:
            key = _strip_possessive(raw).rstrip(".,").lower()
            if key not in surnames or ctx.last_person_sent == ctx.sentence:
                continue
            before = text[max(0, m.start() - 12) : m.start()].split()
            if not before or before[-1].lower() not in _PREPOSITIONS:
                ctx.last_person = surnames[key]
                ctx.last_person_sent = ctx.sentence
            continue
        name = clean_name(raw, ctx.lower_words)
        if not name:
            continue
        parts = name.split()
        before = text[max(0, m.start() - 12) : m.start()].split()
        prev = before[-1].lower() if before else ""
        subject = prev not in _PREPOSITIONS
        first_in_sentence = ctx.last_person_sent != ctx.sentence
        subject = subject and first_in_sentence
        if len(parts) >= 2 and _is_person(parts):
            key = parts[-1].lower()
            ctx.surnames.setdefault(key, name)
            if subject:
                ctx.last_person = ctx.surnames.get(key, name)
                ctx.last_person_sent = ctx.sentence
        elif len(parts) == 1 and parts[0].lower() in ctx.surnames and subject:
            ctx.last_person = ctx.surnames[parts[0].lower()]
            ctx.last_person_sent = ctx.sentence


def _sentence_left(text: str) -> str:
    """The part of `text` after its last sentence end."""
    last = 0
    for m in _SENT_END.finditer(text):
        last = m.end()
    return text[last:]


def _sentence_right(text: str) -> str:
    m = _SENT_END.search(text)
    return text[: m.end()] if m else text


def _is_titlecase(words: list[str]) -> bool:
    big = [w for w in words if len(w) > 3]
    if not big:
        return all(w[:1].isupper() for w in words)
    return sum(1 for w in big if w[0].isupper()) >= 0.8 * len(big)




def _subject(sentence: str, ctx: Context) -> str | None:
    """The name a woven-in quotation most likely belongs to: the last name before it that is
    neither an ordinary capitalised word nor the object of a preposition, else a pronoun."""
    found = None
    for m in _NAME_RE.finditer(sentence):
        before = sentence[max(0, m.start() - 20) : m.start()].split()[-2:]
        if any(w.lower() in _PREPOSITIONS for w in before):
            continue
        if clean_name(m.group(0), ctx.lower_words) is None:
            continue
        found = m.group(0)
    if found is not None:
        return found
    m = re.search(r"\b(he|she|they)\b", sentence, re.IGNORECASE)
    return m.group(1) if m else None


KIND_FEATURES: tuple[str, ...] = (
    "bias",
    "w1",
    "w2",
    "w3",
    "w4_6",
    "w7_12",
    "w13",
    "starts_upper",
    "titlecase",
    "ends_punct",
    "ends_stop",
    "internal_break",
    "starts_sentence",
    "whole_line",
    "closed",
    "direct",
    "sentence_verb",
    "term_lead",
    "det_before",
    "prep_before",
    "follows_quote",
    "prev_speech",
    "first_person",
    "in_parens",
    "colon_before",
    "comma_before",
    "verb_before_tight",
)

_DET_BEFORE = re.compile(
    r"\b(?:the|a|an|its|his|her|their|our|this|that|these|those|my|your|every|each)\s+"
    r"(?:[\w\-]+\s+)?$",
    re.IGNORECASE,
)
_PREP_BEFORE = re.compile(
    r"\b(?:as|of|to|in|with|for|about|on|from|like|by|into|than|at)\s+$", re.IGNORECASE
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|you|my|our|me|us|I'm|I\u2019m|we're|we\u2019re)\b")
_INTERNAL_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_BEFORE_TIGHT = re.compile(
    rf"({_WHO})(?:,[^,\u201c\u201d\"]{{1,160}},)?\s+{_ADV}{{0,2}}(?:{_SPEECH_VERB})"
    rf"(?:\s+that)?\s*$"
)
# fallback when no trained weights are given: speech iff an attribution is found
DEFAULT_KIND_WEIGHTS = (-0.5,) + (0.0,) * 14 + (1.0,) + (0.0,) * 11
_TRAIL = "\"'\u201c\u201d\u2018\u2019)]} "


@dataclass(slots=True)
class Attribution:
    kind: str
    speaker: str | None
    features: list[float] = field(default_factory=list)


def attribute(
    inner: str,
    left: str,
    right: str,
    closed: bool,
    follows_quote: bool,
    prev_speech: bool,
    ctx: Context,
    pos: int,
    weights: tuple[float, ...] | None = None,
) -> Attribution:
    """Kind and speaker of one quotation.

    `inner` is the quoted text without marks, `left`/`right` the text of the same line
    before the quote (back to the previous quote) and after it (up to the next quote),
    `follows_quote` whether another quotation ends just before, `prev_speech` whether an
    earlier quotation of the same paragraph was speech. The kind is a linear score over
    `KIND_FEATURES` (`weights`, trained by `train_quotes.py`).
    """
    words = _WORD_RE.findall(inner)
    nw = len(words)
    sent_left = _sentence_left(left[-240:])
    right_s = _sentence_right(right)[:160]
    verb_left = not _VERB_WORDS.isdisjoint(_LOWER_WORD_RE.findall(sent_left))
    verb_right = not _VERB_WORDS.isdisjoint(_LOWER_WORD_RE.findall(right_s))
    core = inner.rstrip(_TRAIL)
    last = core[-1:]
    ends_punct = last in (".", "?", "!", ",", "\u2026", ":", ";", "-", "\u2014")
    who: str | None = None
    direct = False
    tight = False
    m = _AFTER_VERB_FIRST.match(right_s) if verb_right else None
    if m and right_s.lstrip(" ,")[:1].islower():
        who, direct = m.group(1), True
    if who is None and verb_right:
        m = _AFTER_NAME_FIRST.match(right_s)
        if m and right_s.lstrip()[:1] not in (".", ";"):
            who, direct = m.group(1), True
    if who is None and verb_left and sent_left.strip():
        m = _BEFORE.search(sent_left)
        if m:
            who, direct = m.group(1), True
        else:
            m = _BEFORE_VERB_FIRST.search(sent_left)
            if m:
                who, direct = m.group(1), True
            else:
                m = _BEFORE_TIGHT.search(sent_left)
                if m:
                    who, direct, tight = m.group(1), True, True
    if who is None and ("according" in sent_left or "per " in sent_left or "as " in sent_left
                        or "according" in right_s):
        m = _ACCORDING.search(sent_left) or _ACCORDING.match(right_s.lstrip(" ,"))
        if m and (m.group(0).lower().startswith("according") or m.group(0).rstrip()[-1:] in ",:"):
            who, direct = m.group(1), True
    sentence_verb = None
    if who is None and (verb_left or verb_right):
        m = (verb_left and _SENT_VERB.search(sent_left)) or (
            verb_right and _SENT_VERB.search(right_s)
        )
        if m:
            sentence_verb = m.group(1)
        elif verb_left:
            m = _SENT_VERB_FIRST.search(sent_left)
            if m:
                sentence_verb = m.group(1)

    stripped_left = sent_left.rstrip()
    feats = [
        1.0,
        1.0 if nw <= 1 else 0.0,
        1.0 if nw == 2 else 0.0,
        1.0 if nw == 3 else 0.0,
        1.0 if 4 <= nw <= 6 else 0.0,
        1.0 if 7 <= nw <= 12 else 0.0,
        1.0 if nw > 12 else 0.0,
        1.0 if inner.lstrip(" .\u2026")[:1].isupper() else 0.0,
        1.0 if nw >= 1 and _is_titlecase(words) else 0.0,
        1.0 if ends_punct else 0.0,
        1.0 if last in (".", "?", "!") else 0.0,
        1.0 if _INTERNAL_BREAK.search(inner) else 0.0,
        1.0 if not stripped_left or stripped_left[-1:] in (":", "(") else 0.0,
        1.0 if not left.strip() and not right.strip(" .,;") else 0.0,
        1.0 if closed else 0.0,
        1.0 if direct else 0.0,
        1.0 if sentence_verb is not None else 0.0,
        1.0 if _TERM_LEAD.search(sent_left[-40:]) else 0.0,
        1.0 if _DET_BEFORE.search(sent_left[-40:]) else 0.0,
        1.0 if _PREP_BEFORE.search(sent_left[-20:]) else 0.0,
        1.0 if follows_quote else 0.0,
        1.0 if prev_speech else 0.0,
        1.0 if _FIRST_PERSON.search(inner) else 0.0,
        1.0 if stripped_left.endswith("(") else 0.0,
        1.0 if stripped_left.endswith(":") else 0.0,
        1.0 if stripped_left.endswith(",") else 0.0,
        1.0 if tight else 0.0,
    ]
    if not weights:
        weights = DEFAULT_KIND_WEIGHTS
    score = sum(map(mul, weights, feats))
    if score < 0.0:
        return Attribution("term", None, feats)

    speaker: str | None = None
    if who is not None:
        speaker = _resolve(who, ctx)
        if speaker is None and who.strip().lower() not in _PRONOUNS:
            who = None
    elif sentence_verb is not None:
        speaker = _resolve(sentence_verb, ctx)
    if speaker is None and who is None and sentence_verb is None and stripped_left:
        # a fragment woven into a sentence: its subject is the speaker
        subj = _subject(sent_left, ctx)
        if subj is not None:
            speaker = _resolve(subj, ctx)
    if (
        speaker is None
        and who is None
        and ctx.last_speaker
        and ctx.sentence - ctx.last_speaker_sent <= 3
    ):
        speaker = ctx.last_speaker  # continuation of the previous speaker's quote
    if speaker:
        parts = speaker.split()
        if len(parts) >= 2 and speaker[0].isupper() and _is_person(parts):
            ctx.surnames.setdefault(parts[-1].lower(), speaker)
        ctx.last_speaker = speaker
        ctx.last_speaker_pos = pos
        ctx.last_speaker_sent = ctx.sentence
        if speaker[:1].isupper():
            ctx.last_person = speaker
            ctx.last_person_sent = ctx.sentence
    return Attribution("speech", speaker, feats)
