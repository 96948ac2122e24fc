"""`reader import` of an export with records of the wrong shape keeps the store usable.

`"tags": [null, 5]` was merged as it was: every later import (even a good one) and the
app's tag list then failed on `None.strip()` with a traceback. Bad records are now named
as invalid and left out; the rest of the file is merged.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotations.store import ALL, AnnotationStore
from reader.cli import main

TEXT = "A title\n\nThe council met on Monday. It agreed on the budget.\n"


@pytest.fixture
def export(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A corpus, and a good JSON export of one coder's work on it (from another copy)."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["tag", str(source), "a.txt", "budget", "--coder", "ann"]) == 0
    start = TEXT.index("The council")
    assert main(["highlight", str(source), "a.txt", "--start", str(start), "--end",
                 str(start + 26), "--label", "claim", "--note", "n", "--coder", "ann"]) == 0
    out = tmp_path / "export.json"
    assert main(["export", str(source), "--format", "json", "-o", str(out)]) == 0
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    return corpus, json.loads(out.read_text(encoding="utf-8"))


def _article(d: dict[str, Any]) -> dict[str, Any]:
    return d["articles"][0]


def _highlight(d: dict[str, Any]) -> dict[str, Any]:
    return d["articles"][0]["highlights"][0]


BAD: dict[str, Callable[[dict[str, Any]], None]] = {
    "tags that are not text": lambda d: _article(d).update(tags=[None, 5]),
    "an empty tag": lambda d: _article(d).update(tags=["  "]),
    "a tag with an escape": lambda d: _article(d).update(tags=["a\x1b[31m"]),
    "an unknown status": lambda d: _article(d).update(status="weird"),
    "a label that is a number": lambda d: _highlight(d).update(label=5),
    "a note that is a list": lambda d: _highlight(d).update(note=[1]),
    "a correction of no known kind": lambda d: _article(d).update(
        corrections=[{"id": "c1", "kind": "whatever", "article": "a.txt", "line": 3}]),
    "a correction whose line is text": lambda d: _article(d).update(
        corrections=[{"id": "c2", "kind": "line_body", "article": "a.txt", "line": "x"}]),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_record_is_left_out_and_the_store_stays_usable(
    export: tuple[Path, dict[str, Any]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], name: str,
) -> None:
    corpus, good = export
    bad = copy.deepcopy(good)
    BAD[name](bad)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    main(["import", str(corpus), str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "invalid" in err, err
    # the store still works: a good import, the listing, and what it holds is well formed
    path.write_text(json.dumps(good), encoding="utf-8")
    assert main(["import", str(corpus), str(path)]) == 0
    assert main(["annotations", str(corpus), "--coder", "ann"]) == 0
    with AnnotationStore.open(corpus / "annotations.json", coder="ann") as store:
        for state in store.article_states(coder=ALL):
            assert all(isinstance(t, str) and t.strip() and t.isprintable() for t in state.tags)
            assert state.status in ("todo", "done", "skipped")
        for h in store.highlights(coder=ALL):
            assert isinstance(h.label, str) and isinstance(h.note, str)
        assert "budget" in store.tags("a.txt")
        for c in store.corrections(coder=ALL):
            assert c.line is None or isinstance(c.line, int)


def test_a_store_holding_such_tags_already_works_again(
    export: tuple[Path, dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """A store the old import had written `[null, 5]` tags into stays usable: listing,
    exporting and tagging it each ended in a traceback."""
    corpus, _ = export
    assert main(["tag", str(corpus), "a.txt", "ok", "--coder", "ann"]) == 0
    db = corpus / "annotations.json"
    data = json.loads(db.read_text(encoding="utf-8"))
    for record in data["articles"].values():
        record["tags"] = [None, 5, *record["tags"], ""]
    db.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["annotations", str(corpus), "--coder", "ann"]) == 0
    assert "tags: ok" in capsys.readouterr().out
    assert main(["export", str(corpus), "--format", "csv"]) == 0
    assert main(["tag", str(corpus), "a.txt", "more", "--coder", "ann"]) == 0
    with AnnotationStore.open(db, coder="ann") as store:
        assert store.tags("a.txt") == ["ok", "more"]
