"""The corpus at a glance: counts per tag, label and status, boilerplate shares, speakers.

Domain side of the overview screen (`reader.tui.overview_screen`): plain data in, rows of
(label, count, article ids) out, so the screen only draws bars and the tests need no
terminal. Every row carries the ids of its articles, which is what "enter filters the
list to those articles" needs.

The speakers come from the quotations of every article, found by the one pipeline
(`reader.pipeline`) in the app's background summary pass, and kept in `QuoteCache`
beside the summary cache (article id → size, mtime and its named speech quotations), so a
reopened corpus does not analyse its articles again for them. Speaker corrections of the
user (`quote_speaker`, `quote_reject`, `quote_kind`) are laid over the cached rows here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from reader.quote_table import QuoteTable
from reader.speaker_names import speaker_key

QUOTES_VERSION = 2  # 1: one JSON object; 2: JSON Lines (read both)
SHARE_BUCKETS = 5  # boilerplate share in steps of 20 %
CONTEXT = 160  # characters either side of a quotation in the speaker's list


@dataclass(slots=True)
class Row:
    """One bar: a name, how many, and the articles it stands for."""

    label: str
    count: int
    articles: list[str] = field(default_factory=list)
    kind: str = ""  # "tag", "label", "status", "share", "speaker"
    value: str = ""  # what the row filters by (tag name, status, speaker name, ...)


@dataclass(slots=True)
class Overview:
    articles: int
    tags: list[Row]
    labels: list[Row]
    statuses: list[Row]
    shares: list[Row]  # share buckets, low to high
    mean_share: float | None
    analysed: int  # articles with a known share
    speakers: list[Row]
    speakers_known: int  # articles whose quotations are known

    def sections(self) -> list[tuple[str, list[Row]]]:
        share_title = "Boilerplate share (articles per band)"
        if self.mean_share is not None:
            share_title += f" · mean {self.mean_share:.0%} of characters"
        return [
            ("Status", self.statuses),
            ("Tags", self.tags),
            ("Labels (highlights)", self.labels),
            (f"Most quoted speakers (quotations; {self.speakers_known:,} of "
             f"{self.articles:,} articles analysed)", self.speakers),
            (share_title, self.shares),
        ]


def normalise_speaker(name: str) -> str:
    return " ".join(name.split())


def _sorted(rows: dict[str, Row]) -> list[Row]:
    return sorted(rows.values(), key=lambda r: (-r.count, r.label.casefold()))


def speaker_rows(
    quotes: Mapping[str, Sequence[Any]], corrections: Iterable[Any] = (), limit: int = 20,
    only: set[str] | None = None,
) -> list[Row]:
    """Speakers by number of named speech quotations, with the articles they appear in.

    `quotes` maps article id → [start, end, speaker] rows (`QuoteTable`), read one
    article at a time; `only` keeps those articles. The user's quotation corrections of
    an article are applied to its rows by span.
    """
    fixes = _quote_fixes(corrections)
    rows: dict[str, Row] = {}
    forms: dict[str, dict[str, int]] = {}  # key → written form → quotations
    for article in quotes:
        if only is not None and article not in only:
            continue
        for _start, _end, speaker in _corrected(article, quotes[article], fixes):
            name = normalise_speaker(speaker)
            key = speaker_key(name)  # "North Korea" and "the North Korean government"
            row = rows.setdefault(key, Row(name, 0, [], "speaker", name))
            row.count += 1
            seen = forms.setdefault(key, {})
            seen[name] = seen.get(name, 0) + 1
            if not row.articles or row.articles[-1] != article:
                row.articles.append(article)
    for key, row in rows.items():  # shown as it is written most (else as the key reads)
        best = min(forms[key], key=lambda f: (-forms[key][f], f.casefold() != key, f))
        row.label = row.value = best
    return _sorted(rows)[:limit]


def _quote_fixes(corrections: Iterable[Any]) -> dict[tuple[str, int, int], list[Any]]:
    out: dict[tuple[str, int, int], list[Any]] = {}
    for c in sorted(corrections, key=lambda c: c.created):
        if c.kind.startswith("quote_") and c.article and c.start is not None:
            out.setdefault((c.article, c.start, c.end), []).append(c)
    return out


def _corrected(
    article: str, found: Sequence[Any], fixes: dict[tuple[str, int, int], list[Any]]
) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of the article's named speech quotations after corrections."""
    out = []
    for start, end, speaker in found:
        keep = True
        for c in fixes.get((article, start, end), ()):
            if c.kind == "quote_reject" or (c.kind == "quote_kind" and c.value == "term"):
                keep = False
            elif c.kind == "quote_speaker":
                speaker = c.value or ""
        if keep and speaker:
            out.append((start, end, speaker))
    # a speaker given to a quotation the detector left unnamed is counted too
    have = {(s, e) for s, e, _ in found}
    for (a, s, e), cs in fixes.items():
        if a == article and (s, e) not in have:
            last = cs[-1]
            if last.kind == "quote_speaker" and last.value:
                out.append((s, e, last.value))
    return out


def build_overview(
    article_ids: Sequence[str],
    states: Iterable[Any],
    highlights: Iterable[Any],
    shares: Sequence[float | None],
    quotes: Mapping[str, Sequence[Any]],
    corrections: Iterable[Any] = (),
    speaker_limit: int = 20,
) -> Overview:
    """Counts for the overview. `states` are ArticleState-like (article, tags, status);
    `shares[i]` belongs to `article_ids[i]`; `quotes` as in `speaker_rows`."""
    known = set(article_ids)
    tags: dict[str, Row] = {}
    status_of: dict[str, str] = {}
    for s in states:
        if s.article not in known:
            continue
        status_of[s.article] = s.status
        for t in s.tags:
            tags.setdefault(t, Row(t, 0, [], "tag", t))
            tags[t].count += 1
            tags[t].articles.append(s.article)
    statuses: dict[str, Row] = {
        name: Row(name, 0, [], "status", name) for name in ("todo", "done", "skipped")
    }
    for a in article_ids:
        st = status_of.get(a, "todo")
        row = statuses.setdefault(st, Row(st, 0, [], "status", st))
        row.count += 1
        row.articles.append(a)
    labels: dict[str, Row] = {}
    for h in highlights:
        name = h.label or "(no label)"
        row = labels.setdefault(name, Row(name, 0, [], "label", h.label))
        row.count += 1
        if h.article not in row.articles:
            row.articles.append(h.article)
    step = 100 // SHARE_BUCKETS
    buckets = [Row(f"{step * b:>3}–{step * (b + 1)}%", 0, [], "share", str(b))
               for b in range(SHARE_BUCKETS)]
    total, n = 0.0, 0
    for a, share in zip(article_ids, shares, strict=True):
        if share is None:
            continue
        b = min(SHARE_BUCKETS - 1, int(share * SHARE_BUCKETS))
        buckets[b].count += 1
        buckets[b].articles.append(a)
        total += share
        n += 1
    return Overview(
        articles=len(article_ids),
        tags=_sorted(tags),
        labels=_sorted(labels),
        statuses=[r for r in statuses.values() if r.count],
        shares=buckets,
        mean_share=total / n if n else None,
        analysed=n,
        speakers=speaker_rows(quotes, corrections, speaker_limit, only=known),
        speakers_known=sum(1 for a in article_ids if a in quotes),
    )


def bar(count: int, most: int, width: int) -> str:
    """A bar of `count` against `most` in `width` cells, with eighth-block precision."""
    if most <= 0 or width <= 0 or count <= 0:
        return ""
    eighths = max(1, round(count / most * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + ("" if not part else " ▏▎▍▌▋▊▉"[part])


# -- a speaker's quotations in context ------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuoteInContext:
    article: str
    line: int  # 1-based
    start: int
    end: int
    before: str
    quote: str
    after: str


def quotations_of(
    speaker: str,
    quotes: Mapping[str, Sequence[Any]],
    read: Callable[[str], str | None],
    corrections: Iterable[Any] = (),
    order: Sequence[str] | None = None,
) -> list[QuoteInContext]:
    """Every quotation of `speaker` across the corpus with the text around it.

    `read(id)` returns an article's text (None when it cannot be read: skipped). Articles
    come in `order` (corpus order) when given.
    """
    want = speaker_key(speaker)
    fixes = _quote_fixes(corrections)
    ids = [a for a in (order if order is not None else sorted(quotes)) if a in quotes]
    out: list[QuoteInContext] = []
    for article in ids:
        mine = [(s, e) for s, e, who in _corrected(article, quotes[article], fixes)
                if speaker_key(who) == want]
        if not mine:
            continue
        text = read(article)
        if text is None:
            continue
        for s, e in sorted(mine):
            if not (0 <= s < e <= len(text)):
                continue  # the article changed since it was analysed
            a = text.rfind("\n", 0, s) + 1
            b = text.find("\n", e)
            b = len(text) if b < 0 else b
            out.append(QuoteInContext(
                article, text.count("\n", 0, s) + 1, s, e,
                " ".join(text[max(a, s - CONTEXT) : s].split()),
                " ".join(text[s:e].split()),
                " ".join(text[e : min(b, e + CONTEXT)].split()),
            ))
    return out


# -- the quotation cache ----------------------------------------------------------------


def quote_cache_path_for(summary_cache: Path) -> Path:
    """`annotations.cache.json` → `annotations.quotes.json`, beside it."""
    name = summary_cache.name.removesuffix(".cache.json")
    return summary_cache.with_name(name + ".quotes.json")


class QuoteCache:
    """Named speech quotations per article, keyed by size and mtime; derived data only.

    The file is JSON Lines: a header `{"version", "detectors", "context"}`, then one
    `[id, size, mtime_ns, [[start, end, speaker], ...]]` per article, so it is read one
    line at a time into a `QuoteTable` and never held whole as Python objects (a
    100,000-article corpus writes ~8 MB; parsed at once that was ~90 MB at peak). A
    version-1 file (one JSON object) is still read, and replaced at the next save.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def load(self, context: str, articles: Iterable[Any]) -> QuoteTable:
        """The entries still valid for `articles` (id, size, mtime_ns) under `context`."""
        from reader.cache import detector_stamp

        out = QuoteTable()
        if self.path is None:
            return out
        try:
            f = self.path.open("rb")
        except OSError:
            return out
        with f:
            try:
                head = orjson.loads(f.readline())
            except (OSError, ValueError):
                return out
            if (
                not isinstance(head, dict)
                or head.get("version") not in (1, QUOTES_VERSION)
                or head.get("detectors") != detector_stamp()
                or head.get("context") != context
            ):
                return out
            stamp = {a.id: a for a in articles}
            if head["version"] == 1:  # the whole file was that one line
                entries = head.get("entries")
                rows = ([k, *v] for k, v in entries.items() if isinstance(v, list)) \
                    if isinstance(entries, dict) else ()
            else:
                rows = _lines(f)
            try:
                for row in rows:
                    _take(row, stamp, out)
            except (OSError, ValueError):
                return QuoteTable()
        return out

    def save(self, context: str, articles: Iterable[Any],
             quotes: Mapping[str, Sequence[Sequence[Any]]]) -> bool:
        """Atomic write; failure is silent (the quotations are found again next time)."""
        from reader.cache import detector_stamp, replace_file

        if self.path is None:
            return False
        # one buffer: each line's bytes are freed at once (kept, orjson's per-call
        # buffers cost ~4 KB a line: 400 MB at 100,000 articles)
        payload = bytearray(orjson.dumps({"version": QUOTES_VERSION,
                                          "detectors": detector_stamp(), "context": context}))
        for a in articles:
            if a.id in quotes:
                payload += b"\n"
                payload += orjson.dumps([a.id, a.size, a.mtime_ns,
                                         [list(r) for r in quotes[a.id]]])
        payload += b"\n"
        try:
            replace_file(self.path, payload, ".quotes-")  # (no copy of ~9 MB)
        except OSError:
            return False
        return True


def _lines(f: Any) -> Iterator[Any]:
    for line in f:
        if line.strip():
            yield orjson.loads(line)


def _take(row: Any, stamp: dict[str, Any], out: QuoteTable) -> None:
    """One cached article into `out` if it is still the article it was found in."""
    if not (isinstance(row, list) and len(row) == 4 and isinstance(row[3], list)):
        return
    a = stamp.get(row[0])
    if a is None or row[1] != a.size or row[2] != a.mtime_ns:
        return
    if all(isinstance(r, list) and len(r) == 3 for r in row[3]):
        out[a.id] = row[3]
