"""The pages of one site's template decide their headlines together, in `reader analyze`
and in the app's corpus evidence alike (issue 16 item 4, eighth round: `headline_slots`).

A synthetic local paper: two pages of one template (the same menu and footer); on the
second the ranker alone takes the dek under a short headline, while the first page's sure
headline shows the slot (two lines under the menu's last line). A third page of another
site is left alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.corpus import scan
from reader.marks import analyze, repeated_lines
from reader.pipeline import RepeatedCache, article_marks, corpus_repeated

MENU = ["Harbourton Gazette", "Subscribe to the Harbourton Gazette today",
        "Local news and sport from the harbour towns", "Contact the newsroom by email",
        "Home", "News", "Sport", "Business", "Opinion"]
FOOT = ["Breaking News Emails from the Gazette",
        "Get the day's stories in your inbox every morning", "Share this story",
        "Copyright Harbourton Gazette Media Group", "Terms of use and privacy notice"]
ROWING = [
    "The rowing club's first eight beat three rival crews on a windy Saturday morning, "
    "winning the regional cup for the third year running.",
    "Coach Mary Lee said the crew had trained through the winter on the harbour, often "
    "before dawn, to be ready for the race.",
    "The club will now represent the region at the national championships in August, the "
    "coach said after the race.",
]
FARES = [
    "Councillors voted on Tuesday to keep every ferry fare at this year's price for another "
    "twelve months, citing the cost of living.",
    "The ferry company had asked for a rise of six per cent to cover fuel, but the council "
    "said commuters could not afford it.",
    "The council will review the fares again next spring, when the new boats are due to "
    "enter service on the harbour route.",
]
BAKERY = [
    "A new bakery opened on the high street on Monday, selling bread baked overnight in a "
    "wood-fired oven.",
    "The owners said they had waited two years for the building to be restored before they "
    "could open.",
    "Queues formed outside before seven in the morning, and the first batch sold out within "
    "the hour.",
]
HEAD = "Council freezes fares"
DEK = "Commuters spared a rise as the council keeps ferry fares at this year's price"


def _gazette(kicker: str, head: str, dek: str, paras: list[str]) -> str:
    return "\n\n".join([*MENU, kicker, head, dek, "By Jane Smith", "May 2, 2026", *paras,
                        *FOOT])


TEXTS = {
    "a.txt": _gazette("SPORT", "Harbourton rowers win the regional cup again",
                      "The club's eight beat three rivals on a windy Saturday.", ROWING),
    "b.txt": _gazette("COUNCIL", HEAD, DEK, FARES),
    "c.txt": "\n\n".join(["Valley Times", "Menu", "New bakery opens on the high street",
                          "By Tom Brown", *BAKERY, "About us"]),
}
WANT = {"a.txt": "Harbourton rowers win the regional cup again", "b.txt": HEAD,
        "c.txt": "New bakery opens on the high street"}


def _title(text: str, line: int | None) -> str | None:
    return None if line is None else text.split("\n")[line - 1]


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "gazette"
    root.mkdir()
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_alone_the_ranker_takes_the_dek_of_the_unsure_page() -> None:
    # (what the template decision corrects: each page judged on its own)
    rep = repeated_lines(TEXTS.values())
    assert _title(TEXTS["b.txt"], analyze(TEXTS["b.txt"], repeated=rep).title_line) == DEK
    assert _title(TEXTS["a.txt"], analyze(TEXTS["a.txt"], repeated=rep).title_line) == \
        WANT["a.txt"]


def test_reader_analyze_takes_the_headline_in_the_templates_slot(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    out = subprocess.run([sys.executable, "-m", "reader", "analyze", str(root)],
                         capture_output=True, text=True, timeout=300, check=True)
    got = {r["file"]: _title(TEXTS[r["file"]], r["title_line"])
           for r in map(json.loads, out.stdout.splitlines())}
    assert got == WANT
    # the dek is no longer the title, and the headline's line is not boilerplate
    record = next(r for r in map(json.loads, out.stdout.splitlines()) if r["file"] == "b.txt")
    assert record["title_line"] not in record["boilerplate_lines"]


def test_the_apps_corpus_evidence_carries_the_same_choice(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    corpus = scan(root, 1 << 20)
    cache = RepeatedCache(tmp_path / "annotations.repeated.json")
    done, evidence = corpus_repeated(corpus.articles, 1 << 20, cache)
    assert done and evidence is not None
    got = {a.id: _title(TEXTS[a.id], article_marks(TEXTS[a.id], a.id,
                                                   repeated=evidence).title_line)
           for a in corpus.articles}
    assert got == WANT
    # and from the cache, the same evidence (the choice included)
    found, again = cache.load(*_cache_key(corpus, cache))
    assert found and again == evidence and again.titles == evidence.titles


def _cache_key(corpus, cache: RepeatedCache) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    from reader.pipeline import MIN_REPEAT, fingerprint

    return fingerprint(corpus.articles), MIN_REPEAT


def test_without_corpus_evidence_nothing_is_decided_together(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    out = subprocess.run([sys.executable, "-m", "reader", "analyze", "--min-repeat", "0",
                          str(root)], capture_output=True, text=True, timeout=300, check=True)
    got = {r["file"]: _title(TEXTS[r["file"]], r["title_line"])
           for r in map(json.loads, out.stdout.splitlines())}
    assert got["b.txt"] == DEK


def test_the_choice_is_part_of_the_evidence_caches_are_keyed_by(tmp_path: Path) -> None:
    # (the list's cached headlines and the worker processes follow the choice)
    import pickle

    from reader.pipeline import digest

    corpus = scan(_corpus(tmp_path), 1 << 20)
    _, evidence = corpus_repeated(corpus.articles, 1 << 20, RepeatedCache(None))
    assert evidence is not None and evidence.titles
    assert digest(evidence) != digest(frozenset(evidence))
    again = pickle.loads(pickle.dumps(evidence))
    assert again == evidence and again.titles == evidence.titles
