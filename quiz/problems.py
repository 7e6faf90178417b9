"""What `quiz check` found, and the three ways of printing it: for people, programs and CI."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from quiz.deck import Deck, DeckError
from quiz.deck.errors import C1_AND_LAYOUT, display_path, shown
from quiz.deck.result import LoadResult
from quiz.words import plural


class CheckReport(NamedTuple):
    """The decks checked and every error and warning found in them."""

    results: tuple[LoadResult, ...]
    problems: tuple[DeckError, ...]

    @property
    def decks(self) -> list[Deck]:
        return [r.deck for r in self.results if r.deck is not None]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    def summary(self) -> str:
        """One line: how many decks, and what was found in how many of them. A folder that
        could not be listed is said apart: it is no deck, and may have held some."""
        folders = {r.path for r in self.results if r.folder}
        decks = plural(len(self.results) - len(folders), "deck")
        if not self.problems:
            questions = sum(len(d.questions) for d in self.decks)
            return f"{decks} checked, no errors ({plural(questions, 'question')})"
        found = [plural(self.errors, "error")]
        if self.warnings:
            found.append(plural(self.warnings, "warning"))
        files = len({p.path for p in self.problems} - folders)
        places = [f"{files} of {decks}"] if files else []
        if folders:
            places.append(f"{plural(len(folders), 'folder')} that cannot be listed")
        checked = "" if files else f" ({decks} checked)"
        return f"{' and '.join(found)} in {' and '.join(places)}{checked}"


def as_text(report: CheckReport) -> str:
    return "".join(f"{problem}\n" for problem in report.problems)


def as_json(report: CheckReport) -> str:
    import json  # only --format json needs it: kept out of every other `quiz check`

    document = {
        "decks": [
            {
                "path": display_path(r.path),
                "deck": r.deck.id if r.deck else None,
                "valid": r.deck is not None,
                "questions": len(r.deck.questions) if r.deck else 0,
            }
            for r in report.results
        ],
        "problems": [
            {
                "path": display_path(p.path),
                "line": p.line,
                "column": p.column,
                "severity": p.severity,
                "code": p.code or None,
                "message": p.message,
                "hint": p.hint or None,
            }
            for p in report.problems
        ],
        "errors": report.errors,
        "warnings": report.warnings,
    }
    return json.dumps(document, indent=2, ensure_ascii=False).translate(C1_AND_LAYOUT) + "\n"


def as_github(report: CheckReport) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line."""
    lines = []
    for p in report.problems:
        text = f"{p.message} ({p.hint})" if p.hint else p.message
        lines.append(
            f"::{p.severity} file={_escape(display_path(p.path))},line={p.line},col={p.column},"
            f"title=quiz check::{_escape(text)}\n"
        )
    return "".join(lines) + report.summary() + "\n"


def _escape(text: str) -> str:
    """A workflow command's own escapes for `%` and line breaks, then deck text `shown`."""
    return shown(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


FORMATS: dict[str, Callable[[CheckReport], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}
