"""A deck's `source: file:` stays inside the deck's folder.

A quote that nearly matched printed "the closest passage" of any file the path named, so
a deck in a pull request could print a secret into the CI log through `quiz check`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SECRET = "The deploy token is hunter2 and it opens the vault."

DECK = """\
deck: confined
title: Confined
source:
  file: {source}
questions:
  - id: q
    type: truefalse
    prompt: Tokens open vaults.
    answer: true
    quote: The deploy token is hunter3 and it opens the vault.
"""


def check(folder: Path, source: str) -> subprocess.CompletedProcess[str]:
    (folder / "deck.yaml").write_text(DECK.format(source=source), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "quiz", "check", "--format", "github", "deck.yaml"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """The deck's folder, and a secret file beside it, outside it."""
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "decks" / "sources").mkdir(parents=True)
    return tmp_path / "decks", tmp_path / "secret.txt"


def refused(run: subprocess.CompletedProcess[str], written: str) -> None:
    assert run.returncode == 1
    assert "hunter" not in run.stdout + run.stderr
    assert (
        f"::error file=deck.yaml,line=4,col=9,title=quiz check::the source file '{written}' "
        "is outside the deck's folder"
    ) in run.stdout


def test_an_absolute_source_path_is_refused(folders: tuple[Path, Path]) -> None:
    decks, secret = folders
    refused(check(decks, str(secret)), str(secret))


def test_a_source_path_that_leaves_the_folder_is_refused(folders: tuple[Path, Path]) -> None:
    decks, _ = folders
    refused(check(decks, "sources/../../secret.txt"), "sources/../../secret.txt")


def test_a_link_out_of_the_folder_is_refused(folders: tuple[Path, Path]) -> None:
    decks, secret = folders
    (decks / "sources" / "article.md").symlink_to(secret)
    refused(check(decks, "sources/article.md"), "sources/article.md")


def test_a_source_below_the_folder_is_read(folders: tuple[Path, Path]) -> None:
    """Inside the folder the quote check works as before, closest passage and all."""
    decks, _ = folders
    (decks / "sources" / "article.md").write_text(SECRET, encoding="utf-8")
    (decks / "sources" / "link.md").symlink_to("article.md")
    run = check(decks, "sources/../sources/link.md")
    assert run.returncode == 1
    assert "the quote is not in the source file 'link.md'" in run.stdout
    assert "hunter2" in run.stdout
