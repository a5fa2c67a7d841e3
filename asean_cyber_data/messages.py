"""What the user is told: refusals as one line, and counts in words.

Every mistake a user can make on the command line (a wrong path, a folder that is not
a release, a missing extra) is raised as a :class:`UserError` by the stage that finds
it; ``cli.main`` prints its message as one ``error:`` line and exits non-zero, with no
traceback. The message names the path or option concerned and what to do instead.
"""

from __future__ import annotations


class UserError(ValueError):
    """A mistake of the user's, explained in one line (no traceback is shown)."""


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 record``, ``2 records``; ``many`` for irregular plurals."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"
