"""A new user on the list pressed `z`, `1`, `v`, `a` (keys the help lists) and nothing
happened: they act on the open article. Each now says where it works and how to get there,
changes nothing, and gives way to a key the user's keymap gave to a command."""

from __future__ import annotations

from pathlib import Path

from tests.tui.helpers import make_app, press, settle

TEXT = "Harbour budget approved\n\nThe council approved the budget on Monday.\n"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT.replace("Harbour", "Bridge"), encoding="utf-8")
    return folder


def _said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def test_article_keys_on_the_list_say_where_they_work(
    tmp_path: Path, isolated_home: Path
) -> None:
    app = make_app(_corpus(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "z")
        assert "z (Body/boilerplate) works in the article: enter opens the article under " \
               "the cursor" in _said(app)
        await press(pilot, "1", "v")
        assert "1-9 (Highlight) works in the article: enter opens the article under the " \
               "cursor" in _said(app)
        assert any(s.startswith("v (Select) works in the article") for s in _said(app))
        assert app.store.store is None or not app.store.store.highlights(coder=None)
        assert app.store.store is None or not app.store.store.corrections("a.txt")
        await press(pilot, "enter", "tab", "a")  # an article open, the list focused again
        assert "a (Note) works in the article: tab moves to the open article" in _said(app)


async def test_a_key_the_users_keymap_took_is_not_a_hint(
    tmp_path: Path, isolated_home: Path
) -> None:
    app = make_app(_corpus(tmp_path), keymap={"app.done": "z"})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "z")
        await settle(app, pilot)
        assert not any("works in the article" in s for s in _said(app))
        assert app.store.store.article_state("a.txt").status == "done"
