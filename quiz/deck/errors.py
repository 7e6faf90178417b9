"""Located problems in deck files: what the loader returns instead of raising."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


class DeckError(NamedTuple):
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
        """The problem on one line for a terminal: deck text in it shown escaped."""
        text = f"{self.location()}: {self.severity}: {self.message}"
        return shown(f"{text} ({self.hint})" if self.hint else text)


class DeckLoadError(Exception):
    """Raised by `load_deck_or_raise` for callers that want an exception, not a list."""

    def __init__(self, errors: list[DeckError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


ESCAPED = {
    **{code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))},
    **{code: f"\\u{code:04x}" for code in (0x200E, 0x200F, 0x2028, 0x2029)},
    **{code: f"\\u{code:04x}" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    ord("\t"): "\t",
    ord("\n"): "\\n",
    ord("\r"): "\\r",
}
"""Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts the
sequences that clear a screen or retitle a window, BEL rings), DEL, line and paragraph
separators and the marks that reorder text right to left. A tab is only space."""

C1_AND_LAYOUT = {code: f"\\u{code:04x}" for code, text in ESCAPED.items() if code >= 0x80}
"""What JSON's own escaping leaves raw: a JSON document may hold these as `\\uXXXX`."""


def shown(text: str) -> str:
    """Deck text as it may be printed: every character in `ESCAPED` written as its escape,
    as JSON writes control characters, so a key named `"\\e[2J"` shows, not clears."""
    return text.translate(ESCAPED)


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
