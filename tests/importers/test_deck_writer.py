"""Deck files as the writer makes them: pleasant to edit, unambiguous, written atomically."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck import Deck, TextQuestion
from quiz.deck.languages import KNOWN_ARTICLES
from quiz.deck.loader import load_deck_or_raise
from quiz.deck.questions import Questions
from quiz.importers import QuestionBuilder, deck_writer
from quiz.importers.deck_writer import DeckWriteError, deck_text, write_deck

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"


def small_deck() -> Deck:
    builder = QuestionBuilder()
    builder.add(1, "Capital of Mali?", "Bamako", explain="Not Gao.", tags=["geo", "capitals"])
    builder.add(2, "no", "2012", tags=["y", "a, b"])
    builder.add(3, "Which city: Gao or Kidal?", "Gao\nthe port on the Niger")
    builder.add(4, "{{c1::Algiers}} is a capital", "")
    return Deck(
        id="sahel", title="Sahel: basics", questions=Questions.of(builder.result().questions)
    )


def test_the_text_is_laid_out_for_people() -> None:
    assert deck_text(small_deck(), "Imported from cards.csv.") == (
        "# Imported from cards.csv.\n"
        "deck: sahel\n"
        "title: 'Sahel: basics'\n"
        "questions:\n"
        "  - id: capital-of-mali\n"
        "    type: text\n"
        "    prompt: Capital of Mali?\n"
        "    answer: Bamako\n"
        "    explain: Not Gao.\n"
        "    tags: [geo, capitals]\n"
        "\n"
        "  - id: 'no'\n"
        "    type: text\n"
        "    prompt: 'no'\n"
        "    answer: '2012'\n"
        "    tags: ['y', 'a, b']\n"
        "\n"
        "  - id: which-city-gao-or-kidal\n"
        "    type: text\n"
        "    prompt: 'Which city: Gao or Kidal?'\n"
        "    answer: |-\n"
        "      Gao\n"
        "      the port on the Niger\n"
        "\n"
        "  - id: algiers-is-a-capital\n"
        "    type: cloze\n"
        "    text: '{{c1::Algiers}} is a capital'\n"
    )


@pytest.mark.parametrize(
    "text",
    ["no", "Yes", "y", "N", "off", "true", "null", "~", "2012", "1e3", "0x1F", "0o17", "-.5",
     ".inf", "2025-04-07", "12:30", "1_000", "+1"],
)  # fmt: skip
def test_text_another_yaml_reader_could_misread_is_quoted(text: str) -> None:
    deck = Deck(
        id="d",
        title="t",
        questions=Questions.of((TextQuestion(id="q", prompt="Say it", answer=text),)),
    )
    line = next(line for line in deck_text(deck).splitlines() if "answer:" in line)
    assert line == f"    answer: '{text}'"
    assert yaml.safe_load(deck_text(deck))["questions"][0]["answer"] == text


def test_every_question_type_round_trips(tmp_path: Path) -> None:
    deck = load_deck_or_raise(EVERY_TYPE)
    write_deck(deck, tmp_path / "copy.yaml")
    assert load_deck_or_raise(tmp_path / "copy.yaml") == deck


@settings(max_examples=150, deadline=None)
@given(
    front=st.text(min_size=1, max_size=60),
    back=st.text(min_size=1, max_size=60),
    tags=st.lists(st.text(max_size=12), max_size=3),
)
def test_whatever_text_a_file_holds_reads_back_the_same(
    front: str, back: str, tags: list[str]
) -> None:
    builder = QuestionBuilder()
    builder.add(1, front, back, tags=tags)
    questions = builder.result().questions
    if not questions:
        return  # nothing but whitespace: skipped, with a reason, before the writer
    deck = Deck(id="d", title="t", questions=Questions.of(questions))
    with tempfile.TemporaryDirectory() as folder:
        write_deck(deck, Path(folder) / "d.yaml")  # verifies by reading it back
        assert load_deck_or_raise(Path(folder) / "d.yaml") == deck


def test_an_existing_file_is_kept_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "deck.yaml"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_deck(small_deck(), target)
    assert target.read_text(encoding="utf-8") == "precious"
    write_deck(small_deck(), target, overwrite=True)
    assert load_deck_or_raise(target) == small_deck()
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"]


def test_text_that_does_not_read_back_is_never_moved_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deck.yaml"
    target.write_text("precious", encoding="utf-8")
    broken = deck_text(small_deck()).replace("answer: Bamako", "answer: Bamako\n    answer: Gao")
    monkeypatch.setattr(deck_writer, "deck_text", lambda deck, comment="", schema="": broken)
    with pytest.raises(DeckWriteError, match="line 8: duplicate key 'answer'"):
        write_deck(small_deck(), target, overwrite=True)
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"]


def test_text_that_reads_back_differently_names_the_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    changed = deck_text(small_deck()).replace("answer: Bamako", "answer: Gao")
    monkeypatch.setattr(deck_writer, "deck_text", lambda deck, comment="", schema="": changed)
    with pytest.raises(DeckWriteError, match="question 'capital-of-mali' reads back differently"):
        write_deck(small_deck(), tmp_path / "deck.yaml")
    assert list(tmp_path.iterdir()) == []


def test_a_deck_s_language_and_its_own_articles_are_written(tmp_path: Path) -> None:
    deck = small_deck()._replace(language="nl", articles=("de", "het", "een"))
    text = deck_text(deck)
    assert "language: nl\narticles: [de, het, een]\n" in text
    write_deck(deck, tmp_path / "nl.yaml")  # it reads back as the same deck
    assert "articles" not in deck_text(
        small_deck()._replace(language="fr", articles=KNOWN_ARTICLES["fr"])
    )
