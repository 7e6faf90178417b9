"""Fixtures for the importers: the hand-written samples, and a run of `quiz import` in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from quiz.cli import main

SAMPLES = Path(__file__).parent / "samples"


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
