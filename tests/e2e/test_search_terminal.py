"""End to end in tmux: `/` finds a word that only an article's body holds, and enter
opens the hit with the cursor on that word."""

from __future__ import annotations

import re
from pathlib import Path

from reader.corpus import read_text
from tests.e2e.tmux import EXIT, Tmux, reader_script

WORD = "hawks"  # in the body of 000_..., in no title




def test_search_a_body_word_and_open_the_hit(tmux: Tmux, seeds_copy: Path) -> None:
    article = "000_4f563db4c078cd2b.txt"
    text = read_text(seeds_copy / article).text
    first = re.search(rf"\b{WORD}\b", text, re.IGNORECASE)
    assert first is not None
    assert not any(WORD in line.lower() for line in text.split("\n")[:3])
    tmux.start(f"{reader_script()} {seeds_copy}; printf 'READER-EXIT:%s:DONE\\n' $?")
    tmux.wait_for(lambda s: "Trump and Kim" in s, timeout=90)
    tmux.wait_for(lambda s: "search index" not in s, timeout=90)  # (said while building)
    tmux.send("/")
    # (the box's grammar line shows once it has focus: letters typed before that went to
    # the list, which made this test flaky under load)
    tmux.wait_for(lambda s: "label:NAME" in s, timeout=90)
    tmux.type(WORD)
    screen = tmux.wait_for(lambda s: "1 of 2" in s, timeout=90)
    assert "Trump and Kim rekindle" in screen
    tmux.send("Enter")
    tmux.send("Enter")
    # the cursor is on a match of the word (the first one in the body: which line that is
    # follows the boilerplate detection)
    starts = [m.start() for m in re.finditer(rf"\b{WORD}\b", text, re.IGNORECASE)]
    screen = tmux.wait_for(lambda s: any(f"char {x}" in s for x in starts), timeout=90)
    at = next(x for x in starts if f"char {x}" in screen)
    assert f"line {text.count(chr(10), 0, at) + 1} · char {at}" in screen
    tmux.send("q")
    assert EXIT.search(tmux.wait_for(lambda s: EXIT.search(s) is not None)).group(1) == "0"
