"""Agreement figures: the reference package, published worked examples, and the units."""

from __future__ import annotations

import math
from collections import Counter

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.agreement import (
    ArticleUnits,
    CoderWork,
    Span,
    alpha_nominal,
    build_units,
    cohen_kappa,
    disagreements,
    percent_agreement,
    report,
    sentence_labels,
)

from .helpers import ALPHA

N = None


def _package_alpha(matrix: list[list[int | None]]) -> float | None:
    data = np.array([[np.nan if v is None else v for v in row] for row in matrix], dtype=float)
    try:
        value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except (ValueError, ZeroDivisionError):
        return None
    return None if math.isnan(value) else float(value)


def _reference(matrix: list[list[int | None]]) -> tuple[float | None, float | None]:
    """(alpha, percent agreement) written out from Krippendorff (2011): the coincidence
    matrix over pairable units, each pair of values weighted 1 / (m_u - 1)."""
    observed = expected = 0.0
    totals: Counter[int] = Counter()
    agree = pairs = 0
    for u in range(len(matrix[0])):
        values = [row[u] for row in matrix if row[u] is not None]
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        totals.update(counts)
        for c in counts:
            for k in counts:
                if c != k:
                    observed += counts[c] * counts[k] / (m - 1)
        agree += sum(n * (n - 1) for n in counts.values())
        pairs += m * (m - 1)
    n = sum(totals.values())
    for c in totals:
        for k in totals:
            if c != k:
                expected += totals[c] * totals[k]
    alpha = None if n < 2 or expected == 0 else 1 - (n - 1) * observed / expected
    return alpha, (agree / pairs if pairs else None)


matrices = st.integers(2, 5).flatmap(
    lambda coders: st.integers(1, 25).flatmap(
        lambda units: st.lists(
            st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=units, max_size=units),
            min_size=coders,
            max_size=coders,
        )
    )
)


@settings(max_examples=300, deadline=None)
@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@given(matrices)
def test_alpha_and_agreement_on_random_matrices(matrix) -> None:
    ours = alpha_nominal(matrix)
    reference, agreement = _reference(matrix)
    package = _package_alpha(matrix)  # the package, called directly on the raw matrix
    if ours is None:
        assert reference is None and package is None
    else:
        assert ours == pytest.approx(reference, abs=1e-9)
        assert ours == pytest.approx(package, abs=1e-9)
    if agreement is None:
        assert percent_agreement(matrix) is None
    else:
        assert percent_agreement(matrix) == pytest.approx(agreement)
    # any labels will do: the values are names in `reader agree`
    named = [[None if v is None else f"v{v}" for v in row] for row in matrix]
    assert alpha_nominal(named) == ours


def test_krippendorff_2011_worked_example_nominal_with_missing_data() -> None:
    # "Computing Krippendorff's Alpha-Reliability" (2011), section C: 4 observers,
    # 12 units, missing values; the paper's nominal alpha is 0.743.
    matrix = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ]
    assert round(alpha_nominal(matrix), 3) == 0.743
    # unit 12 has one value only: not pairable, so it does not count
    assert alpha_nominal([row[:11] for row in matrix]) == pytest.approx(alpha_nominal(matrix))


def test_cohen_kappa_textbook_example() -> None:
    # 50 proposals, two readers: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no
    # (the worked example of the Wikipedia article on Cohen's kappa): po 0.7, pe 0.5.
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert percent_agreement([a, b]) == pytest.approx(0.7)


def test_undefined_figures_are_none_not_nan() -> None:
    assert alpha_nominal([[0, 0, 0], [0, 0, 0]]) is None  # no variation
    assert cohen_kappa([1, 1], [1, 1]) is None
    assert alpha_nominal([[1, N], [N, 1]]) is None  # nothing pairable
    assert percent_agreement([[1, N], [N, 1]]) is None
    assert percent_agreement([[0, 0, 0], [0, 0, 0]]) == 1.0


def test_sentence_value_needs_half_of_the_sentence_from_one_highlight() -> None:
    sentences = [(0, 10), (11, 21)]
    covered = sentence_labels(
        sentences,
        [Span(0, 5, "claim"), Span(11, 15, "actor"), Span(15, 19, "actor"), Span(5, 14, "frame")],
    )
    assert covered[0] == {"claim": 5, "frame": 5}  # exactly half counts
    assert covered[1] == {}  # 4 + 4 characters, but no single highlight covers half


def _article(aid: str, sentences, **coders: CoderWork) -> ArticleUnits:
    return ArticleUnits(aid, sentences, coders)


def test_units_are_articles_every_coder_marked_done() -> None:
    both = _article(
        "a.txt",
        [(0, 10), (11, 20)],
        ann=CoderWork("done", frozenset({"relevant"}), [Span(0, 10, "claim")]),
        bob=CoderWork("done", frozenset(), [Span(0, 8, "claim"), Span(11, 20, "actor")]),
    )
    half = _article(
        "b.txt", [(0, 5)], ann=CoderWork("done", frozenset({"x"})), bob=CoderWork("todo")
    )
    none = _article("c.txt", [(0, 5)], ann=CoderWork("todo"), bob=CoderWork("skipped"))
    units = build_units(["ann", "bob"], [both, half, none])
    assert units.articles == ["a.txt"]
    assert units.left_out == ["b.txt"]
    assert units.tags == {"relevant": [[1], [0]]}
    assert units.labels == {"claim": [[1, 0], [1, 0]], "actor": [[0, 0], [0, 1]]}
    assert units.all_labels == [["claim", "none"], ["claim", "actor"]]
    rep = report(units).to_dict()
    assert rep["units"] == {"articles": 1, "sentences": 2}
    assert rep["labels"]["claim"]["agreement"] == 1.0
    assert rep["labels"]["claim"]["alpha"] == 1.0
    assert rep["all_labels"]["agreement"] == 0.5
    found = disagreements(units)
    assert [(d.kind, d.name, d.start, d.values) for d in found] == [
        ("tag", "relevant", None, (1, 0)),
        ("label", "actor", 11, (0, 1)),
    ]


def test_kappa_is_null_for_three_coders() -> None:
    art = _article(
        "a.txt",
        [(0, 4), (5, 9)],
        a=CoderWork("done", frozenset({"t"}), [Span(0, 4, "x")]),
        b=CoderWork("done", frozenset({"t"}), [Span(0, 4, "x")]),
        c=CoderWork("done", frozenset(), [Span(5, 9, "x")]),
    )
    rep = report(build_units(["a", "b", "c"], [art])).to_dict()
    assert rep["coders"] == ["a", "b", "c"]
    assert rep["labels"]["x"]["kappa"] is None
    assert rep["labels"]["x"]["agreement"] == pytest.approx(1 / 3, abs=1e-4)


# -- reader agree over a store ----------------------------------------------------------------


def test_reader_agree_json_over_two_coders(reader_cli, corpus_dir) -> None:
    import json

    from .coding import two_coders

    two_coders(corpus_dir)
    done = reader_cli("agree", corpus_dir, "--json")
    assert done.returncode == 0, done.stderr
    rep = json.loads(done.stdout)
    assert rep["coders"] == ["ann", "bob"]
    m = rep["units"]["sentences"]
    assert rep["units"]["articles"] == 1 and m >= 3  # beta: bob has not marked it done
    assert "1 article left out" in done.stderr
    assert rep["tags"]["relevant"] == {"units": 1, "agreement": 1.0, "alpha": None, "kappa": None}
    assert rep["tags"]["follow-up"] == {"units": 1, "agreement": 0.0, "alpha": 0.0, "kappa": 0.0}
    assert rep["labels"]["claim"]["agreement"] == 1.0 and rep["labels"]["claim"]["alpha"] == 1.0
    assert rep["labels"]["evidence"]["agreement"] == round((m - 1) / m, 4)
    assert rep["labels"]["evidence"]["units"] == m
    assert rep["all_labels"]["agreement"] == round((m - 2) / m, 4)
    assert set(rep) == {"coders", "units", "tags", "labels", "all_labels"}

    table = reader_cli("agree", corpus_dir)
    assert table.returncode == 0
    assert "kappa" in table.stdout and "label claim" in table.stdout
    assert "all labels" in table.stdout

    one = reader_cli("agree", corpus_dir, "--coders", "ann")
    assert one.returncode == 2 and "at least two coders" in one.stderr
    unknown = reader_cli("agree", corpus_dir, "--coders", "ann,zed")
    assert unknown.returncode == 2 and "'zed'" in unknown.stderr


def test_a_line_a_coder_corrected_to_boilerplate_is_not_a_unit(corpus_dir) -> None:
    from annotations.agreement_data import gather
    from annotations.model import Correction, CorrectionKind, new_id
    from annotations.store import AnnotationStore
    from reader.corpus import open_corpus

    from .coding import two_coders

    db = two_coders(corpus_dir)
    corpus = open_corpus(corpus_dir, read=False)
    with AnnotationStore.open(db, coder="bob") as store:
        before = gather(corpus, store, ["ann", "bob"]).units.sentences
        title = ALPHA.split("\n")[0]
        assert ("alpha.txt", 0, len(title)) in before  # the headline line is a sentence
        store.add_correction(Correction(new_id(), CorrectionKind.LINE_BOILERPLATE.value,
                                        "alpha.txt", line=1, text=title))
        after = gather(corpus, store, ["ann", "bob"]).units.sentences
    assert after == [s for s in before if s != ("alpha.txt", 0, len(title))]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=30))
def test_two_coder_percent_agreement_is_the_share_of_equal_units(pairs) -> None:
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    assert percent_agreement([a, b]) == pytest.approx(sum(x == y for x, y in pairs) / len(pairs))
    kappa = cohen_kappa(a, b)
    if a == b and len(set(a)) > 1:
        assert kappa == pytest.approx(1.0)
