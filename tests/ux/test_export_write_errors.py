"""An export to a folder that cannot be written: one line naming the user's path, exit 2.
It was a traceback ending in "PermissionError: … '/locked/.x.json.vnj3xeh3.tmp'" (a file
the user never named), and in the app a notice naming that temp file."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.output_errors import write_error


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if not chattr or subprocess.run([chattr, "+i", str(folder)]).returncode != 0:
            pytest.skip("running as root without chattr +i")
    else:
        folder.chmod(0o555)
    try:
        yield folder
    finally:
        if os.geteuid() == 0:
            subprocess.run([shutil.which("chattr") or "chattr", "-i", str(folder)])
        else:
            folder.chmod(0o755)


@pytest.mark.parametrize("args", [
    ("-f", "json", "-o", "{d}/x.json"),
    ("-f", "csv", "-o", "{d}/x.csv"),
    ("-f", "qdpx", "-o", "{d}/x.qdpx"),
    ("-f", "qdc", "-o", "{d}/x.qdc"),
    ("-f", "md", "--split", "{d}/notes"),
    ("-f", "text", "-o", "{d}/clean"),
    ("-f", "text", "--jsonl", "-o", "{d}/clean.jsonl"),
])
def test_an_unwritable_folder_is_one_line(
    seeds_copy: Path, locked: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    first = sorted(p.name for p in seeds_copy.glob("*.txt"))[0]
    assert main(["tag", str(seeds_copy), first, "x"]) == 0
    capsys.readouterr()
    argv = [a.replace("{d}", str(locked)) for a in args]
    assert main(["export", str(seeds_copy), *argv]) == 2
    err = capsys.readouterr().err
    target = argv[-1]
    assert err.startswith(f"reader: error: cannot write {target}: "), err
    assert err.count("\n") == 1 and ".tmp" not in err, err


def test_a_file_in_the_way_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    exc = FileExistsError(17, "File exists", str(blocker))
    assert write_error(blocker / "out.json", exc) == (
        f"cannot write {blocker / 'out.json'}: {blocker} is a file, not a folder")


def test_other_errors_are_left_alone(tmp_path: Path) -> None:
    exc = PermissionError(13, "Permission denied", "/etc/elsewhere/annotations.json")
    assert write_error(tmp_path / "out.json", exc) is None


async def test_E_into_an_unwritable_folder_names_the_file_asked_for(
    seeds_copy: Path, locked: Path
) -> None:
    from tests.tui.helpers import make_app, press, settle

    app = make_app(seeds_copy)
    target = locked / "x.json"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "t", *"economy", "enter")
        await press(pilot, "E", "down", "down", "enter")  # JSON
        app.screen.query_one("#prompt-input").value = str(target)
        await press(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [n.message.replace("/\n", "/") for n in app._notifications
                if n.severity == "error"]
    assert said and said[-1].startswith(f"export failed: cannot write {target}: "), said
    assert ".tmp" not in said[-1]
