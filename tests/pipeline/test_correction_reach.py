"""After `z`, articles the correction cannot reach are ruled out from their raw text
(`reader.correction_reach`), never one it does reach: the count is the same, and the
unrelated articles are not analysed."""

from __future__ import annotations

from pathlib import Path

import pytest

import annotations.learning as learning
from annotations.learning import context_of, learned_verdicts
from annotations.model import Correction
from reader.correction_reach import might_reach
from tests.pipeline.test_learning import _line, site
from tests.search.conftest import DEV, needs_dev
from tests.tui.helpers import make_app, press, settle

# lines that differ in typography, spacing, case, compatibility forms and digits only
TRICKY = {
    "news/a.txt": "Don’t miss our newsletter\n\nBy  Ann  Lee\n\nStraße news\n\n"
                  "12 comments\n\nＳｈａｒｅ ｔｈｉｓ\n\nPosted — today\n\n•\n",
    "news/b.txt": "DON'T MISS OUR NEWSLETTER\n\nby ann lee\n\nStrasse news\n\n"
                  "3 comments\n\nShare this\n\nPosted - today\n\n•\n",
    "news/c.txt": "Nothing in common with the others at all.\n",
    "wire/d.txt": "don’t  miss our newsletter\n\n1,204 comments\n\nshare THIS\n\n•\n",
}


def _all_corrections(texts: dict[str, str]) -> list[Correction]:
    out = []
    for article, text in texts.items():
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                out.append(Correction(f"{article}:{n}", "line_boilerplate", article, line=n,
                                      text=line, value=context_of(text, n, article)))
    return out


def _check_never_rules_out_a_reached_article(texts: dict[str, str]) -> tuple[int, int]:
    ruled_out = reached = 0
    for c in _all_corrections(texts):
        test = might_reach(c)
        for article, text in texts.items():
            hit = bool(learned_verdicts(text, article, [c]))
            ok = test(article, text)
            assert ok or not hit, (c.text, article)
            reached += hit
            ruled_out += not ok
    return ruled_out, reached


def test_never_rules_out_an_article_the_correction_reaches() -> None:
    ruled_out, reached = _check_never_rules_out_a_reached_article(TRICKY)
    assert reached > 0 and ruled_out > 0  # both happen on this corpus


@needs_dev
def test_never_rules_out_a_reached_article_on_the_dev_pages() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))[:5]}
    ruled_out, reached = _check_never_rules_out_a_reached_article(texts)
    assert ruled_out > reached


@pytest.fixture
def counted_keys(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts whose line keys `remark_changes` works out (one per article looked at)."""
    seen: list[str] = []
    real = learning.line_keys

    def line_keys(text: str) -> list[str]:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(learning, "line_keys", line_keys)
    return seen


async def test_z_counts_the_same_and_skips_articles_it_cannot_reach(
    tmp_path: Path, isolated_home: Path, counted_keys: list[str]
) -> None:
    corpus = site(tmp_path)
    for n in range(6):  # other sites' pages, with nothing of the herald's bylines
        (corpus / "other" / f"u{n}.txt").write_text(
            f"Unrelated story {n}\n\nA different text about farming number {n}.\n",
            encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        first = next(i for i, a in enumerate(app.corpus.articles) if a.id == "herald/0.txt")
        app.open_article(first)
        app.query_one("#article").focus()
        await pilot.pause()
        n = _line(app.article_text, "By Ann Lee, staff")
        view = app.query_one("#article")
        view.move_cursor(sum(len(x) + 1 for x in app.article_text.split("\n")[: n - 1]))
        counted_keys.clear()
        await press(pilot, "z")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.last_learned == (3, 3)  # as when every article was analysed
        unrelated = [t for t in counted_keys if t.startswith("Unrelated story")]
        assert unrelated == []
