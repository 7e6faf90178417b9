"""`quiz check`'s warnings kept in the deck cache: the same as found afresh, and found
afresh whenever the deck, its source file or the code that finds them changed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from quiz import lint, lint_cache
from quiz.deck.cache import load_deck_cached
from quiz.deck.errors import DeckError
from quiz.deck.result import LoadResult
from quiz.lint_cache import files_fingerprint, lint_cached

WEAK = """deck: weak
title: Weak
source:
  file: source.md
questions:
  - id: inside
    type: text
    prompt: Gao is a city. Which city is it?
    answer: Gao
  - id: lenient
    type: choice
    prompt: What relations?
    choices: [Bilateral relations, Bilateral relation]
    answer: Bilateral relations
"""
"""A deck with two warnings, and a source file beside it."""

SOURCE = "# Title\n\nAlgeria has an embassy in Bamako and a consulate in Gao.\n"


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "source.md").write_text(SOURCE, encoding="utf-8")
    path = folder / "weak.yaml"
    path.write_text(WEAK, encoding="utf-8")
    return path


@pytest.fixture
def lints(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The decks whose warnings were found afresh, in order."""
    found: list[Path] = []
    fresh = lint.lint_deck

    def counting(deck):  # type: ignore[no-untyped-def]
        found.append(deck.path)
        return fresh(deck)

    monkeypatch.setattr(lint, "lint_deck", counting)
    return found


def checked(path: Path, cache: Path) -> tuple[LoadResult, list[DeckError]]:
    result = load_deck_cached(path, cache)
    return result, lint_cached(result, cache)


def test_kept_warnings_are_the_ones_found_afresh(
    deck_file: Path, tmp_path: Path, lints: list[Path]
) -> None:
    cache = tmp_path / "cache"
    result, first = checked(deck_file, cache)
    _, second = checked(deck_file, cache)
    assert lints == [deck_file]  # the second check found nothing afresh
    assert result.deck is not None
    assert second == first == lint.lint_deck(result.deck)
    assert [w.code for w in second] == ["answer-in-prompt", "lenient-distractor"]


def test_a_copy_elsewhere_gets_the_kept_warnings_at_its_own_path(
    deck_file: Path, tmp_path: Path, lints: list[Path]
) -> None:
    cache = tmp_path / "cache"
    _, first = checked(deck_file, cache)
    copy = shutil.copytree(deck_file.parent, tmp_path / "copy") / deck_file.name
    _, second = checked(copy, cache)
    assert lints == [deck_file]
    assert {w.path for w in second} == {copy}
    assert [(w.line, w.message) for w in second] == [(w.line, w.message) for w in first]


def test_an_edited_deck_or_source_file_finds_them_afresh(
    deck_file: Path, tmp_path: Path, lints: list[Path]
) -> None:
    cache = tmp_path / "cache"
    checked(deck_file, cache)
    source = deck_file.parent / "source.md"
    source.write_text(SOURCE + "\nMali borders Algeria.\n", encoding="utf-8")
    checked(deck_file, cache)
    deck_file.write_text(WEAK.replace("Which city is it?", "Which city?"), encoding="utf-8")
    _, warnings = checked(deck_file, cache)
    assert lints == [deck_file] * 3
    assert [w.code for w in warnings] == ["answer-in-prompt", "lenient-distractor"]


def test_other_code_finds_them_afresh(
    deck_file: Path, tmp_path: Path, lints: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    checked(deck_file, cache)
    monkeypatch.setattr(lint_cache, "code_fingerprint", lambda: "an edited rule")
    checked(deck_file, cache)
    checked(deck_file, cache)
    assert lints == [deck_file] * 2


def test_the_fingerprint_follows_an_edit_that_restores_size_and_time(tmp_path: Path) -> None:
    """`cp -p` or `touch -d` can set a file's modification time back; not its change time."""
    rule = tmp_path / "package" / "rule.py"
    rule.parent.mkdir()
    rule.write_text("LIMIT = 5\n", encoding="utf-8")
    (tmp_path / "package" / "notes.txt").write_text("not code", encoding="utf-8")
    before = files_fingerprint(rule.parent)
    assert files_fingerprint(rule.parent) == before
    stat = rule.stat()
    time.sleep(0.05)  # file times move with the kernel's coarse clock, a few ms a tick
    rule.write_text("LIMIT = 6\n", encoding="utf-8")
    os.utime(rule, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert rule.stat().st_size == stat.st_size
    assert rule.stat().st_mtime_ns == stat.st_mtime_ns
    assert files_fingerprint(rule.parent) != before
    assert "notes.txt" not in files_fingerprint(rule.parent)


def test_the_fingerprint_covers_this_package_and_rapidfuzz() -> None:
    fingerprint = lint_cache.code_fingerprint()
    assert f"{Path(lint.__file__)} " in fingerprint
    assert f"{os.sep}rapidfuzz{os.sep}__init__.py " in fingerprint


def test_a_damaged_entry_finds_them_afresh(
    deck_file: Path, tmp_path: Path, lints: list[Path]
) -> None:
    cache = tmp_path / "cache"
    result, first = checked(deck_file, cache)
    entry = cache / f"{lint_cache.entry_name(result.cache_key)}.pickle"
    entry.write_bytes(b"\x00garbage")
    _, second = checked(deck_file, cache)
    assert lints == [deck_file] * 2
    assert second == first


def test_a_deck_outside_the_cache_keeps_nothing(
    deck_file: Path, tmp_path: Path, lints: list[Path]
) -> None:
    from quiz.deck.loader import load_deck

    result = load_deck(deck_file)
    assert result.cache_key == ""
    lint_cached(result, tmp_path / "cache")
    lint_cached(result, tmp_path / "cache")
    assert lints == [deck_file] * 2
    assert not (tmp_path / "cache").exists()
