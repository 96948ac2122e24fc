"""Golden files: every format on the two seed articles with a fixed set of annotations.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/export`, then read
the diff of tests/export/golden/ before committing it.

Titles come from the real headline detector (`reader.titles.title_of`), as in a user's
export: first-line titles put the Washington Post masthead ("The Washington PostDemocracy
Dies in Darkness") in the goldens as a title, which no user would get. The boilerplate and
quotation marks stay the deterministic `fake_analyze` (tests/export/helpers.py), so a
change in those detectors does not churn files that pin the exporters; a change in the
seeds' headlines does, on purpose (test_goldens_carry_the_real_headlines says why).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotations.export import collect_for, render
from annotations.export.cleantext import write_text_export
from reader.corpus import scan
from tests.conftest import SEED_TITLES

from .helpers import NOW, SEEDS, fake_analyze, fixed_store

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"



def portable(text: str) -> str:
    """The corpus lives in a different folder on each machine; goldens say <CORPUS>."""
    return text.replace(SEEDS.as_uri(), "file:///CORPUS").replace(str(SEEDS), "/CORPUS")


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return
    assert path.exists(), f"missing golden {name}: run with UPDATE_GOLDEN=1"
    with open(path, encoding="utf-8", newline="") as f:
        assert text == f.read(), f"{name} differs from golden (UPDATE_GOLDEN=1 to accept)"


def rendered(fmt: str, quotes: bool = False) -> str:
    data = collect_for(
        fmt, scan(SEEDS), fixed_store(), quotes=quotes, now=NOW, analyze=fake_analyze
    )
    return portable(render(fmt, data))


@pytest.mark.parametrize(
    ("fmt", "quotes", "name"),
    [
        ("md", False, "seeds.md"),
        ("md", True, "seeds-quotes.md"),
        ("json", False, "seeds.json"),
        ("jsonld", False, "seeds.jsonld"),
        ("csv", False, "seeds.csv"),
    ],
)
def test_document_formats(fmt: str, quotes: bool, name: str) -> None:
    check(name, rendered(fmt, quotes))


def test_text_folder(tmp_path: Path) -> None:
    out = tmp_path / "clean"
    report = write_text_export(scan(SEEDS), fixed_store(), out, analyze=fake_analyze)
    assert report.written == 2 and not report.skipped
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert files == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in files:
        check(f"text/{name}", (out / name).read_text(encoding="utf-8"))


def test_text_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "clean.jsonl"
    write_text_export(scan(SEEDS), fixed_store(), out, jsonl=True, analyze=fake_analyze)
    check("seeds.jsonl", out.read_text(encoding="utf-8"))


def test_goldens_carry_the_real_headlines() -> None:
    """What a user exporting the seeds sees as titles: the headlines, not a masthead."""
    golden = (GOLDEN / "seeds.json").read_text(encoding="utf-8")
    for title in SEED_TITLES:
        assert f'"title": "{title}' in golden
    assert '"title": "The Washington Post' not in golden  # the masthead line
