"""Site furniture that a fixed pattern names with certainty, whatever the model thinks.

The boilerplate model weighs evidence and leans towards keeping text (losing a paragraph of
the article is worse than showing a menu item). Near the end of an article that leaning
keeps teasers and prompts that sit among prose: a "Get local stories ... to your inbox"
prompt, the "(Korea Pool via AP)" caption under the lead photo, a "Read more:" or "Just
Posted" header and the list of other stories under it. These patterns override the model
(on dev they match 1,040 lines outside the teaser runs, 3 of them article text, and 975
teaser lines, 6 of them short article lines):

* prompts and credits: calls to action ("Sign up here", "... delivered to your inbox",
  "Placeholder while article actions load", "Continue reading", "Click here ..."), a
  photo credit in parentheses at a line's end ("(AP Photo/...)", "(File photo by ...)",
  "(THE CANADIAN PRESS/...)", "(... via AP)") or without them ("... THE CANADIAN
  PRESS/Miguel A. Lopes/Pool via AP"), a caption or link label at its start
  ("Above:", "Photo:", "Video:", "Also read:");
* list headers: a line that only announces a list of other stories ("Read more:",
  "Related stories", "Just Posted", "You may also like", "More from The Post" ...), and
  the teaser titles under it up to the article's next paragraph (a long line, or a
  sentence followed by one);
* a comment thread: its header ("10 Comments", "Leave a reply") followed at once by
  signed comments ("... said:", "2 days ago", "Rating: 36 Votes"), to the end of the page.

Written for speed: whole-line phrases are set intersections with the page's line keys
(`text.normalise_line`), the other patterns literal searches over the whole text
(`str.find`, or a regex that starts with a literal), so a page without furniture costs a
few C-level scans and nothing per line; hits become line numbers in one pass, so a page
made of furniture stays linear too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs

# a credit in parentheses at the end of a line (checked on the lines that end with ")")
_CREDIT_RE = re.compile(
    r"\((?:[^()]{0,80}\bvia (?:AP|AFP|Reuters|Getty Images)"
    r"|AP Photo\b[^()]{0,80}"
    r"|[^()]{0,80}\b(?:[Pp]hoto|PHOTO)(?:graph)?s?\b[^()]{0,80}"
    r"|THE CANADIAN PRESS/[^()]{0,160}"
    r"|[^()]{0,60}/(?:Getty Images|AFP|AP|Reuters|EPA)[^()]{0,40}"
    r"|(?:Getty Images|Reuters|AFP|AP)[^()]{0,40}"
    r"|(?:Courtesy|Credit)[^()]{0,80})\)\s*\.?\s*$"
)
_PAREN_END_RE = re.compile(r"\)[ \t]*\.?[ \t]*(?=\n|$)")
# a credit that ends a caption without parentheses ("... Sunday, Aug. 23, 2020. THE
# CANADIAN PRESS/Miguel A. Lopes/Pool via AP"), found from these (lower-case) words
_TAIL_NEEDLES = ("the canadian press/", "ap photo/", "getty images", "via ap")
_TAIL_AGENCY_RE = re.compile(r"/(?:reuters|afp|epa|shutterstock)")  # (one scan, not four)
_CREDIT_TAIL_RE = re.compile(
    r"(?:THE CANADIAN PRESS/[^\n]{0,80}|\bAP Photo/[^\n]{0,60}|\bvia AP|/AP|/ ?Getty Images"
    r"|\bGetty Images|/Reuters|/AFP|/EPA|/Shutterstock)\s*\.?$"
)

# whole lines (as `normalise_line` keys: lower case, spaces collapsed)
_PROMPT_LINES = frozenset(
    f"{p}{end}"
    for p in ("sign up", "sign up here", "sign up now", "sign up today", "subscribe",
              "subscribe now", "subscribe today", "subscribe here",
              "placeholder while article actions load")
    for end in ("", ".", "!")
)
_HEADERS = (
    "read more", "related", "related stories", "related articles", "related content",
    "related coverage", "related posts", "related news", "related reading", "just posted",
    "more stories", "more news", "trending", "trending now", "trending stories",
    "most popular", "most read", "most viewed", "recommended", "recommended for you",
    "recommended stories", "you may also like", "you might also like", "also read",
    "see also", "latest", "latest news", "latest stories", "top stories", "popular",
    "popular stories", "popular posts", "editor's picks", "editors' picks", "editors picks",
    "editor's pick", "further reading", "what to read next", "keep reading", "read next",
    "up next", "more on this story", "in other news",
)
_HEADER_LINES = frozenset(f"{h}{end}" for h in _HEADERS for end in ("", ":", " :"))
_MORE_FROM = "\nmore from "  # "More from The Post", a header of any site's name
MORE_FROM_MAX = 40
# phrases that make a whole line a call to action wherever they stand (only ones that a
# news story would not use of its own subject: "spam lands in your inbox" would)
_PROMPT_ANYWHERE = (  # (a word each shares, searched first, and the phrases)
    ("inbox", ("delivered to your inbox", "straight to your inbox", "right to your inbox",
               "directly to your inbox", "right in your inbox")),
    ("newsletter", ("sign up for our newsletter", "subscribe to our newsletter")),
    ("subscri", ("consider subscribing",)),
    ("reader-supported", ("is a reader-supported publication",)),
)
# a caption or a credit announced by its first word ("Above: The fluffy seedheads ...",
# "Photo: ...", "Video: In this talk ..."), or a link to another story ("Also read: ...")
_LABEL_PREFIXES = (
    "above:", "below:", "pictured:", "photo:", "photos:", "photograph:", "image:", "images:",
    "illustration:", "caption:", "credit:", "credits:", "video:", "also read:",
    "read more:", "sponsored:",
)
# (at a line start of the joined keys: a literal first character keeps the scan fast)
_LABEL_RE = re.compile(
    "\n(?=" + "|".join(re.escape(p) for p in _LABEL_PREFIXES) + ")"
)
_PROMPT_END = "continue reading"  # "... from the ground up… Continue reading"
_END_MARKS = " .\u2026\u203a\u00bb>"
_PROMPT_START = ("click here", "tap here")

# the header of a comment thread, and what its comments are signed with (a date, "said:",
# a rating): a header followed by two such signatures starts a thread that runs to the end
_THREAD_LINES = frozenset((
    "comment", "comments", "top rated comments", "leave a comment", "leave a reply",
    "join the discussion", "join the conversation", "reader comments", "show comments",
    "view comments",
))
# "12 Comments", "[ 167 comments ]", "6 thoughts on “…”", "3 replies to …", "2 responses"
_COUNTED_HEADER_RE = re.compile(r"\n(?=\[? ?\d+ (?:comm|resp|thou|repl))")
_COUNTED_HEADER_FULL_RE = re.compile(
    r"\[ ?\d+ comments? ?\]|\d+ comments?|\d+ responses?|\d+ thoughts on .*|\d+ replies to .*"
)
_SIGNATURE_RE = re.compile(
    r"\bsaid:$|\bsays:$|\b\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago\b|^reply$"
    r"|\brating: \d+ votes?\b| at \d{1,2}:\d{2} ?(?:am|pm)\b|^\d+ (?:likes?|points?)\b"
)
THREAD_LOOK = 12  # lines after a thread header searched for signatures
THREAD_SIGNATURES = 2
THREAD_FIRST = 5  # the first signature comes within this many lines of the header

RUN_MAX = 12  # lines under a list header looked at, at most (captions not counted)
LOOK_MAX = 8 * RUN_MAX  # lines under a list header read at most, blank and captions too
_SENTENCE_END = (".", "!", "?", "\u201d", '"', "\u2026")
LONG = 100  # a line this long is a paragraph, not a teaser title


def _occurrences(hay: str, needle: str) -> list[int]:
    """Offsets of every occurrence of `needle` in `hay` (C-level `str.find`)."""
    out = []
    find = hay.find
    p = find(needle)
    while p >= 0:
        out.append(p)
        p = find(needle, p + 1)
    return out


def _line_of(hay: str, offsets: list[int]) -> list[int]:
    """0-based line index of each character offset of `hay`, in offset order (C-level
    counts between consecutive offsets: linear in the text however many hits there are)."""
    out = []
    count = hay.count
    line = last = 0
    for p in sorted(offsets):
        line += count("\n", last, p)
        last = p
        out.append(line)
    return out


def _positions(keys: Sequence[str], wanted: set[str] | frozenset[str]) -> list[int]:
    """Indexes of the keys in `wanted` (few): C-level `list.index` scans, no loop per line."""
    out = []
    index = keys.index
    for k in wanted:
        i = -1
        try:
            while True:
                i = index(k, i + 1)
                out.append(i)
        except ValueError:
            pass
    return out


def _thread_start(low: str, keys: Sequence[str]) -> int | None:
    """Line index of the header of a comment thread, if the page has one."""
    heads = set(_positions(keys, _THREAD_LINES.intersection(keys)))
    counted = [m.start() + 1 for m in _COUNTED_HEADER_RE.finditer(low)]
    if counted:
        heads.update(i for i in _line_of(low, counted)
                     if _COUNTED_HEADER_FULL_RE.fullmatch(keys[i]))
    for i in sorted(heads):
        after = [k for k in keys[i + 1 : i + 1 + 3 * THREAD_LOOK] if k][:THREAD_LOOK]
        signed = [j for j, k in enumerate(after) if _SIGNATURE_RE.search(k)]
        if len(signed) >= THREAD_SIGNATURES and signed[0] < THREAD_FIRST:
            return i
    return None


class Furniture(NamedTuple):
    """What the patterns found on a page (0-based line indexes)."""

    certain: set[int]  # furniture by pattern (prompts, credits, headers, a comment thread)
    teasers: set[int]  # the teaser lines under a list header
    thread: int | None  # where a comment thread starts


def _before_paragraph(lines: Sequence[str], i: int) -> bool:
    """Whether the next non-blank line from `i` on is paragraph-long (or there is none)."""
    for ln in lines[i : i + 4]:
        if ln.strip():
            return len(ln.strip()) >= LONG
    return True


def furniture_lines(text: str, lines: Sequence[str], keys: Sequence[str]) -> Furniture:
    """The lines of a page that are site furniture by pattern. `lines` is
    `text.split("\\n")`, `keys` their `normalise_line` keys.
    """
    prompts: set[int] = set()
    present = _PROMPT_LINES.intersection(keys)
    header_keys = _HEADER_LINES.intersection(keys)
    low = "\n".join(keys)
    found: list[int] = []
    for gate, phrases in _PROMPT_ANYWHERE:
        if gate in low:
            for phrase in phrases:
                found += _occurrences(low, phrase)
    for phrase in _PROMPT_START:
        found += [p + 1 for p in _occurrences(low, "\n" + phrase)]
        if low.startswith(phrase):
            found.append(0)
    for p in _occurrences(low, _PROMPT_END):
        end = p + len(_PROMPT_END)
        stop = low.find("\n", end)
        if not low[end : stop if stop >= 0 else len(low)].strip(_END_MARKS):
            found.append(p)
    more_from = [p + 1 for p in _occurrences(low, _MORE_FROM)]
    if found:
        prompts.update(_line_of(low, found))
    labelled = [m.start() + 1 for m in _LABEL_RE.finditer(low)]
    if labelled:
        prompts.update(_line_of(low, labelled))
    if keys and keys[0].startswith(_LABEL_PREFIXES):
        prompts.add(0)
    if present:
        prompts.update(_positions(keys, present))
    tails = [m.start() for m in _TAIL_AGENCY_RE.finditer(low)]
    for needle in _TAIL_NEEDLES:
        tails += _occurrences(low, needle)
    if tails:
        for i in set(_line_of(low, tails)):
            if _CREDIT_TAIL_RE.search(lines[i].strip()):
                prompts.add(i)
    ends = [m.start() for m in _PAREN_END_RE.finditer(text)]
    if ends:
        for i in set(_line_of(text, ends)):
            if _CREDIT_RE.search(lines[i]):
                prompts.add(i)
    headers = sorted(_positions(keys, header_keys)) if header_keys else []
    headers += [i for i in _line_of(low, more_from) if len(keys[i]) <= MORE_FROM_MAX]
    certain = prompts.union(headers)
    thread = _thread_start(low, keys)
    if thread is not None:
        certain.update(i for i in range(thread, len(keys)) if keys[i])
    teasers: set[int] = set()
    n = len(lines)
    header_set = set(headers)
    for h in headers:
        seen = 0
        i = h + 1
        stop = min(n, h + 1 + LOOK_MAX)  # (bounded: a page of prompts is no list)
        while i < stop and seen < RUN_MAX:
            s = lines[i].strip()
            i += 1
            if not s:
                continue
            if i - 1 in header_set:  # the next list
                break
            if i - 1 in prompts:  # a caption or a prompt among the teasers
                continue
            seen += 1
            if i - 1 in certain or len(s) >= LONG:
                break
            if s.endswith(_SENTENCE_END) and _before_paragraph(lines, i):
                break  # a short sentence that leads into the article's next paragraph
            teasers.add(i - 1)
    return Furniture(certain, teasers, thread)


def headed_lists(found: Furniture, lines: Sequence[str]) -> set[int]:
    """The lines of the headed teaser lists `found` on a page: each teaser, and the
    pattern lines (the header, a caption) above it up to the list's start (blank lines and
    other teasers between them skipped).

    Such a list says nothing about where the article is: inside an article ("Just Posted"
    and three titles between two paragraphs) its short lines are no reason to end the
    article's run there (`boilerplate.main_regions`), and under it they are settled
    furniture whatever the run does."""
    teasers = found.teasers
    if not teasers:
        return set()
    certain = found.certain
    out = set(teasers)
    for t in sorted(teasers):  # (each walk stops at the teaser before: linear)
        i = t - 1
        while i >= 0 and i not in out and (i in certain or not lines[i].strip()):
            if i in certain:
                out.add(i)
            i -= 1
    return out


def inside_lists(lists: set[int], lines: Sequence[str]) -> set[int]:
    """The lines of `lists` (`headed_lists`) whose list sits between two paragraphs: the
    non-blank line above its first line and the one under its last are paragraph-long
    (`LONG`) and end like a sentence. A list under an article is followed by more furniture
    or by the page's end far more often than by a paragraph."""
    out: set[int] = set()
    n = len(lines)

    def paragraph(i: int, step: int) -> bool:
        while 0 <= i < n and not lines[i].strip():
            i += step
        if not 0 <= i < n:
            return False
        s = lines[i].strip()
        return len(s) >= LONG and s.endswith(_SENTENCE_END)

    group: list[int] = []
    for i in sorted(lists):
        if group and any(lines[j].strip() for j in range(group[-1] + 1, i)):
            if paragraph(group[0] - 1, -1) and paragraph(group[-1] + 1, 1):
                out.update(group)
            group = []
        group.append(i)
    if group and paragraph(group[0] - 1, -1) and paragraph(group[-1] + 1, 1):
        out.update(group)
    return out
