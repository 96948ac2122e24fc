"""End to end: the installed console script in a real terminal (tmux)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SEED_TITLES
from tests.e2e.tmux import EXIT, Tmux, reader_script

# the typed command shows `%s`, never a digit, so only the real exit status matches




def test_opens_seeds_shows_headlines_and_quits(tmux: Tmux, seeds_copy: Path) -> None:
    reader = reader_script()
    tmux.start(f"{reader} {seeds_copy}; printf 'READER-EXIT:%s:DONE\\n' $?")
    screen = tmux.wait_for(lambda s: SEED_TITLES[0][:30] in s and SEED_TITLES[1][:30] in s)
    assert "Quit" in screen  # the footer
    tmux.send("q")
    screen = tmux.wait_for(lambda s: EXIT.search(s) is not None)
    assert EXIT.search(screen).group(1) == "0"


def test_escape_sequences_do_not_reach_the_terminal(tmux: Tmux, tmp_path: Path) -> None:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "Evil [bold]X[/bold] headline\n\nBody \x1b]0;PWNED-TITLE\x07 text.\n", encoding="utf-8"
    )
    tmux.start(f"{reader_script()} {corpus}; printf 'READER-EXIT:%s:DONE\\n' $?")
    tmux.wait_for(lambda s: "Evil [bold]X[/bold] headline" in s)
    tmux.send("Enter")
    screen = tmux.wait_for(lambda s: "PWNED-TITLE" in s)
    assert "␛]0;PWNED-TITLE␇" in screen
    assert "PWNED" not in tmux.title()
    tmux.send("q")
    assert EXIT.search(tmux.wait_for(lambda s: EXIT.search(s) is not None)).group(1) == "0"


def test_tag_in_app_then_read_it_from_cli(tmux: Tmux, seeds_copy: Path) -> None:
    reader = reader_script()
    tmux.start(f"{reader} {seeds_copy}; printf 'READER-EXIT:%s:DONE\\n' $?")
    tmux.wait_for(lambda s: SEED_TITLES[0][:30] in s)
    tmux.send("t")
    tmux.wait_for(lambda s: "Tags for" in s)
    tmux.type("e2e-tag")
    tmux.send("Enter")
    tmux.wait_for(lambda s: "#e2e-tag" in s)
    tmux.send("q")
    assert EXIT.search(tmux.wait_for(lambda s: EXIT.search(s) is not None)).group(1) == "0"
    out = subprocess.run(
        [reader, "annotations", str(seeds_copy), "--json"], capture_output=True, text=True,
        env={**os.environ, **tmux.env},
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    tagged = {a["article"]: a["tags"] for a in data["articles"] if a["tags"]}
    assert tagged == {"000_4f563db4c078cd2b.txt": ["e2e-tag"]}


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("n", " words · "),  # Textual reads Esc+n as alt+n: the app gives Esc, then n
        ("/", "search: "),  # Textual dropped the Esc: the `/` went into the prompt
    ],
)
def test_esc_then_a_key_at_once_is_two_keys(
    tmux: Tmux, seeds_copy: Path, key: str, shown: str
) -> None:
    tmux.start(f"{reader_script()} {seeds_copy}; printf 'READER-EXIT:%s:DONE\\n' $?")
    tmux.wait_for(lambda s: SEED_TITLES[0][:30] in s)
    tmux.send("t")
    tmux.wait_for(lambda s: "Tags for" in s)
    tmux.send("Escape", key)  # in one write
    tmux.wait_for(lambda s: "Tags for" not in s and shown in s)
    tmux.send("Escape", "q")
    assert EXIT.search(tmux.wait_for(lambda s: EXIT.search(s) is not None)).group(1) == "0"
