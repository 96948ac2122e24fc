"""Esc typed right before another key: Textual reads the two as one alt+key."""

from __future__ import annotations

from textual._xterm_parser import XTermParser

from reader.tui.keys import esc_then_key, keep_escape_before_symbols


def _keys(data: str) -> list[tuple[str, str | None]]:
    """What Textual's input reader makes of `data` arriving in one read (and the Esc
    delay running out after it)."""
    parser = XTermParser()
    events = list(parser.feed(data))
    events += list(parser.feed(""))  # end of input: the reader gives what it holds
    return [(e.key, e.character) for e in events if hasattr(e, "key")]


def test_the_two_keys_an_alt_key_stands_for() -> None:
    assert esc_then_key("alt+n", "n") == ("n", "n")
    assert esc_then_key("alt+n", None) == ("n", "n")
    assert esc_then_key("alt+shift+d", "D") == ("D", "D")
    assert esc_then_key("alt+7", "7") == ("7", "7")
    assert esc_then_key("alt+slash", "/") == ("slash", "/")
    assert esc_then_key("alt+right_square_bracket", "]") == ("right_square_bracket", "]")
    for key, char in (("alt+up", None), ("alt+backspace", "\x7f"), ("n", "n"),
                      ("ctrl+n", None), ("alt+space", " ")):
        assert esc_then_key(key, char) is None, key


def test_the_reader_keeps_the_escape_before_a_symbol() -> None:
    keep_escape_before_symbols()
    keep_escape_before_symbols()  # idempotent
    assert _keys("\x1b/") == [("alt+slash", "/")]  # was ("slash", "/"): the Esc lost
    assert _keys("\x1b]") == [("alt+right_square_bracket", "]")]
    assert _keys("\x1b?") == [("alt+question_mark", "?")]
    assert _keys("\x1b}") == [("alt+right_curly_bracket", "}")]
    # letters and plain keys are as Textual reads them
    assert _keys("\x1bn") == [("alt+n", "n")]
    assert _keys("/") == [("slash", "/")]
    assert esc_then_key(*_keys("\x1b/")[0]) == ("slash", "/")
