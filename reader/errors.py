"""One exception type for mistakes the user can fix.

Anything raised as `UserError` is printed by the CLI as a single line and exits with
status 2; anything else is a bug and keeps its traceback.
"""


class UserError(Exception):
    """Bad input from the user: a missing path, an unknown article, a corrupt store."""
