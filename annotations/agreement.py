"""Intercoder agreement: percent agreement, Krippendorff's alpha (nominal), Cohen's kappa.

Pure functions over plain data, so `reader agree`, the adjudication screen and the tests
share one definition of a unit and a value (issue 15):

- *article tags*: a unit is an article that every compared coder marked done; for each
  tag, a coder's value is 1 if the coder gave the article that tag, else 0;
- *highlight labels*: a unit is a body sentence of such an article (sentences as the app's
  sentence motion finds them; the caller leaves boilerplate lines out); for each label, a
  coder's value is 1 if one of the coder's highlights with that label covers at least half
  of the sentence's characters, else 0;
- *all labels*: one nominal variable per sentence, the label covering most of it (among
  the labels whose value is 1; ties go to the first name in sort order), else "none".

Alpha comes from the `krippendorff` package (vectorised with numpy; `bench/bench_agreement.py`
times this module against the bare package on label-sized matrices); this module
maps any hashable values to codes, takes None as missing, and reports the undefined case
(no variation at all: expected disagreement 0) as None instead of a NaN or an exception.
`tests/annotations/test_agreement.py` checks the figures against an independent
coincidence-matrix computation written from Krippendorff, "Computing Krippendorff's
Alpha-Reliability" (2011), on random matrices, and against the paper's worked example
(nominal, 4 coders, 12 units with gaps: 0.743).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Value = Hashable | None
Matrix = Sequence[Sequence[Value]]  # one row per coder, one column per unit
NONE_LABEL = "none"
DONE = "done"


# -- the coefficients -----------------------------------------------------------------------


def _coded(matrix: Matrix) -> tuple[Any, int]:
    """The matrix as a float array of value codes (NaN for None) and the number of codes."""
    import numpy as np

    if not matrix:
        return np.zeros((0, 0)), 0
    width = len(matrix[0])
    if any(len(row) != width for row in matrix):
        raise ValueError("every coder needs a value (or None) for every unit")
    codes: dict[Value, int] = {}
    rows = [
        [np.nan if v is None else codes.setdefault(v, len(codes)) for v in row] for row in matrix
    ]
    return np.array(rows, dtype=float).reshape(len(matrix), width), len(codes)


def _unit_value_counts(data: Any, k: int) -> tuple[Any, Any]:
    """(values per unit m_u, counts per unit and value n_uc) over pairable units only."""
    import numpy as np

    present = ~np.isnan(data)
    m = present.sum(axis=0)
    keep = m >= 2
    counts = np.stack([(data[:, keep] == c).sum(axis=0) for c in range(k)]) if k else None
    return m[keep], counts


def pairable_units(matrix: Matrix) -> int:
    """Units with at least two values: the only ones any coefficient can use."""
    data, _ = _coded(matrix)
    if data.size == 0:
        return 0
    import numpy as np

    return int((np.sum(~np.isnan(data), axis=0) >= 2).sum())


def percent_agreement(matrix: Matrix) -> float | None:
    """Share of agreeing pairs of values within units (for two coders with no missing
    values: the share of units both coded alike). None without a pairable unit."""
    data, k = _coded(matrix)
    if data.size == 0:
        return None
    m, counts = _unit_value_counts(data, k)
    pairs = float((m * (m - 1)).sum())
    if not pairs:
        return None
    return float((counts * (counts - 1)).sum()) / pairs


def alpha_nominal(matrix: Matrix) -> float | None:
    """Krippendorff's alpha for nominal data, missing values allowed (None), computed by
    the `krippendorff` package.

    None when undefined: fewer than two pairable values, or a single value throughout the
    pairable units (then the expected disagreement is 0: agreement is perfect but carries
    no information, and the package would divide by zero or refuse the data).
    """
    import krippendorff

    data, k = _coded(matrix)
    if data.size == 0:
        return None
    _, counts = _unit_value_counts(data, k)
    if counts is None or counts.shape[1] == 0 or int((counts.sum(axis=1) > 0).sum()) < 2:
        return None
    value = krippendorff.alpha(
        reliability_data=data, value_domain=list(range(k)), level_of_measurement="nominal"
    )
    return None if value != value else float(value)  # NaN: undefined after all


def cohen_kappa(a: Sequence[Value], b: Sequence[Value]) -> float | None:
    """Cohen's kappa of two coders over the units both coded. None when undefined
    (no such unit, or chance agreement is already 1: both used one and the same value)."""
    if len(a) != len(b):
        raise ValueError("both coders need a value (or None) for every unit")
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x is not None and y is not None]
    n = len(pairs)
    if not n:
        return None
    observed = sum(1 for x, y in pairs if x == y) / n
    first = Counter(x for x, _ in pairs)
    second = Counter(y for _, y in pairs)
    expected = sum(first[v] * second[v] for v in first) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of one variable (a tag, a label, or all labels)."""

    units: int
    agreement: float | None
    alpha: float | None
    kappa: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "agreement": _round(self.agreement),
            "alpha": _round(self.alpha),
            "kappa": _round(self.kappa),
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def figures(matrix: Matrix) -> Figures:
    """All figures of one coders-by-units matrix; kappa only for exactly two coders."""
    kappa = cohen_kappa(matrix[0], matrix[1]) if len(matrix) == 2 else None
    return Figures(pairable_units(matrix), percent_agreement(matrix), alpha_nominal(matrix), kappa)


# -- units and values -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """One highlight as agreement sees it: where, and with which label."""

    start: int
    end: int
    label: str


@dataclass(slots=True)
class CoderWork:
    """One coder's work on one article."""

    status: str = "todo"
    tags: frozenset[str] = frozenset()
    highlights: Sequence[Span] = ()


@dataclass(slots=True)
class ArticleUnits:
    """One article: its body sentences (start, end) and each coder's work on it."""

    article: str
    sentences: Sequence[tuple[int, int]]
    coders: Mapping[str, CoderWork]


def sentence_labels(
    sentences: Sequence[tuple[int, int]], highlights: Iterable[Span]
) -> list[dict[str, int]]:
    """For each sentence, {label: characters covered by that label's largest highlight
    over it}, keeping only labels that cover at least half of the sentence."""
    starts = [s for s, _ in sentences]
    best: list[dict[str, int]] = [{} for _ in sentences]
    for h in highlights:
        if h.end <= h.start:
            continue
        i = max(0, bisect.bisect_right(starts, h.start) - 1)
        while i < len(sentences) and sentences[i][0] < h.end:
            s, e = sentences[i]
            overlap = min(e, h.end) - max(s, h.start)
            if overlap > 0 and overlap > best[i].get(h.label, 0):
                best[i][h.label] = overlap
            i += 1
    out = []
    for (s, e), covered in zip(sentences, best, strict=True):
        length = e - s
        out.append({lab: c for lab, c in covered.items() if 2 * c >= length > 0})
    return out


def main_label(covered: Mapping[str, int]) -> str:
    """The label covering most of a sentence (ties: first name), or "none"."""
    if not covered:
        return NONE_LABEL
    return min(covered, key=lambda lab: (-covered[lab], lab))


@dataclass(slots=True)
class Units:
    """Everything the coefficients and the adjudication screen need, built once."""

    coders: list[str]
    articles: list[str]  # the units of the tag variables
    left_out: list[str]  # articles some but not every compared coder marked done
    sentences: list[tuple[str, int, int]]  # (article, start, end): units of the labels
    tags: dict[str, list[list[int]]] = field(default_factory=dict)  # tag -> coder x article
    labels: dict[str, list[list[int]]] = field(default_factory=dict)  # label -> coder x sentence
    all_labels: list[list[str]] = field(default_factory=list)  # coder x sentence


def build_units(
    coders: Sequence[str],
    articles: Iterable[ArticleUnits],
    labels: Iterable[str] = (),
    tags: Iterable[str] = (),
) -> Units:
    """The unit matrices. Articles that not every compared coder marked done are left out
    (and listed when at least one did). Tags and labels are those passed (the codebook's)
    plus those any compared coder used on a unit, in that order."""
    coders = list(coders)
    units = Units(coders, [], [], [])
    tag_names: dict[str, None] = dict.fromkeys(tags)
    label_names: dict[str, None] = dict.fromkeys(labels)
    kept: list[ArticleUnits] = []
    for art in articles:
        done = [c for c in coders if art.coders.get(c, CoderWork()).status == DONE]
        if len(done) < len(coders):
            if done:
                units.left_out.append(art.article)
            continue
        kept.append(art)
        for c in coders:
            tag_names.update(dict.fromkeys(sorted(art.coders[c].tags)))
            label_names.update(dict.fromkeys(sorted({h.label for h in art.coders[c].highlights})))
    label_names.pop("", None)
    units.tags = {t: [[] for _ in coders] for t in tag_names}
    units.labels = {lab: [[] for _ in coders] for lab in label_names}
    units.all_labels = [[] for _ in coders]
    for art in kept:
        units.articles.append(art.article)
        for i, c in enumerate(coders):
            work = art.coders[c]
            for t, rows in units.tags.items():
                rows[i].append(1 if t in work.tags else 0)
        units.sentences.extend((art.article, s, e) for s, e in art.sentences)
        for i, c in enumerate(coders):
            labelled = [h for h in art.coders[c].highlights if h.label]
            covered = sentence_labels(art.sentences, labelled)
            for lab, rows in units.labels.items():
                rows[i].extend(1 if lab in cov else 0 for cov in covered)
            units.all_labels[i].extend(main_label(cov) for cov in covered)
    return units


@dataclass(slots=True)
class Report:
    coders: list[str]
    articles: int
    sentences: int
    left_out: list[str]
    tags: dict[str, Figures]
    labels: dict[str, Figures]
    all_labels: Figures

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `reader agree --json` (issue 15)."""
        return {
            "coders": list(self.coders),
            "units": {"articles": self.articles, "sentences": self.sentences},
            "tags": {t: f.to_dict() for t, f in self.tags.items()},
            "labels": {lab: f.to_dict() for lab, f in self.labels.items()},
            "all_labels": self.all_labels.to_dict(),
        }


def report(units: Units) -> Report:
    return Report(
        coders=list(units.coders),
        articles=len(units.articles),
        sentences=len(units.sentences),
        left_out=list(units.left_out),
        tags={t: figures(rows) for t, rows in units.tags.items()},
        labels={lab: figures(rows) for lab, rows in units.labels.items()},
        all_labels=figures(units.all_labels),
    )


# -- disagreements (for adjudication) ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One unit where the coders differ: an article's tag, or a sentence's label."""

    kind: str  # "tag" or "label"
    article: str
    name: str  # the tag or label
    start: int | None  # the sentence, for labels
    end: int | None
    values: tuple[int, ...]  # one per coder, in `Units.coders` order

    @property
    def key(self) -> tuple[str, str, str, int | None]:
        return (self.kind, self.article, self.name, self.start)


def disagreements(units: Units) -> list[Disagreement]:
    """Every unit and variable on which the compared coders do not all agree, in article
    order: tags first, then the article's sentences."""
    out: list[Disagreement] = []
    sentences_of: dict[str, list[int]] = {}
    for j, (article, _, _) in enumerate(units.sentences):
        sentences_of.setdefault(article, []).append(j)
    for a, article in enumerate(units.articles):
        for tag, rows in units.tags.items():
            values = tuple(row[a] for row in rows)
            if len(set(values)) > 1:
                out.append(Disagreement("tag", article, tag, None, None, values))
        for j in sentences_of.get(article, []):
            _, s, e = units.sentences[j]
            for lab, rows in units.labels.items():
                values = tuple(row[j] for row in rows)
                if len(set(values)) > 1:
                    out.append(Disagreement("label", article, lab, s, e, values))
    return out
