"""Who is coding: the name every change is recorded under.

A study's reliability figures compare coders, so each tag, highlight, note, status,
correction and memo carries the name of the person who made it. The name comes from, in
this order: `--coder NAME` (every command and the app), the `READER_CODER` environment
variable, `coder = "..."` under `[user]` in `config.toml` in the user config folder
(`~/.config/reader/config.toml` on Linux), and last the login name, so one person working
alone never has to set anything.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from pathlib import Path

from annotations.errors import AnnotationInputError

ENV_VAR = "READER_CODER"
CONFIG_NAME = "config.toml"
FALLBACK = "coder"  # when even the login name cannot be found (no passwd entry, no env)
MAX_LENGTH = 80


def config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader")) / CONFIG_NAME


def login_name() -> str:
    """The operating system's user name; existing work is attributed to it on migration."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no passwd entry in a container, no env vars
        return FALLBACK
    try:
        return check_coder(name)
    except AnnotationInputError:
        return FALLBACK


def check_coder(name: object) -> str:
    """A usable coder name (stripped), or AnnotationInputError saying why not.

    Names are printable text: they appear in the title bar, in exports and as XML
    attributes, and the store uses a control character to join article and coder in keys.
    """
    if not isinstance(name, str):  # `coder = 5` in config.toml said "cannot be empty"
        raise AnnotationInputError(f"a coder name is text in quotes, not {name!r}")
    if not name.strip():
        raise AnnotationInputError("a coder name cannot be empty")
    name = name.strip()
    if not name.isprintable():
        raise AnnotationInputError(f"coder name {name!r} contains control characters")
    if len(name) > MAX_LENGTH:
        raise AnnotationInputError(f"a coder name has at most {MAX_LENGTH} characters")
    return name


def configured_coder(path: Path | None = None) -> str | None:
    """`[user] coder` from the config file, None when the file or the key is absent.

    A config file that cannot be read or parsed is an error, not silently skipped:
    otherwise a typo would quietly record a whole session under the wrong name.
    """
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AnnotationInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AnnotationInputError(f"{path} is not valid TOML: {exc}") from exc
    user = data.get("user")
    if not isinstance(user, dict) or "coder" not in user:
        return None
    try:
        return check_coder(user["coder"])
    except AnnotationInputError as exc:
        raise AnnotationInputError(f"{path}: [user] coder: {exc}") from exc


def resolve_coder(explicit: str | None = None) -> str:
    """`--coder`, else `READER_CODER`, else the config file, else the login name."""
    if explicit is not None:
        return check_coder(explicit)
    env = os.environ.get(ENV_VAR)
    if env is not None and env.strip():
        try:
            return check_coder(env)
        except AnnotationInputError as exc:
            raise AnnotationInputError(f"{ENV_VAR}: {exc}") from exc
    return configured_coder() or login_name()
