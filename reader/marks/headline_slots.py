"""The headline's slot in a site's template, learnt from the corpus without labels (issue 16,
item 4; eighth round).

The headline ranker (`headline.py`) judges each page alone. In a real corpus many pages come
from one site, and a site prints its headline in the same place of its template on every
page: the same number of lines under the same piece of furniture (the last menu item, a
section banner, a "Breaking News Emails" box), or the same number of lines above the next
one (a share bar, a byline label). Two pages of one template show it as lines they share
word for word (`anchors`); the headline of each sits at the same offset from the same
anchor. On the benchmark's pages of one site, the labelled headlines agree so 30 times of
32 (dev, ordered pairs) and 60 of 74 (train split).

So the pages of one template are decided together: each page keeps a few options (its
pick, and its best other candidates with the ranker's scores), and of all the ways to pick
one option per page the one with the highest total score wins, where two neighbour pages
whose picks sit in the same slot add `AGREE` to the total. A page whose ranker is sure keeps
its pick; a page where a kicker, a dek or a teaser scored close to the headline takes the
line in the slot its neighbours' confident picks show. No label and no page of the test
corpus is needed beyond its text: the ranker's scores and the shared lines.

Neighbours are pages that share at least `NEIGHBOUR_LINES` lines of `ANCHOR_CHARS`+
characters that few pages of the corpus hold (at most `RARE_PAGES`: a site's own template,
not "Share on Facebook"). A line both pages hold is never a slot match (a teaser of one
story in the rail of both pages is furniture, not a headline). Judged in
`bench/headline_sites.py --slots` (the test corpora of each fold; see
`bench/README_marks.md`, "Eighth round (headline)").
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import mul
from typing import Any

AGREE = 1.0  # what two neighbours' picks in the same slot add to the total score
OPTIONS = 5  # candidates a page may take (its pick and its best others)
ANCHOR_CHARS = 12  # a shared line this long is template evidence
RARE_PAGES = 3  # ... when at most this many pages of the corpus hold it
NEIGHBOUR_LINES = 3  # pages sharing this many such lines are of one template
MAX_JOINT = 5000  # beyond this many combinations a group is decided page by page


@dataclass(frozen=True, slots=True)
class PageHeadline:
    """What the slot decision needs of one page: its non-blank lines' keys (`keys`) and
    1-based line numbers (`lines`), its headline pick (a line number) and its options,
    (line number, ranker score) with the pick first at the best score."""

    keys: tuple[str, ...]
    lines: tuple[int, ...]
    pick: int | None
    options: tuple[tuple[int, float], ...]


def page_headline(
    idx: Sequence[int],
    keys: Sequence[str],
    cands: Sequence[int],
    rows: Sequence[Sequence[float]],
    w: Sequence[float],
    skip: Callable[[int], bool],
    pick: int | None,
) -> PageHeadline:
    """The page's options from the ranker's candidates (`idx` positions `cands`, feature
    `rows`, weights `w`) that `skip` leaves, as `headline.pick_line` would take each (the
    second of two adjacent copies), and its pick (`pick_line`'s line number)."""
    scored = sorted(
        ((sum(map(mul, w, r)), k) for k, r in zip(cands, rows, strict=True) if not skip(k)),
        key=lambda t: (-t[0], t[1]),
    )
    opts: dict[int, float] = {}
    if pick is not None and scored:
        opts[pick] = scored[0][0]
    for s, k in scored[:OPTIONS]:
        if k + 1 < len(idx) and keys[k + 1] == keys[k]:
            k += 1
        opts.setdefault(idx[k] + 1, s)
    return PageHeadline(tuple(keys), tuple(i + 1 for i in idx), pick, tuple(opts.items()))


def neighbours(pages: Mapping[str, PageHeadline]) -> dict[str, list[str]]:
    """The pages of one template as each page's list of the others (symmetric)."""
    return neighbours_of({n: p.keys for n, p in pages.items()})


def neighbours_of(keysets: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """`neighbours` from each page's line keys (only those of `ANCHOR_CHARS`+ characters
    count, so a caller may keep just those)."""
    # (set operations and counting at C speed: this runs over every line of the corpus)
    sets = {n: set(keys) for n, keys in keysets.items()}
    df = Counter(itertools.chain.from_iterable(sets.values()))
    # (a line of one page pairs no pages)
    rare = {k for k, c in df.items() if 2 <= c <= RARE_PAGES and len(k) >= ANCHOR_CHARS}
    holders: dict[str, list[str]] = defaultdict(list)
    for n, s in sets.items():
        for k in s & rare:
            holders[k].append(n)
    shared: Counter[tuple[str, str]] = Counter()
    for names in holders.values():
        for a, b in itertools.permutations(names, 2):
            shared[(a, b)] += 1
    out: dict[str, list[str]] = defaultdict(list)
    for (a, b), c in sorted(shared.items()):
        if c >= NEIGHBOUR_LINES:
            out[a].append(b)
    return dict(out)


def _slot(page: PageHeadline, anchors: set[str], line: int) -> tuple[tuple, tuple] | None:
    """(nearest anchor above, lines up to it) and (nearest anchor below, lines down to it)
    of `line`; None when the line is not one of the page's non-blank lines."""
    try:
        p = page.lines.index(line)
    except ValueError:
        return None
    own, keys = page.keys[p], page.keys
    above = next(((keys[j], p - j) for j in range(p - 1, -1, -1)
                  if keys[j] in anchors and keys[j] != own), None)
    below = next(((keys[j], j - p) for j in range(p + 1, len(keys))
                  if keys[j] in anchors and keys[j] != own), None)
    return above, below


def same_slot(a: PageHeadline, la: int, b: PageHeadline, lb: int,
              sets: tuple[set[str], set[str]] | None = None) -> bool:
    """Whether line `la` of page `a` and line `lb` of page `b` sit in the same slot of
    their shared template: the same number of lines under the same shared line, or above
    it. A line both pages hold is furniture, never a slot match. (`sets`: the two pages'
    keys as sets, when the caller has them.)"""
    sa, sb = sets if sets is not None else (set(a.keys), set(b.keys))
    try:
        ka, kb = a.keys[a.lines.index(la)], b.keys[b.lines.index(lb)]
    except ValueError:
        return False
    if ka in sb or kb in sa:
        return False
    anchors = sa & sb
    xa, xb = _slot(a, anchors, la), _slot(b, anchors, lb)
    if xa is None or xb is None:
        return False
    return any(x is not None and x == y for x, y in zip(xa, xb, strict=True))


def site_titles(pages: Mapping[str, PageHeadline],
                nb: Mapping[str, list[str]] | None = None) -> dict[str, int]:
    """The headline lines that the pages' template changes: {page: new line}, for the pages
    whose best joint choice is not their own pick (see the module's docstring). `nb`: the
    neighbours (`neighbours_of` over the whole corpus; by default those among `pages`),
    of which only the pages in `pages` take part."""
    if nb is None:
        nb = neighbours(pages)
    nb = {n: [b for b in bs if b in pages] for n, bs in nb.items() if n in pages}
    opts = {n: pages[n].options for n in nb if nb[n] and pages[n].options}
    agree_cache: dict[tuple[str, int, str, int], bool] = {}
    key_sets: dict[str, set[str]] = {}

    def keyset(n: str) -> set[str]:
        got = key_sets.get(n)
        if got is None:
            got = key_sets[n] = set(pages[n].keys)
        return got

    def agree(a: str, la: int, b: str, lb: int) -> bool:
        key = (a, la, b, lb) if a < b else (b, lb, a, la)
        hit = agree_cache.get(key)
        if hit is None:
            x, y = key[0], key[2]
            hit = agree_cache[key] = same_slot(pages[x], key[1], pages[y], key[3],
                                               (keyset(x), keyset(y)))
        return hit

    cur = {n: pages[n].pick for n in opts}
    seen: set[str] = set()
    for first in sorted(opts):
        if first in seen:
            continue
        group, stack = [], [first]
        while stack:
            x = stack.pop()
            if x in seen or x not in opts:
                continue
            seen.add(x)
            group.append(x)
            stack.extend(nb.get(x, ()))
        if len(group) < 2:
            continue
        group.sort()
        pairs = [(i, j) for i, a in enumerate(group) for j, b in enumerate(group)
                 if i < j and b in nb.get(a, ())]
        if math.prod(len(opts[n]) for n in group) <= MAX_JOINT:
            # (which options of two neighbours agree, found once: then each combination
            # only adds up)
            bonus = {(i, j): [[AGREE * agree(group[i], la, group[j], lb)
                               for lb, _ in opts[group[j]]] for la, _ in opts[group[i]]]
                     for i, j in pairs}
            best, chosen = -math.inf, None
            for combo in itertools.product(*(range(len(opts[n])) for n in group)):
                total = sum(opts[n][o][1] for n, o in zip(group, combo, strict=True))
                total += sum(bonus[i, j][combo[i]][combo[j]] for i, j in pairs)
                if total > best + 1e-9:
                    best, chosen = total, combo
            if chosen is not None:
                cur.update((n, opts[n][o][0]) for n, o in zip(group, chosen, strict=True))
        else:  # a large template group: each page in turn against the others' picks
            for _ in range(3):
                for n in group:
                    top, pick = -math.inf, cur[n]
                    for line, s in opts[n]:
                        total = s + AGREE * sum(agree(n, line, b, cur[b]) for b in nb[n]
                                                if cur.get(b) is not None)
                        if total > top + 1e-9:
                            top, pick = total, line
                    cur[n] = pick
    return {n: line for n, line in cur.items() if line is not None and line != pages[n].pick}


def title_keys(pages: Mapping[str, PageHeadline],
               nb: Mapping[str, list[str]] | None = None) -> frozenset[str]:
    """The keys of the lines `site_titles` makes headlines: what the corpus evidence
    carries to each page's analysis (`Evidence.titles`). A key, not a page's id: a line
    the template chose is one article's own (never one its neighbours share), and the
    analysis of a text knows its lines, not its id."""
    out = set()
    for name, line in site_titles(pages, nb).items():
        page = pages[name]
        out.add(page.keys[page.lines.index(line)])
    return frozenset(out)


def slot_title(page: PageHeadline | None, titles: frozenset[str] | None,
               pick: int | None) -> int | None:
    """The page's headline line: the option whose key the template decision chose
    (`titles`), else its own `pick`."""
    if not titles or page is None:
        return pick
    for line, _ in page.options:
        if page.keys[page.lines.index(line)] in titles:
            return line
    return pick


class Evidence(frozenset):
    """The corpus evidence `reader.marks.analyze` reads: the repeated lines (the set
    itself, as before) and the template's headline choices (`titles`, see `title_keys`).
    A frozenset, so every caller that passes the repeated lines passes both."""

    titles: frozenset[str]

    def __new__(cls, repeated: frozenset[str] | None, titles: frozenset[str]) -> Evidence:
        self = super().__new__(cls, repeated or ())
        self.titles = titles
        return self

    def __reduce__(self) -> tuple:
        return (Evidence, (frozenset(self), self.titles))


def evidence(repeated: frozenset[str] | None, pages: Mapping[str, PageHeadline],
             nb: Mapping[str, list[str]] | None = None) -> frozenset[str] | None:
    """The corpus evidence once every page was analysed with `repeated`: `repeated` itself
    when the template changes no headline, else an `Evidence` carrying the lines it chose.
    (A second analysis of the pages it changed, with this evidence, gives their marks.)"""
    keys = title_keys(pages, nb)
    return Evidence(repeated, keys) if keys else repeated


def changed_pages(repeated: frozenset[str] | None,
                  pages: Mapping[str, PageHeadline]) -> list[str]:
    """The pages whose headline the evidence (`evidence`) changes, in name order."""
    titles = getattr(repeated, "titles", None)
    return sorted(n for n, p in pages.items() if slot_title(p, titles, p.pick) != p.pick)


def analyze_corpus(texts: Mapping[str, str],
                   repeated: frozenset[str] | None) -> dict[str, Any]:
    """`reader.marks.analyze` of every text of a corpus held in memory, with the template
    decision as `reader analyze` takes it (the benches' and tests' copy of its steps):
    {name: Marks}."""
    from reader.marks import analyze

    marks = {n: analyze(t, repeated=repeated) for n, t in texts.items()}
    if repeated is None:
        return marks
    pages = {n: m.headline for n, m in marks.items() if m.error is None and m.headline}
    found = evidence(repeated, pages)
    for n in changed_pages(found, pages) if found is not repeated else ():
        marks[n] = analyze(texts[n], repeated=found)
    return marks
