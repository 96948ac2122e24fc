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

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from operator import mul

from reader.marks import kind_page
from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs
from reader.marks.given_names import GIVEN, name_gender
from reader.marks.name_runs import surname_runs
from reader.marks.word_index import (
    AcronymTable,
    lower_vocabulary,
    mid_sentence_at,
    mid_sentence_lookup,
    mid_sentence_positions,
)

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
    "|read|reads|wondered|wonders|whispered|whispers|shouted|shouts|yelled|yells|screamed"
    "|screams|cried|cries|ordered|orders|sighed|quipped"
    "|quips|begins|began|went on|pointed out|points out|puts it|put it|weighed in"
    "|chimed in|summed up|sums up|summarizes|summarises|summarized|summarised|maintained"
    "|maintains|contended|contends|countered|counters|conceded|concedes|believes|believed"
    "|thinks|thought|remarked|remarks|recounted|recounts|elaborated|elaborates|offered"
    "|advised|advises|assured|assures|pleaded|demanded|demands|promised|promises|vowed"
    "|vows|hoped|hopes|bragged|complained|complains|lamented|laments|texted|emailed"
    "|messaged|chanted|chants|captioned|reminded|reminds|mentioned|mentions|notified"
    "|informed|informs|instructed|instructs|announced|cautioned|calls|called|dubbed"
    "|described it as|characterized|described as"
    # the plural present, for groups ("experts warn", "critics argue")
    # ("note" not: "in the following code note that ...")
    "|warn|argue|claim|insist|explain|suggest|admit|complain|predict|caution|contend"
    "|maintain|agree|point out"
    "|recommends|recommended|recommend|revealed|reveals|confirmed|confirms|denied|denies"
    "|alleged|alleges|asserted|asserts|retorted|reiterated|reiterates|clarified|clarifies"
    "|confided|grumbled|marveled|marvelled|gushed|raved|snapped|murmured|muttered|scoffed"
    "|underscored|underscores|affirmed"
    # more reporting verbs of news and feature copy (not those that are as often nouns or
    # take a thing as object: "offers", "tweets", "highlights", "remembered", "reflects",
    # "echoes", "estimates" were tried and made product names and titles speech)
    "|reckons|reckoned|echoed|reflected|laughs|proclaimed|proclaims|interjected"
    "|hinted|speculated|opined|disclosed|protested|objected|queried|reasoned|theorized"
    "|theorised|posited|enthused|enthuses"
    # the passive of wire copy ("Doe was quoted as saying")
    "|quoted as saying"
)
_SPEECH_VERB = rf"(?:{_VERBS})"
# first words of the verbs: a context without any of them needs no attribution regex
_VERB_WORDS = frozenset(v.split()[0] for v in _VERBS.split("|"))
_NAMING_RE = re.compile(
    r"\b(?:call|calls|called|calling|dub|dubs|dubbed|named|nicknamed|termed|titled|entitled"
    r"|label(?:l?ed|s)?|brand(?:ed|s)?)\b",
    re.IGNORECASE,
)
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
    # the abbreviated ranks and offices of wire copy ("Det. John Roe", "Supt. Jane Doe")
    "det", "supt", "insp", "cpl", "pvt", "pfc", "spc", "adm", "cmdr", "cdr", "maj", "brig",
    "amb", "atty", "hon", "fr", "msgr", "lieutenant", "corporal", "admiral", "commander",
    "trooper", "constable", "rabbi", "imam", "treasurer", "comptroller", "assemblyman",
    "assemblywoman", "alderman", "congressman", "congresswoman", "councilmember",
    "prosecutor", "provost",
    # (not "major", "premier", "principal", "marshal": "Major League Baseball", "Premier
    # League", "Principal Financial" open organisations' names)
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
    "despite", "following", "during", "without", "within", "throughout", "among", "amid",
    "unlike", "given", "including", "against", "toward", "towards", "upon",
    # sentence openers that are never names ("Once Trump released the transcript, ...")
    "once", "whether", "unless", "whenever", "wherever", "perhaps", "maybe", "indeed",
    "thus", "therefore", "nevertheless", "nonetheless", "besides", "otherwise", "already",
    "again", "soon", "often", "sometimes", "never", "always", "finally", "eventually",
    "initially", "recently", "currently", "suddenly", "fortunately", "unfortunately",
    "luckily", "sadly", "clearly", "obviously", "apparently", "certainly", "surely",
    "actually", "basically", "ultimately", "overall", "altogether", "anyway", "rather",
    # indefinite pronouns ("Nobody said ...")
    "nobody", "everybody", "somebody", "anybody", "everyone", "someone", "anyone", "none",
    "nothing", "everything", "something", "anything",
}
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "bin", "el",
              "dos", "das", "del", "ter", "ten", "y"}

# capital letters, accented ones included ("Émilie Dupont", "Łukasz Nowak", "Ángel
# Martínez"): a class fragment for the patterns' `[…]`
UPPER = "A-Z" + "".join(
    c for c in map(chr, range(0xC0, 0x530)) if c.isupper() and c.isalpha()
)
LOWER = "a-z" + "".join(
    c for c in map(chr, range(0xC0, 0x530)) if c.islower() and c.isalpha()
)
_CAP = rf"(?:[{UPPER}][\w'\u2019\-]*\.?|[{UPPER}]\.)"
_PART = r"(?:de|van|von|der|den|da|di|du|la|le|al|bin|el|dos|das|del|ter|ten)"
_NAME = rf"{_CAP}(?:\s+(?:{_PART}\s+)*{_CAP}){{0,4}}"
_NAME_RE = re.compile(_NAME)
_DET = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)"
_DESC_WORD = r"(?!(?:and|or|that|which|who|to|in|on|at|for|with|but|as|is|was|were|are)\b)"
_DESC = rf"{_DET}\s+(?:{_DESC_WORD}[\w\-'\u2019]+\s+){{0,4}}?{_DESC_WORD}[\w\-'\u2019]+"
# a group named by a bare plural, the way reports attribute to many ("“We are scared,”
# residents said", "people say, “…”"): the benchmark's labellers name it as the speaker
_GROUP_WORDS = frozenset((
    "people", "police", "officials", "residents", "experts", "critics", "witnesses",
    "analysts", "authorities", "investigators", "prosecutors", "researchers", "scientists",
    "doctors", "protesters", "protestors", "voters", "fans", "parents", "students",
    "teachers", "workers", "neighbors", "neighbours", "organizers", "organisers",
    "supporters", "opponents", "lawmakers", "economists", "sources", "observers", "locals",
    "activists", "officers", "users", "customers", "viewers", "readers", "employees",
))
_GROUP = rf"(?:{'|'.join(sorted(_GROUP_WORDS))})\b"
# someone described through another's name: "Doe's attorney", "Acme's chief executive"
# (not Doe, who is only named); lower-case words after the possessive, none a verb's
# helper
_POSS_DESC = (
    rf"{_CAP}(?:\s+{_CAP}){{0,3}}['\u2019]s(?:\s+{_DESC_WORD}(?!{_ADV})[a-z][\w\-]*){{1,3}}"
    rf"(?=\s+(?:(?:also|[a-z]+ly)\s+)?(?:{_SPEECH_VERB})\b)"  # (not a passive: "was revealed")
)
_POSS_DESC_RE = re.compile(
    rf"{_CAP}(?:\s+{_CAP}){{0,3}}['\u2019]s(?:\s+[a-z][\w\-]*){{1,3}}"
)
# an unnamed source with the phrase that places it: "a source familiar with the matter",
# "a spokesman for Mayor Jane Doe", "two people with knowledge of the plan", "one of the
# organizers" (the name inside is not the speaker)
_SOURCE_NOUNS = (
    "source|sources|official|officials|person|people|spokesman|spokeswoman|spokesperson"
    "|aide|aides|adviser|advisers|advisor|advisors|member|members|representative"
    "|representatives|employee|employees|resident|residents|executive|executives|officer"
    "|officers|lawyer|lawyers|attorney|attorneys|friend|friends|relative|relatives"
    "|colleague|colleagues|staffer|staffers|worker|workers|analyst|analysts|expert|experts"
    "|insider|insiders|diplomat|diplomats|organizer|organizers|organiser|organisers"
    "|one|some|several|many|most|none|two|three|four"
    # offices ("the mayor of Springfield", "the head of the agency")
    "|mayor|president|director|head|chief|chairman|chairwoman|founder|ceo|manager|leader"
    "|minister|secretary|governor|professor|researcher|researchers|author|authors"
)
_SOURCE_PHRASE = (
    r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Aa]nother|[Ss]ome|[Mm]any)\s+)?"
    r"(?:[a-z][\w\-]*\s+){0,2}?"
    rf"(?:{_SOURCE_NOUNS})\s+(?:familiar with|close to|with knowledge of|in|for|at|of|from"
    r"|inside|within|on)\s+[^,\u201c\u201d\".!?;:]{1,60}?"
)
_SOURCE_DESC = _SOURCE_PHRASE + rf"(?=\s+(?:(?:also|[a-z]+ly)\s+)?(?:{_SPEECH_VERB})\b)"
_SOURCE_DESC_RE = re.compile(_SOURCE_PHRASE)
_SOURCE_LEAD_RE = re.compile(rf"\s*({_SOURCE_DESC})")
_SOURCE_FIRST = frozenset(
    ("a", "an", "the", "one", "two", "three", "several", "another", "some", "many",
     *_SOURCE_NOUNS.split("|"))
)


def _source_lead(sentence: str) -> re.Match[str] | None:
    """A sentence that opens with an unnamed source placed by a phrase ("A source close
    to the president said"), its group 1 the source; checked on the first word first."""
    first = sentence.split(None, 1)[:1]
    if not first or first[0].lower() not in _SOURCE_FIRST:
        return None
    return _SOURCE_LEAD_RE.match(sentence)
_WHO = rf"(?:{_POSS_DESC}|{_NAME}|{_DESC}|{_GROUP}|he|she|they|it|we|I)"
_VERB_THEN_SPEAKER = (
    r"(?:said|says|asked|asks|wrote|writes|added|adds|explained|explains|noted|notes|stated"
    r"|states|commented|comments|replied|answered|argued|argues|recalled|recalls|continued"
    r"|inquired|countered|concluded|concludes|observed|observes|warned|warns|insisted"
    r"|insists|suggested|suggests|admitted|admits|cautioned|cautions|confessed|confesses"
    r"|reported|reports|laughed|quipped|quips|joked|jokes|tweeted|posted|acknowledged|read)"
)
# a parenthesis between a name and its verb: "Jane Doe (D-Springfield) said", "(R)",
# "(pictured)", as US political copy and captions write party and state
_PAREN = r"(?:\s+\([^()\u201c\u201d\"]{1,40}\))?"
# `“…,” said NAME` / `“…,” says general manager Gil Vallee`
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,]*(?!told\b|tells\b|calls\b|called\b|dubbed\b){_SPEECH_VERB}\s+((?:[a-z0-9][\w\-]*\s+){{0,4}}?{_NAME}|{_DESC}|{_GROUP}|he|she|they)",
)
# `“…,” NAME said` / `“…,” Mayer, Disney’s chairman of …, said`
_AFTER_NAME_FIRST = re.compile(
    rf"^[\s,]*({_SOURCE_DESC}|{_POSS_DESC}|(?!(?:and|but|or|while|so|as|yet)\s)(?:[a-z][\w\-]*\s+){{0,3}}?{_NAME}"
    rf"|{_DESC}|{_GROUP}|he|she|they|it|we|I)"
    rf"{_PAREN}(?:,[^,\u201c\u201d\"]{{1,160}},)?\s+{_ADV}{{0,2}}(?:{_SPEECH_VERB})\b(?!\s*:)",
)
# `NAME said, “…”` / `As Vermont's Bongard told the New York Times, “…”`, and the
# tight form `NAME said that “…` (a left context ends in `,`/`:` or not, so one pattern
# with two tails does the work of two searches)
_BEFORE_TAIL = (
    rf"{_PAREN}(?:,[^,\u201c\u201d\"]{{1,160}},)?\s+{_ADV}{{0,2}}(?:{_SPEECH_VERB})\b"
    rf"(?:[^\u201c\u201d\"]{{0,60}}?[,:]|(?:\s+that)?)\s*$"
)
_BEFORE = re.compile(rf"({_WHO}){_BEFORE_TAIL}")
_FULL = rf"{_CAP}(?:\s+(?:{_PART}\s+)*{_CAP}){{1,4}}"
# NAME, APPOSITIVE (commas and all), VERB: the one shape behind three patterns below
_APPOSITIVE = rf"({_FULL}),[^\u201c\u201d\"]{{1,200}}?,\s+{_ADV}{{0,2}}(?:{_SPEECH_VERB})\b"
# after the quotation: `“…,” Dylan Nelson, a fellow at the Max Planck Institute in Munich,
# Germany, and co-author of the study, said`
_AFTER_APPOSITIVE = re.compile(rf"^[\s,]*{_APPOSITIVE}")
# a description, then the name: `“…,” Sweden's deputy prosecutor, Eva-Marie Persson, said`
_AFTER_DESC_NAME = re.compile(
    rf"^[\s,]*[^,\u201c\u201d\".!?]{{1,80}},\s+({_FULL}),\s+{_ADV}{{0,2}}(?:{_SPEECH_VERB})\b"
)


def _lead_appositive(s: str) -> re.Match[str] | None:
    r"""The subject of a sentence with a long appositive (`Dylan Nelson, a fellow …, said in
    a statement.`): what `re.match(rf"^\s*{_APPOSITIVE}", s)` gives.

    The appositive opens with a capital, so a match of that pattern or of
    `_AFTER_APPOSITIVE` (`^[\s,]*`) starts it right after the leading spaces (and commas):
    the same place, with the same match, unless a comma follows the spaces, which only the
    latter may skip. One big pattern fewer to compile at import.
    """
    if s.lstrip()[:1] == ",":
        return None
    return _AFTER_APPOSITIVE.match(s)


# the same subject with the quotation right after it: `Steve Menet, Senior Vice President
# of Sales for Dräger, Inc., says: “…”`
_BEFORE_APPOSITIVE = re.compile(rf"^\s*{_APPOSITIVE}[^\u201c\u201d\"]{{0,60}}?[,:]\s*$")
# what may follow the verb of an attribution before its quotation: `… said in a statement:`
_VERB_TAIL = re.compile(r"[^\u201c\u201d\"]{0,60}?[,:]\s*")


def _before_desc_name(sent_left: str) -> re.Match[str] | None:
    """A description, then the name, before the quotation: `Doe’s lawyer, Max Poe, said:
    “…”` (`_AFTER_DESC_NAME`, then only the verb's tail up to the quotation)."""
    m = _AFTER_DESC_NAME.match(sent_left)
    return m if m is not None and _VERB_TAIL.fullmatch(sent_left, m.end()) else None


def _full_person(m: re.Match[str] | None, lower_words: LowerWords) -> str | None:
    """The captured group if it is a person's full name (two words or more, no company)."""
    if m is None:
        return None
    name = clean_name(m.group(1), lower_words)
    if name is None:
        return None
    parts = name.split()
    return m.group(1) if len(parts) >= 2 and _is_person(parts) else None


_ACCORDING = re.compile(
    rf"\b(?:[Aa]ccording to|[Pp]er|[Aa]s)\s+({_NAME}|{_DESC})"
    rf"(?:\s+(?:{_SPEECH_VERB}|puts it))?\s*[,:]?",
)
# a document and who issued it, after "according to": "a statement from the city council",
# "a 2018 survey by Jane Doe", "a report by the University of Chicago"
_DOC_BY = re.compile(
    r"(?:[\w\-]+\s+){1,3}?(?:statement|statements|report|survey|study|poll|letter|release"
    r"|filing|complaint|lawsuit|memo|analysis|post|email|paper|ruling|affidavit|document"
    r"|transcript|tweet|video|interview|estimate|estimates|data|figures|note|notice|blog post)"
    r"\s+(?:from|by|of|issued by|published by)\s+"
)
_DOC_ORG = re.compile(
    r"the\s+(?:[a-z][\w\-]*\s+){0,3}?(?:council|department|agency|ministry|company|firm"
    r"|government|office|commission|committee|board|court|police|university|group|campaign"
    r"|administration|organization|organisation|association|union|party)\b"
)
_ORG_JOIN_WORDS = frozenset(("of", "for", "and", "on", "the", "&"))


def _doc_source(text: str, at: int) -> tuple[str, bool] | None:
    """Who issued the document a description at `at` names, and whether it is an
    institution to keep as written ("the University of Chicago Education Lab and MDRC");
    None if the description names no issuer."""
    d = _DOC_BY.match(text, at)
    if d is None:
        return None
    rest = text[d.end() : d.end() + 120]
    words = rest.split()
    if len(words) >= 2 and words[0] in ("the", "The") and words[1][:1].isupper():
        run = words[:1]
        for w in words[1:]:
            core = w.rstrip(",.;:")
            if not (core[:1].isupper() or core in _ORG_JOIN_WORDS):
                break
            run.append(core)
            if core != w:
                break  # a comma or a full stop ends the name
        while run[-1] in _ORG_JOIN_WORDS:
            run.pop()
        return " ".join(run), True
    m = _NAME_RE.match(rest) or _DOC_ORG.match(rest)
    return (m.group(0), False) if m else None


@cache
def _colon_name() -> re.Pattern[str]:
    """`‘…’: Jane Doe on the plan`, a headline's speaker after its colon (rare: compiled on
    first use)."""
    return re.compile(rf"\s*:\s+({_FULL})(?=\s+(?:on|about|says|said)\b|\s*$|\s*[,.;])")
_DESC_DETS = frozenset(("the", "a", "an", "one", "another", "its", "his", "her", "their",
                        "our", "this", "that"))


_SENT_VERB_TAIL = rf"{_PAREN}(?:,[^,\u201c\u201d\"]{{1,160}},)?\s+{_ADV}{{0,2}}(?:{_SPEECH_VERB})\b"
_SENT_VERB = re.compile(rf"({_WHO}){_SENT_VERB_TAIL}")


def _mid_word(m: re.Match[str]) -> bool:
    """Whether the speaker `m` found (its group 1) starts inside a word: "th|an you can
    say", "Indian|a protesters chanted", "some|one had asked" (the determiners and
    pronouns of `_WHO` need no word start, and the kind model's features were fitted on
    those matches, so they stay for the features; the speaker comes from `_bounded`)."""
    i = m.start(1)
    return i > 0 and (m.string[i - 1].isalnum() or m.string[i - 1] in "'\u2019-_")


@cache
def _bounded(which: str) -> re.Pattern[str]:
    """`_SENT_VERB` ("sent") or `_BEFORE` ("before") with a speaker that starts a word
    (compiled on first use: few texts need it)."""
    who = rf"(?<![\w'\u2019\-])(?:{_POSS_DESC}|{_NAME}|{_DESC}|{_GROUP}|he|she|they|it|we|I)"
    return re.compile(rf"({who}){_SENT_VERB_TAIL if which == 'sent' else _BEFORE_TAIL}")


def _sentence_verb(
    sentence: str, pattern: re.Pattern[str] = _SENT_VERB
) -> re.Match[str] | None:
    """The first `WHO … said` of a sentence, past the idiom "That said," (not a speaker)
    and past a possessive before a noun that doubles as a verb ("Swift's claims")."""
    for m in pattern.finditer(sentence):
        who = m.group(1)
        if who not in ("That", "This", "that", "this") and not who.endswith(("'s", "\u2019s")):
            # (a possessive is no subject: "denied Swift's claims"; nor is a name governed
            # by a preposition: "The authors of the research published in the journal
            # JAMA Psychiatry argued" is the authors')
            if _governed(sentence, m.start(1)):
                return _opening_subject(sentence) or m
            return m
    return None


# a speech verb in the passive at the end of a match: "was described", "were told" (not
# "was quoted as saying", which is the quoted person's)
_PASSIVE_END = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(?!quoted\b)(?:[a-z]+ed|told)$"
)
# the same right after the subject: " was described", ", 45, were told"
_PASSIVE_AT = re.compile(
    r"(?:\s*\([^()]{1,40}\))?(?:,[^,\u201c\u201d\"]{1,160},)?\s+(?:[a-z]+ly\s+)?"
    r"(?:(?:has|have|had)\s+)?(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?"
    r"(?!quoted\b)(?:[a-z]+ed|told|written|shown)\b"
)


def _passive(text: str, pos: int) -> bool:
    """Whether the subject ending at `pos` takes its speech verb in the passive."""
    return _PASSIVE_AT.match(text, pos) is not None


def _right_verb(right_s: str, pattern: re.Pattern[str] = _SENT_VERB) -> re.Match[str] | None:
    """The first `WHO … said` after a quotation; a name there governed by a preposition
    gives way to the subject the text opens with ("“…,” Jane Doe of Acme Corp. said",
    "Jane Doe at Springfield University said": Doe, not the company)."""
    m = pattern.search(right_s)
    if m is not None and _governed(right_s, m.start(1)):
        return _opening_subject(right_s) or m
    return m


@cache
def _after_clause_verb() -> re.Pattern[str]:
    """`“…” announced in October, said Derek Scissors, …` (rare: compiled on first use)."""
    return re.compile(
        rf"^[\s,]*[a-z][^,\u201c\u201d\".!?]{{0,60}},\s+{_VERB_THEN_SPEAKER}\s+({_FULL})"
    )


# after a verb: an office or affiliation in front of a full name, with a capitalised word in
# it ("said Springfield mayor Jane Doe", "said MIT computer science professor Aleksander
# Madry", "said Acme Corp. chief executive Jane Doe"), or a description, a comma and the
# name ("said the Springfield mayor, Jane Doe", "said her lawyer, John Roe")
_ROLE_NAME = re.compile(rf"((?:[\w\-.&'\u2019]+\s+){{1,7}}?)({_FULL})")
_ROLE_COMMA_NAME = re.compile(
    rf"((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|{_CAP}['\u2019]s)\s+"
    rf"[^,\u201c\u201d\".!?]{{1,60}}),"
    rf"\s+({_FULL})(?=\s*(?:[,.;:!?)]|$))"
)
# words that end a noun phrase: an office never contains them ("said Trump in an interview
# with Fox News" is Trump's)
_PHRASE_STOPS = {  # (and `_PREPOSITIONS`)
    "who", "which", "that", "when", "while", "as", "but", "if", "because", "after",
    "before", "during", "than", "then", "he", "she", "they", "it", "we", "i", "you", "is",
    "was", "were", "are", "has", "had", "have", "will", "would", "not", "also", "said",
    "says", "adding",
}


_GLUED_WORD_RE = re.compile(r"\b([a-z]{3,})([A-Z][a-z])")
_POSSESSIVE_SUFFIXES = ("'s", "\u2019s")
# a speech verb opening the text after a quotation, for `_role_name` when the usual
# patterns found no speaker after it ("said theCUBE’s Savannah Peterson")
_VERB_HEAD = re.compile(rf"^[\s,]*(?!told\b|tells\b|calls\b|called\b|dubbed\b){_SPEECH_VERB}\s+")


def _role_name(tail: str, lower_words: LowerWords | frozenset[str]) -> str | None:
    """The person an office or description names right after a speech verb (`tail` starts
    after the verb), when that office holds a capitalised place or organisation that
    would otherwise be taken for the speaker; None if `tail` is not of that shape."""
    # a link's text glued to the word before it by the scraper ("professorThomas W.
    # Malone") is two words
    tail = _GLUED_WORD_RE.sub(r"\1 \2", tail[:160])
    m = _ROLE_COMMA_NAME.match(tail)
    if m is None:
        m = _ROLE_NAME.match(tail)
        if m is None or not any(  # a place, an organisation or a possessive in it
            w[:1].isupper() or w.endswith(_POSSESSIVE_SUFFIXES) for w in m.group(1).split()
        ):
            return None
    words = [w.strip(".,").lower() for w in m.group(1).split()]
    if m.re is _ROLE_COMMA_NAME or (words and words[0] in _ARTICLES):
        words = words[1:]  # the determiner
    if m.re is _ROLE_NAME and len(words) == 2 and words[1] == "of" and words[0] in _TITLES:
        # an office of something, then the name: "said Director of Public Health Jane
        # Doe" (`clean_name` starts the name at its given name)
        name = clean_name(m.group(2), lower_words)
        ok = name is not None and len(name.split()) >= 2 and _is_person(name.split())
        return m.group(2) if ok else None
    last = _strip_possessive(words[-1]) if words else ""
    if not last.isalpha() or last in _NOT_NAMES:
        return None
    tail_word = m.group(1).split()[-1]
    if m.re is _ROLE_NAME and (
        not (tail_word.islower() or tail_word.endswith(_POSSESSIVE_SUFFIXES))
        or any(w in _PHRASE_STOPS or w in _PREPOSITIONS for w in words)
    ):
        return None  # (the comma closes the description: "head of research, Jane Doe")
    if any(w in _PHRASE_STOPS for w in words):
        return None
    name = clean_name(m.group(2), lower_words)
    if name is None or len(name.split()) < 2 or not _is_person(name.split()):
        return None
    return m.group(2)


# a description after its verb, as long as it goes ("said a senior official", "said a
# senior administration official who ...": the lazy `_DESC` would stop at "a senior")
_WHOLE_DESC = re.compile(
    rf"{_DET}\s+(?:{_DESC_WORD}[a-z][\w\-'\u2019]*\s+){{0,4}}{_DESC_WORD}[a-z][\w\-'\u2019]*"
)


def _whole_desc(who: str, tail: str) -> str:
    """`who`, a description `_AFTER_VERB_FIRST` caught at the start of `tail`, extended to
    the end of its noun phrase (a last "-ing" word is a clause: "speaking on condition")."""
    m = _WHOLE_DESC.match(tail)
    if m is None or len(m.group(0)) <= len(who):
        return who
    words = m.group(0).split()
    if len(words) > 2 and words[-1].endswith("ing"):
        words.pop()
    return " ".join(words)


@cache
def _before_verb_first() -> re.Pattern[str]:
    """`said NAME, “…”` (rare: compiled on first use)."""
    return re.compile(rf"\b{_VERB_THEN_SPEAKER}\s+({_NAME}|{_DESC})[,:]\s*$")


@cache
def _sent_verb_first() -> re.Pattern[str]:
    """`… said general manager Gil Vallee, who …` (rare: compiled on first use)."""
    return re.compile(rf"\b{_VERB_THEN_SPEAKER}\s+((?:[a-z][\w\-]*\s+){{0,4}}?{_NAME})")


# (the mark before the look-behinds, which then look back from after it: the engine skips
# straight to each [.!?])
_SENT_END = re.compile(
    r"[.!?](?<![A-Z].)(?<!Mr.)(?<!Mrs.)(?<!Ms.)(?<!Dr.)(?<!St.)"
    r"(?<!Sen.)(?<!Rep.)(?<!Gov.)(?<!Gen.)(?<!Col.)(?<!Sgt.)(?<!Lt.)(?<!Capt.)(?<!Prof.)"
    r"(?<!Rev.)(?<!Det.)(?<!Supt.)(?<!Insp.)(?<!Cpl.)(?<!Pvt.)(?<!Adm.)(?<!Cmdr.)(?<!Maj.)"
    r"(?<!Amb.)(?<!Atty.)(?<!Hon.)(?<!Msgr.)[\"'\u201d\u2019)]*\s+"
    rf"(?=[{UPPER}\"'\u201c\u2018(\[])"
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
                 "about", "into", "and", "or", "like", "than", "via", "per",
                 # (not "after", "before", "since", "until": conjunctions as often, whose
                 # clause has a subject: "after Jane Doe said")
                 "through", "across", "throughout", "toward", "towards", "around", "near",
                 "over", "under", "inside", "outside", "beyond", "between", "among",
                 "against", "without", "within", "during", "upon", "onto", "beside"}


# an abbreviated title ends in a full stop that ends no sentence: "Mr. Trump", "Dr. Hoge"
_TITLE_ABBREV_RE = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|St|Det|Supt|Insp"
    r"|Cpl|Pvt|Adm|Cmdr|Maj|Amb|Atty|Hon|Msgr)\.$"
)


class LowerWords:
    """Whether an article uses a word in lower case ("despite" -> "Despite" at the start of
    a sentence is an ordinary word, not a name). A few substring searches per question,
    which is far cheaper than collecting the article's vocabulary up front; once the
    searches have read the text `SCANS` times over (a long article asks about thousands of
    words), the answers come from indexes built in one pass (`word_index`), or the cost
    would grow with the square of the article's length."""

    __slots__ = ("_text", "_memo", "names", "nonblank", "roles", "_scanned", "_vocab",
                 "_mid", "_acronyms")

    SCANS = 64  # the text read this many times over by searches: index it instead

    @property
    def text(self) -> str:
        return self._text

    def __init__(self, text: str = "") -> None:
        self._text = " " + text + " "
        self._memo: dict[str, bool] = {}
        # `clean_name`'s answers for this article (they depend on its words only)
        self.names: dict[str, str | None] = {}
        # whether the text holds more than whitespace (`text.strip()` copied the text)
        self.nonblank = not text.isspace() and text != ""
        # `role_holder`'s answers on this text, by role
        self.roles: dict[str, str | None] = {}
        self._scanned = 0
        self._vocab: frozenset[str] | None = None
        self._mid: dict[str, list[int]] | None = None
        self._acronyms: AcronymTable | None = None

    def _indexed(self) -> bool:
        """Whether the searches so far have read the text `SCANS` times over."""
        return self._scanned > self.SCANS * len(self._text)

    def acronym_table(self) -> AcronymTable:
        """The capitalised runs of the text, for `_acronym` (built on first use)."""
        if self._acronyms is None:
            self._acronyms = AcronymTable(self._text, _ORG_RUN_RE, _ORG_JOINERS)
        return self._acronyms

    def mid_sentence(self, word: str) -> bool:
        """Whether the article writes capitalised `word` somewhere other than at the start
        of a sentence ("said Trump", "Mr. Trump", "“…,” Trump said"): what a name does and
        a capitalised sentence opener ("Consider", "Having", "Want") does not."""
        key = "m:" + word
        hit = self._memo.get(key)
        if hit is None:
            t = self._text
            if self._mid is None and self._indexed():
                self._mid = mid_sentence_positions(t, _TITLE_ABBREV_RE.search)
            if self._mid is not None:
                hit = mid_sentence_lookup(t, self._mid, word)
            if hit is None:
                hit = self._scan_mid_sentence(word)
            self._memo[key] = hit
        return hit

    def _scan_mid_sentence(self, word: str) -> bool:
        t = self._text
        n = len(word)
        i = t.find(word)
        while i >= 0:
            after = t[i + n : i + n + 1]
            if not (after.isalnum() or t[i - 1 : i].isalnum()) and mid_sentence_at(
                t, i, _TITLE_ABBREV_RE.search
            ):
                self._scanned += i
                return True
            i = t.find(word, i + 1)
        self._scanned += len(t)
        return False

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.isalpha() or not word.islower():
            return False
        hit = self._memo.get(word)
        if hit is None:
            if self._vocab is None and self._indexed():
                self._vocab = lower_vocabulary(self._text)
            hit = word in self._vocab if self._vocab is not None else self._scan_lower(word)
            self._memo[word] = hit
        return hit

    def _scan_lower(self, word: str) -> bool:
        t = self._text
        key = " " + word
        n = len(key)
        i = t.find(key)
        while i >= 0:
            if t[i + n] in " ,.;:":
                self._scanned += i
                return True
            i = t.find(key, i + 1)
        self._scanned += len(t)
        return False


@dataclass(slots=True)
class Context:
    """What the reader of an article remembers while reading it front to back.

    `mentions` keeps the last few people named as (sentence, name, strong): a pronoun
    resolves to the most recent one of a compatible gender in its window, which beats a
    single "last person" slot when a sentence names two people. `strong` marks names known
    to be people (full names, their surnames); a lone capitalised word before a verb is
    weak and used only when nobody stronger is in reach.
    """

    lower_words: LowerWords = field(default_factory=LowerWords)
    surnames: dict[str, str] = field(default_factory=dict)
    last_person: str | None = None
    last_person_sent: int = -100
    last_speaker: str | None = None
    last_speaker_pos: int = -1
    last_speaker_sent: int = -100
    sentence: int = 0
    mentions: list[tuple[int, str, bool]] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    spoken: dict[str, int] = field(default_factory=dict)
    cite: tuple[int, str] | None = None
    acronyms: dict[str, str] = field(default_factory=dict)
    # last names (lower case) of the article's own reporters, from its bylines: never the
    # speaker of a quotation they report, nor a referent for "he" or "the minister"
    reporters: frozenset[str] = frozenset()
    # the step of `attribute` that named the last quotation's speaker (`_path`), which the
    # speaker ranker (`speaker_ranker.py`) weighs by how often that step is right
    step: str = ""
    # the page's kind evidence (`kind_page.page_features`), among `KIND_FEATURES`
    page: tuple[float, ...] = kind_page.NEUTRAL_PAGE

    def scratch(self) -> Context:
        """A copy to attribute a boilerplate line's quotations in: what it learns there
        (names, speakers) is thrown away with it."""
        return replace(
            self,
            surnames=dict(self.surnames),
            mentions=list(self.mentions),
            gender=dict(self.gender),
            spoken=dict(self.spoken),
            acronyms=dict(self.acronyms),
        )


_GLUED_NAME_RE = re.compile(r"[a-z]{3}[A-Z][a-z]{3}")


def _glued(run: list[str]) -> bool:
    """Whether a capitalised run is a scraper's glue of repeated names, as in a teaser
    "Alexandria Ocasio-CortezAlexandria Ocasio-CortezSanders" (unlike "InfoNation")."""
    pieces = _CAMEL_SPLIT_RE.sub(" ", " ".join(run)).split()
    return len(set(pieces)) < len(pieces)


_CAMEL_SPLIT_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")


_POSSESSIVE_ENDS = frozenset("s'\u2019")


def _strip_possessive(w: str) -> str:
    if w[-1:] not in _POSSESSIVE_ENDS:
        return w  # (most words: none of the suffixes can match)
    for suf in ("\u2019s", "'s", "\u2019", "'"):
        if w.endswith(suf) and len(w) > len(suf) + 1:
            return w[: -len(suf)]
    return w


def clean_name(raw: str, lower_words: LowerWords | frozenset[str] = frozenset()) -> str | None:
    """Strip titles, job words and possessives from a captured name; None if nothing left.

    A capitalised first word that the article also uses in lower case ("Despite",
    "Following") is an ordinary word at the start of a sentence, not part of a name.
    """
    if isinstance(lower_words, LowerWords):
        # (an article names the same people again and again)
        memo = lower_words.names
        if raw in memo:
            return memo[raw]
        name = memo[raw] = _clean_name(raw, lower_words)
        return name
    return _clean_name(raw, lower_words)


def _clean_name(raw: str, lower_words: LowerWords | frozenset[str]) -> str | None:
    words = raw.split()
    for k in range(len(words) - 2, -1, -1):
        if (
            words[k].endswith(_POSSESSIVE_SUFFIXES)
            # (an office after it is kept: "Framer's CEO")
            and words[k + 1][:1].isupper()
            and words[k + 1].lower().rstrip(".") not in _TITLES
        ):
            # "Google’s Jane Doe": the organisation's, not part of the name
            words = words[k + 1 :]
            break
    words = [_strip_possessive(w) for w in words]
    while (
        words
        and words[-1].rstrip(".,").lower() in _NOT_NAMES
        and not (len(words[-1].rstrip(".,")) > 1 and words[-1].isupper())  # "says WHO"
    ):
        words.pop()
    # keep the trailing capitalised run (drops "general manager", "the 14th-ranked")
    run: list[str] = []
    for w in reversed(words):
        core = w.strip(".,;:()")
        if core and (core[0].isupper() or (run and core.lower() in _PARTICLES)):
            if w.rstrip(",;:)").endswith(".") and (
                core in _NAME_SUFFIXES or (run and _INITIALS_RE.fullmatch(core))
            ):
                core += "."  # an initial or a suffix keeps its point: "Thomas W. Malone"
            run.append(core)
        else:
            break
    run.reverse()
    while run and (
        (len(run) > 1 and run[0].lower().rstrip(".") in _TITLES)
        or (run[0].lower() in _NOT_NAMES and not (len(run[0]) > 1 and run[0].isupper()))
        or (len(run) > 1 and run[0].lower() in lower_words and run[0].lower() not in _PARTICLES)
    ):
        run.pop(0)
    if len(run) > 1:
        run = _after_institution(run)
    if len(run) > 2:
        run = _from_given_name(run, lower_words)
    if not run:
        return None
    name = " ".join(run)
    if len(name) < 2 or (len(run) > 2 and _GLUED_NAME_RE.search(name) and _glued(run)):
        return None  # "Ocasio-CortezAlexandria": words of a teaser glued by the scraper
    return name


_INITIALS_RE = re.compile(rf"(?:[{UPPER}]\.){{0,2}}[{UPPER}]")
# generational suffixes after a surname: part of the name as written, never the surname
_NAME_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))


def surname_key(parts: list[str]) -> str:
    """The key a full name is remembered under for a later surname alone: its last word,
    past a suffix ("John Roe Jr." -> "roe")."""
    if len(parts) > 2 and parts[-1].rstrip(".") in _NAME_SUFFIXES:
        return parts[-2].lower()
    return parts[-1].lower()


# endings of nouns that name institutions, offices and things, never people's names
# ("Public Prosecution", "Justice Department", "Homeland Security")
_INSTITUTION_ENDINGS = ("tion", "sion", "ment", "ity", "ship", "ism", "ology", "ics", "ure")


def _institution_word(w: str) -> bool:
    """An office ("President", "Officer") or an abstract noun ("Prosecution"): a word that
    can stand before a person's name in a capitalised run but never is one."""
    low = w.lower().rstrip(".")
    return low in _TITLES or (len(low) > 5 and low.endswith(_INSTITUTION_ENDINGS))


def _after_institution(run: list[str]) -> list[str]:
    """A capitalised run with an institution or office before a person's full name
    ("Public Prosecution Eva-Marie Persson", "InfoNation President Dan McDowell") keeps the
    name; a run that ends with the institution ("the Electoral Commission", "Federal Capital
    Territory Command": one word after it may be a surname or a noun) is kept."""
    for k in range(len(run) - 2, -1, -1):
        if _institution_word(run[k]):
            rest = run[k + 1 :]
            if len(rest) >= 2 and not any(_institution_word(w) for w in rest) and all(
                w[:1].isupper() for w in rest
            ):
                return rest
            return run
    return run


def _from_given_name(run: list[str], lower_words: LowerWords | frozenset[str]) -> list[str]:
    """A capitalised run that reaches back past a person's name into the office before it
    ("Secretary of State Jane Doe" caught as "State Jane Doe", "Minister of Finance Jane
    Doe", "Director of Public Health Jane Doe") starts at the common given name inside it,
    when its first word is none, two words or more follow ("Martin Luther King" and
    "Sarah Jessica Parker" open with one and are kept whole) and what it drops is no
    given name the lists lack: two words or more, or a word that is an office's object,
    an institution's, hyphenated, or written in lower case elsewhere ("Carrie Ann Inaba"
    stays whole)."""
    if run[0].lower() in GIVEN:
        return run
    for k in range(1, len(run) - 1):
        if run[k].lower() in GIVEN and run[k - 1].lower() not in _PARTICLES:
            prev = run[k - 1].lower().rstrip(".")
            if (
                k >= 2
                or "-" in prev
                or prev in _OFFICE_OBJECTS
                or prev in _ORG_WORDS
                or _institution_word(prev)
                or prev in lower_words
            ):
                return run[k:]
            return run
    return run


# what offices are "of" ("Minister of Finance", "Chief of Staff", "Secretary of Defense")
_OFFICE_OBJECTS = frozenset((
    "finance", "defense", "defence", "health", "staff", "education", "justice", "interior",
    "energy", "transportation", "transport", "commerce", "labor", "labour", "agriculture",
    "treasury", "police", "homeland", "veterans", "housing", "culture", "trade", "economy",
    "foreign", "affairs", "communications", "operations", "research", "marketing",
    "engineering", "product", "sales", "security", "science", "technology", "policy",
))


BYLINE_RE = re.compile(
    rf"^[ \t]*(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by|[Ww]ords by)[ \t:]+"
    rf"({_NAME}(?:(?:,|,? and| &)[ \t]+{_NAME})*)",
    re.MULTILINE,
)


def reporters(text: str) -> frozenset[str]:
    """Last names (lower case) of the people an article's bylines name ("By Jane Smith and
    Joe Bloggs", "Written by ..."), anywhere on the page."""
    out: set[str] = set()
    for m in BYLINE_RE.finditer(text):
        for part in re.split(r",|\band\b|&", m.group(1)):
            words = part.split()
            if 2 <= len(words) <= 4:
                out.add(words[-1].strip(".,").lower())
    return frozenset(out)


def is_reporter(name: str, ctx: Context) -> bool:
    """Whether `name` is one of the article's reporters (by last name)."""
    parts = name.split()
    return len(parts) <= 4 and parts[-1].lower() in ctx.reporters if parts else False


def _resolve(who: str, ctx: Context) -> str | None:
    """Turn a captured speaker phrase into the name to report."""
    w = who.strip(" ,.")
    if who.rstrip(" ,").endswith(".") and w.rsplit(None, 1)[-1] in _NAME_SUFFIXES:
        w += "."  # "John Roe Jr."
    if _POSS_DESC_RE.fullmatch(w):
        return w  # "Doe's attorney": kept as written
    if _SOURCE_DESC_RE.fullmatch(w):
        # "a source close to the president": kept as written; "the mayor of Springfield"
        # is the mayor the article names ("Mayor Jane Doe"), if it names one
        return _office_holder(w, ctx) or w
    low = w.lower()
    if low in _PRONOUNS:
        if low in ("i", "we", "you"):
            return None
        if low == "it":
            return _recent_thing(ctx, 3)
        gender = _PRONOUN_GENDER.get(low)
        hit = _recent(ctx, gender, 3)
        if hit:
            return hit
        last = ctx.last_speaker
        if last and ctx.sentence - ctx.last_speaker_sent <= 3 and _fits(ctx, last, gender):
            return last
        return None
    first = low.split()[0] if low else ""
    if first in ("the", "a", "an", "one", "another", "this", "that", "his", "her", "their",
                 "its", "our"):
        if " " not in w:
            return None  # a bare "That said, ..." is no speaker
        if low.rsplit(None, 1)[-1] in _ORG_WORDS:
            # an organisation or a government is named as the text gives it ("the North
            # Korean government", "The Justice Department", "the Electoral Commission")
            return w
        name = clean_name(w, ctx.lower_words)
        if (
            name and name[0].isupper() and " " in w and any(c.isupper() for c in w[1:])
            and not _is_role(name.lower())  # "the CEO", "the Democrat": a role, no name
        ):
            # "a report from Kotak Institutional Equities" -> the organisation
            cap = _NAME_RE.findall(w)
            if cap:
                name = clean_name(cap[-1], ctx.lower_words) or name
                return _expand(name, ctx)
        # a description: "the actor" points at the person named just before, else at the
        # person the article quotes most (a profile calls its subject "the actress")
        if first in ("the", "this", "that") and _is_role(low):
            gender = _ROLE_GENDER.get(low.split()[-1])
            hit = _recent(ctx, gender, 3)
            if hit is not None and " " not in hit and hit not in ctx.gender:
                hit = None  # "the spokesperson" is not "Customs"
            if hit is None and ctx.spoken:
                best = max(ctx.spoken, key=ctx.spoken.__getitem__)
                if ctx.spoken[best] >= 2 and _fits(ctx, best, gender):
                    hit = best
            if hit is None:
                hit = _office_holder(w, ctx)
            if hit:
                return hit
        return w
    if low in _GROUP_WORDS:
        return w
    if low[:2] in ("i'", "i\u2019"):
        return None  # "I’ll admit", "I’d argue": the writer, not a name
    name = clean_name(w, ctx.lower_words)
    if not name:
        return None
    name = _expand(name, ctx)
    if (
        " " not in name
        and not name.isupper()
        and name.lower() not in ctx.surnames
        and not _inner_capital(name)
        and isinstance(ctx.lower_words, LowerWords)
        and ctx.lower_words.nonblank
        and (not ctx.lower_words.mid_sentence(name) or name.lower() in ctx.lower_words)
    ):
        # "Consider what she said:", "Having lost, …": sentence openers; "Math gave her
        # …", "Send nothing before …": a word the article also writes in lower case
        return None
    return name


# offices a text names its holder with ("Mayor Jane Doe", "Jane Doe, the city's mayor"),
# which "the mayor said" and "the mayor of Springfield said" point back at
_OFFICES = frozenset((
    "mayor", "governor", "senator", "president", "minister", "premier", "chancellor",
    "secretary", "sheriff", "commissioner", "superintendent", "coach", "ceo", "chairman",
    "chairwoman", "director", "judge", "prosecutor", "ambassador", "congressman",
    "congresswoman", "representative", "spokesman", "spokeswoman", "spokesperson",
))


def _office_holder(desc: str, ctx: Context) -> str | None:
    """The one person the article names with the office of a definite description ("the
    mayor", "The mayor of Springfield", "the former governor"), else None: a reader takes
    "the mayor said" for the mayor the article has named, however far back."""
    words = desc.split()
    if len(words) < 2 or words[0].lower() not in ("the", "this", "that"):
        return None
    head = next((x.lower() for x in words[1:4] if x.lower() in _OFFICES), None)
    lw = ctx.lower_words
    if head is None or not isinstance(lw, LowerWords) or not lw.nonblank:
        return None
    if head in lw.roles:  # (two scans of the whole text: once per office, not per quote)
        held = lw.roles[head]
    else:
        held = lw.roles[head] = role_holder(head, lw.text, lw)
    if held is None or (ctx.reporters and is_reporter(held, ctx)):
        return None
    return held


_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_ROLE_GENDER = {"actress": "f", "woman": "f", "actor": "m", "man": "m", "congressman": "m",
                "congresswoman": "f"}


def _fits(ctx: Context, name: str, gender: str | None) -> bool:
    """Whether `name` can be the referent of a pronoun of `gender` (unknown fits both)."""
    if gender is None:
        return True
    known = ctx.gender.get(name) or name_gender(name)  # what the text says comes first
    return known is None or known == gender


def _recent(ctx: Context, gender: str | None, window: int) -> str | None:
    """The person a pronoun points at: among the people named in the last `window`
    sentences whose gender fits, the latest sentence wins; in it a name known to be a
    person's (`strong`), then someone already quoted or of known gender, else the first
    named (the subject: "says Richard Locksley, an immunologist at the University of
    California, San Francisco"). Recency comes first: a surname-only mention right before
    "she added" beats a full name two sentences back (which used to win: on dev 3 speakers
    gained and 1 lost, on the extra labels 3 gained)."""
    lo = ctx.sentence - window
    best: tuple[int, int, int, int] | None = None
    pick = None
    for i, (sent, name, strong) in enumerate(reversed(ctx.mentions)):
        if sent < lo:
            break
        if not _fits(ctx, name, gender) or (" " in name and not _is_person(name.split())):
            continue  # (an organisation is only what "it" points at: `_recent_thing`)
        known = name in ctx.spoken or (gender is not None and name in ctx.gender)
        key = (sent, 1 if strong else 0, 1 if known else 0, i)
        if best is None or key > best:
            best, pick = key, name
    return pick


def _thing_like(name: str) -> bool:
    """An organisation, a government or a document rather than a person: a name with an
    organisation word ("Acme Corp.", "the Swedish Prosecution Authority"), a description
    ("the agency"), or one capitalised word ("Google")."""
    parts = name.split()
    return len(parts) == 1 or not name[:1].isupper() or not _is_person(parts) or any(
        _institution_word(w) for w in parts
    )


def _recent_thing(ctx: Context, window: int) -> str | None:
    """What "it said" points at: the latest organisation or document named in the last
    `window` sentences, else the previous speaker if that was one (never a person: "it"
    is no one's pronoun)."""
    lo = ctx.sentence - window
    for sent, name, _strong in reversed(ctx.mentions):
        if sent < lo:
            break
        if _thing_like(name) and name not in ctx.gender:
            return name
    last = ctx.last_speaker
    if last and ctx.sentence - ctx.last_speaker_sent <= window and _thing_like(last):
        return last
    return None


_ROLE_WORDS = {
    "actor", "actress", "singer", "star", "author", "writer", "director", "ceo", "executive",
    "president", "official", "spokesman", "spokeswoman", "spokesperson", "senator", "governor",
    "professor", "researcher", "scientist", "doctor", "physician", "expert", "analyst",
    "economist", "player", "coach", "chairman", "minister", "artist", "founder", "musician",
    "lawmaker", "congressman", "congresswoman", "mayor", "judge", "prosecutor", "lawyer",
    "attorney", "teacher", "veteran", "officer", "chief", "woman", "man", "quarterback",
    "manager", "editor", "reporter", "journalist", "producer", "filmmaker", "comedian",
    "rapper", "host", "dietitian", "nutritionist", "leader", "candidate",
    # more of the descriptions news copy uses for a person it has named ("the Democrat
    # said", "the 45-year-old said"); not the relational and situational ones ("the
    # victim", "the driver", "the mother", "the son"), which as often describe someone
    # unnamed next to the person named ("Police arrested John Roe. … the victim said")
    "democrat", "republican", "representative", "detective", "sheriff", "commissioner",
    "superintendent", "chancellor", "secretary", "ambassador", "general", "colonel",
    "captain", "sergeant", "lieutenant", "pastor", "retiree", "entrepreneur", "billionaire",
    "athlete", "pitcher", "striker", "midfielder", "goalkeeper", "champion", "rookie",
    "novelist", "poet", "historian", "psychologist", "therapist", "surgeon", "activist",
}


# "the 45-year-old said": a person described by age
_AGE_RE = re.compile(r"\d{1,3}-year-old")


def _is_role(desc: str) -> bool:
    words = desc.split()
    return bool(words) and (words[-1] in _ROLE_WORDS or _AGE_RE.fullmatch(words[-1]) is not None)


def _expand(name: str, ctx: Context) -> str:
    """A surname alone, or with its particles ("de la Cruz"), as the full name met before."""
    if " " not in name:
        full = ctx.surnames.get(name.lower())
        if full:
            return full
    elif all(w in _PARTICLES for w in name.split()[:-1]):
        full = ctx.surnames.get(name.rsplit(None, 1)[-1].lower())
        if full and full.endswith(" " + name):
            return full
    return name


_ORG_RUN_RE = re.compile(
    r"[A-Z][\w\-]*(?:\s+(?:(?:for|of|and|on|the|de)\s+)?[A-Z][\w\-]*)+"
)
_ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
_ORG_JOINERS = frozenset(("for", "of", "and", "on", "the", "de"))


def _acronym(name: str, ctx: Context) -> str:
    """Spell out an acronym speaker ("CDC", "the Chinese CDC", "DHH") as the name the
    article gives it: the run before "(CDC)", else a capitalised run whose initials hold
    it ("Chinese Center for Disease Control and Prevention")."""
    words = name.split()
    acr = words[-1]
    hit = ctx.acronyms.get(acr)
    if hit is None and isinstance(ctx.lower_words, LowerWords):
        # (the loop below, from a table of the text's runs built once per article)
        hit = ctx.lower_words.acronym_table().spell(acr, words)
        if hit and hit.split()[0] == "The":
            hit = hit[4:]
        if hit is not None:
            ctx.acronyms[acr] = hit
    if hit is None:
        text = ctx.lower_words.text
        hit = ""
        best = -1
        for m in _ORG_RUN_RE.finditer(text):
            run = m.group(0)
            parts = [w for w in run.split() if w not in _ORG_JOINERS]
            initials = "".join(w[0] for w in parts)
            if text.startswith(" (" + acr + ")", m.end()) or text.startswith(
                "(" + acr + ")", m.end()
            ):
                hit = run
                break
            k = initials.find(acr)
            if k < 0 or len(parts) < len(acr):
                continue
            # prefer the run the name's other words start ("Chinese CDC")
            score = 1 if k == 0 or (len(words) > 1 and parts[k - 1] == words[-2]) else 0
            if score > best:
                best, hit = score, run
        if hit and hit.split()[0] == "The":
            hit = hit[4:]
        ctx.acronyms[acr] = hit
    return hit or name


def _is_person(parts: list[str]) -> bool:
    return not any(p.lower().strip(".,") in _ORG_WORDS for p in parts)


# whether `\b(?:[Hh]e|[Hh]imself)\b` (not "his": "his wife, Jane Doe") and
# `\b(?:[Ss]he|[Hh]erself)\b` occur, written to start at the first letter (the engine skips
# to it; the look-behind is the leading \b): same hits, twice as fast
_MALE_RE = re.compile(r"[Hh](?<!\w[Hh])(?:e|imself)\b")
_FEMALE_RE = re.compile(r"[SsHh](?<!\w.)(?:(?<=[Ss])he|(?<=[Hh])erself)\b")
_INTRO_SPLIT_RE = re.compile(r",|\s(?:of|at|from|for|with|in)\s")
_INTRO_JOINERS = {"and", "&", "et", "al.", "al"}


def _mention(ctx: Context, name: str, strong: bool) -> None:
    if ctx.reporters and is_reporter(name, ctx):
        return
    mentions = ctx.mentions
    if mentions and mentions[-1][0] == ctx.sentence and mentions[-1][1] == name:
        return
    mentions.append((ctx.sentence, name, strong))
    if len(mentions) > 16:
        del mentions[0]
    if strong:
        ctx.last_person = name
        ctx.last_person_sent = ctx.sentence


def intro_name(segment: str, lower_words: LowerWords | frozenset[str] = frozenset()) -> str | None:
    """The speaker a paragraph introduces by ending in a colon: "Uli Lorimer, Director of
    Horticulture at Native Plant Trust:" or "Carriero et al., Section 4:" (round-ups and
    footnotes put the quotation in the next paragraph or right after the colon)."""
    t = segment.strip()
    if not t.endswith(":") or len(t) > 200 or "\u201c" in t or '"' in t:
        return None
    parts = _INTRO_SPLIT_RE.split(t[:-1], maxsplit=1)
    head = parts[0].strip()
    words = head.split()
    if not words or len(words) > 8 or (len(words) < 2 and len(parts) < 2):
        return None
    first = words[0].lower()
    if first in _NOT_NAMES or first in lower_words or first.rstrip(".") in _TITLES:
        return None
    for w in words:
        if not (w[0].isupper() or w in _INTRO_JOINERS or w in _PARTICLES):
            return None
    return head


def _inner_capital(word: str) -> bool:
    """"McKinley", "DePetris": a capital inside the word, which no sentence opener has."""
    return any(c.isupper() for c in word[1:])


def _note_one_word_name(
    ctx: Context, text: str, core: str, start: int, end: int, strong: bool, here: list[str]
) -> None:
    """A name of one word (`core`, at `start`-`end` of `text`): a surname whose full form was
    seen is that person; else a capitalised word followed by a lower-case word ("Slayton
    notes") is a surname whose full form was never seen, or an ordinary word."""
    key = core.lower()
    full = ctx.surnames.get(key)
    if full:
        if not _after_preposition(text, start):
            _mention(ctx, full, strong)
            here.append(full)
        return
    if (
        len(core) > 2
        and all(_SURNAME_PART.fullmatch(p) for p in core.split("-"))
        and key not in _NOT_NAMES
        and key not in _TITLES
        and (nxt := text[end : end + 16].split())
        and nxt[0][:1].islower()
        and key not in ctx.lower_words
        and not _after_preposition(text, start)
        and (not isinstance(ctx.lower_words, LowerWords) or not ctx.lower_words.nonblank
             or _inner_capital(core) or ctx.lower_words.mid_sentence(core))
        # (not "Consider what she said")
    ):
        _mention(ctx, core, False)


def _attributive(text: str, start: int, end: int, raw: str) -> bool:
    """Whether the capitalised run `raw` (at `start`-`end` of `text`) modifies a noun
    between an article and that noun ("the North America division", "The Trump
    administration", "a Google engineer"): a person's name takes no article, so the run
    is no one a pronoun can point at (a title after the article is a person's: "the Rev.
    Jane Doe said"; a role noun after it describes a person: "the Garmin product
    manager")."""
    if text[end : end + 1] != " " or not text[end + 1 : end + 2].islower():
        return False
    if raw[:4] in ("The ", "An ") or raw[:2] == "A ":
        head = raw.split(None, 2)[1]
    else:
        before = text[max(0, start - 5) : start]
        if not before.endswith((" the ", " a ", " an ")) and before not in ("the ", "a ", "an "):
            return False
        head = raw.split(None, 1)[0]
    if head.lower().rstrip(".") in _TITLES:
        return False
    for w in text[end + 1 : end + 40].split()[:3]:
        if not w.islower():
            break
        w = w.strip(".,;:")
        if w in _ROLE_WORDS or w in _TITLES:
            # "the Garmin product manager", "the Acme spokesman": a person described by
            # the organisation, which stands for them where nothing better is named
            return False
    return True


def note_names(text: str, ctx: Context) -> None:
    """Remember full names (for surname expansion) and the people mentioned, in order.

    A name that is the object of a preposition ("told NBC News", "at Ubisoft") is not
    a referent for a later "he"/"she". A sentence naming one person and using only
    "he/his" (or only "she/her") tells that person's gender, which later keeps "she said"
    off a man named in between.
    """
    surnames = ctx.surnames
    lower = ctx.lower_words
    here: list[str] = []
    stripped = text.strip()
    if stripped and stripped[-1] not in ".!?:\"\u201d" and _is_titlecase(stripped.split()):
        return  # a heading or a related-link title ("Golden Globes 2020 Predictions: ...")
    # (whether a name is the subject, `_after_preposition`, is asked last: most
    # capitalised words are settled without it)
    for m in _NAME_RE.finditer(text):
        raw = m.group(0)
        st = m.start()
        if (raw[:2] in ("Th", "A ", "An") or text[st - 2 : st] in ("e ", "a ", "n ")) and (
            _attributive(text, st, m.end(), raw)
        ) and not any(
            w.lower().rstrip(".") in _ORG_WORDS or _institution_word(w) for w in raw.split()
        ):
            # "the North America division", "the Trump administration" (an organisation
            # stays what a later "it said" points at: "The Swedish Prosecution Authority
            # dropped the case")
            continue
        bare = _strip_possessive(raw)
        if " " not in raw:
            core = bare.rstrip(".,")
            key = core.lower()
            if key in _NOT_NAMES and key not in surnames:
                continue  # "The", "But", "In": most capitalised words are these
            _note_one_word_name(ctx, text, core, m.start(), m.end(), bare == raw, here)
            continue
        name = clean_name(raw, lower)
        if not name:
            continue
        parts = name.split()
        if len(parts) == 1:
            # what is left of a run after its titles and sentence openers ("President
            # Trump", "Once Trump released ..."): one word, as if it stood alone
            _note_one_word_name(ctx, text, name, m.start(), m.end(), bare == raw, here)
        elif _is_person(parts):
            full = surnames.setdefault(surname_key(parts), name)
            # (where the name itself starts: "of Public Prosecution Eva-Marie Persson" is
            # governed by "of", the name after the institution is not)
            cut = max(0, raw.find(parts[0]))
            at = m.start()
            if cut and any(_institution_word(w) for w in raw[:cut].split()):
                at += cut
            if not _after_preposition(text, at):
                _mention(ctx, full, bare == raw)
                here.append(full)
        elif parts[-1].lower().rstrip(".") in _ORG_WORDS and not _after_preposition(
            text, m.start()
        ):
            # an organisation as a subject ("Acme Corp. makes bridges"): what a later "it
            # said" points at, never a person's referent (`_recent` passes over it)
            _mention(ctx, name, False)
    if here and all(h == here[0] for h in here):
        male = _MALE_RE.search(text) is not None
        female = _FEMALE_RE.search(text) is not None
        if male != female:
            ctx.gender.setdefault(here[0], "m" if male else "f")
    if text.rstrip().endswith(":"):
        intro = intro_name(text, lower)
        if intro is None:
            # "As Joel writes:" / "The agency said:" ending a paragraph: the quotation in
            # the next paragraph is theirs
            m = _BEFORE.search(_sentence_left(text.rstrip()))
            if m and _mid_word(m):
                m = _bounded("before").search(m.string)
            if m and m.group(0).rstrip().endswith(":"):
                intro = _resolve(m.group(1), ctx)
        if intro:
            ctx.last_speaker = intro
            ctx.last_speaker_sent = ctx.sentence
            _mention(ctx, intro, True)


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




_ARTICLES = frozenset(("the", "a", "an"))
# one part of a surname: "Slayton", and the capitals inside "McKinley", "DePetris", "O'Brien"
_SURNAME_PART = re.compile(rf"(?:Mc|Mac|O['\u2019]|De|Di|Da|Du|La|Le)?[{UPPER}][{LOWER}]+")
# a sentence that opens with a description ("A meta-analysis of ...", "The authors of ...")
_LEAD_DESC = re.compile(
    r"^\s*((?:[Tt]he|[Aa]n?)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)"
    r"\s+(?:of|in|at|from|for|with|by|on|published|who|that)\b"
)
_SUBJ_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")


# words before "with"/"to" that make its object the person interviewed, the referent of
# the "she said" that follows ("We spoke with Jane Doe", "in an interview with")
_INTERVIEW_WORDS = frozenset((
    "spoke", "speaks", "speaking", "talked", "talks", "talking", "chatted", "chats",
    "interview", "interviews", "conversation",
))


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word at `start` is governed by a preposition ("at Ubisoft"), except
    "according to X", whose X is the source."""
    before = text[max(0, start - 28) : start].split()[-3:]
    if before and before[-1].lower() in _ARTICLES:
        before.pop()  # "at the Aberdeen Royal Infirmary", "for the Middle East"
    before = before[-2:]
    if len(before) == 2 and (
        before[0].lower() == "according"
        or (before[0].lower() in _INTERVIEW_WORDS and before[1].lower() in ("with", "to"))
    ):
        return False  # the source, the interviewee ("we spoke with Jane Doe")
    if before and before[-1] == "and" and (
        prev := _name_end().search(text, max(0, start - 80), start - 4)
    ):
        # "Jane Doe and John Roe met": the second is as much a subject as the first
        return _after_preposition(text, prev.start())
    return bool(before) and before[-1].lower() in _PREPOSITIONS


@cache
def _name_end() -> re.Pattern[str]:
    """A capitalised name at the end of a stretch (rare: compiled on first use)."""
    return re.compile(rf"(?<![\w'\u2019\-])({_FULL})\s*$")


_LEAD_NAME = re.compile(rf"\s*({_NAME})")


def _opening_subject(sentence: str) -> re.Match[str] | None:
    """The subject a sentence opens with, for when the name before its speech verb is the
    object of a preposition (`_governed`): a description ("A meta-analysis of ...", "The
    authors of ...") or a name ("Ms. Jane Smith of the Harbour Trust said"; not "The",
    "In", "But" ...). Its group 1 is the phrase."""
    m = _LEAD_DESC.match(sentence)
    if m is None:
        m = _LEAD_NAME.match(sentence)
        if m and clean_name(m.group(1)) is None:
            m = None
    return m


def _governed(text: str, start: int) -> bool:
    """Whether the name at `start` is the object of a preposition, possibly behind an
    article and a common noun ("in BMJ", "in the journal JAMA Psychiatry"; not "in what
    host Tom Bergeron described as")."""
    before = text[max(0, start - 40) : start]
    if "," in before[-25:]:
        return False
    words = before.split()[-3:]
    for j, w in enumerate(words):
        rest = words[j + 1 :]
        if j > 0 and (
            (w == "of" and words[j - 1].lower().rstrip(".") in _TITLES)
            or (w == "and" and words[j - 1][:1].isupper())
        ):
            continue  # an office's "of" ("Minister of Finance Jane Doe"), two subjects
        if (
            w.lower() in _PREPOSITIONS
            and w.lower() not in ("told", "tells")
            and (not rest or rest[0] in _ARTICLES)
            and all(x.isalpha() and x.islower() for x in rest)
        ):
            return not (j > 0 and words[j - 1].lower() == "according")
    return False


def _person_like(name: str, raw: str, ctx: Context) -> bool:
    """A full personal name, a known surname or a titled name ("Mr. Trump"), as opposed to
    a lone capitalised word that may be a company or an adjective ("Fortress", "American")."""
    parts = name.split()
    if len(parts) >= 2:
        return _is_person(parts)
    return name.lower() in ctx.surnames or raw.split()[0].lower().rstrip(".") in _TITLES


@cache
def _passive_agent() -> re.Pattern[str]:
    """`was accused by NAME`, `had been described by NAME as`: the agent of a passive
    verb (rare: compiled on first use)."""
    return re.compile(
        r"\b(?:was|were|been|is|are|being)\s+(?:[a-z]+ly\s+)?(?:[a-z]+(?:ed|en|wn)|told)"
        r"\s+by\s+"
        rf"({_NAME})"
    )


def _subject(sentence: str, ctx: Context) -> str | None:
    """Who a woven-in quotation most likely belongs to: the subject of its sentence, i.e.
    the first name or he/she/they that is neither an ordinary capitalised word nor the
    object of a preposition ("Benioff introduced Cook ... as “someone who ...”")."""
    if (
        " by " in sentence
        and (agent := _passive_agent().search(sentence)) is not None
        and clean_name(agent.group(1), ctx.lower_words) is not None
    ):
        return agent.group(1)  # "Doe was accused by Roe of “lying”": the agent says it
    best: tuple[int, str] | None = None
    for m in _NAME_RE.finditer(sentence):
        if _after_preposition(sentence, m.start()) or (
            " " in sentence[m.end() : m.end() + 1] and _passive(sentence, m.end())
        ):
            continue  # (nor the subject of a passive: "Residents were told")
        name = clean_name(m.group(0), ctx.lower_words)
        if name is None:
            continue
        if best is None:
            best = (m.start(), m.group(0))
        if _person_like(name, m.group(0), ctx):
            best = (m.start(), m.group(0))
            break
    m = _SUBJ_PRONOUN_RE.search(sentence, 0, best[0] if best else len(sentence))
    if m:
        return m.group(0)
    return best[1] if best else None


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
) + kind_page.NAMES

_NAMING_TAIL_WORDS = ("called", "calls", "call", "dubbed", "dubs", "named", "entitled",
                      "titled", "termed", "nicknamed", "known as")
_TERM_LEAD_WORDS = ("called", "dubbed", "named", "titled", "entitled", "term", "terms",
                    "termed", "word", "words", "phrase", "so-called", "known as", "label",
                    "labels", "labelled", "labeled", "nicknamed", "brand", "branded", "slogan",
                    "hashtag", "as")


def _words_re(words: tuple[str, ...], tail: str, flags: int = 0) -> re.Pattern[str]:
    """`\b(?:w1|w2|…)TAIL`: the regex and its cheap pre-check share one word list."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")" + tail, flags)


_NAMING_TAIL = _words_re(_NAMING_TAIL_WORDS, r"\s*$")
_TERM_LEAD = _words_re(_TERM_LEAD_WORDS, r"\s*$", re.IGNORECASE)


# Cheap necessary conditions first (C-level str methods), the regex only when they hold:
# a `WORD\s*$` pattern needs the text, right-stripped, to end with WORD (case-folded, for
# the IGNORECASE one, only on ASCII text, where it is exact), and a `...\s+$` pattern
# needs the text to end with whitespace.


def _naming_tail(s: str) -> bool:
    """`_NAMING_TAIL.search(s) is not None`."""
    return s.rstrip().endswith(_NAMING_TAIL_WORDS) and _NAMING_TAIL.search(s) is not None


def _term_lead(s: str) -> bool:
    """`_TERM_LEAD.search(s) is not None`."""
    if s.isascii() and not s.rstrip().lower().endswith(_TERM_LEAD_WORDS):
        return False
    return _TERM_LEAD.search(s) is not None


_DET_WORDS = ("the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these",
              "those", "my", "your", "every", "each")
_PREP_WORDS = ("as", "of", "to", "in", "with", "for", "about", "on", "from", "like", "by",
               "into", "than", "at")
_DET_BEFORE = _words_re(_DET_WORDS, r"\s+(?:[\w\-]+\s+)?$", re.IGNORECASE)
_PREP_BEFORE = _words_re(_PREP_WORDS, r"\s+$", re.IGNORECASE)


def _det_before(s: str) -> bool:
    """`_DET_BEFORE.search(s) is not None`: the determiner ends one of the last two words."""
    if not s[-1:].isspace():
        return False
    if s.isascii() and not any(w.endswith(_DET_WORDS) for w in s.lower().split()[-2:]):
        return False
    return _DET_BEFORE.search(s) is not None


def _prep_before(s: str) -> bool:
    """`_PREP_BEFORE.search(s) is not None`."""
    if not s[-1:].isspace():
        return False
    if s.isascii() and not s.rstrip().lower().endswith(_PREP_WORDS):
        return False
    return _PREP_BEFORE.search(s) is not None


# whether `\b(?:I|we|you|my|our|me|us|I'm|I’m|we're|we’re)\b` occurs ("I'm" has "I" and a
# boundary, so the contractions add nothing), written to start at the first letter (the
# look-behind is the leading \b), which the regex engine skips to: twice as fast
_FIRST_PERSON = re.compile(
    r"[Iwymou](?<!\w.)(?:(?<=I)|(?<=w)e|(?<=y)ou|(?<=m)[ye]|(?<=o)ur|(?<=u)s)\b"
)
_INTERNAL_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_STARTS_UPPER = KIND_FEATURES.index("starts_upper")  # (in `attribute`'s feature row)
# fallback when no trained weights are given: speech iff an attribution is found
DEFAULT_KIND_WEIGHTS = (-0.5,) + (0.0,) * 14 + (1.0,) + (0.0,) * 11 + kind_page.ZEROS
_TRAIL = "\"'\u201c\u201d\u2018\u2019)]} "


_MINOR_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
    "with", "from", "as", "vs", "vs.", "into", "over", "per", "via",
))


def _work_title(words: list[str], inner: str, left: str, right: str) -> bool:
    """A quotation in title case inside a sentence-case line: the title of a work, a show,
    a campaign (“The Long Bridge”, “Dancing with the Stars”): every word but the minor ones
    capitalised, one sentence at most, and a third or more of the words of more than three
    letters around it in lower case (names and days are capitalised; a headline in title
    case quotes speech in title case too)."""
    if any(not w[:1].isupper() and w.lower() not in _MINOR_WORDS for w in words):
        return False
    if not words[0][:1].isupper() or _INTERNAL_BREAK.search(inner):
        return False
    around = _WORD_RE.findall(left[-80:]) + _WORD_RE.findall(right[:80])
    big = [w for w in around if len(w) > 3 and w.isalpha()]
    return len(big) >= 2 and 3 * sum(1 for w in big if w.islower()) >= len(big)


# verbs whose object is the words uttered, even in title case ("protesters chanted “Black
# Lives Matter”"), unlike "wrote", "sang", "told", "read" that take a title or an audience
_UTTERANCE_VERBS = frozenset((
    "said", "says", "say", "chanted", "chant", "chants", "shouted", "shouts", "shout",
    "yelled", "yells", "screamed", "screams", "cried", "cries", "asked", "asks", "replied",
    "replies", "answered", "answers", "tweeted", "exclaimed", "whispered", "declared",
))


def _utterance_verb_before(sent_left: str) -> bool:
    """Whether the word right before a quotation is a verb of uttering."""
    words = sent_left.split()
    return bool(words) and words[-1].lower() in _UTTERANCE_VERBS


def _whole_reply(inner: str, stripped_left: str) -> bool:
    """A short quotation that is an utterance of its own, not a word woven into a sentence:
    it opens with a capital and stands first in its sentence or right after the comma or
    colon of an attribution ("“No,” she said.", "She answered: “Correct.”"; not "called it
    a “boondoggle.”")."""
    return inner.lstrip(" \u2026.")[:1].isupper() and (
        not stripped_left or stripped_left[-1] in ",:.!?"
    )


@dataclass(slots=True)
class Attribution:
    kind: str
    speaker: str | None
    features: list[float] = field(default_factory=list)
    step: str = ""  # the step that named the speaker (`Context.step`)


_UNSET = object()
# tokens of program text that English prose does not use
_CODE_TOKENS = (":=", "!=", "==", "();", "});", "=>", "&&", "||", "err)", "){", ") {", "::")


def _code_like(left: str, right: str) -> bool:
    """Whether the text around a quotation is source code (two of `_CODE_TOKENS`)."""
    text = left[-120:] + " " + right[:120]
    if "(" not in text and "=" not in text and "|" not in text and ":" not in text:
        return False
    return sum(tok in text for tok in _CODE_TOKENS) >= 2


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
    signed: str | None = None,
) -> Attribution:
    """Kind and speaker of one quotation.

    `inner` is the quoted text without marks, `left`/`right` the text of the same line
    before the quote (back to the previous quote) and after it (up to the next quote),
    `follows_quote` whether another quotation ends just before, `prev_speech` whether an
    earlier quotation of the same paragraph was speech. The kind is a linear score over
    `KIND_FEATURES` (`weights`, trained by `train_quotes.py`). `signed` is the name a dash
    signature gives (`signature`): without an attribution in the text, the quotation is
    that person's speech.
    """
    if TRACE is not None:
        TRACE.append(f"@{pos}")
    ctx.step = ""
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
    # the speaker where a match began inside a word (`_mid_word`): `_UNSET` if none did
    fixed_who: str | None | object = _UNSET
    fixed_sv: str | None | object = _UNSET
    as_written: str | None = None  # an institution named in full, kept as the text has it
    # a speech verb in the passive ("The plan was described by Roe as “…”", "Residents
    # were told “…”"): its subject heard the words; the agent's match, True if none is
    # named (the kind's features are those of any attribution)
    passive: re.Match[str] | bool = False
    m = _AFTER_VERB_FIRST.match(right_s) if verb_right else None
    if m and "," in right_s and (
        clause := _full_person(_after_clause_verb().match(right_s), ctx.lower_words)
    ):
        who, direct = clause, True  # not "announced in October"
    elif m and right_s.lstrip(" ,")[:1].islower():
        who, direct = m.group(1), True
        tail = right_s[m.start(1) :]
        who = _role_name(tail, ctx.lower_words) or who
        if who.split()[0] in _DESC_DETS and who.islower():
            who = _whole_desc(who, tail)
    if who is None and verb_right and (h := _VERB_HEAD.match(right_s)) is not None:
        who = _role_name(right_s[h.end() :], ctx.lower_words)
        direct = who is not None
    if who is None and verb_right:
        m = _AFTER_NAME_FIRST.match(right_s)
        if m and _passive(right_s, m.end(1)):
            passive = _passive_agent().search(right_s, m.start(1)) or True
        if m and right_s.lstrip()[:1] not in (".", ";"):
            who, direct = m.group(1), True
            if who.split()[0].lower() in _DESC_DETS and right_s.count(",") >= 2:
                # "the company’s chief executive, Mary Barra, said": the person named
                who = _full_person(_AFTER_DESC_NAME.match(right_s), ctx.lower_words) or who
        elif right_s.count(",") >= 2:
            who = _full_person(_AFTER_APPOSITIVE.match(right_s), ctx.lower_words) or (
                _full_person(_AFTER_DESC_NAME.match(right_s), ctx.lower_words)
            )
            direct = who is not None
    if who is None and right_s[:3].lstrip()[:1] == ":" and not left.strip():
        # a headline or dek that opens with the quotation and names its speaker after a
        # colon: "‘We will rebuild’: Jane Doe on the city’s plan"
        who = _full_person(_colon_name().match(right_s), ctx.lower_words)
        direct = who is not None
    if who is None and verb_left and sent_left.count(",") >= 2:
        who = _full_person(_BEFORE_APPOSITIVE.match(sent_left), ctx.lower_words) or (
            # "Doe’s lawyer, Max Poe, said: “…”": the person the description names
            _full_person(_before_desc_name(sent_left), ctx.lower_words)
        )
        direct = who is not None
    naming = nw <= 8 and _naming_tail(sent_left[-30:])
    if naming:
        verb_left = False  # "a phenomenon they called “weird generalizations”" names a thing
    if who is None and verb_left and sent_left.strip():
        m = _BEFORE.search(sent_left)
        colon = sent_left.rstrip()[-1:] in (",", ":")
        if m and _passive(sent_left, m.end(1)):
            passive = _passive_agent().search(sent_left, m.start(1)) or True
        if m and _governed(sent_left, m.start(1)):
            # "A meta-analysis ... published in BMJ concludes that": the name governed by a
            # preposition is not the verb's subject; the description that opens the
            # sentence is
            d = _opening_subject(sent_left)
            if d:
                who, direct, tight = d.group(1), True, not colon
                m = None
        if m and (src := _source_lead(sent_left)) is not None and src.end(1) >= m.start(1):
            # "A source close to the president said:": the source, not the president
            who, direct, tight = src.group(1), True, not colon
        elif m:
            who, direct, tight = m.group(1), True, not colon
            if _mid_word(m):
                mb = _bounded("before").search(sent_left)
                fixed_who = mb.group(1) if mb else None
        elif colon:
            m = _before_verb_first().search(sent_left)
            if m:
                who, direct = m.group(1), True
    if who is None and ("ccording" in sent_left or "er " in sent_left or "s " in sent_left
                        or "according" in right_s):
        # ("According to the report, “…”" opens its sentence with a capital)
        m = _ACCORDING.search(sent_left) or _ACCORDING.match(right_s.lstrip(" ,"))
        if m and (m.group(0).lower().startswith("according") or m.group(0).rstrip()[-1:] in ",:"):
            who, direct = m.group(1), True
            if who[:1].islower() or who.split()[0] in ("The", "A", "An"):
                # "according to a statement from the city council", "a 2018 survey by
                # Jane Doe": who issued the document
                src = _doc_source(m.string, m.start(1))
                if src is not None:
                    who = src[0]
                    if src[1]:
                        as_written = who  # "the University of Chicago Education Lab"
    sentence_verb = None
    if who is None and (verb_left or verb_right):
        # a quotation that ends its sentence ("… an election.’’ Critically, it said …")
        # leaves the next sentence's verb to the next quotation
        ends_sentence = last in (".", "?", "!") and right_s.lstrip()[:1].isupper()
        lead = verb_left and sent_left.count(",") >= 2 and _full_person(
            _lead_appositive(sent_left), ctx.lower_words
        )
        m = (verb_left and not lead and _sentence_verb(sent_left)) or (
            verb_right and not ends_sentence and _right_verb(right_s)
        )
        if lead:
            sentence_verb = lead
        elif m:
            sentence_verb = m.group(1)
            if _mid_word(m):
                mb = (_sentence_verb(sent_left, _bounded("sent")) if m.string is sent_left
                      else _right_verb(right_s, _bounded("sent")))
                fixed_sv = mb.group(1) if mb else None
            if _PASSIVE_END.search(m.group(0)) is not None:
                passive = _passive_agent().search(m.string, m.start(1)) or True
        elif verb_left:
            m = _sent_verb_first().search(sent_left)
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
        1.0 if _term_lead(sent_left[-40:]) else 0.0,
        1.0 if _det_before(sent_left[-40:]) else 0.0,
        1.0 if _prep_before(sent_left[-20:]) else 0.0,
        1.0 if follows_quote else 0.0,
        1.0 if prev_speech else 0.0,
        1.0 if _FIRST_PERSON.search(inner) else 0.0,
        1.0 if stripped_left.endswith("(") else 0.0,
        1.0 if stripped_left.endswith(":") else 0.0,
        1.0 if stripped_left.endswith(",") else 0.0,
        1.0 if tight else 0.0,
        *ctx.page,
        kind_page.bare_fragment(nw, direct, sentence_verb is not None),
    ]
    if not weights:
        weights = DEFAULT_KIND_WEIGHTS
    score = -1.0 if naming else sum(map(mul, weights, feats))
    if (
        score >= 0.0 and 2 <= nw <= 10
        and (not direct or (tight and not _utterance_verb_before(sent_left)))
        and _work_title(words, inner, left, right)
    ):
        score = -1.0  # "wrote “The Long Bridge” in 2010": a title in running text
    if score >= 0.0 and nw == 1 and not feats[_STARTS_UPPER]:
        score = -1.0  # "called her performance “stunning,”": one word in lower case, a term
    if score < 0.0 and direct and nw <= 3 and ends_punct and _whole_reply(inner, stripped_left):
        score = 0.0  # "“No,” she said.", "The source answered, “Correct.”": a whole reply
    cite = ctx.cite
    ctx.cite = None
    # a signature beats a speaker carried over from an earlier quotation, not one the text
    # attributes
    signed_by = signed if not direct and sentence_verb is None else None
    if score < 0.0 and signed_by is None:
        # a term (a title, a name, scare quotes, a single word) has no speaker, even where
        # the sentence names a source ("… as a “nice stepping stone”, she said"); the
        # context is left untouched
        if stripped_left.endswith(","):
            head = _cite_head(sent_left, ctx.lower_words)
            if head is not None:
                ctx.cite = (pos + len(inner) + (2 if closed else 1), head)
        return Attribution("term", None, feats)

    if (
        cite is not None
        and stripped_left.endswith(":")
        and pos - len(left) <= cite[0]
        and "\n" not in left
    ):
        # a footnote: `Carriero et al., “Title,” Section 1: “…”` - the source heads the line
        who, speaker = cite[1], cite[1]
        _path("cite", ctx)
    elif signed_by is not None:
        speaker, who = signed_by, None
        _path("signed", ctx)
    elif as_written is not None:
        speaker = as_written
        _path("direct", ctx)
    else:
        if passive:
            # the agent speaks, else nobody named: no subject, no earlier speaker carried
            who = passive.group(1) if isinstance(passive, re.Match) else None
            sentence_verb = None
        if fixed_who is not _UNSET:
            who = fixed_who  # type: ignore[assignment]
        if fixed_sv is not _UNSET:
            sentence_verb = fixed_sv  # type: ignore[assignment]
        speaker, who = _find_speaker(
            who, sentence_verb, stripped_left, sent_left, ctx, not passive
        )
    pair = None
    if speaker and " " in speaker and " and " in right_s[:120] + sent_left[-160:]:
        pair = _pair(right_s, sent_left, speaker, ctx)
        if pair is not None:
            _path("pair", ctx)
    if speaker and ctx.reporters and is_reporter(speaker, ctx):
        speaker = None  # the reporter reports the quotation; they did not say it
    if speaker and _code_like(left, right):
        speaker = None  # a string in source code: `fmt.Errorf("…", err)` is nobody's
    if pair is not None and speaker is not None:
        # several people named as one subject: joined as written, each one remembered
        end_sent = ctx.sentence + inner.count(". ") + inner.count("? ") + inner.count("! ")
        saved = ctx.sentence
        ctx.sentence = end_sent
        for name in pair[1]:
            ctx.surnames.setdefault(surname_key(name.split()), name)
            _mention(ctx, name, True)
        ctx.sentence = saved
        ctx.last_speaker = pair[0]
        ctx.last_speaker_pos = pos
        ctx.last_speaker_sent = end_sent
        return Attribution("speech", pair[0], feats, ctx.step)
    if speaker and who is not None:
        g = _PRONOUN_GENDER.get(who.strip().lower())
        if g is not None:
            ctx.gender.setdefault(speaker, g)  # "…,” she said: the speaker is a woman
    if speaker:
        end_sent = ctx.sentence + inner.count(". ") + inner.count("? ") + inner.count("! ")
        parts = speaker.split()
        if len(parts) >= 2 and speaker[0].isupper() and _is_person(parts):
            ctx.surnames.setdefault(surname_key(parts), speaker)
        ctx.last_speaker = speaker
        ctx.last_speaker_pos = pos
        ctx.last_speaker_sent = end_sent
        if speaker[:1].isupper():
            ctx.spoken[speaker] = ctx.spoken.get(speaker, 0) + 1
            saved = ctx.sentence
            ctx.sentence = end_sent
            _mention(ctx, speaker, True)
            ctx.sentence = saved
    return Attribution("speech", speaker, feats, ctx.step)


# several full names as one subject of a speech verb: "Jane Doe and John Roe said", "Jane
# Doe, John Roe and Ann Poe wrote in the letter:" (found from `_NAME_RE`'s runs and the
# separators between them: no pattern of its own to compile)
_PAIR_SEP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_HELPERS = frozenset(("also", "then", "later", "once", "again", "just", "had", "has", "have",
                      "would", "will", "could", "did", "does", "do", "was", "is", "jointly"))


def _verb_follows(text: str) -> bool:
    """Whether `text` opens with a speech verb, after two adverbs or helpers at most."""
    words = text[:60].split()[:4]
    k = 0
    while k < len(words) and k < 2 and (words[k] in _HELPERS or words[k].endswith("ly")):
        k += 1
    return k < len(words) and words[k].strip(",.:;") in _VERB_WORDS


def _name_groups(text: str) -> list[tuple[int, int, list[str]]]:
    """Runs of two or more capitalised names joined by ", " / " and " in `text`, the last
    joint an "and": (start, end, raw names)."""
    out: list[tuple[int, int, list[str]]] = []
    group: list[re.Match[str]] = []
    joints: list[str] = []
    for m in [*_NAME_RE.finditer(text), None]:
        if m is not None and group and _PAIR_SEP.fullmatch(text, group[-1].end(), m.start()):
            joints.append(text[group[-1].end() : m.start()])
            group.append(m)
            continue
        if len(group) >= 2 and "and" in joints[-1]:
            out.append((group[0].start(), group[-1].end(), [g.group(0) for g in group]))
        group, joints = ([m], []) if m is not None else ([], [])
    return out


def _pair(
    right_s: str, sent_left: str, speaker: str, ctx: Context
) -> tuple[str, list[str]] | None:
    """The joined speakers ("Jane Doe and John Roe") when the attribution that named
    `speaker` names two people or more as its subject, each a person's full name (not
    "Smith and Wesson", nor "Procter & Gamble"), with the names; else None."""
    raws = None
    head = len(right_s) - len(right_s.lstrip(" ,"))
    right = right_s[:160]
    for a, b, names in _name_groups(right):
        if a == head and _verb_follows(right[b:]):
            raws = names  # "“…,” Jane Doe and John Roe said"
        break
    if raws is None:
        left = sent_left[-200:]
        for _a, b, names in _name_groups(left):
            if _verb_follows(left[b:]):
                raws = names  # "Jane Doe and John Roe said: “…”"
    if raws is None:
        return None
    names = []
    for raw in raws:
        name = clean_name(raw, ctx.lower_words)
        if name is None or len(name.split()) < 2 or not _is_person(name.split()):
            return None
        names.append(_expand(name, ctx))
    if speaker not in names or len(set(names)) < len(names):
        return None
    return ", ".join(names[:-1]) + " and " + names[-1], names


_SIGNATURE_RE = re.compile(  # (a typewriter's "--" is one dash)
    r"^(?:[\u2013\u2014\u2015]|--?)\s*([^\s\u2013\u2014\u2015(@\-][^(@]{0,100}?)"
    r"(?:\s*\(@\w+\).*|\s+on\s+\w+day\b.*|\s*,\s.*|\s*\([^()@]{1,60}\)\s*)?$"
)


_INITIAL_END_RE = re.compile(rf"\s[{UPPER}]\.$")


def signature(right: str, following: Sequence[str]) -> str | None:
    """The author of a quotation signed with a dash: `“…” — Mark Twain` after it on its
    line (`right`), or, when nothing follows it there, a testimonial, epigraph or embedded
    post whose next non-blank line (of `following`) is `– Name (@handle) date`; a
    parenthesis may close the line (`– Tom S. (51-1000 emp.)`, `– Cathay W. (Read all
    reviews.)`)."""
    tail = right.strip()
    if not tail:
        tail = next((ln.strip() for ln in following if ln.strip()), "")
    m = _SIGNATURE_RE.match(tail)
    if m is None:
        return None
    who = m.group(1).strip(" ,;:")
    if not _INITIAL_END_RE.search(who):
        who = who.rstrip(".")  # (an initial keeps its point: "– Cathay W.")
    if not who or who[0].islower():
        return None
    words = who.split()
    if len(words) >= 3 and words[0].lower().rstrip(".") in _TITLES and all(
        w[:1].isupper() for w in words[1:]
    ):
        # "— Mayor Jane Doe", "— Dr. Jane Doe": the name, without the title
        words = words[1:]
        if words[0].lower().rstrip(".") in _TITLES and len(words) >= 3:
            words = words[1:]  # "— Lt. Col. Jane Doe"
        who = " ".join(words)
    # a name has few words; an anonymised source's description more ("-- Embedded systems
    # engineer working on safety-critical robotics", as surveys and round-ups sign quotes)
    if len(words) > 5 and not (
        len(words) <= 12 and any(w[:1].islower() for w in words[1:4])
    ):
        return None
    return who


# set to a list by bench/speaker_errors.py to learn which step named each speaker
TRACE: list[str] | None = None


def _path(step: str, ctx: Context | None = None) -> None:
    """Note the step that named the speaker (`Context.step`, and `TRACE` when set)."""
    if ctx is not None:
        ctx.step = step
    if TRACE is not None:
        TRACE.append(step)


def _find_speaker(
    who: str | None,
    sentence_verb: str | None,
    stripped_left: str,
    sent_left: str,
    ctx: Context,
    carry: bool,
) -> tuple[str | None, str | None]:
    """The speaker from the attribution found (`who`, else the subject of a speech verb),
    else an intro line, the subject of the sentence, or the previous speaker; `who` comes
    back None when it named nobody."""
    speaker: str | None = None
    if who is not None:
        speaker = _resolve(who, ctx)
        _path("pronoun" if who.strip().lower() in _PRONOUNS else "direct", ctx)
        if speaker is None and who.strip().lower() not in _PRONOUNS:
            who = None
    elif sentence_verb is not None:
        speaker = _resolve(sentence_verb, ctx)
        _path("sentence_verb", ctx)
    if speaker is None and who is None and sentence_verb is None and stripped_left:
        intro = intro_name(sent_left, ctx.lower_words) if stripped_left[-1] == ":" else None
        if intro is not None:
            speaker = _expand(intro, ctx)
            _path("intro", ctx)
        else:
            # a fragment woven into a sentence: its subject is the speaker
            subj = _subject(sent_left, ctx)
            if subj is not None:
                speaker = _resolve(subj, ctx)
                _path("subject", ctx)
    if speaker is None and who is None and carry:
        speaker = _carry(ctx)
        _path("carry", ctx)
    if speaker is not None and speaker[-1].isupper() and _ACRONYM_RE.fullmatch(speaker.split()[-1]):
        speaker = _acronym(speaker, ctx)
    return speaker, who


def _cite_head(sent_left: str, lower_words: LowerWords | frozenset[str]) -> str | None:
    """The source that opens a citation line: "Carriero et al., " before a quoted title."""
    head = sent_left.strip().rstrip(",").strip()
    words = head.split()
    if not words or len(words) > 8 or "," in head or "(" in head:
        return None
    first = words[0]
    low = first.lower()
    if not first[:1].isupper() or low in _NOT_NAMES or (low in lower_words and not first.isupper()):
        return None
    if not words[-1][:1].isupper() and words[-1] not in _INTRO_JOINERS and len(words) < 2:
        return None
    return head


def _carry(ctx: Context) -> str | None:
    """Speaker of an unattributed quotation: the person named in the last two sentences
    ("According to Bongard, that's because ... “If you play ...”"), else the previous
    speaker whose quote it continues (next sentence or paragraph, nobody in between)."""
    lo = ctx.sentence - 2
    for sent, name, strong in reversed(ctx.mentions):
        if sent < lo:
            break
        if strong:
            return name
    if ctx.last_speaker and ctx.sentence - ctx.last_speaker_sent <= 3:
        return ctx.last_speaker
    return None




def full_names(surnames: set[str], text: str,
               lower_words: LowerWords | frozenset[str] = frozenset()) -> dict[str, str]:
    """For each one-word speaker in `surnames`, the one person's full name the article
    writes anywhere with that last word ("Doe: “…”" in a headline, "Mayor Jane Doe" in the
    body -> "Jane Doe"), which the reading order could not know yet; a surname two people
    share ("Jane Doe", "John Doe") or none bears stays as it is."""
    words = sorted(w for w in surnames if w.lower() not in GIVEN and w in text)
    # ("Dan says": a first name, whose surname is another word)
    if not words:
        return {}
    found: dict[str, set[str]] = {}
    # one to two words before it on the same line, starting a word ("professorThomas"
    # is glue), after no other capitalised word (a heading run into the name)
    # (`name_runs.surname_runs`: the matches of `name_runs.plain_pattern(_CAP, words)`,
    # without compiling a pattern per page)
    for start, end in surname_runs(_CAP, words, text):
        # (the same line's words only: a line that opens with the name has none)
        before = text[max(0, start - 30) : start].rsplit("\n", 1)[-1].split()
        if before and not before[-1].islower() and not before[-1].endswith((".", ",")):
            continue
        name = clean_name(text[start:end], lower_words)
        parts = name.split() if name else []
        if (
            len(parts) >= 2
            and parts[-1] in surnames
            and parts[0].lower() in GIVEN  # a person's, not "Fair Housing"
            and len(set(parts)) == len(parts)
            and _is_person(parts)
        ):
            found.setdefault(parts[-1], set()).add(name)
    return {w: next(iter(names)) for w, names in found.items() if len(names) == 1}


# a headline's bare office after or before its quotation, as headlines drop articles:
# "‘We will rebuild,’ says mayor", "Mayor: ‘We will rebuild’", "PM vows to ‘…’"
_HEAD_ROLE_AFTER = re.compile(
    rf"^(?:[\s,:]*(?:(?:{_VERB_THEN_SPEAKER}|says|vows|warns|tells)\s+|[\u2013\u2014-]\s*)"
    r"|\s*:\s*)((?:[A-Za-z][\w\-]*\s+)?[a-z][\w\-]*)\s*[.!?]?\s*$"
)
# "Mayor: ‘…’", "Mayor vows to ‘…’", "Coach says ‘…’"
_HEAD_ROLE_BEFORE = re.compile(
    r"^\s*(?:[A-Z][\w\-]*\s+)?([A-Za-z][a-z\-]+)\s*(?::|\s(?:says|vows|warns|promises"
    r"|pledges|urges|insists|admits)(?:\s+to)?)\s*$"
)


def headline_role(left: str, right: str) -> str | None:
    """The bare office (lower case) a headline gives as the speaker of its quotation, if
    it is one of the roles people are named by ("mayor", "minister", "coach"); else None."""
    m = _HEAD_ROLE_AFTER.match(right) or _HEAD_ROLE_BEFORE.match(left)
    if m is None:
        return None
    role = m.group(1).split()[-1].lower()
    return role if role in _ROLE_WORDS or role in _TITLES else None


def role_holder(role: str, text: str, lower_words: LowerWords | frozenset[str]) -> str | None:
    """The one person the article names with `role` ("Mayor Jane Doe", "Jane Doe, the
    city's mayor"), else None."""
    found: set[str] = set()
    r = re.escape(role)
    for m in re.finditer(rf"(?i:\b{r})[ \t]+({_FULL})", text):
        name = clean_name(m.group(1), lower_words)
        if name and len(name.split()) >= 2 and _is_person(name.split()):
            found.add(name)
    after = rf"({_FULL}),[ \t]+(?:the|a|an|[\w\-]+['\u2019]s)[ \t]+(?:[\w\-]+[ \t]+){{0,3}}?{r}\b"
    for m in re.finditer(after, text):
        name = clean_name(m.group(1), lower_words)
        if name and len(name.split()) >= 2 and _is_person(name.split()):
            found.add(name)
    return found.pop() if len(found) == 1 else None
