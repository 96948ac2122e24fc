"""Bad command-line arguments in one line, as every other bad input.

argparse answers a missing argument or an unknown option with its usage block (three to
six lines) above the error, so the one line that says what is wrong came last, under a
wall of brackets. The standard here is one line on stderr for bad input: the error, and
where the usage is.
"""

from __future__ import annotations

import argparse
from typing import NoReturn


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (`{self.prog} --help` shows the usage)\n")
