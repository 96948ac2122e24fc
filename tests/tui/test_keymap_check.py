"""A keymap entry whose id no key has is named in a notice, not silently ignored.

`"app.don" = "enter"` (meant: app.done) changed nothing and said nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.helpers import make_app, settle


def _said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def test_an_unknown_binding_id_is_named(seeds_copy: Path, isolated_home: Path) -> None:
    app = make_app(seeds_copy, keymap={"app.don": "enter", "article.select": "V"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        said = [m for m in _said(app) if "keymap" in m]
        assert said and "'app.don'" in said[0], _said(app)
        assert "article.select" not in said[0]  # a real id is not named


async def test_known_ids_of_every_scope_say_nothing(seeds_copy: Path, isolated_home: Path) -> None:
    keymap = {"app.done": "ctrl+d", "article.label_1": "ctrl+1", "list.down": "ctrl+n",
              "overview.quotes": "Q", "memo.save": "ctrl+w", "help.close": "ctrl+h"}
    app = make_app(seeds_copy, keymap=keymap)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert not [m for m in _said(app) if "keymap" in m], _said(app)


async def test_a_value_that_is_not_a_key_is_named(seeds_copy: Path, isolated_home: Path) -> None:
    """`"app.done" = "ctl+d"` took `d` away from done (the key bar lost "d Done") and put
    it on no key at all, without a word."""
    keymap = {"app.done": "ctl+d", "article.select": "V", "app.skip": "ctrl+x,",
              "list.down": "ctrl+n,question_mark,+,ctrl++"}
    app = make_app(seeds_copy, keymap=keymap)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        said = [m for m in _said(app) if "keymap" in m]
        assert said and "'ctl+d'" in said[0] and "'ctrl+x,'" in said[0], _said(app)
        assert "ctrl+n" not in said[0] and "'V'" not in said[0]


def test_a_keymap_saved_with_a_byte_order_mark_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Notepad's "UTF-8" puts a byte-order mark first; the app refused to start ("cannot
    read keymap.toml: Invalid statement"), where config.toml and codebook.toml took it."""
    from reader.commands.app import load_keymap

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "keymap.toml").write_bytes(
        b'\xef\xbb\xbf[keymap]\n"app.done" = "enter"\n')
    assert load_keymap() == {"app.done": "enter"}
