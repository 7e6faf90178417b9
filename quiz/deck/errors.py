"""Located problems in deck files: what the loader returns instead of raising."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class DeckError:
    """One problem at one place in one file.

    `line` and `column` are 1-based, as editors count them. `hint` says what to write
    instead, when there is something useful to say. Warnings carry a `code`, the name
    a question's `silence:` list uses to turn them off.
    """

    path: Path
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"
    code: str = ""

    def location(self) -> str:
        """`path:line:column`, the form editors and terminals turn into a link."""
        return f"{display_path(self.path)}:{self.line}:{self.column}"

    def __str__(self) -> str:
        text = f"{self.location()}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class DeckLoadError(Exception):
    """Raised by `load_deck_or_raise` for callers that want an exception, not a list."""

    def __init__(self, errors: list[DeckError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def one_line(text: str) -> str:
    """Line breaks in quoted deck text shown as `\\n`, so each problem stays one line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def display_path(path: Path) -> str:
    """The path relative to the working directory when it is below it, else as given."""
    try:
        cwd = Path.cwd()
    except OSError:  # the working directory was removed
        return str(path)
    return _relative(path, cwd)


@lru_cache(maxsize=256)
def _relative(path: Path, cwd: Path) -> str:
    """Resolved once per path and folder: a check of a large deck prints thousands of
    lines for one file, and resolving it for each was most of the time spent printing."""
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link that loops
        return str(path)
