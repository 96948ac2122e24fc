"""Who "he said" and an unattributed quotation point at: a learned choice among the people
the last sentences name.

The rules of `speakers.py` find *that* a quotation's speaker is a pronoun ("…,” she
said") or nobody (an unattributed quotation continuing someone's words), and which people
are in reach: the names met in the last three sentences and the last speaker. Which of
them it is used to be a fixed order (the latest sentence first, then a name known to be a
person's, ...); here a linear score over a few facts about each candidate decides, with
weights fitted by `train_speakers.py` on the labelled quotation sets (a conditional logit:
the gold speaker's candidate against the others of the same quotation). Pure and
deterministic; ties go to the most recent mention, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

FEATURES = (
    "rule",           # the fixed order's choice
    "dist0",          # named in the quotation's own sentence
    "dist1",          # ... in the sentence before
    "dist2",          # ... two sentences before (three is the baseline)
    "strong",         # a name known to be a person's (a full name, or its surname)
    "last_speaker",   # the speaker of the last attributed quotation
    "spoken",         # quoted before in this article
    "gender_known",   # the pronoun's gender is this person's, as the text showed it
    "one_word",       # a single capitalised word ("Greek", "Math", "Trump")
    "thing",          # an organisation, a place, a document rather than a person
    "subject",        # the first name of its sentence (its subject, mostly)
    "latest",         # the most recent mention of all
    "carry_last",     # no pronoun (an unattributed quotation), and the last speaker
    "carry_strong",   # no pronoun, and a person's full name
    "ordinary",       # one word the article also writes in lower case ("Math", "Think")
)

# the candidates of the quotations being attributed, as (names, feature rows), when a
# trainer or bench sets this to a list
LOG: list[tuple[list[str], list[list[float]]]] | None = None


def rows(
    mentions: Sequence[tuple[int, str, bool]],
    sentence: int,
    window: int,
    last_speaker: str | None,
    last_speaker_sent: int,
    spoken: dict[str, int],
    gender: dict[str, str],
    pronoun_gender: str | None,
    carry: bool,
    fits: Callable[[str], bool],
    thing_like: Callable[[str], bool],
    pick: str | None,
    ordinary: Callable[[str], bool],
) -> tuple[list[str], list[list[float]]]:
    """The candidates (most recent first) and their feature rows."""
    lo = sentence - window
    seen: dict[str, int] = {}
    names: list[str] = []
    first_in_sent: dict[int, str] = {}
    strong_names: set[str] = set()
    for sent, name, strong in reversed(mentions):
        if sent < lo:
            break
        first_in_sent[sent] = name  # (reversed: the last write is the sentence's first)
        if strong:
            strong_names.add(name)
        if name in seen or not fits(name):
            continue
        seen[name] = sent
        names.append(name)
    if pick is not None and pick not in seen:
        seen[pick] = lo
        names.append(pick)
    if (
        last_speaker
        and last_speaker not in seen
        and sentence - last_speaker_sent <= window
        and fits(last_speaker)
    ):
        seen[last_speaker] = max(last_speaker_sent, lo)
        names.append(last_speaker)
    out = []
    for k, name in enumerate(names):
        d = sentence - seen[name]
        last = name == last_speaker
        strong = name in strong_names or (" " in name and name[:1].isupper())
        out.append([
            1.0 if name == pick else 0.0,
            1.0 if d <= 0 else 0.0,
            1.0 if d == 1 else 0.0,
            1.0 if d == 2 else 0.0,
            1.0 if strong else 0.0,
            1.0 if last else 0.0,
            1.0 if name in spoken else 0.0,
            1.0 if pronoun_gender is not None and gender.get(name) == pronoun_gender else 0.0,
            1.0 if " " not in name else 0.0,
            1.0 if thing_like(name) else 0.0,
            1.0 if first_in_sent.get(seen[name]) == name else 0.0,
            1.0 if k == 0 else 0.0,
            1.0 if carry and last else 0.0,
            1.0 if carry and strong and " " in name else 0.0,
            1.0 if ordinary(name) else 0.0,
        ])
    return names, out


def choose(names: list[str], feats: list[list[float]], weights: Sequence[float]) -> str | None:
    """The best-scoring candidate (the first, i.e. most recent, among equals)."""
    best = None
    best_score = 0.0
    for name, r in zip(names, feats, strict=True):
        s = sum(a * b for a, b in zip(weights, r, strict=True))
        if best is None or s > best_score:
            best, best_score = name, s
    return best
