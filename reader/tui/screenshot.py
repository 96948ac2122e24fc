"""Where the palette's "Save screenshot" writes: a folder that exists and is writable.

Textual's default is the platform's Downloads folder, which servers, containers and many
Linux installs do not have; there the command failed with a bare "Failed to save". The
first of Downloads, Pictures, the folder the app was started from, the home folder and the
temporary folder that exists and is writable is used, and the notice names the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _candidates() -> list[Path]:
    out: list[Path] = []
    try:
        from platformdirs import user_downloads_path, user_pictures_path

        out += [user_downloads_path(), user_pictures_path()]
    except ImportError:  # platformdirs comes with Textual; be safe anyway
        out.append(Path.home() / "Downloads")
    out += [Path.cwd(), Path.home(), Path(tempfile.gettempdir())]
    return out


def screenshot_folder() -> Path:
    for folder in _candidates():
        if folder.is_dir() and os.access(folder, os.W_OK):
            return folder
    return Path(tempfile.gettempdir())


def saved_notice(path: object) -> str:
    """The notice once the file is written. Textual's says it in its markup, which the app's
    plain-text notices (article titles hold brackets) would show raw: "[$text-success]'…'"."""
    return f"saved to {path}" if path is not None else "saved"
