"""Domain code knows nothing of Textual: the CLI and workers stay light."""

from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import importlib, pkgutil, sys
import reader, annotations
names = []
for pkg in (reader, annotations):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if info.name.startswith("reader.tui") or info.name == "reader.commands.app":
            continue
        if info.name.endswith("__main__") or ".train_" in info.name:
            continue
        importlib.import_module(info.name)
        names.append(info.name)
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(len(names), loaded)
sys.exit(1 if loaded else 0)
"""


def test_domain_modules_do_not_load_textual() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    count = int(out.stdout.split()[0])
    assert count >= 10  # the probe really imported the domain packages


def test_cli_commands_do_not_load_textual() -> None:
    code = (
        "import sys; from reader.cli import main; "
        "import reader.commands.list, reader.commands.analyze; "
        "sys.exit('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
