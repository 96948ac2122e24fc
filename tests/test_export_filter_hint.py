"""`reader export --tag T` (or `--label L`) that matches nothing says which exist.

"nothing to export: no annotated article matches" after a typo in a tag left the user to
guess; the coder filter already named the coders there are, the tag and label filters
now name the tags and labels in the annotations, as `--coder` does.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from annotations.store import AnnotationStore
from tests.e2e.tmux import reader_script

FIRST = "000_4f563db4c078cd2b.txt"


def _annotated(seeds_copy: Path) -> None:
    store = AnnotationStore.open(seeds_copy / "annotations.json", coder="ann")
    try:
        store.add_tags(FIRST, ["north-korea", "diplomacy"])
        text = (seeds_copy / FIRST).read_text(encoding="utf-8")
        exact = "It marked the first time"
        start = text.index(exact)
        store.add_highlight(FIRST, text, start, start + len(exact), "claim")
    finally:
        store.close()


def _export(seeds_copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([reader_script(), "export", str(seeds_copy), "-f", "md", *args],
                          capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def test_an_unknown_tag_names_the_tags_there_are(seeds_copy: Path) -> None:
    _annotated(seeds_copy)
    out = _export(seeds_copy, "--tag", "north-koera")
    assert out.returncode == 0
    assert "no article has the tag 'north-koera'" in out.stderr, out.stderr
    assert "diplomacy" in out.stderr and "north-korea" in out.stderr, out.stderr


def test_an_unknown_label_names_the_labels_in_use(seeds_copy: Path) -> None:
    _annotated(seeds_copy)
    out = _export(seeds_copy, "--label", "claims")
    assert "no highlight has the label 'claims'" in out.stderr, out.stderr
    assert "(labels: claim)" in out.stderr, out.stderr


def test_a_known_tag_says_nothing_more(seeds_copy: Path) -> None:
    _annotated(seeds_copy)
    out = _export(seeds_copy, "--tag", "Diplomacy")  # case does not matter for tags
    assert "no article has the tag" not in out.stderr, out.stderr
    assert "It marked the first time" in out.stdout  # the tagged article's highlight
