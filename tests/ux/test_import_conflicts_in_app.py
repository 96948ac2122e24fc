"""`reader import` keeps ours on a conflict and appends the imported version to
`annotations.json.conflicts`, but the app said nothing of it: a coder who imported a
colleague's work never learned, in the app, that some of it had been set aside. The app now
says at start how many conflicts are kept and where, and `I` lists them (ours and theirs of
each differing field); once read, the notice does not come back for the same ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotations.store import AnnotationStore
from reader.tui.screens import MessageScreen
from tests.export.helpers import A1, seed_text
from tests.tui.helpers import make_app, press, settle


def reader(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                          timeout=60)


def _import_a_conflict(corpus: Path, tmp_path: Path) -> None:
    with AnnotationStore.open(corpus / "annotations.json", coder="ann") as store:
        text = seed_text(A1)
        s = text.index("The sporadic romance")
        hid = store.add_highlight(A1, text, s, s + 40, "claim", "our note").id
    mine = tmp_path / "mine.json"
    assert reader("export", corpus, "-f", "json", "-o", mine, cwd=tmp_path).returncode == 0
    doc = json.loads(mine.read_text(encoding="utf-8"))
    (h,) = [h for a in doc["articles"] for h in a["highlights"] if h["id"] == hid]
    h["note"] = "the colleague's note"
    theirs = tmp_path / "colleague.json"
    theirs.write_text(json.dumps(doc), encoding="utf-8")
    out = reader("import", corpus, theirs, "--coder", "ann", cwd=tmp_path)
    assert out.stdout.endswith("conflicts 1\n"), out


def _said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message).replace("\n", "") for n in app._notifications]  # (paths wrap)


async def test_the_app_names_the_kept_conflicts_and_i_lists_them(
    seeds_copy: Path, tmp_path: Path, isolated_home: Path
) -> None:
    _import_a_conflict(seeds_copy, tmp_path)
    sidecar = seeds_copy / "annotations.json.conflicts"
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        (notice,) = [s for s in _said(app) if "import conflict" in s]
        assert notice.startswith("1 import conflict") and str(sidecar) in notice
        assert "Press I" in notice
        await press(pilot, "I")
        assert isinstance(app.screen, MessageScreen)
        shown = "\n".join(app.screen.lines)
        assert "from colleague.json" in shown and "kept ours" in shown
        assert 'note: ours "our note", theirs "the colleague\'s note"' in shown
        assert f'in {A1}: "The sporadic romance' in shown  # which passage, not just its id
        await press(pilot, "escape")
        assert not isinstance(app.screen, MessageScreen)
        assert app.view_state.conflicts_seen == 1


async def test_read_conflicts_are_not_announced_again(
    seeds_copy: Path, tmp_path: Path, isolated_home: Path
) -> None:
    from reader import view_state

    _import_a_conflict(seeds_copy, tmp_path)
    app = make_app(seeds_copy, coder="ann")
    app.view_state = view_state.ViewState(conflicts_seen=1)  # (as remembered from `I`)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not [s for s in _said(app) if "import conflict" in s]


async def test_without_conflicts_there_is_no_notice_and_i_says_none(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not [s for s in _said(app) if "import conflict" in s]
        await press(pilot, "I")
        assert isinstance(app.screen, MessageScreen)
        assert "No import conflicts" in app.screen.lines[0]


async def test_an_import_while_the_app_runs_is_announced(
    seeds_copy: Path, tmp_path: Path, isolated_home: Path
) -> None:
    import asyncio

    app = make_app(seeds_copy, coder="ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not [s for s in _said(app) if "import conflict" in s]
        await asyncio.to_thread(_import_a_conflict, seeds_copy, tmp_path)
        for _ in range(100):  # the app looks for other writers every 1.5 s
            if [s for s in _said(app) if "import conflict" in s]:
                break
            await asyncio.sleep(0.1)
        (notice,) = [s for s in _said(app) if "import conflict" in s]
        assert "1 import conflict" in notice and "Press I" in notice
