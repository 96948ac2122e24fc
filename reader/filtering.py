"""The query language of `/`, `reader search` and the tests, and its evaluation.

    budget vote            both words (in the article text without boilerplate lines)
    "exact phrase"         the words in this order, within one line
    strike OR walkout      either (OR binds the two terms around it)
    -word  -"a phrase"     without it; any term below can be negated the same way
    elect*                 a word starting with "elect" ("elect"* works for phrases too)
    tag:NAME  -tag:NAME    has (has not) the tag; tag:"foreign policy" for spaces
    is:done  is:todo  is:skipped
    label:NAME             has a highlight with that label
    speaker:"Name"         quotes that speaker (every word of Name in the speaker's name,
                           or one speaker as the overview counts: "North Korea")
    has:note  has:highlight
    in:all  in:title       search every line / titles only (default: the body)
    site:NAME              the source (or the URL's host) contains NAME
    date:2020-01..2020-06  dated in the range: YYYY, YYYY-MM or YYYY-MM-DD, either end
                           optional (date:2020, date:..2019-12-31); undated articles never
                           match; anything else is refused (`reader.date_terms`)

Words are matched as the search index tokenizes them: case and Latin accents do not
count ("ecole" finds "École"), punctuation splits words ("hell-bent" is the phrase
"hell bent"). The grammar (`OPERATORS`) is kept here, once, so the `/` help line, the
README and the parser cannot drift apart.

Adding an operator (say `site:`): its name in `META`, a row in `OPERATORS` (the help
line and the help screen follow), and its answer in `Facts.matching`.

Evaluation is set algebra over article indices: each term asks an engine for the set of
articles it matches (the full-text index, a brute-force scan in tests, or titles alone
while the index is being built), annotation terms ask `Facts`. Kept apart from the UI so
one query drives the list, the CLI and the tests, and so a 100,000-article filter is set
operations rather than widget lookups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotations.tags import normalize_tag
from reader.date_terms import bounds, date_problem
from reader.errors import UserError

STATUSES = ("done", "todo", "skipped")
HAS = ("note", "highlight")
SCOPES = ("body", "all", "title")
META = ("tag", "is", "label", "speaker", "has", "site", "date")

# (syntax, meaning): the `/` help line and the help screen are generated from this
OPERATORS: tuple[tuple[str, str], ...] = (
    ("words", "all must occur"),
    ('"a phrase"', "exact phrase"),
    ("a OR b", "either"),
    ("-word", "without"),
    ("pre*", "prefix"),
    ("tag:NAME", "tagged (-tag: not)"),
    ("is:done|todo|skipped", "status"),
    ("label:NAME", "has a highlight with that label"),
    ('speaker:"Name"', "quotes that speaker"),
    ("has:note|highlight", "has a note / a highlight"),
    ("in:all|title", "every line / titles only"),
    ("site:NAME", "source or URL host contains NAME"),
    ("date:FROM..TO", "dated in the range (2020-01..2020-06)"),
)


def tag_key(tag: str) -> str:
    """How the filter compares tags: the store's one spelling, without case."""
    return normalize_tag(tag).lower()


def help_line() -> str:
    """One line naming every operator, for the `/` box."""
    return "  ".join(syntax for syntax, _ in OPERATORS)


class QueryError(UserError):
    """A query that cannot be parsed; the message is one line for the user."""


# -- the syntax tree -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """Words or a phrase: `terms` are the normalised tokens, in order."""

    raw: str  # as typed (lower-cased), for the title-only filter
    terms: tuple[str, ...]
    prefix: bool = False
    phrase: bool = False


@dataclass(frozen=True, slots=True)
class Meta:
    kind: str  # one of META
    value: str


@dataclass(frozen=True, slots=True)
class Not:
    term: Text | Meta


@dataclass(frozen=True, slots=True)
class AnyOf:
    terms: tuple[Text | Meta | Not, ...]


Clause = Text | Meta | Not | AnyOf


@dataclass(frozen=True, slots=True)
class Query:
    clauses: tuple[Clause, ...] = ()
    scope: str = "body"
    source: str = field(default="", compare=False)

    @property
    def empty(self) -> bool:
        return not self.clauses

    @property
    def wordless(self) -> bool:
        """No clause holds a word or an operator: `-`, `...`, `"  "` (punctuation is not
        searched), which match every article. `reader search CORPUS -` listed them all."""

        def blank(t: Clause) -> bool:
            if isinstance(t, Not):
                return blank(t.term)
            if isinstance(t, AnyOf):
                return any(blank(x) for x in t.terms)  # one side matches all: so does it
            return isinstance(t, Text) and not t.terms

        return all(blank(c) for c in self.clauses)

    # the views the title-only filter and older callers use
    @property
    def text(self) -> tuple[str, ...]:
        return tuple(c.raw for c in self.clauses if isinstance(c, Text))

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.clauses if isinstance(c, Meta) and c.kind == "tag")

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.clauses if isinstance(c, Meta) and c.kind == "label")

    @property
    def negated_tags(self) -> tuple[str, ...]:
        return tuple(
            c.term.value
            for c in self.clauses
            if isinstance(c, Not) and isinstance(c.term, Meta) and c.term.kind == "tag"
        )

    @property
    def status(self) -> str | None:
        found = [c.value for c in self.clauses if isinstance(c, Meta) and c.kind == "is"]
        return found[-1] if found else None

    def text_terms(self, positive: bool = True) -> list[Text]:
        """The text terms, outside negations (`positive`) or inside them."""
        out: list[Text] = []
        for c in self.clauses:
            for t in c.terms if isinstance(c, AnyOf) else (c,):
                if isinstance(t, Text) and positive:
                    out.append(t)
                elif isinstance(t, Not) and isinstance(t.term, Text) and not positive:
                    out.append(t.term)
        return out


# -- parsing -------------------------------------------------------------------------


def _terms_of(text: str) -> tuple[str, ...]:
    from reader.search.text import tokens

    return tuple(tokens(text))


def _lex(query: str) -> list[tuple[str, str, bool]]:
    """(kind, value, quoted) tokens: kind is "word", "phrase", "or", or an operator name
    ("tag", "-tag", ...); quoted says the value was in quotation marks."""
    out: list[tuple[str, str, bool]] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        neg = ""
        if ch == "-" and i + 1 < n and not query[i + 1].isspace():
            neg, i = "-", i + 1
            ch = query[i]
        if ch == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError('unclosed quotation mark (") in the query')
            value = query[i + 1 : end]
            i = end + 1
            star = i < n and query[i] == "*"
            if star:
                i += 1
            out.append((neg + "phrase", value + ("*" if star else ""), True))
            continue
        j = i
        while j < n and not query[j].isspace():
            if query[j] == ":" and j + 1 < n and query[j + 1] == '"':
                op = query[i:j].lower()
                if op in META or op == "in":
                    end = query.find('"', j + 2)
                    if end < 0:
                        raise QueryError(f'unclosed quotation mark (") after {op}:')
                    out.append((neg + op, query[j + 2 : end], True))
                    i = end + 1
                    break
            j += 1
        else:
            word = query[i:j]
            i = j
            low = word.lower()
            head, sep, value = low.partition(":")
            if sep and head in META + ("in",) and value:
                out.append((neg + head, word[len(head) + 1 :], False))
            elif sep and head in META + ("in",):  # "tag:" while it is being typed
                out.append(("word", neg + word, False))
            elif word == "OR" and not neg:
                out.append(("or", word, False))
            else:
                out.append((neg + "word", word, False))
            continue
    return out


def _atom(kind: str, value: str, quoted: bool) -> Text | Meta | Not:
    neg = kind.startswith("-")
    kind = kind.lstrip("-")
    atom: Text | Meta
    if kind in ("word", "phrase"):
        prefix = value.endswith("*")
        core = value.rstrip("*") if prefix else value
        if neg and kind == "word" and not core:  # a lone "-"
            return Text(("-" + value).lower(), ())
        atom = Text(core.lower(), _terms_of(core), prefix, kind == "phrase")
    else:
        low = value.lower()
        if kind == "is":
            if low not in STATUSES:
                if quoted:
                    raise QueryError(f"is: takes {', '.join(STATUSES)} (not {value!r})")
                return Text(f"{'-' if neg else ''}is:{low}", _terms_of(f"is {value}"))
            value = low
        elif kind == "has":
            if low not in HAS:
                raise QueryError(f"has: takes note or highlight (not {value!r})")
            value = low
        elif kind == "date":
            if problem := date_problem(low):  # (not words: a typo matched nothing, silently)
                raise QueryError(problem)
            value = low
        elif kind == "site":
            value = low
        atom = Meta(kind, value)
    return Not(atom) if neg else atom


def parse(query: str) -> Query:
    """The query as a syntax tree; raises QueryError (one line) when it cannot be read."""
    tokens = _lex(query)
    scope = "body"
    clauses: list[Clause] = []
    pending_or = False
    for kind, value, quoted in tokens:
        if kind.lstrip("-") == "in":
            low = value.lower()
            if kind.startswith("-") or low not in ("all", "title", "body"):
                raise QueryError(f"in: takes all or title (not {value!r})")
            scope = low
            continue
        if kind == "or":
            if not clauses or pending_or:
                raise QueryError("OR needs a term on each side")
            pending_or = True
            continue
        atom = _atom(kind, value, quoted)
        if pending_or:
            prev = clauses.pop()
            if isinstance(prev, AnyOf):
                clauses.append(AnyOf((*prev.terms, atom)))
            else:
                clauses.append(AnyOf((prev, atom)))
            pending_or = False
        else:
            clauses.append(atom)
    if pending_or:
        raise QueryError("OR needs a term on each side")
    return Query(tuple(clauses), scope, query)


# -- evaluation ----------------------------------------------------------------------


@dataclass(slots=True)
class Facts:
    """What annotation terms are answered from, for just the annotated articles (by
    index): everything else is "todo" with no tags and no highlights."""

    status: dict[int, str] = field(default_factory=dict)  # only where not "todo"
    tags: dict[int, Sequence[str]] = field(default_factory=dict)
    labels: dict[int, Sequence[str]] = field(default_factory=dict)  # has highlights
    notes: set[int] = field(default_factory=set)  # has a highlight with a note
    speakers: Callable[[str], set[int]] | None = None  # from the search index
    # site: and date: (kind, value) → articles, from their metadata (`metadata_matcher`)
    metadata: Callable[[str, str], set[int]] | None = None

    def matching(self, term: Meta) -> tuple[set[int], bool]:
        """(set, complemented): the articles the term matches, or those it does not."""
        v = term.value.lower()
        if term.kind == "tag":  # one tag spelling everywhere (annotations.tags)
            v = tag_key(term.value)
            return {i for i, ts in self.tags.items() if any(tag_key(t) == v for t in ts)}, False
        if term.kind == "is":
            if v == "todo":
                return {i for i, s in self.status.items() if s != "todo"}, True
            return {i for i, s in self.status.items() if s == v}, False
        if term.kind == "label":
            return {i for i, ls in self.labels.items() if any(x.lower() == v for x in ls)}, False
        if term.kind == "has":
            return (set(self.notes) if v == "note" else set(self.labels)), False
        if term.kind == "speaker":
            return (self.speakers(term.value) if self.speakers else set()), False
        if term.kind in ("site", "date"):
            return (self.metadata(term.kind, v) if self.metadata else set()), False
        raise ValueError(term.kind)

    def add_annotations(self, store: Any, index_of: Callable[[str], int | None]) -> None:
        """Fill status, tags, labels and notes from an annotation store's queries (the
        current coder's work), for the articles `index_of` knows."""
        for s in store.article_states():
            i = index_of(s.article)
            if i is None:
                continue
            if s.status != "todo":
                self.status[i] = s.status
            if s.tags:
                self.tags[i] = list(s.tags)
        for h in store.highlights():
            i = index_of(h.article)
            if i is None:
                continue
            self.labels.setdefault(i, []).append(h.label)  # type: ignore[attr-defined]
            if h.note:
                self.notes.add(i)


def date_range(value: str) -> tuple[str, str] | None:
    """`2020-01..2020-06` → ("2020-01", "2020-06"); `2020` → ("2020", "2020"); either end
    may be left open (""); None when it is not a date or a range of dates (`date_problem`)."""
    return None if date_problem(value) is not None else bounds(value)


def metadata_matcher(
    meta_of: Callable[[int], tuple[str | None, str | None]], n: int
) -> Callable[[str, str], set[int]]:
    """`Facts.metadata` from `meta_of(i)` = (source and URL lower-cased, ISO date): `site:`
    is a substring of the first, `date:` a range of date prefixes (inclusive)."""

    def matching(kind: str, value: str) -> set[int]:
        out: set[int] = set()
        if kind == "site":
            for i in range(n):
                where = meta_of(i)[0]
                if where is not None and value in where:
                    out.add(i)
            return out
        lo, hi = date_range(value) or ("", "")
        for i in range(n):
            date = meta_of(i)[1]
            if date and not (lo and date[: len(lo)] < lo) and not (hi and date[: len(hi)] > hi):
                out.add(i)
        return out

    return matching


Sets = tuple[set[int], bool]  # (set, complemented)


def _and(a: Sets, b: Sets) -> Sets:
    (sa, na), (sb, nb) = a, b
    if not na and not nb:
        return sa & sb, False
    if not na:
        return sa - sb, False
    if not nb:
        return sb - sa, False
    return sa | sb, True


def _or(a: Sets, b: Sets) -> Sets:
    (sa, na), (sb, nb) = a, b
    if not na and not nb:
        return sa | sb, False
    if not na:
        return sb - sa, True
    if not nb:
        return sa - sb, True
    return sa & sb, True


TextEngine = Callable[[Text, str], set[int]]


def evaluate(query: Query, n: int, text_engine: TextEngine, facts: Facts) -> list[int]:
    """Indices (in corpus order) of the articles among `n` that match the query.

    A text term with no words (punctuation only) matches everything."""
    acc: Sets = (set(), True)  # everything

    def one(term: Text | Meta | Not) -> Sets:
        if isinstance(term, Not):
            s, neg = one(term.term)
            return s, not neg
        if isinstance(term, Meta):
            return facts.matching(term)
        if not term.terms:
            return set(), True
        return text_engine(term, query.scope), False

    for clause in query.clauses:
        if isinstance(clause, AnyOf):
            part: Sets = (set(), False)
            for t in clause.terms:
                part = _or(part, one(t))
        else:
            part = one(clause)
        acc = _and(acc, part)
        if not acc[1] and not acc[0]:
            return []
    s, neg = acc
    if neg:
        return [i for i in range(n) if i not in s]
    return sorted(i for i in s if 0 <= i < n)


def title_engine(titles_lower: Sequence[str]) -> TextEngine:
    """Text terms as substrings of 'title id' (lower-cased): the filter while the
    full-text index is not ready (and the only one for a corpus without it)."""

    def run(term: Text, scope: str) -> set[int]:
        raw = term.raw
        return {i for i, t in enumerate(titles_lower) if raw in t}

    return run


def filter_indices(
    query: Query,
    titles_lower: Sequence[str],
    tags_of: Callable[[int], Sequence[str]],
    status_of: Callable[[int], str],
    annotated: Callable[[], Iterable[tuple[int, str, Sequence[str]]]] | None = None,
    facts: Facts | None = None,
    text_engine: TextEngine | None = None,
) -> list[int]:
    """Indices of the entries that match, in order; `titles_lower` holds 'title id'
    lower-cased, and text terms match it as substrings unless a `text_engine` is given.

    Tag and status terms come from `facts` when given, else from `annotated`, which yields
    (index, status, tags) for just the entries that have a status or tags (a 100,000-
    article corpus with a few hundred annotated articles then filters by `is:done` or
    `tag:x` without 100,000 store look-ups), else from asking `tags_of` and `status_of`
    about every entry.
    """
    n = len(titles_lower)
    if query.empty:
        return list(range(n))
    if facts is None:
        facts = Facts()
        if any(not isinstance(c, Text) for c in query.clauses):
            rows: Iterable[tuple[int, str, Sequence[str]]]
            if annotated is not None:
                rows = annotated()
            else:
                rows = ((i, status_of(i), tags_of(i)) for i in range(n))
            for i, st, tags in rows:
                if st != "todo":
                    facts.status[i] = st
                if tags:
                    facts.tags[i] = tags
    engine = text_engine or title_engine(titles_lower)
    return evaluate(query, n, engine, facts)
