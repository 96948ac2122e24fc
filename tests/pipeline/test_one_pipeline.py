"""The app, the list and `reader analyze` show one thing: the pipeline of `reader.pipeline`.

The dev set (`../shared/eval/boilerplate/dev` beside the repo, or `$READER_EVAL/boilerplate/
dev`) is the corpus on which they disagreed (39 lines in 28 of 130 articles) when the app
left out the corpus-wide repeated lines.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.pipeline import summary_of
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView
from tests.conftest import EVAL

DEV = Path(os.environ.get("READER_EVAL", EVAL)) / "boilerplate" / "dev"
needs_dev = pytest.mark.skipif(
    not DEV.is_dir(),
    reason=f"dev set not found at {DEV} (../shared/eval beside the repo, or set READER_EVAL)",
)


def analyze_cli(corpus: Path) -> dict[str, dict]:
    out = subprocess.run([sys.executable, "-m", "reader", "analyze", str(corpus)],
                         capture_output=True, text=True, timeout=600, check=True)
    return {r["file"]: r for r in map(json.loads, out.stdout.splitlines())}


@needs_dev
async def test_app_line_kinds_equal_analyze_output_on_dev(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = tmp_path / "dev"
    corpus.mkdir()
    for f in DEV.glob("*.txt"):
        shutil.copy(f, corpus / f.name)
    expected = analyze_cli(corpus)
    assert len(expected) >= 100

    app = ReaderApp(corpus, use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.repeated_ready and app.repeated  # the corpus evidence arrived
        differ = []
        view = app.query_one(ArticleView)
        for i, article in enumerate(app.corpus.articles):
            app.open_article(i)  # what the article pane is given to draw
            kinds = list(view.line_kinds)
            record = expected[article.id]
            title = record["title_line"]
            if ([n for n, k in enumerate(kinds, 1) if k == "boilerplate"],
                    [n for n, k in enumerate(kinds, 1) if k == "title"]) != (
                    record["boilerplate_lines"], [title] if title else []):
                differ.append(article.id)
            decoded, marks = app._prepare(article)
            # the list's share column comes from the same marks
            _, _, share = summary_of(decoded.text, marks)
            assert app.shares[i] == pytest.approx(share), article.id
        assert differ == []

        # and what the article pane draws for an opened article is that too
        app.query_one("#list").focus()
        await pilot.press("enter")
        await pilot.pause()
        view = app.query_one(ArticleView)
        article = app.corpus.articles[app.current]
        kinds = list(view.line_kinds)  # what the pane dims and bolds
        shown = [n for n, k in enumerate(kinds, 1) if k == "boilerplate"]
        assert shown == expected[article.id]["boilerplate_lines"]
        title = [n for n, k in enumerate(kinds, 1) if k == "title"]
        assert title == [expected[article.id]["title_line"]]
        assert view.has_focus


@needs_dev
def test_reader_list_titles_are_analyze_title_lines_on_dev(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = tmp_path / "dev"
    corpus.mkdir()
    for f in DEV.glob("*.txt"):
        shutil.copy(f, corpus / f.name)
    expected = analyze_cli(corpus)
    out = subprocess.run([sys.executable, "-m", "reader", "list", str(corpus)],
                         capture_output=True, text=True, timeout=600, check=True)
    differ = []
    for row in out.stdout.splitlines():
        article_id, title, _ = row.split("\t")
        n = expected[article_id]["title_line"]
        text = (corpus / article_id).read_text(encoding="utf-8")
        want = " ".join(text.split("\n")[n - 1].split())[:300] if n else None
        if want is not None and title != want:
            differ.append(article_id)
    assert differ == []
