"""The deck cache: a hit gives the same deck, any change or damage means loading the YAML again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quiz.deck import cache as deck_cache
from quiz.deck import loader
from quiz.deck.cache import load_deck_cached
from quiz.deck.loader import load_deck
from quiz.paths import deck_cache_dir

EVERY_TYPE = Path(__file__).parent.parent / "decks" / "every-type.yaml"


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "every-type.yaml"
    shutil.copy(EVERY_TYPE, path)
    return path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the cache had to load from YAML, in order."""
    loaded: list[Path] = []

    def counting_load(path: Path):  # type: ignore[no-untyped-def]
        loaded.append(path)
        return load_deck(path)

    monkeypatch.setattr(loader, "load_deck", counting_load)
    return loaded


def test_a_hit_gives_the_same_deck_without_parsing(
    deck_file: Path, tmp_path: Path, parses: list[Path]
) -> None:
    first = load_deck_cached(deck_file, tmp_path / "cache")
    second = load_deck_cached(deck_file, tmp_path / "cache")
    assert parses == [deck_file]
    assert second.ok
    assert second.deck == first.deck == load_deck(deck_file).deck
    assert second.deck is not None
    assert second.deck.path == deck_file


def test_an_edited_deck_is_loaded_again(
    deck_file: Path, tmp_path: Path, parses: list[Path]
) -> None:
    load_deck_cached(deck_file, tmp_path / "cache")
    text = deck_file.read_text(encoding="utf-8")
    deck_file.write_text(text.replace("title:", "title: Edited", 1), encoding="utf-8")
    result = load_deck_cached(deck_file, tmp_path / "cache")
    assert parses == [deck_file, deck_file]
    assert result.deck is not None
    assert result.deck.title.startswith("Edited")


def test_another_app_version_does_not_read_the_cache(
    deck_file: Path, tmp_path: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_deck_cached(deck_file, tmp_path / "cache")
    monkeypatch.setattr(deck_cache, "__version__", "999.0")
    load_deck_cached(deck_file, tmp_path / "cache")
    assert parses == [deck_file, deck_file]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_damaged_cache_file_is_ignored_and_replaced(
    deck_file: Path, tmp_path: Path, parses: list[Path], damage: bytes
) -> None:
    load_deck_cached(deck_file, tmp_path / "cache")
    [entry] = (tmp_path / "cache").iterdir()
    entry.write_bytes(damage)
    result = load_deck_cached(deck_file, tmp_path / "cache")
    assert result.ok
    assert result.deck == load_deck(deck_file).deck
    assert load_deck_cached(deck_file, tmp_path / "cache").deck == result.deck
    assert parses == [deck_file, deck_file]


def test_a_deck_with_errors_is_not_cached(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("deck: broken\nquestions: 3\n", encoding="utf-8")
    assert not load_deck_cached(broken, tmp_path / "cache").ok
    assert not (tmp_path / "cache").exists()
    assert not load_deck_cached(broken, tmp_path / "cache").ok


def test_an_edited_source_file_reloads_the_deck(tmp_path: Path, parses: list[Path]) -> None:
    source = tmp_path / "source.txt"
    source.write_text("Bamako is the capital of Mali.", encoding="utf-8")
    deck_file = tmp_path / "sourced.yaml"
    deck_file.write_text(
        "deck: sourced\ntitle: Sourced\nsource:\n  file: source.txt\nquestions:\n"
        "  - id: capital\n    type: text\n    prompt: Capital of Mali?\n    answer: Bamako\n",
        encoding="utf-8",
    )
    assert load_deck_cached(deck_file, tmp_path / "cache").ok
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert load_deck_cached(deck_file, tmp_path / "cache").ok
    assert parses == [deck_file, deck_file]


def test_the_cache_follows_the_data_dir_unless_told_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    assert deck_cache_dir().is_relative_to(tmp_path / "data")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert deck_cache_dir() == tmp_path / "elsewhere"
