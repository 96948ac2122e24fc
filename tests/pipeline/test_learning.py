"""A `z` correction teaches the corpus: same text elsewhere, same template on the site."""

from __future__ import annotations

from pathlib import Path

from annotations.learning import context_of, learned_verdicts, site_of
from annotations.model import Correction
from reader.pipeline import remark_changes
from tests.tui.helpers import make_app, press, settle

PARAS = [
    "The council voted on Tuesday to close the old bridge for repairs after engineers "
    "found cracks in two of its supports, officials said.",
    "Residents who cross the river each day will have to drive an extra twenty minutes "
    "until the work is done next spring, the mayor's office said.",
    "A ferry service will run every half hour from the north quay while the bridge is shut, "
    "and tickets will be free for people who live in the town.",
]


def page(n: int, byline: str) -> str:
    """A page of one site: the same furniture around a byline whose text differs."""
    return "\n\n".join([
        "Home | News | Sport | Weather",
        f"Bridge story number {n} closes the town's main road",
        "Local news",
        byline,
        "Share this article",
        *[p.replace("bridge", f"bridge {n}") for p in PARAS],
        "Sign up for our newsletter",
    ]) + "\n"


def site(tmp: Path) -> Path:
    corpus = tmp / "corpus"
    (corpus / "herald").mkdir(parents=True)
    for n, who in enumerate(["By Ann Lee, staff", "By Bo Chen, staff", "By Cy Diaz, staff"]):
        (corpus / "herald" / f"{n}.txt").write_text(page(n, who), encoding="utf-8")
    (corpus / "other").mkdir()
    # another site: the same neighbours would match, but the template stays on its site
    (corpus / "other" / "x.txt").write_text(page(9, "By Di Eve, staff"), encoding="utf-8")
    return corpus


def _line(text: str, s: str) -> int:
    return text.split("\n").index(s) + 1


def test_template_reaches_same_site_only_and_text_reaches_everywhere(tmp_path: Path) -> None:
    corpus = site(tmp_path)
    text0 = (corpus / "herald" / "0.txt").read_text()
    n = _line(text0, "By Ann Lee, staff")
    c = Correction("c1", "line_boilerplate", "herald/0.txt", line=n, text="By Ann Lee, staff",
                   value=context_of(text0, n, "herald/0.txt"))
    text1 = (corpus / "herald" / "1.txt").read_text()
    got = learned_verdicts(text1, "herald/1.txt", [c])
    assert got == {_line(text1, "By Bo Chen, staff"): True}
    other = (corpus / "other" / "x.txt").read_text()
    assert learned_verdicts(other, "other/x.txt", [c]) == {}
    # a line with the corrected text is re-marked wherever it is
    copy = other.replace("By Di Eve, staff", "By Ann Lee, staff")
    assert learned_verdicts(copy, "other/x.txt", [c]) == {_line(copy, "By Ann Lee, staff"): True}
    assert site_of("herald/0.txt") == "herald" and site_of("a.jsonl#3") == "a.jsonl"


def test_remark_changes_counts_lines_and_articles(tmp_path: Path) -> None:
    corpus = site(tmp_path)

    class A:
        def __init__(self, path: Path) -> None:
            self.path = path
            self.id = path.relative_to(corpus).as_posix()

    articles = [A(p) for p in sorted(corpus.rglob("*.txt"))]
    text0 = (corpus / "herald" / "0.txt").read_text()
    n = _line(text0, "By Ann Lee, staff")
    c = Correction("c1", "line_body", "herald/0.txt", line=n, text="By Ann Lee, staff",
                   value=context_of(text0, n, "herald/0.txt"))
    before = remark_changes(articles, lambda a: a.path.read_text(), c, [], None)
    assert before is not None
    lines, changed = before
    # the byline of each herald page flips (whatever the detector said, it said it alike)
    assert set(changed) <= {"herald/0.txt", "herald/1.txt", "herald/2.txt"}
    assert lines == len(changed)


async def test_z_relabels_the_template_on_the_site_and_one_undo_restores(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = site(tmp_path)
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        first = next(i for i, a in enumerate(app.corpus.articles) if a.id == "herald/0.txt")
        app.open_article(first)
        app.query_one("#article").focus()
        await pilot.pause()
        n = _line(app.article_text, "By Ann Lee, staff")
        was = app.marks.line_kinds[n - 1]
        view = app.query_one("#article")
        view.move_cursor(sum(len(x) + 1 for x in app.article_text.split("\n")[: n - 1]))
        await press(pilot, "z")
        await app.workers.wait_for_complete()  # the count runs in a worker
        await pilot.pause()
        assert app.last_learned == (3, 3)  # this byline and the two others of the herald
        assert app.marks.line_kinds[n - 1] != was
        # another herald page, opened now, shows its byline re-marked
        second = next(i for i, a in enumerate(app.corpus.articles) if a.id == "herald/1.txt")
        app.open_article(second)
        m = _line(app.article_text, "By Bo Chen, staff")
        assert app.marks.line_kinds[m - 1] != was
        # the other site is untouched
        x = next(i for i, a in enumerate(app.corpus.articles) if a.id == "other/x.txt")
        app.open_article(x)
        assert app.marks.line_kinds[_line(app.article_text, "By Di Eve, staff") - 1] == was
        # one undo takes it all back, and says so
        app.last_learned = None
        await press(pilot, "u")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.last_learned == (3, 3)
        app.open_article(second)
        assert app.marks.line_kinds[m - 1] == was
