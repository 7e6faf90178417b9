"""`quiz import` as a user runs it: names, --force, formats, and one clear line for bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.deck.loader import load_deck_or_raise
from quiz.deck.schema import schema_json
from quiz.importers import deck_writer
from quiz.paths import bundled_decks_dir
from tests.importers.conftest import SAMPLES, ImportRun

CARDS = "Capital of Mali?,Bamako\nCapital of Niger?,Niamey\n"


def test_an_existing_deck_is_replaced_only_with_force(quiz_import: ImportRun) -> None:
    Path("cards.csv").write_text(CARDS, encoding="utf-8")
    Path("deck.yaml").write_text("my own edits\n", encoding="utf-8")
    run = quiz_import("cards.csv", "-o", "deck.yaml")
    assert (run.status, run.out) == (1, [])
    assert run.err == ["quiz: error: deck.yaml already exists; add --force to replace it"]
    assert Path("deck.yaml").read_text(encoding="utf-8") == "my own edits\n"

    run = quiz_import("cards.csv", "-o", "deck.yaml", "--force")
    assert (run.status, run.out) == (0, ["imported 2 questions into deck.yaml"])
    assert len(load_deck_or_raise(Path("deck.yaml")).questions) == 2
    assert sorted(p.name for p in Path().iterdir()) == ["cards.csv", "deck.yaml"]


def test_importing_again_writes_the_same_bytes(quiz_import: ImportRun) -> None:
    sample = SAMPLES / "anki-notes.txt"
    assert quiz_import(sample, "-o", "first.yaml").status == 0
    assert quiz_import(sample, "-o", "second.yaml").status == 0
    first = Path("first.yaml").read_text(encoding="utf-8")
    assert first.replace("deck: first", "deck: second") == Path("second.yaml").read_text(
        encoding="utf-8"
    )


def test_deck_id_and_title_come_from_the_file_names(quiz_import: ImportRun) -> None:
    Path("My Cards.csv").write_text(CARDS, encoding="utf-8")
    assert quiz_import("My Cards.csv", "-o", "Sahel Capitals.yaml").status == 0
    deck = load_deck_or_raise(Path("Sahel Capitals.yaml"))
    assert (deck.id, deck.title) == ("sahel-capitals", "My Cards")


def test_deck_id_and_title_can_be_given(quiz_import: ImportRun) -> None:
    Path("cards.csv").write_text(CARDS, encoding="utf-8")
    run = quiz_import("cards.csv", "-o", "x.yaml", "--deck-id", "capitals", "--title", " 2012 ")
    assert run.status == 0
    deck = load_deck_or_raise(Path("x.yaml"))
    assert (deck.id, deck.title) == ("capitals", "2012")


def test_a_bad_deck_id_is_a_usage_error() -> None:
    Path("cards.csv").write_text(CARDS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "import", "cards.csv", "-o", "x.yaml", "--deck-id", "My Id"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "'My Id' is not an id: use lowercase letters, digits and '-', e.g. 'my-id'" in (
        result.stderr
    )
    assert not Path("x.yaml").exists()


def test_a_name_without_letters_needs_a_deck_id(quiz_import: ImportRun) -> None:
    Path("cards.csv").write_text(CARDS, encoding="utf-8")
    run = quiz_import("cards.csv", "-o", "__.yaml")
    assert run.err == ["quiz: error: cannot make a deck id from '__.yaml'; give one with --deck-id"]
    assert run.status == 1


def test_a_missing_input_is_a_usage_error(quiz_import: ImportRun) -> None:
    run = quiz_import("nowhere.csv", "-o", "deck.yaml")
    assert (run.status, run.err) == (2, ["quiz: error: no such file or folder: nowhere.csv"])


def test_a_binary_file_is_one_line_and_no_deck(quiz_import: ImportRun) -> None:
    Path("collection.anki2").write_bytes(b"SQLite format 3\x00\x10\x00\x01\x01")
    run = quiz_import("collection.anki2", "-o", "deck.yaml")
    assert (run.status, run.out) == (1, [])
    assert run.err == [
        "quiz: error: collection.anki2: the file is binary, not a text file of cards"
    ]
    assert not Path("deck.yaml").exists()


def test_text_that_is_not_utf8_is_one_line_with_its_line(quiz_import: ImportRun) -> None:
    Path("cards.csv").write_bytes("Q,A\nCôte,d'Ivoire\n".encode("cp1252"))
    run = quiz_import("cards.csv", "-o", "deck.yaml")
    assert run.status == 1
    assert run.err == ["quiz: error: cards.csv:2: the file is not UTF-8 text; save it as UTF-8"]


def test_a_file_without_any_card_writes_nothing(quiz_import: ImportRun) -> None:
    Path("cards.csv").write_text("prompt,answer\nOnly a question,\n", encoding="utf-8")
    run = quiz_import("cards.csv", "-o", "deck.yaml")
    assert run.status == 1
    assert run.out == ["cards.csv:2: the answer is empty"]
    assert run.err == ["quiz: error: no cards found in cards.csv; nothing written"]
    assert not Path("deck.yaml").exists()


def test_the_imported_file_is_never_the_output(quiz_import: ImportRun) -> None:
    Path("cards.csv").write_text(CARDS, encoding="utf-8")
    run = quiz_import("cards.csv", "-o", "./cards.csv", "--force")
    assert run.status == 1
    assert run.err == [
        "quiz: error: the output file is the file being imported; choose another name"
    ]
    assert Path("cards.csv").read_text(encoding="utf-8") == CARDS


def test_the_output_folder_must_exist(quiz_import: ImportRun) -> None:
    Path("cards.csv").write_text(CARDS, encoding="utf-8")
    run = quiz_import("cards.csv", "-o", "decks/cards.yaml")
    assert (run.status, run.err) == (1, ["quiz: error: the folder decks does not exist"])


def test_format_overrides_what_the_file_looks_like(quiz_import: ImportRun) -> None:
    Path("notes.txt").write_text("#separator:tab\n#html:true\n<b>Q</b>\tA\n", encoding="utf-8")
    assert quiz_import("notes.txt", "-o", "anki.yaml").status == 0
    assert load_deck_or_raise(Path("anki.yaml")).questions[0].prompt == "Q"
    run = quiz_import("notes.txt", "-o", "plain.yaml", "--format", "tsv")
    assert run.out == [
        "imported 1 question into plain.yaml; skipped 2 rows:",
        "notes.txt:1: the row has one column; prompt and answer are separated by tabs",
        "notes.txt:2: the row has one column; prompt and answer are separated by tabs",
    ]
    assert load_deck_or_raise(Path("plain.yaml")).questions[0].prompt == "<b>Q</b>"


def test_a_deck_that_would_not_load_is_reported_as_a_bug_and_not_written(
    quiz_import: ImportRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("cards.csv").write_text(CARDS, encoding="utf-8")
    monkeypatch.setattr(
        deck_writer, "deck_text", lambda deck, comment="", schema="": "deck: [broken\n"
    )
    run = quiz_import("cards.csv", "-o", "deck.yaml")
    assert run.status == 1
    (message,) = run.err
    assert message.startswith("quiz: error: bug: the deck for deck.yaml came out invalid (line ")
    assert message.endswith("nothing was written, please report it with the input file")
    assert sorted(p.name for p in Path().iterdir()) == ["cards.csv"]


def test_a_second_run_refuses_before_listing_skipped_rows_again(quiz_import: ImportRun) -> None:
    Path("cards.csv").write_text(CARDS + "Capital of Chad?\n", encoding="utf-8")
    first = quiz_import("cards.csv", "-o", "deck.yaml")
    assert (first.status, first.out) == (
        0,
        [
            "imported 2 questions into deck.yaml; skipped 1 row:",
            "cards.csv:3: the row has one column; prompt and answer are separated by commas",
        ],
    )
    again = quiz_import("cards.csv", "-o", "deck.yaml")
    assert (again.status, again.out) == (1, [])
    assert again.err == ["quiz: error: deck.yaml already exists; add --force to replace it"]


def test_the_deck_starts_with_the_line_that_finds_the_schema(quiz_import: ImportRun) -> None:
    Path("cards.csv").write_text(CARDS, encoding="utf-8")
    assert quiz_import("cards.csv", "-o", "deck.yaml").status == 0
    first = Path("deck.yaml").read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    assert Path(first.removeprefix(prefix)).resolve() == bundled_decks_dir() / "schema.json"

    Path("schema.json").write_text(schema_json(), encoding="utf-8")
    assert quiz_import("cards.csv", "-o", "deck.yaml", "--force").status == 0
    assert Path("deck.yaml").read_text(encoding="utf-8").startswith(f"{prefix}schema.json\n")
