"""Turn the boilerplate model's per-line probabilities into verdicts that come in blocks.

The model scores every line, and a line is boilerplate when its probability reaches the
threshold. Pages are made of blocks, though (a menu, the article, a teaser list, a
footer), and a line whose probability sits near the threshold is usually what its
neighbours are: a short author name or date among teasers, a "Loading..." line inside a
promotion, an ambiguous sub-heading between paragraphs. Taken one by one they flip
either way; the verdicts here are the labelling of the whole page that disagrees least
with the probabilities while paying `SWITCH_COST` for every change between body and
boilerplate (a two-state Viterbi pass, linear in the lines).

How much a line's probability counts grows with its length (`LENGTH_EXP`): a paragraph
decides for itself, a three-word line mostly follows its block. A line the model is sure
of keeps its verdict: evidence beyond twice `SWITCH_COST` against the threshold cannot be
outvoted (an island costs two changes). The evidence is capped at `EVIDENCE_CAP` log-odds,
so that one extreme line does not carry an unsure stretch next to it along.

Out of fold (bench/README_marks.md, "Fifth round (boilerplate)"): line and char F1 up on
every site-fold assignment, both cross-source directions and the train split's pages,
body kept level on the folds and the train split.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

SWITCH_COST = 2.0  # log-odds paid for each change between body and boilerplate
LENGTH_EXP = 0.25  # a line's evidence is weighed chars ** LENGTH_EXP
EVIDENCE_CAP = 6.0  # |log-odds| beyond this counts as this (before the length weight)


def block_verdicts(
    p_bp: Sequence[float],
    chars: Sequence[int],
    threshold: float,
    certain: Collection[int] = (),
) -> list[bool]:
    """Whether each line is boilerplate (True), for lines in page order.

    `p_bp` are the model's probabilities, `chars` the lines' lengths, `threshold` the
    probability at which a line alone is boilerplate (the neutral point), `certain` the
    positions of lines known to be furniture (the patterns of `furniture.py`), which
    count as sure boilerplate in their block.
    """
    m = len(p_bp)
    if not m:
        return []
    if SWITCH_COST <= 0:
        return [p >= threshold for p in p_bp]
    neutral = math.log(threshold / (1.0 - threshold))
    cap = EVIDENCE_CAP
    # u > 0 favours boilerplate, u < 0 body; the cost of a verdict is the evidence against it
    u = []
    for k, (p, c) in enumerate(zip(p_bp, chars, strict=True)):
        if k in certain:
            v = cap
        elif p <= 0.0:
            v = -cap
        elif p >= 1.0:
            v = cap
        else:
            v = math.log(p / (1.0 - p)) - neutral
            v = -cap if v < -cap else cap if v > cap else v
        u.append(v * (c**LENGTH_EXP if c > 0 else 0.0))
    switch = SWITCH_COST
    cost_body = u[0] if u[0] > 0.0 else 0.0
    cost_bp = -u[0] if u[0] < 0.0 else 0.0
    # back[k] = (state before line k when line k is body, ... when it is boilerplate)
    back: list[tuple[bool, bool]] = [(False, True)]
    for v in u[1:]:
        e_body = v if v > 0.0 else 0.0
        e_bp = -v if v < 0.0 else 0.0
        stay_b, move_b = cost_body, cost_bp + switch
        stay_p, move_p = cost_bp, cost_body + switch
        from_b = stay_b <= move_b
        from_p = stay_p <= move_p
        back.append((not from_b, from_p))
        cost_body = (stay_b if from_b else move_b) + e_body
        cost_bp = (stay_p if from_p else move_p) + e_bp
    state = cost_bp < cost_body
    out = [False] * m
    for k in range(m - 1, -1, -1):
        out[k] = state
        state = back[k][1] if state else back[k][0]
    return out
