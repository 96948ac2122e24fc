"""Tag box (issue 19, item 1): Tab completes every tag in the box, shell-like; numbers are
text, and a tag typed with a space is the same tag everywhere."""

from __future__ import annotations

from pathlib import Path

from annotations.store import AnnotationStore
from reader.tagging import TagCompleter, parse_tags
from reader.tui.tag_prompt import TagPromptScreen
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"
SECOND = "004_598cb5278b402db9.txt"


def test_tab_completes_to_common_prefix_then_cycles() -> None:
    c = TagCompleter(["north-korea", "north-america", "opinion"])
    value, cursor, names = c.complete("nor", 3)
    assert value == "north-" and cursor == 6 and names == ["north-korea", "north-america"]
    value, cursor, _ = c.complete(value, cursor)
    assert value == "north-korea"
    value, cursor, _ = c.complete(value, cursor)
    assert value == "north-america"
    value, cursor, _ = c.complete(value, cursor)
    assert value == "north-korea"


def test_tab_completes_any_tag_in_the_box_not_only_the_first() -> None:
    c = TagCompleter(["north-korea", "opinion", "economy"])
    value, cursor, _ = c.complete("north-korea, opi", 16)
    assert value == "north-korea, opinion, "
    # in the middle of the box too
    value, cursor, _ = c.complete("eco, opinion", 3)
    assert value.startswith("economy, opinion") and cursor == len("economy")
    # a removal completes from the article's own tags
    c = TagCompleter(["a-tag"], removable=["sanctions"])
    assert c.complete("-san", 4)[0] == "-sanctions, "


def test_box_grammar_normalises_tags() -> None:
    assert parse_tags("north korea, #Opinion ; -old tag") == (["north-korea", "Opinion"],
                                                             ["old-tag"])


def test_a_lone_minus_is_no_tag() -> None:
    """`-` alone (the start of a removal, or a stray key between commas) was added as a
    tag named "-"; a lone `#` already counted as nothing."""
    assert parse_tags("a, -, # ,- ") == (["a"], [])
    assert parse_tags("--x") == ([], ["-x"])  # a tag may still start with "-"


async def _tags_typed(seeds_copy: Path, *keys: str) -> list[str]:
    app = make_app(seeds_copy)
    app_tags: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, *keys)
        app_tags = app.store.tags(FIRST)
        await press(pilot, "q") if not isinstance(app.screen, TagPromptScreen) else None
    return app_tags


async def test_typing_nor_tab_comma_opi_tab_saves_whole_tags(seeds_copy: Path) -> None:
    store = AnnotationStore.open(seeds_copy / "annotations.json")
    store.add_tags(SECOND, ["north-korea", "opinion"])
    store.close()
    tags = await _tags_typed(seeds_copy, "t", *"nor", "tab", *"opi", "tab", "enter")
    assert tags == ["north-korea", "opinion"]


async def test_a_number_after_a_comma_is_text_saved_only_when_confirmed(
    seeds_copy: Path,
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "t", *"economy, 2", "enter")
        # still asking: "2" is most likely a quick-tag key typed too late
        assert isinstance(app.screen, TagPromptScreen)
        assert app.store.tags(FIRST) == []
        await press(pilot, "backspace", "backspace", "backspace", "enter")
        assert app.store.tags(FIRST) == ["economy"]
        await press(pilot, "t", *"covid, 19", "enter", "enter")  # meant: confirmed
        assert app.store.tags(FIRST) == ["economy", "covid", "19"]


def test_a_tag_with_a_space_is_one_tag_in_store_and_filter(tmp_path: Path) -> None:
    from reader.filtering import filter_indices, parse

    store = AnnotationStore.open(tmp_path / "annotations.json")
    store.add_tags("a.txt", ["north korea"])
    store.add_tags("a.txt", ["North-Korea"])
    assert store.tags("a.txt") == ["north-korea"]
    store.remove_tags("a.txt", ["north  korea"])
    assert store.tags("a.txt") == []
    store.close()
    hits = filter_indices(parse("tag:north-korea"), ["x a"], lambda i: ["north korea"],
                          lambda i: "todo")
    assert hits == [0]


async def test_tab_typed_fast_completes_what_was_typed_before_it(seeds_copy: Path) -> None:
    """Keys that arrive in one burst (a fast typist, a paste, ssh) are handled in order:
    Tab completes `nor`, not the empty box it saw before the letters were handled."""
    from textual import events
    from textual.widgets import Input

    store = AnnotationStore.open(seeds_copy / "annotations.json")
    store.add_tags(SECOND, ["north-korea", "opinion"])
    store.close()
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "t")
        for key in "nor":  # posted at once, without waiting for each to be handled
            app.post_message(events.Key(key, key))
        app.post_message(events.Key("tab", None))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#prompt-input", Input).value == "north-korea, "


async def test_the_tag_box_names_the_article_by_its_title(seeds_copy: Path) -> None:
    """Tagging from the list: the box says which article by the title the coder sees in
    the list, not by its file name."""
    from tests.conftest import SEED_TITLES

    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "j", "t")
        assert isinstance(app.screen, TagPromptScreen)
        title = app.screen.title_text
        assert title.startswith("Tags for “" + SEED_TITLES[1][:30]) and SECOND not in title
