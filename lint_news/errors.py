"""Errors that reach the user as one line and exit code 2 (never a traceback)."""
from __future__ import annotations


class LintNewsError(Exception):
    """Base class: the message is shown to the user as it is."""


class UsageError(LintNewsError):
    """Bad command-line options or configuration."""


class PackError(LintNewsError):
    """A rule pack that cannot be loaded; the message names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class InputError(LintNewsError):
    """A file that cannot be linted (missing, binary, undecodable...)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
