"""Syndicated copies: near-duplicate articles grouped by MinHash LSH over their body text.

The same wire story or column runs in many outlets, each page wrapped in its own site
furniture, often under another headline, sometimes with a sentence added or cut. Compared
as whole pages the copies differ a lot; compared on the body alone they are nearly the
same. So each article is reduced to its body lines with the marks `reader analyze` uses
(boilerplate and the title line out, with the lines repeated across the corpus as
evidence), its words to overlapping word shingles, and the shingle sets compared by MinHash
signatures (datasketch) with locality-sensitive hashing finding the candidate pairs, so
100,000 articles are grouped without comparing every pair.

A candidate pair joins a group when its estimated Jaccard similarity is at least the
threshold; groups are the connected components of those pairs, and a group's similarity
is the smallest estimate between two of its members. No Textual here: the CLI
(`reader dupes`), the app and the benchmark share it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's default; named, since signatures are rebuilt from values
SHINGLE = 5  # words
DEFAULT_THRESHOLD = 0.5
# Lines repeated across the corpus are furniture evidence only when short: the copies of
# a syndicated story repeat its paragraphs too, and would otherwise lose their whole body.
REPEATED_MAX_WORDS = 10
MIN_LINE_WORDS = 6
MIN_SHINGLES = 8  # a body shorter than this (a caption, a stub) is grouped with nothing
_WORD_RE = re.compile(r"\w+")


def _hash32(data: bytes) -> int:
    """The shingle hash datasketch applies its permutations to: CRC-32 is about six times
    cheaper than its default (SHA-1) and as good a 32-bit hash for this."""
    return zlib.crc32(data)


def body_text(text: str, repeated: frozenset[str] | None = None, analyze: Any = None,
              min_words: int = MIN_LINE_WORDS) -> str:
    """The article's body lines: boilerplate, the title line, blank lines and lines of
    fewer than `min_words` words dropped (what the detectors miss of a site's furniture
    is mostly short: menu items, bylines, share buttons; a story's paragraphs are long)."""
    if analyze is None:
        from reader.marks import analyze
    marks = analyze(text, repeated=repeated)
    kinds = [str(getattr(k, "value", k)) for k in marks.line_kinds]
    lines = text.split("\n")
    return "\n".join(ln for ln, kind in zip(lines, kinds, strict=False)
                     if kind == "body" and len(ln.split()) >= min_words)


def shingles(body: str, k: int = SHINGLE) -> set[bytes]:
    """Overlapping k-word shingles of the lower-cased words (punctuation ignored)."""
    words = _WORD_RE.findall(body.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signature(body: str, num_perm: int = NUM_PERM) -> np.ndarray | None:
    """The MinHash hash values of a body (None when it is too short to compare)."""
    grams = shingles(body)
    if len(grams) < MIN_SHINGLES:
        return None
    m = _minhash(num_perm=num_perm, hashfunc=_hash32, permutations=_permutations(num_perm))
    m.update_batch(list(grams))
    return m.hashvalues.astype(np.uint32)  # (values below 2**32: half the memory)


_PERMS: dict[int, Any] = {}


def _permutations(num_perm: int) -> Any:
    """datasketch draws the permutations (seed 1) on every MinHash: once is enough."""
    perms = _PERMS.get(num_perm)
    if perms is None:

        perms = _PERMS[num_perm] = _minhash(num_perm=num_perm).permutations
    return perms


def _minhash(**kwargs: Any) -> Any:
    """A datasketch MinHash; `scheme` is named where the installed version has it (2.0+
    insists on it when hash values or permutations are passed in; 1.x has none)."""
    from datasketch import MinHash

    try:
        return MinHash(scheme=SCHEME, **kwargs)
    except TypeError:
        return MinHash(**kwargs)


@dataclass(frozen=True, slots=True)
class Group:
    """Articles judged copies of one story, in corpus order."""

    articles: tuple[str, ...]
    similarity: float  # smallest pairwise Jaccard estimate

    def to_json(self) -> dict[str, Any]:
        return {"articles": list(self.articles), "similarity": round(self.similarity, 4)}


def estimate(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (the share of equal hash values)."""
    return float(np.count_nonzero(a == b)) / len(a)


def group(
    signatures: Iterable[tuple[str, np.ndarray | None]],
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = NUM_PERM,
) -> list[Group]:
    """Groups of near-duplicates among (id, signature) in corpus order; singletons left out."""
    from datasketch import MinHashLSH

    if not 0 < threshold <= 1:
        raise ValueError("the threshold is a Jaccard similarity between 0 and 1")
    # candidates from the LSH (which needs two bands or more: at most 0.9 here); the
    # estimate between signatures then holds each pair to the threshold itself
    lsh = MinHashLSH(threshold=min(threshold, 0.9), num_perm=num_perm)
    perms = _permutations(num_perm)
    order: dict[str, int] = {}
    sigs: dict[str, np.ndarray] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for article_id, sig in signatures:
        order[article_id] = len(order)
        if sig is None:
            continue
        m = _minhash(num_perm=num_perm, hashvalues=sig, permutations=perms)
        parent[article_id] = article_id
        for other in lsh.query(m):
            if estimate(sig, sigs[other]) >= threshold:
                ra, rb = find(article_id), find(other)
                if ra != rb:
                    parent[ra if order[ra] > order[rb] else rb] = (
                        rb if order[ra] > order[rb] else ra)
        lsh.insert(article_id, m)
        sigs[article_id] = sig
    members: dict[str, list[str]] = {}
    for article_id in parent:
        members.setdefault(find(article_id), []).append(article_id)
    out = []
    for ids in members.values():
        if len(ids) < 2:
            continue
        ids.sort(key=order.__getitem__)
        low = min(estimate(sigs[a], sigs[b]) for i, a in enumerate(ids) for b in ids[i + 1 :])
        out.append(Group(tuple(ids), low))
    out.sort(key=lambda g: order[g.articles[0]])
    return out


# -- over a corpus ----------------------------------------------------------------------

_repeated: frozenset[str] | None = None
_max_bytes = 20 * 1024 * 1024


def _init(repeated: frozenset[str] | None, max_bytes: int) -> None:
    global _repeated, _max_bytes
    _repeated, _max_bytes = repeated, max_bytes


def _line_keys(where: Any) -> list[str]:
    from reader.corpus import ArticleError, read_located
    from reader.marks.text import text_keys

    try:
        return list(text_keys(read_located(where, _max_bytes).text))
    except ArticleError:
        return []


def _signature_of(item: tuple[str, Any]) -> tuple[str, np.ndarray | None, str | None]:
    """(id, signature, error) of one article: runs in a worker process."""
    from reader.corpus import ArticleError, read_located

    article_id, where = item
    try:
        text = read_located(where, _max_bytes).text
    except ArticleError as exc:
        return article_id, None, str(exc)
    return article_id, signature(body_text(text, _repeated)), None


def _map(func: Callable[[Any], Any], items: Sequence[Any], jobs: int) -> Iterator[Any]:
    if jobs <= 1 or len(items) < 16:
        yield from map(func, items)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(
        jobs, initializer=_init, initargs=(_repeated, _max_bytes)
    ) as pool:
        yield from pool.imap(func, items, chunksize=8)


def corpus_signatures(
    items: Sequence[tuple[str, Any]],
    *,
    jobs: int = 1,
    min_repeat: int = 3,
    max_bytes: int = 20 * 1024 * 1024,
    progress: Callable[[str, int], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> Iterator[tuple[str, np.ndarray | None]]:
    """Signatures of (id, locator) articles, in order: the lines repeated in `min_repeat`
    or more articles are counted first (as `reader analyze` does; short lines only, see
    REPEATED_MAX_WORDS), then each body hashed."""
    from collections import Counter

    _init(None, max_bytes)
    repeated: frozenset[str] | None = None
    if min_repeat and len(items) >= min_repeat:
        counts: Counter[str] = Counter()
        for keys in _map(_line_keys, [w for _, w in items], jobs):
            counts.update(keys)
            if progress:
                progress("reading", 1)
        repeated = frozenset(k for k, n in counts.items()
                             if n >= min_repeat and len(k.split()) < REPEATED_MAX_WORDS)
    _init(repeated, max_bytes)
    for article_id, sig, error in _map(_signature_of, list(items), jobs):
        if progress:
            progress("hashing", 1)
        if error is not None and on_error is not None:
            on_error(article_id, error)
        yield article_id, sig


def find_groups(
    items: Sequence[tuple[str, Any]],
    threshold: float = DEFAULT_THRESHOLD,
    **kwargs: Any,
) -> list[Group]:
    """Groups of syndicated copies among (id, locator) articles (see `corpus_signatures`)."""
    return group(corpus_signatures(items, **kwargs), threshold)
