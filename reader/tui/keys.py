"""Esc typed just before another key.

A terminal sends Esc as the escape byte alone, and alt+key as the escape byte and the key,
so Textual's input reader takes Esc and a key that arrives right after it (in the same
read, or within about 0.1 s: it looks at its escape delay only between reads) for one
alt+key. Esc closing a prompt, then `n` for the next article, arrived as "alt+n": the
prompt stayed open and the `n` went nowhere. For a key that is not a letter or a digit
(`/`, `]`, `?`) the reader dropped the alt, and with it the Esc, altogether.

The app binds no alt keys, so it takes such an alt+key for the two keys a person typed
(`esc_then_key`). `keep_escape_before_symbols` makes Textual's reader report the symbol
keys as alt+key too, instead of dropping the Esc.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual import events

_PATCHED = "_reader_keeps_escape"


def esc_then_key(key: str, character: str | None) -> tuple[str, str] | None:
    """The key (name, character) typed after Esc, for an alt+key that stands for Esc and
    a printable key ("alt+n" -> ("n", "n"), "alt+shift+n" -> ("N", "N"), "alt+slash" ->
    ("slash", "/")), else None (alt+up, alt+backspace: keys of their own)."""
    if not key.startswith("alt+"):
        return None
    rest = key[4:]
    if rest.startswith("shift+") and len(rest) == 7 and rest[6].isalpha():
        return rest[6].upper(), rest[6].upper()
    if len(rest) == 1 and rest.isalnum():
        return rest, rest
    if (
        character is not None
        and len(character) == 1
        and character.isprintable()
        and not character.isalnum()
        and not character.isspace()
        and "+" not in rest
    ):
        return rest, character
    return None


def keep_escape_before_symbols() -> None:
    """Have Textual's input reader report Esc followed by a symbol key as alt+key (it
    dropped the Esc), so that `esc_then_key` can give both keys back. Idempotent.

    This wraps a private method of Textual's reader (`XTermParser._sequence_to_key_events`,
    Textual 8); without it, or where it has moved, the symbol case stays as Textual has it.
    """
    try:
        from textual._xterm_parser import XTermParser
    except ImportError:  # pragma: no cover - a Textual without that module
        return
    original = getattr(XTermParser, "_sequence_to_key_events", None)
    if original is None or getattr(original, _PATCHED, False):
        return

    def sequence_to_key_events(
        self: Any, sequence: str, alt: bool = False
    ) -> Iterator[events.Key]:
        if alt and len(sequence) == 1 and not sequence.isalnum() and sequence.isprintable():
            for event in original(self, sequence, alt=False):
                if event.key.startswith("alt+"):
                    yield event
                else:
                    yield events.Key(f"alt+{event.key}", event.character)
            return
        yield from original(self, sequence, alt)

    setattr(sequence_to_key_events, _PATCHED, True)
    XTermParser._sequence_to_key_events = sequence_to_key_events  # type: ignore[method-assign]
