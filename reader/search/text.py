"""Words as the search index sees them, in pure Python: tokens, their normal form, matches.

The index (SQLite FTS5, tokenizer `unicode61 remove_diacritics 2`) answers *which*
articles match; this module answers *where*: the character offsets of each match in the
article text, for snippets, `reader search --json` and the lit matches in the app. Both
must agree on what a word is, so the rules here copy the tokenizer's (checked against
SQLite itself in tests/search/test_text.py):

- a token is a run of characters that are not separators (spaces, punctuation, `_`,
  symbols of Unicode 6.1; emoji added since are word characters to SQLite);
- its normal form is SQLite's case folding with the diacritics of Latin letters removed
  ("Écolé" -> "ecole", "µ" -> "μ"), character by character.

The character tables come from SQLite itself (`make_chars.py` writes `_fts_chars.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from reader.search._fts_chars import FOLDS, SEPARATORS, TOKENIZE


def _token_re() -> re.Pattern[str]:
    parts = []
    for a, b in SEPARATORS:
        parts.append(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}")
    return re.compile("[^" + "".join(parts) + "]+")


TOKEN_RE = _token_re()
# runs between ASCII separators: one cheap pass; only the runs with other characters in
# them are split again by TOKEN_RE (the full class is ~5x slower to scan)
_COARSE_RE = re.compile("[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")
_FOLD_TABLE = str.maketrans({chr(c): v for c, v in FOLDS.items()})
LINE_MARK = "\ue000"  # the token put between lines in the index: phrases never cross lines
__all__ = ["LINE_MARK", "TOKENIZE", "TOKEN_RE", "find_in_line", "fold", "token_spans",
           "tokens"]


def fold(token: str) -> str:
    """The normal form of a token: SQLite's case folding and diacritic removal."""
    if token.isascii():
        return token.lower()
    return token.translate(_FOLD_TABLE)


def tokens(text: str) -> list[str]:
    """The normal forms of the tokens of `text`, in order (a token that folds to nothing,
    a lone combining mark, is none)."""
    return [t for _, _, t in token_spans(text)]


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normal form) of each token of `text`."""
    out = []
    append = out.append
    for m in _COARSE_RE.finditer(text):
        run = m.group()
        if run.isascii():
            append((m.start(), m.end(), run.lower()))
            continue
        base = m.start()
        for k in TOKEN_RE.finditer(run):
            t = fold(k.group())
            if t:
                append((base + k.start(), base + k.end(), t))
    return out


def find_in_line(
    spans: Sequence[tuple[int, int, str]], terms: Sequence[str], prefix: bool
) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of consecutive tokens equal to `terms` (the last one only
    starting with it when `prefix`), given the line's `token_spans`."""
    n = len(terms)
    if not n:
        return
    last = terms[-1]
    for i in range(len(spans) - n + 1):
        ok = True
        for k in range(n - 1):
            if spans[i + k][2] != terms[k]:
                ok = False
                break
        if not ok:
            continue
        t = spans[i + n - 1][2]
        if t == last or (prefix and t.startswith(last)):
            yield spans[i][0], spans[i + n - 1][1]
