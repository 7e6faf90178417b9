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


def sourced_deck(folder: Path, fact: str) -> Path:
    """A deck whose quote check reads `source.txt` beside it, holding `fact`."""
    folder.mkdir(exist_ok=True)
    (folder / "source.txt").write_text(fact, encoding="utf-8")
    deck_file = folder / "sourced.yaml"
    deck_file.write_text(
        "deck: sourced\ntitle: Sourced\nsource:\n  file: source.txt\nquestions:\n"
        "  - id: capital\n    type: text\n    prompt: Capital of Mali?\n    answer: Bamako\n",
        encoding="utf-8",
    )
    return deck_file


def rewrite_keeping_stat(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (the same length) and restore the modification time, as
    `cp -p` or `rsync -t` would: the size and the time say nothing changed."""
    assert len(old.encode()) == len(new.encode())
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)


def test_an_edited_source_file_reloads_the_deck(tmp_path: Path, parses: list[Path]) -> None:
    deck_file = sourced_deck(tmp_path, "Bamako is the capital of Mali.")
    assert load_deck_cached(deck_file, tmp_path / "cache").ok
    rewrite_keeping_stat(tmp_path / "source.txt", "Bamako", "Bamaco")
    assert load_deck_cached(deck_file, tmp_path / "cache").ok
    assert parses == [deck_file, deck_file]


def test_a_touched_but_unchanged_deck_is_a_hit(
    deck_file: Path, tmp_path: Path, parses: list[Path]
) -> None:
    load_deck_cached(deck_file, tmp_path / "cache")
    stat = deck_file.stat()
    os.utime(deck_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert load_deck_cached(deck_file, tmp_path / "cache").ok
    assert parses == [deck_file]


def test_a_same_size_edit_with_the_old_time_restored_is_loaded_again(
    deck_file: Path, tmp_path: Path, parses: list[Path]
) -> None:
    """A changed answer key must never be played as the old one."""
    load_deck_cached(deck_file, tmp_path / "cache")
    rewrite_keeping_stat(deck_file, "answer: Bamako", "answer: Gao   ")
    result = load_deck_cached(deck_file, tmp_path / "cache")
    assert parses == [deck_file, deck_file]
    assert result.deck == load_deck(deck_file).deck
    assert result.deck is not None
    assert result.deck.questions[0].answer_text == "Gao"


def test_a_copy_at_another_path_shares_the_entry(
    deck_file: Path, tmp_path: Path, parses: list[Path]
) -> None:
    load_deck_cached(deck_file, tmp_path / "cache")
    copy = tmp_path / "elsewhere" / "renamed.yaml"
    copy.parent.mkdir()
    shutil.copy(deck_file, copy)
    result = load_deck_cached(copy, tmp_path / "cache")
    assert parses == [deck_file]
    assert len(list((tmp_path / "cache").iterdir())) == 1
    assert result.deck is not None
    assert result.deck.path == copy
    assert result.deck == load_deck(copy).deck


def test_a_copy_checks_the_source_file_beside_it(tmp_path: Path, parses: list[Path]) -> None:
    first = sourced_deck(tmp_path / "one", "Bamako is the capital of Mali.")
    second = sourced_deck(tmp_path / "two", "Bamako is the capital of Mali.")
    assert load_deck_cached(first, tmp_path / "cache").ok
    result = load_deck_cached(second, tmp_path / "cache")
    assert parses == [first]
    assert result.deck is not None
    assert result.deck.source.file == tmp_path / "two" / "source.txt"
    rewrite_keeping_stat(tmp_path / "two" / "source.txt", "Bamako", "Bamaco")
    assert load_deck_cached(second, tmp_path / "cache").ok
    assert parses == [first, second]


def test_the_cache_is_bounded_removing_the_least_recently_used_first(
    tmp_path: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    decks = []
    for number in range(3):
        path = tmp_path / f"deck-{number}.yaml"
        text = EVERY_TYPE.read_text(encoding="utf-8")
        path.write_text(text.replace("deck: ", f"deck: n{number}-", 1), encoding="utf-8")
        decks.append(path)
    cache = tmp_path / "cache"
    load_deck_cached(decks[0], cache)
    load_deck_cached(decks[1], cache)
    for entry in cache.iterdir():
        os.utime(entry, ns=(0, 0))  # both used long ago
    size = max(entry.stat().st_size for entry in cache.iterdir())
    monkeypatch.setattr(deck_cache, "MAX_CACHE_BYTES", 2 * size + 100)
    load_deck_cached(decks[0], cache)  # a hit: used now
    load_deck_cached(decks[2], cache)  # a third entry: deck-1's goes
    assert len(list(cache.iterdir())) == 2
    assert parses == decks
    load_deck_cached(decks[0], cache)
    load_deck_cached(decks[2], cache)
    assert parses == decks
    load_deck_cached(decks[1], cache)
    assert parses == [*decks, decks[1]]


def test_the_cache_follows_the_data_dir_unless_told_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    assert deck_cache_dir().is_relative_to(tmp_path / "data")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert deck_cache_dir() == tmp_path / "elsewhere"
