"""Offices, titles, organisations and appositives around one speaker's name: the name
form a reader expects (issue 16's seventh speaker round, normalisation: "Public
Prosecution Eva-Marie Persson" -> "Eva-Marie Persson", titles, possessives, trailing
roles). A grid written from the attribution forms of news copy; all of these already gave
the right name at the round's start, so they protect it (the round's fixes of name forms
are in test_speaker_forms_clauses.py)."""

from __future__ import annotations

import pytest

from reader.marks import analyze

Q = "\u201cWe will rebuild the bridge by spring,\u201d"


def last_speaker(text: str) -> str | None:
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    return m.quotes[-1].speaker


FORMS = {
    "Public Prosecution NAME": (
        f"{Q} said Public Prosecution Eva-Marie Persson.",
        "Eva-Marie Persson",
    ),
    "NAME, CEO, said": (f"{Q} Jane Doe, CEO, said.", "Jane Doe"),
    "Rep. NAME, D-Calif., said": (f"{Q} Rep. Jane Doe, D-Calif., said.", "Jane Doe"),
    "NAME, 45, of Place said": (f"{Q} Jane Doe, 45, of Springfield, said.", "Jane Doe"),
    "said NAME, 45, of Place": (f"{Q} said Jane Doe, 45, of Springfield.", "Jane Doe"),
    "Place resident NAME said": (f"{Q} Springfield resident Jane Doe said.", "Jane Doe"),
    "Org spokeswoman NAME said": (f"{Q} Acme spokeswoman Jane Doe said.", "Jane Doe"),
    "Police Chief NAME said": (f"{Q} Police Chief Jane Doe said.", "Jane Doe"),
    "Public Health Director NAME said": (f"{Q} Public Health Director Jane Doe said.", "Jane Doe"),
    "Department spokesperson NAME said": (
        f"{Q} Department of Health spokesperson Jane Doe said.",
        "Jane Doe",
    ),
    "Attorney General NAME said": (f"{Q} Attorney General Jane Doe said.", "Jane Doe"),
    "Health Minister NAME said": (f"{Q} Health Minister Jane Doe said.", "Jane Doe"),
    "Chief Executive Officer NAME said": (
        f"{Q} Chief Executive Officer Jane Doe said.",
        "Jane Doe",
    ),
    "NASA Administrator NAME said": (f"{Q} NASA Administrator Jane Doe said.", "Jane Doe"),
    "White House Press Secretary NAME said": (
        f"{Q} White House Press Secretary Jane Doe said.",
        "Jane Doe",
    ),
    "NAME, Ph.D., said": (f"{Q} Jane Doe, Ph.D., said.", "Jane Doe"),
    "Former President NAME said": (f"{Q} Former President John Roe said.", "John Roe"),
    "said former President NAME": (f"{Q} said former President John Roe.", "John Roe"),
    "Nobel laureate NAME said": (f"{Q} Nobel laureate Jane Doe said.", "Jane Doe"),
    "said Acme Corp CEO NAME": (f"{Q} said Acme Corp CEO Jane Doe.", "Jane Doe"),
    "Deputy Prosecutor NAME said": (f"{Q} Deputy Prosecutor Jane Doe said.", "Jane Doe"),
    "Senior Prosecutor NAME said": (f"{Q} Senior Prosecutor Jane Doe said.", "Jane Doe"),
    "Chief Prosecutor NAME, Public Prosecution": (
        f"{Q} Chief Prosecutor Eva-Marie Persson said.",
        "Eva-Marie Persson",
    ),
    "Foundation President NAME said": (f"{Q} Acme Foundation President Jane Doe said.", "Jane Doe"),
    "Economy Minister NAME told Reuters": (
        f"{Q} Economy Minister Jane Doe told Reuters.",
        "Jane Doe",
    ),
    "Swedish Prosecution Authority's NAME": (
        f"{Q} said the Swedish Prosecution Authority\u2019s Eva-Marie Persson.",
        "Eva-Marie Persson",
    ),
    "NAME of the Org said": (f"{Q} Jane Doe of the Acme Foundation said.", "Jane Doe"),
    # (an acronym is spelled out as the article defines it, as the benchmark's dev labels
    # write it; the extra dev labels keep "the DEA": a convention, left as it is)
    "acronym first defined": (
        "The Drug Enforcement Administration (DEA) seized heroin.\n\nThe DEA says that the "
        "border \u201cremains the primary entry point for heroin.\u201d",
        "Drug Enforcement Administration",
    ),
    "Labour MP NAME said": (f"{Q} Labour MP Jane Doe said.", "Jane Doe"),
    "Tory leader NAME said": (f"{Q} Tory leader Jane Doe said.", "Jane Doe"),
    "Real Madrid coach NAME said": (f"{Q} Real Madrid coach John Roe said.", "John Roe"),
    "NAME, Acme Corp's chief, said": (f"{Q} Jane Doe, Acme Corp\u2019s chief, said.", "Jane Doe"),
    "Liberal Democrat NAME": (f"{Q} said Liberal Democrat Jane Doe.", "Jane Doe"),
    "Republican Sen. NAME": (f"{Q} said Republican Sen. Jane Doe.", "Jane Doe"),
    "Democratic presidential candidate NAME": (
        f"{Q} said Democratic presidential candidate Jane Doe.",
        "Jane Doe",
    ),
}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_name_form(name: str) -> None:
    text, want = FORMS[name]
    assert last_speaker(text) == want
