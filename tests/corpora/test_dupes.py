"""Syndicated copies: `reader dupes` on a small built set, the grouping, and the app's keys."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reader.dupes import group, shingles, signature
from tests.tui.helpers import make_app, press, settle


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=300)


def pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {(a, b) for g in groups for a in g for b in g if a < b}


def test_dupes_json_finds_the_built_groups(syndicated: tuple[Path, list[list[str]]]) -> None:
    corpus, truth = syndicated
    out = reader("dupes", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    found = [json.loads(line) for line in out.stdout.splitlines()]
    assert all(set(g) == {"articles", "similarity"} for g in found)
    assert all(0.5 <= g["similarity"] <= 1 for g in found)
    got, want = pairs([g["articles"] for g in found]), pairs(truth)
    precision = len(got & want) / len(got)
    recall = len(got & want) / len(want)
    assert precision >= 0.95 and recall >= 0.9, (precision, recall)
    # ids in corpus order inside a group
    assert all(g["articles"] == sorted(g["articles"]) for g in found)


def test_dupes_text_output_and_threshold(syndicated: tuple[Path, list[list[str]]]) -> None:
    corpus, _ = syndicated
    out = reader("dupes", str(corpus), "--jobs", "1")
    assert out.returncode == 0, out.stderr
    assert "copies, similarity ≥" in out.stdout and "  s000_0.txt" in out.stdout
    strict = reader("dupes", str(corpus), "--json", "--threshold", "0.95")
    loose = reader("dupes", str(corpus), "--json")
    assert len(pairs([json.loads(x)["articles"] for x in strict.stdout.splitlines()])) < len(
        pairs([json.loads(x)["articles"] for x in loose.stdout.splitlines()]))
    bad = reader("dupes", str(corpus), "--threshold", "0")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_grouping_is_transitive_and_reports_the_weakest_pair() -> None:
    words = [f"w{i}" for i in range(400)]
    a = " ".join(words)
    b = " ".join(words[:360] + [f"x{i}" for i in range(40)])  # a tail rewritten
    c = " ".join(f"z{i}" for i in range(400))
    sigs = [("a", signature(a)), ("b", signature(b)), ("c", signature(c)), ("short", None)]
    (g,) = group(sigs, 0.5)
    assert g.articles == ("a", "b")
    truth = len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))
    assert abs(g.similarity - truth) < 0.12
    assert group(sigs, 0.99) == []
    with pytest.raises(ValueError):
        group(sigs, 0)
    assert signature("too short to compare") is None
    assert isinstance(sigs[0][1], np.ndarray)


async def test_app_badges_collapses_and_copies_tags(
    syndicated: tuple[Path, list[list[str]]],
) -> None:
    from reader.tui.dupes_ui import state
    from reader.tui.widgets.article_list import ArticleList

    corpus, truth = syndicated
    app = make_app(corpus)
    async with app.run_test(size=(140, 50)) as pilot:
        await settle(app, pilot)
        lst = app.query_one(ArticleList)
        total = len(lst.indices)
        await pilot.press("equals_sign")
        await settle(app, pilot)
        s = state(app)
        assert s.ready and s.collapsed
        copies = sum(len(m) for m in s.members)
        assert len(lst.indices) == total - copies + len(s.members)
        row = lst.render_line(0).text
        first = app.corpus.articles[lst.indices[0]].id
        if first in truth[0]:
            assert f"≡{len(truth[0])}" in row
        await pilot.press("equals_sign")
        assert len(lst.indices) == total
        # tag the first copy of the first group, then copy its tags to the group
        story = truth[0]
        lst.cursor = lst.indices.index(app.corpus._index[story[0]])
        await pilot.pause()
        app.store.change(app, "add_tags", story[0], ["wire"])
        while app.store.pending:
            await asyncio.sleep(0.01)
        assert app.store.tags(story[0]) == ["wire"]
        await press(pilot, "+")  # as a keyboard sends it ("plus_sign" was no key)
        await settle(app, pilot)
        for other in story[1:]:
            assert "wire" in app.store.tags(other)
        outside = next(a.id for a in app.corpus.articles if a.id.startswith("d_"))
        assert "wire" not in app.store.tags(outside)


async def test_quitting_stops_a_running_search_for_copies(
    syndicated: tuple[Path, list[list[str]]],
) -> None:
    from reader.tui.dupes_ui import state

    corpus, _ = syndicated
    app = make_app(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("equals_sign")
        for _ in range(200):
            if state(app).proc is not None:
                break
            await asyncio.sleep(0.01)
        proc = state(app).proc
        assert proc is not None
        app.shutdown()
        assert proc.wait(timeout=10) != 0  # killed, not left to finish


def test_no_copies_is_said_on_stderr_not_left_silent(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_text("Storm\n\nThe storm surge flooded the harbour today.\n")
    (root / "b.txt").write_text("Budget\n\nThe council could not agree on the budget.\n")
    done = reader("dupes", str(root))
    assert done.returncode == 0 and done.stdout == ""  # nothing for a script to read
    assert "no copies found among 2 articles" in done.stderr
