"""Fixtures for the importers: the hand-written samples, notes made in Anki, and a run of
`quiz import` in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from quiz.cli import main

if TYPE_CHECKING:
    from anki.collection import Collection  # only the Anki tests load the library

SAMPLES = Path(__file__).parent / "samples"

AnkiNote = tuple[str, str, list[str], list[str]]
"""A note made in Anki: its note type's name, its deck's name, its fields and its tags."""


def add_notes(col: Collection, notes: Sequence[AnkiNote]) -> None:
    """Add `notes` to `col` as a learner adding them in Anki does (decks made as named)."""
    for notetype, deck, fields, tags in notes:
        model, deck_id = col.models.by_name(notetype), col.decks.id(deck)
        assert model is not None
        assert deck_id is not None
        note = col.new_note(model)
        note.fields[:] = fields
        note.tags = tags
        col.add_note(note, deck_id)


@dataclass(frozen=True)
class Run:
    """What one `quiz import` printed and returned."""

    status: int
    out: list[str]
    err: list[str]


ImportRun = Callable[..., Run]


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Decks are written into the test's own folder; the data dir is never the user's."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def quiz_import(capsys: pytest.CaptureFixture[str]) -> ImportRun:
    """Run `quiz import ARGS...` as a user would, capturing its output lines."""

    def run(*args: str | Path) -> Run:
        status = main(["import", *map(str, args)])
        captured = capsys.readouterr()
        return Run(status, captured.out.splitlines(), captured.err.splitlines())

    return run
