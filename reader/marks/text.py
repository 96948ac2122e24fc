"""Small text helpers shared by the detectors: line normalisation and line offsets.

`normalise_line` is the single key used for corpus-wide repeated lines and for the user's
"this text is boilerplate everywhere" corrections, so both must agree on it; it folds case,
curly quotes, dashes and whitespace because the same menu item is rendered with different
typography on different pages of one site.
"""

from __future__ import annotations

import unicodedata

from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs

_SPACE_RE = re.compile(r"\s+")
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


_FOLD_PAIRS = tuple(
    (chr(k), v) for k, v in _FOLD.items()  # type: ignore[union-attr]
)


def _fold(t: str) -> str:
    """`t.translate(_FOLD)` with str.replace, which is much faster on long texts."""
    for a, b in _FOLD_PAIRS:
        if a in t:
            t = t.replace(a, b)
    return t


def normalise_line(s: str) -> str:
    """Return the comparison key of a line (NFKC, case-folded, quotes/dashes/spaces unified).

    Kept cheap (one regex, one translate) because it runs on every line of a corpus.
    """
    if s.isascii():
        return " ".join(s.split()).lower()
    s = unicodedata.normalize("NFKC", s).translate(_FOLD)
    return _SPACE_RE.sub(" ", s).strip().casefold()


_ODD_SPACE_RE = re.compile(r"[^\S \n]")


def text_line_keys(text: str) -> list[str]:
    """`normalise_line` of every line of `text.split("\n")` ("" for a blank line).

    Normalises the whole text at once (NFKC only if needed and then only the lines that
    need it, one fold, case folding per line) when its lines need no whitespace
    collapsing, which is the usual case and many times faster than line by line.
    """
    if text.isascii():
        t = text
    elif unicodedata.is_normalized("NFKC", text):  # (a quick check; most texts are)
        t = _fold(text)
    else:
        # line by line (what `normalise_line` does), so that only the lines that need it
        # are normalised: much faster than the whole text at once
        norm = unicodedata.normalize
        t = _fold("\n".join([ln if ln.isascii() else norm("NFKC", ln)
                             for ln in text.split("\n")]))
    # (every whitespace character but " " and "\n" is non-printable, and `isprintable` is
    # a much faster scan than the regex, which only runs on texts it does not clear;
    # case folding neither makes nor removes whitespace, so this can come before it)
    if "  " in t or (
        not t.replace("\n", " ").isprintable() and _ODD_SPACE_RE.search(t) is not None
    ):
        return list(map(normalise_line, text.split("\n")))
    if t.isascii():
        return list(map(str.strip, t.lower().split("\n")))
    # casefold maps each character on its own, so line by line gives the same, and the
    # ASCII lines (most of them) take the much faster lower()
    return [(ln.lower() if ln.isascii() else ln.casefold()).strip() for ln in t.split("\n")]


def text_keys(text: str) -> set[str]:
    """The distinct `normalise_line` keys of a text's non-blank lines."""
    keys = set(text_line_keys(text))
    keys.discard("")
    return keys


# marks that may close a sentence after its full stop ("... he said.”", "(... in 2019.)")
CLOSERS = "\"'\u201d\u2019\u00bb)]"


def ends_sentence(s: str) -> bool:
    """Whether a (stripped) line ends like a sentence, closing marks aside."""
    return s.rstrip(CLOSERS)[-1:] in (".", "!", "?")


def line_starts(lines: list[str]) -> list[int]:
    """Offsets of each line of `text.split("\\n")` in the text (for span <-> line mapping)."""
    out = []
    pos = 0
    for ln in lines:
        out.append(pos)
        pos += len(ln) + 1
    return out
