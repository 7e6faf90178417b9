"""Field forms the validator accepts or refuses that no bad-deck file shows: a tag written
as one word, and a source file that exists but cannot be read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.deck.loader import load_deck

DECK = """\
deck: fields
title: Fields
source:
  file: source.txt
questions:
  - id: q
    type: text
    prompt: Which town?
    answer: Gao
    tags: {tags}
"""

NOBODY = ["setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"]
"""Root reads any file, so as root the unreadable-file test runs as nobody."""


def write_deck(folder: Path, tags: str = "geo", source: bytes = b"Gao is a town.") -> Path:
    (folder / "source.txt").write_bytes(source)
    path = folder / "deck.yaml"
    path.write_text(DECK.format(tags=tags), encoding="utf-8")
    return path


@pytest.mark.parametrize(("written", "tags"), [("geo", ("geo",)), ("[geo, mali]", ("geo", "mali"))])
def test_tags_may_be_one_word_or_a_list(
    tmp_path: Path, written: str, tags: tuple[str, ...]
) -> None:
    deck = load_deck(write_deck(tmp_path, tags=written)).deck
    assert deck is not None
    assert deck.questions[0].tags == tags


def test_a_source_file_not_in_utf8_is_a_located_error(tmp_path: Path) -> None:
    result = load_deck(write_deck(tmp_path, source="Gao, ville du Mali, été".encode("latin-1")))
    assert result.deck is None
    [error] = result.errors
    assert (error.line, error.column) == (4, 9)
    assert error.message == "the source file 'source.txt' is not UTF-8 text"


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can enter: pytest's tmp_path is private to root."""
    folder = Path(tempfile.mkdtemp(prefix="quiz-unreadable-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_an_unreadable_source_file_is_a_located_error(shared_folder: Path) -> None:
    path = write_deck(shared_folder)
    path.chmod(0o644)
    (shared_folder / "source.txt").chmod(0o000)
    prefix = NOBODY if os.geteuid() == 0 else []
    if prefix and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot read as a user who is refused")
    run = subprocess.run(
        [*prefix, sys.executable, "-m", "quiz", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert f"{path}:4:9: error: cannot read the source file 'source.txt'" in run.stdout + run.stderr
    assert "permission was denied" in run.stdout + run.stderr
