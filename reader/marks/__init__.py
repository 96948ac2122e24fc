"""Marks on an article: boilerplate lines, the headline and quotations with speakers.

Pure functions over decoded text; nothing here imports Textual, so the CLI and worker
processes can use it cheaply. Entry point: `analyze(text) -> Marks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import accumulate
from typing import Any

from reader.marks import _kind_weights, _title_weights, _weights
from reader.marks import boilerplate as _bp
from reader.marks import headline as _hl
from reader.marks import headline_slots as _slots
from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs
from reader.marks.article_end import tail_below_header
from reader.marks.furniture import furniture_lines
from reader.marks.given_names import GIVEN
from reader.marks.interviews import qa_turns
from reader.marks.islands import islands_below
from reader.marks.kind_page import page_features
from reader.marks.quotes import line_spans
from reader.marks.repeated import count_lines, repeated_lines
from reader.marks.roundups import roundup_speakers
from reader.marks.smoothing import block_verdicts
from reader.marks.speakers import (
    LOWER,
    UPPER,
    Context,
    LowerWords,
    _is_titlecase,
    attribute,
    full_names,
    headline_role,
    note_names,
    reporters,
    role_holder,
    signature,
)
from reader.marks.text import ends_sentence, normalise_line, text_line_keys

__all__ = [
    "LineKind",
    "Marks",
    "Quote",
    "analyze",
    "count_lines",
    "normalise_line",
    "repeated_lines",
]

MAX_CONTEXT = 300
_ANY_MARK_RE = re.compile("[\"'\u2018\u2019\u201a\u201c\u201d\u201e\u201f\u00ab\u00bb]")
_SINGLES = "'\u2018\u2019\u201a"
# the mark first, then the look-behinds (from after it): the same matches as with the
# look-behinds first, but the regex engine can skip to the next [.!?] (~9x faster)
_SENT_SPLIT_RE = re.compile(
    rf"[.!?](?<![A-Z].)(?<!Mr.)(?<!Mrs.)(?<!Ms.)(?<!Dr.)(?<!St.)\s+(?=[{UPPER}])"
)


class LineKind(StrEnum):
    """What a line of the article is; a `str`, so it serialises as its value."""

    BODY = "body"
    TITLE = "title"
    BOILERPLATE = "boilerplate"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation span `text[start:end]` (marks included)."""

    start: int
    end: int
    kind: str  # "speech" | "term"
    speaker: str | None
    # on a line marked boilerplate (a teaser, a menu): found, so the screen can show it,
    # but not one of the article's quotations (`Marks.article_quotes`)
    on_boilerplate: bool = False
    # a turn of a transcript (`NAME: words`): speech without quotation marks, shown and
    # exported as speech, but not in `reader analyze`'s quotations (the benchmark's
    # quotations are text in quotation marks)
    turn: bool = False
    # the attribution step that named the speaker (`speakers.Context.step`): what the
    # speaker ranker weighs; not part of a quotation's identity
    step: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Marks:
    title_line: int | None
    line_kinds: tuple[LineKind, ...]
    quotes: tuple[Quote, ...]
    # set when detection failed on this text: the lines are then shown unmarked, and the
    # caller must say so (`reader analyze` on stderr and exit 1, the app as a notice)
    # rather than present the text as "nothing marked"
    error: str | None = None
    # what the corpus's template decision needs of the page (`headline_slots.PageHeadline`:
    # its lines' keys and its headline options); not part of the marks' identity
    headline: Any = field(default=None, compare=False, repr=False)

    @property
    def article_quotes(self) -> tuple[Quote, ...]:
        """The article's own quotations: those on body or title lines (what the app counts)."""
        return tuple(q for q in self.quotes if not q.on_boilerplate)

    @property
    def boilerplate_lines(self) -> list[int]:
        """1-based numbers of the lines marked boilerplate."""
        bp = LineKind.BOILERPLATE  # (once: enum attribute lookups are slow)
        return [i for i, k in enumerate(self.line_kinds, 1) if k is bp]

    def to_json(self, file_id: str) -> dict:
        """The `reader analyze` record of this article."""
        return {
            "file": file_id,
            "title_line": self.title_line,
            "boilerplate_lines": self.boilerplate_lines,
            "quotes": [
                {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker}
                for q in self.quotes
                if not q.turn
            ],
        }


def analyze(
    text: str,
    *,
    repeated: frozenset[str] | None = None,
    forced_body: frozenset[int] = frozenset(),
    forced_boilerplate: frozenset[int] = frozenset(),
    boilerplate_texts: frozenset[str] = frozenset(),
    line_keys: list[str] | None = None,
) -> Marks:
    """Mark boilerplate lines, the headline and the quotations of one article.

    `repeated` holds normalised lines that recur across the corpus (see `repeated_lines`);
    `forced_*` (1-based line numbers) and `boilerplate_texts` (normalised line texts) are the
    user's corrections and override detection. `line_keys`, when given, must be
    `text.split("\n")` normalised (`text.text_line_keys`); it spares recomputing them.
    Never raises: on an internal failure the text is returned unmarked, with `error` saying
    what failed, rather than breaking the reader; callers report it.
    """
    try:
        return _analyze(text, repeated, forced_body, forced_boilerplate, boilerplate_texts,
                        line_keys)
    except Exception as exc:  # noqa: BLE001 - the reader must keep working on any input
        return unmarked(text if isinstance(text, str) else "",
                        f"{type(exc).__name__}: {exc}"[:300])


def unmarked(text: str, error: str) -> Marks:
    """`text` with every line body or blank, no headline, no quotation, and `error` saying
    why it has no marks (the caller reports it rather than show "nothing marked")."""
    kinds = tuple(LineKind.BODY if ln.strip() else LineKind.BLANK for ln in text.split("\n"))
    return Marks(None, kinds, (), error=error)


def _analyze(
    text: str,
    repeated: frozenset[str] | None,
    forced_body: frozenset[int],
    forced_boilerplate: frozenset[int],
    boilerplate_texts: frozenset[str],
    line_keys: list[str] | None = None,
) -> Marks:
    lines = text.split("\n")
    if line_keys is None:
        line_keys = text_line_keys(text)
    found = furniture_lines(text, lines, line_keys)
    idx, rows1, keys, p_bp = _bp.analyze_lines(lines, repeated, line_keys, found)
    # (enum members in locals: `LineKind.BODY` is a slow attribute lookup)
    body, boiler = LineKind.BODY, LineKind.BOILERPLATE
    kinds = [LineKind.BLANK] * len(lines)
    certain = found.certain | found.teasers
    nb_chars = [len(lines[i].strip()) for i in idx]
    verdicts = block_verdicts(p_bp, nb_chars, _weights.THRESHOLD,
                              {k for k, i in enumerate(idx) if i in certain} if certain else ())
    if boilerplate_texts or forced_boilerplate or forced_body:
        for k, i in enumerate(idx):
            n = i + 1
            bad = verdicts[k]
            if keys[k] in boilerplate_texts or n in forced_boilerplate:
                bad = True
            if n in forced_body:
                bad = False
            kinds[i] = boiler if bad else body
    else:  # no corrections (`reader analyze`)
        for i, bad in zip(idx, verdicts, strict=True):
            kinds[i] = boiler if bad else body

    furniture, teasers, thread = found
    title_line = None
    headline = None
    if idx:
        start = _hl.article_start(lines, idx, p_bp)  # (found once, for all three)
        cands, trows = _hl.title_rows(lines, idx, rows1, p_bp, keys, start)
        # (entries of a table of contents above the article, and lines the corpus repeats
        # on several pages, are never its headline)
        toc = _hl.toc_lines(lines, idx, keys, p_bp, cands, start)
        toc |= _hl.corpus_lines(lines, idx, keys, p_bp, cands, repeated, start)

        def skip(k: int) -> bool:
            n = idx[k] + 1
            return (n in forced_boilerplate or keys[k] in boilerplate_texts
                    or n - 1 in furniture or k in toc)

        title_line = _hl.pick_line(idx, keys, cands, trows, _title_weights.WEIGHTS, skip,
                                   forced_boilerplate, _title_weights.PAIR_WEIGHTS, lines)
        # the page's options for the corpus's template decision (`headline_slots`), and that
        # decision when the corpus evidence carries it: the line its template slot names
        headline = _slots.page_headline(idx, keys, cands, trows, _title_weights.WEIGHTS, skip,
                                        title_line)
        title_line = _slots.slot_title(headline, getattr(repeated, "titles", None), title_line)
    if title_line is not None:
        kinds[title_line - 1] = LineKind.TITLE
        tkey = line_keys[title_line - 1]
        if keys.count(tkey) > 1:  # (else the title is the only line with its text)
            for k, i in enumerate(idx):
                if keys[k] == tkey and i + 1 != title_line and i + 1 not in forced_body:
                    kinds[i] = boiler

    # patterns that name site furniture with certainty overrule the model (not the user)
    for i in furniture | teasers:
        if kinds[i] is body and i + 1 not in forced_body:
            kinds[i] = boiler
    # small islands of body far below the article are furniture (`islands.py`)
    protected = {k for k, i in enumerate(idx) if i + 1 in forced_body} if forced_body else ()
    for k in islands_below([kinds[i] is body for i in idx], nb_chars, protected):
        kinds[idx[k]] = boiler
    # under a header that closes the article ("Related", "More from", ...), the few body
    # lines left are the page's own sections (`article_end.py`)
    for k in tail_below_header([kinds[i] is body for i in idx],
                               [lines[i].strip() for i in idx], p_bp, protected):
        kinds[idx[k]] = boiler
    # the article is never lost whole: these two act only where the model left none of it
    keep_out = furniture | teasers | {n - 1 for n in forced_boilerplate}
    if boilerplate_texts:
        keep_out.update(i for k, i in enumerate(idx) if keys[k] in boilerplate_texts)
    if thread is not None and body not in kinds[:thread]:
        # the model took a comment thread for the article: the prose before it is the post
        _rescue_post(lines, kinds, thread, keep_out)
    if title_line is not None and not any(
        kinds[i] is body and len(lines[i]) >= LEDE_MIN for i in idx
    ):
        # no paragraph survived (a short wire story among long teaser lists): the
        # sentences right under the headline are its lede
        _rescue_lede(lines, kinds, title_line, keep_out)

    quotes = _find_quotes(lines, kinds)
    return Marks(title_line, tuple(kinds), tuple(quotes), headline=headline)


POST_MIN = 100  # a paragraph of the post, not a link or a date line


def _rescue_post(
    lines: list[str], kinds: list[LineKind], thread: int, keep_out: set[int]
) -> None:
    """Mark as body the prose paragraphs before line `thread` (0-based) that the model put
    with the furniture: long lines that end like a sentence."""
    for i in range(thread):
        s = lines[i].strip()
        if (
            kinds[i] is LineKind.BOILERPLATE
            and i not in keep_out
            and len(s) >= POST_MIN
            and ends_sentence(s)
        ):
            kinds[i] = LineKind.BODY


LEDE_MIN = 80  # a line this long that ends like a sentence is a paragraph
LEDE_LOOK = 6  # lines under the headline searched for the first paragraph (byline, date)
SENTENCE_MIN = 40  # the paragraphs after the first may be shorter


def _rescue_lede(
    lines: list[str], kinds: list[LineKind], title_line: int, keep_out: set[int]
) -> None:
    """Mark as body the run of sentences that starts with the first paragraph-long line a
    few lines under the headline (`title_line` is 1-based), past a byline or a date.

    A stub (no line of the page is paragraph-long: a headline over one short sentence) has
    no paragraph to start from: its first sentence of `SENTENCE_MIN`+ characters is the
    lede. Such a page gives the model no article to find, and its verdict on the sentence is
    chance (a changed line weighting in training took "The council could not agree on a
    deal for the budget this week." from 0.58 to 0.95 boilerplate)."""
    n = len(lines)
    lede_min = LEDE_MIN
    if not any(len(ln) >= LEDE_MIN and len(ln.strip()) >= LEDE_MIN for ln in lines):
        lede_min = SENTENCE_MIN
    i, seen = title_line, 0
    while i < n and seen < LEDE_LOOK:
        s = lines[i].strip()
        if s:
            seen += 1
            if len(s) >= lede_min:  # the first paragraph-long line is the lede, or none is
                if ends_sentence(s) and i not in keep_out:
                    break
                return
        i += 1
    else:
        return
    while i < n:
        s = lines[i].strip()
        if s:
            if i in keep_out or len(s) < SENTENCE_MIN or not ends_sentence(s):
                return
            if kinds[i] is LineKind.BOILERPLATE:
                kinds[i] = LineKind.BODY
        i += 1


def _find_quotes(
    lines: list[str],
    kinds: list[LineKind],
    kind_weights: tuple[float, ...] | None = None,
    collect: list | None = None,
) -> list[Quote]:
    """Quotation spans of every non-blank line, attributed in reading order.

    The running context (names met, last speaker) is fed only by article lines, so a
    menu or a teaser cannot lend its names to the article's pronouns.
    """
    out: list[Quote] = []
    body, blank, bp, title = LineKind.BODY, LineKind.BLANK, LineKind.BOILERPLATE, LineKind.TITLE
    # lines with a mark that can take part in a quotation (any double mark, or a single
    # one that is not inside a word and precedes a letter or digit); the search skips to
    # the next line after a hit. Line numbers are counted incrementally (C-level
    # str.count), so nothing is computed per line of a text without quotation marks.
    marked = set()
    text = "\n".join(lines)
    turns = _turns(lines, kinds, "\nQ" in text or text[:1] == "Q")
    search = _ANY_MARK_RE.search
    singles = _SINGLES
    count = text.count
    size = len(text)
    i = 0
    last = 0
    m = search(text)
    while m is not None:
        p = m.start()
        if text[p] in singles and (
            (p > 0 and (text[p - 1].isalnum() or text[p - 1] == "_"))
            or p + 1 >= size
            or not text[p + 1].isalnum()
        ):
            m = search(text, p + 1)
            continue
        i += count("\n", last, p)
        if kinds[i] is not blank:
            marked.add(i)
        last = text.find("\n", p)
        if last < 0:
            break
        m = search(text, last)
    # offset of each line: the lengths plus the newline after each line, summed
    starts = [0, *accumulate(map((1).__add__, map(len, lines)))] if marked or turns else []
    for i, (name, at) in turns.items():
        out.append(Quote(starts[i] + at, starts[i] + len(lines[i].rstrip()), "speech", name,
                         turn=True))
    if not marked:
        out.sort(key=_quote_start)
        return out
    # quotations on boilerplate lines are attributed in a throwaway copy of the article's
    # context (a menu or a teaser must not lend its names to the article's pronouns), so a
    # paragraph the line model wrongly calls boilerplate keeps its speakers
    on_bp = {i for i in marked if kinds[i] is bp}
    marked -= on_bp
    # the article's own lines, headline included (it may spell out an acronym): found once,
    # as most lines of a page are blank or boilerplate, which the context never sees
    own = [i for i, k in enumerate(kinds) if k is body or k is title]
    own_text = " ".join([lines[i] for i in own])
    lower = LowerWords(own_text)
    ctx = Context(lower_words=lower, reporters=reporters(text),
                  page=page_features(own_text, len(turns)))
    near = set()
    for i in marked | on_bp:
        near.update(range(i - 6, i))
    if on_bp:
        own = sorted(own + sorted(on_bp))
    weights = kind_weights or _kind_weights.WEIGHTS
    # quotation paragraphs headed or signed by a line that is only a name (round-ups,
    # testimonials)
    heads = roundup_speakers(lines, [i for i in own if i not in on_bp])
    for i in own:
        line = lines[i]
        start = starts[i]
        if i in on_bp:
            _attribute_line(lines, i, start, ctx.scratch(), weights, None, out, True)
            continue
        ctx.sentence += 1
        if i in turns and turns[i][0] is not None:
            # a transcript's turn: its quotations are the turn speaker's
            _turn_speaker(ctx, turns[i][0])
        if i not in marked:
            if kinds[i] is body and _heading(line):
                # a subheading or a product's name opens a new section: an unattributed
                # quotation below it continues nobody above it ("One tester said: “…”" /
                # "Acme Floss Pro" / "“…”" is not the tester's)
                ctx.last_speaker = None
                ctx.section = ctx.sentence + 1
            # names a few paragraphs before a quotation may be its speaker; farther
            # text only advances the sentence count (speakers' names are remembered
            # when they are attributed, so "Vallee said" still finds "Gil Vallee")
            if i in near:
                _note(line, ctx)
            else:
                ctx.sentence += line.count(". ")
            continue
        _attribute_line(lines, i, start, ctx, weights, collect, out, False, heads.get(i))
    _complete_surnames(out, [lines[i] for i in own if i not in on_bp], lower)
    _headline_roles(out, lines, kinds, starts, own, lower)
    out.sort(key=_quote_start)
    _back_fill_paragraphs(out, text)
    return out


_CLOSERS = "\u201d\u00bb\"'\u2019"
_HEADING_ENDS = frozenset(".!?:;,\u201d\u00bb\"'\u2019)\u2026")


def _heading(line: str) -> bool:
    """Whether a body line reads as a heading: a few words, capitalised, with no sentence
    end (a subheading, a product's or a section's name)."""
    t = line.strip()
    if not (0 < t.count(" ") < 10 and t[:1].isupper() and t[-1] not in _HEADING_ENDS):
        return False
    # a caption is a sentence without its full stop ("Supporters cheer at the rally in
    # Springfield"): a heading is short or in title case
    words = t.split()
    return len(words) <= 5 or _is_titlecase(words)


def _back_fill_paragraphs(out: list[Quote], text: str) -> None:
    """A quotation over several paragraphs whose attribution comes only in a later one
    ("“… bridge.¶“And then the road,” Jane Doe said."): the paragraphs before it, each
    left open at its end and followed at once by the next one's opening mark, are the same
    speaker's. `out` is in text order."""
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        if (
            q.speaker is None
            and q.kind == "speech"
            and nxt.speaker is not None
            and nxt.kind == "speech"
            and not q.turn
            and not nxt.turn
            and q.on_boilerplate == nxt.on_boilerplate
            and text[q.end - 1 : q.end] not in _CLOSERS
            and not text[q.end : nxt.start].strip()
            and "\n" in text[q.end : nxt.start]
        ):
            out[k] = replace(q, speaker=nxt.speaker)


def _complete_surnames(out: list[Quote], own_lines: list[str], lower: LowerWords) -> None:
    """A speaker known by a surname only where it spoke (a headline's "Doe: “…”", before
    the body names "Mayor Jane Doe") gets the full name the article gives it later."""
    lone = {q.speaker for q in out if q.speaker and " " not in q.speaker
            and q.speaker[:1].isupper() and not q.speaker.isupper() and not q.turn}
    if not lone:
        return
    full = full_names(lone, "\n".join(own_lines), lower)
    if full:
        for k, q in enumerate(out):
            if q.speaker in full and not q.turn:
                out[k] = replace(q, speaker=full[q.speaker])


def _headline_roles(out: list[Quote], lines: list[str], kinds: list[LineKind],
                    starts: list[int], own: list[int], lower: LowerWords) -> None:
    """A headline's quotation given to a bare office ("‘We will rebuild,’ says mayor") is
    the person the article names with that office ("Mayor Jane Doe"), whom the reading
    order had not met yet."""
    title = next((i for i, k in enumerate(kinds) if k is LineKind.TITLE), None)
    if title is None:
        return
    a, b = starts[title], starts[title] + len(lines[title])
    text = None
    for k, q in enumerate(out):
        if q.kind != "speech" or q.turn or not a <= q.start < b:
            continue
        if q.speaker is not None and headline_role("", " - " + q.speaker.lower()) is None:
            continue  # (a bare office as the speaker, "Mayor: ‘…’", is resolved too)
        line = lines[title]
        role = headline_role(line[: q.start - a], line[q.end - a :])
        if role is None:
            continue
        if text is None:  # (the body: the headline's own words name nobody new)
            text = "\n".join(lines[i] for i in own if kinds[i] is LineKind.BODY)
        who = role_holder(role, text, lower)
        if who is not None:
            out[k] = replace(q, speaker=who)


def _attribute_line(
    lines: list[str],
    i: int,
    start: int,
    c: Context,
    weights: tuple[float, ...],
    collect: list | None,
    out: list[Quote],
    on_boilerplate: bool,
    head: str | None = None,
) -> None:
    """Attribute the quotations of line `i` (at offset `start`) in context `c`, reading
    the line's text between them into it; the quotes go to `out`. `head`: the speaker a
    name line above or below gives the paragraph (`roundups`), used as a signature."""
    line = lines[i]
    spans = line_spans(line)
    prev_end = 0
    prev_speech = False
    nick = [_nickname(line, a, b, closed) for a, b, closed in spans] if len(spans) > 1 else []
    for j, (a, b, closed) in enumerate(spans):
        left = line[max(prev_end, a - MAX_CONTEXT) : a]
        nxt = spans[j + 1][0] if j + 1 < len(spans) else len(line)
        right = line[b : min(nxt, b + MAX_CONTEXT)]
        if nick and j > 0 and nick[j - 1]:
            # a nickname inside the name before: `John “Big Bridge” Roe said, “…”`
            pa, before = spans[j - 1][0], spans[j - 2][1] if j > 1 else 0
            left = line[max(before, pa - MAX_CONTEXT) : pa].rstrip() + " " + left.lstrip()
        if nick and j + 1 < len(spans) and nick[j + 1]:
            # ... and after: `“…,” said John “Big Bridge” Roe.`
            nb = spans[j + 1][1]
            after = spans[j + 2][0] if j + 2 < len(spans) else len(line)
            right = right.rstrip() + " " + line[nb : min(after, nb + MAX_CONTEXT)].lstrip()
        _note(line[prev_end:a], c)
        inner = line[a + 1 : b - 1] if closed else line[a + 1 : b]
        follows = j > 0 and not line[prev_end:a].strip(" ,;:\u2014-")
        # the last quotation of a line may be signed (`“…” — Mark Twain`, or a
        # testimonial with `– Name` on the next line)
        signed = (
            signature(right, lines[i + 1 : i + 3])
            if j == len(spans) - 1 and inner.count(" ") >= 2
            else None
        ) or head
        att = attribute(inner, left, right, closed, follows or (j == 0 and a == 0),
                        prev_speech, c, start + a, weights, signed)
        if nick and nick[j] and att.kind == "speech":
            # a nickname inside a name is a term (the labelling rules: names and
            # nicknames), whatever the kind model makes of a short title-case phrase
            att = replace(att, kind="term", speaker=None)
        prev_speech = prev_speech or att.kind == "speech"
        if collect is not None:
            collect.append((start + a, start + b, att.features))
        c.sentence += max(0, inner.count(". ") + inner.count("? ") + inner.count("! "))
        out.append(Quote(start + a, start + b, att.kind, att.speaker, on_boilerplate,
                         step=att.step))
        prev_end = b
    _note(line[prev_end:], c)


_NICK_BEFORE = re.compile(rf"(?:^|\s)[{UPPER}][\w'\u2019\-]*\s$")


def _nickname(line: str, a: int, b: int, closed: bool) -> bool:
    """Whether the quotation at `a`-`b` is a nickname inside a person's name (`John “Big
    Bridge” Roe`): one to three capitalised words without a sentence's punctuation, between
    a capitalised word and the next one."""
    if not closed or not line[b : b + 2][1:].isupper() or line[b : b + 1] != " ":
        return False
    words = line[a + 1 : b - 1].split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    return words[-1][-1:].isalnum() and _NICK_BEFORE.search(line, max(0, a - 40), a) is not None


# `NAME: words` at a line's start, the name in capitals (with a role after a comma:
# "STEVE INSKEEP, HOST:"), as radio and interview transcripts write a turn
_TURN_RE = re.compile(
    r"([A-Z][A-Z'\u2019.\-]+(?: [A-Z][A-Z'\u2019.\-]+){0,3})"
    r"(?:, [A-Z][A-Z ,'\u2019.\-]*)?: (?=\S)"
)
TURNS_MIN = 3  # turn lines, by at least two speakers: a transcript, not a dateline or two


def _turns(
    lines: list[str], kinds: list[LineKind], questions: bool = True
) -> dict[int, tuple[str | None, int]]:
    """Turns of a transcript among the article's lines: line index -> (speaker, offset of
    the words in the line). None unless the article has `TURNS_MIN` such lines by two or
    more speakers ("NEW DELHI: ..." and "FILE PHOTO: ..." are one-offs), or is a "Q:" /
    "A:" interview (`interviews.qa_turns`: the questions have no speaker; `questions`:
    whether a line opens with "Q" at all)."""
    found = _name_turns(lines, kinds)
    if not found and questions:
        article = [k is LineKind.BODY or k is LineKind.TITLE for k in kinds]
        return qa_turns(lines, article)
    return found


def _name_turns(lines: list[str], kinds: list[LineKind]) -> dict[int, tuple[str | None, int]]:
    """The `NAME: words` turns of `_turns`."""
    found: dict[int, tuple[str, int]] = {}
    full: dict[str, str] = {}
    body, title = LineKind.BODY, LineKind.TITLE
    labelled: list[int] = []  # lines that open with `Something: `
    for i, line in enumerate(lines):
        if not line[:1].isupper() or ": " not in line[:60]:
            continue
        labelled.append(i)
        m = _TURN_RE.match(line)
        if m is None or (kinds[i] is not body and kinds[i] is not title):
            continue
        name = m.group(1)
        if max(len(w) for w in name.split()) < 3:
            continue
        name = _name_case(name)
        last = name.split()[-1].lower()
        if " " in name:
            full.setdefault(last, name)
        else:  # "CANTWELL:" after "TRAVIS CANTWELL:"
            name = full.get(last, name)
        found[i] = (name, m.end())
    if len(found) < TURNS_MIN or len({n for n, _ in found.values()}) < 2:
        found = _title_case_turns(lines, kinds, labelled) if len(labelled) >= TURNS_MIN else {}
        if len(found) < TURNS_MIN or len({n for n, _ in found.values()}) < 2:
            return {}
    return found


# `Jane Doe: words`: a transcript that writes its speakers' names in title case
_TITLE_TURN_RE = re.compile(
    rf"([{UPPER}][{LOWER}][\w'\u2019\-]*(?: [{UPPER}][\w'\u2019\-]*){{0,2}}): (?=\S)"
)


def _title_case_turns(
    lines: list[str], kinds: list[LineKind], labelled: list[int]
) -> dict[int, tuple[str, int]]:
    """Turns written `Jane Doe: words`. A label is a person's name when it opens with a
    common given name ("Jane Doe:"; a review's "Pros:", "Battery Life:", "Myth:" are
    labels, and labels repeat as turns do); a surname alone ("Doe:") follows its full
    name. (Labels that repeat and that the article never writes in lower case were tried
    as names too: "Pros:"/"Cons:", "Beginner:", "Myth:"/"Fact:" on 8 of 530 pages.)"""
    cands: dict[int, tuple[str, int]] = {}
    for i in labelled:
        line = lines[i]
        if kinds[i] is not LineKind.BODY and kinds[i] is not LineKind.TITLE:
            continue
        m = _TITLE_TURN_RE.match(line)
        if m is not None:
            cands[i] = (m.group(1), m.end())
    if len(cands) < TURNS_MIN:
        return {}
    full: dict[str, str] = {}
    people = {name for name, _ in cands.values()
              if " " in name and name.split()[0].lower() in GIVEN}
    for name in people:
        if " " in name:
            full.setdefault(name.split()[-1], name)
    found: dict[int, tuple[str, int]] = {}
    for i, (name, at) in cands.items():
        if name in people:
            found[i] = (full.get(name, name) if " " not in name else name, at)
        elif " " not in name and name in full:
            found[i] = (full[name], at)
    return found


def _name_case(name: str) -> str:
    """"ROSIE CURTS" -> "Rosie Curts", "MARTINEZ-BELTRAN" -> "Martinez-Beltran"."""
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in name.split())


def _turn_speaker(ctx: Context, name: str) -> None:
    """The turn's speaker is the one who speaks (a surname turn "CANTWELL:" is the full
    name met before, "TRAVIS CANTWELL:")."""
    full = ctx.surnames.get(name.split()[-1].lower())
    if " " in name:
        ctx.surnames.setdefault(name.split()[-1].lower(), name)
    elif full:
        name = full
    ctx.last_speaker = name
    ctx.last_speaker_sent = ctx.sentence


def _quote_start(q: Quote) -> int:
    return q.start


def _note(segment: str, ctx: Context) -> None:
    """Feed a stretch of article text outside quotes to the context, sentence by sentence."""
    last = 0
    for m in _SENT_SPLIT_RE.finditer(segment):
        note_names(segment[last : m.end()], ctx)
        ctx.sentence += 1
        last = m.end()
    if last < len(segment):
        note_names(segment[last:], ctx)
