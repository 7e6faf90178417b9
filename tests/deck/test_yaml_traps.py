"""YAML 1.1's surprises must not leak into answers, and hostile files end in plain errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck import ChoiceQuestion, TextQuestion, TrueFalseQuestion
from quiz.deck.loader import load_deck

HEADER = "deck: traps\ntitle: Traps\nquestions:\n"


def write(tmp_path: Path, body: str | bytes, name: str = "deck.yaml") -> Path:
    path = tmp_path / name
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    return path


def text_answer(tmp_path: Path, literal: str) -> str:
    body = f"{HEADER}  - id: q\n    type: text\n    prompt: Which?\n    answer: {literal}\n"
    deck = load_deck(write(tmp_path, body)).deck
    assert deck is not None
    question = deck.questions[0]
    assert isinstance(question, TextQuestion)
    return question.answer


@pytest.mark.parametrize(
    ("literal", "text"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("off", "off"),
        ("2012", "2012"),
        ("2025-04-07", "2025-04-07"),
        ("3.10", "3.10"),
        ("1e3", "1e3"),
        ("0x1F", "0x1F"),
        ("012", "012"),
        ("1_000", "1_000"),
        ("~", "~"),
        ("'2012'", "2012"),
        ('"no"', "no"),
    ],
)
def test_every_scalar_is_the_text_it_was_written_as(
    tmp_path: Path, literal: str, text: str
) -> None:
    assert text_answer(tmp_path, literal) == text


def test_choices_keep_their_written_form(tmp_path: Path) -> None:
    body = f"{HEADER}  - id: q\n    type: choice\n    prompt: Which?\n"
    body += "    choices: [yes, no, 2012, 1.0]\n    answer: no\n"
    deck = load_deck(write(tmp_path, body)).deck
    assert deck is not None
    question = deck.questions[0]
    assert isinstance(question, ChoiceQuestion)
    assert question.choices == ("yes", "no", "2012", "1.0")
    assert question.answer == "no"


@pytest.mark.parametrize(("literal", "value"), [("true", True), ("false", False), ("True", True)])
def test_truefalse_answers_are_booleans(tmp_path: Path, literal: str, value: bool) -> None:
    body = (
        f"{HEADER}  - id: q\n    type: truefalse\n    prompt: Mali is big.\n    answer: {literal}\n"
    )
    deck = load_deck(write(tmp_path, body)).deck
    assert deck is not None
    question = deck.questions[0]
    assert isinstance(question, TrueFalseQuestion)
    assert question.answer is value


@pytest.mark.parametrize(
    ("body", "location", "message"),
    [
        (b"", "1:1", "the file is empty"),
        (b"# only a comment\n\n", "1:1", "the file is empty"),
        (b"deck: x\ntitle: \x00\x01\x02", "2:8", "the file is binary, not a YAML text file"),
        (b"deck: x\ntitle: caf\xe9\n", "2:11", "the file is not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "3:1", "the file is binary, not a YAML text file"),
    ],
)
def test_unreadable_files_end_in_one_located_error(
    tmp_path: Path, body: bytes, location: str, message: str
) -> None:
    errors = load_deck(write(tmp_path, body)).errors
    assert [(f"{e.line}:{e.column}", e.message) for e in errors] == [(location, message)]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    depth = 20_000
    errors = load_deck(write(tmp_path, "deck: " + "[" * depth + "]" * depth)).errors
    assert len(errors) == 1
    assert "nesting depth" in errors[0].message


def test_deep_block_nesting_is_refused(tmp_path: Path) -> None:
    body = "".join(" " * i + "- \n" for i in range(0, 40_000, 2))
    errors = load_deck(write(tmp_path, "deck:\n" + body)).errors
    assert len(errors) == 1
    assert errors[0].line >= 1


def test_alias_bomb_is_not_expanded(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    body = "\n".join(lines) + "\ndeck: bomb\ntitle: Bomb\nquestions:\n"
    body += "  - id: q\n    type: choice\n    prompt: Which?\n    choices: *i\n    answer: lol\n"
    errors = load_deck(write(tmp_path, body)).errors
    messages = {e.message for e in errors}
    assert "unknown field 'a' in a deck" in messages
    assert "each entry of 'choices' must be text, not a sequence" in messages
    assert len(errors) < 30


def test_no_tag_constructs_anything(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    body = f"{HEADER}  - id: q\n    type: text\n    prompt: Which?\n"
    body += f"    answer: !!python/object/apply:os.system ['touch {marker}']\n"
    errors = load_deck(write(tmp_path, body)).errors
    assert not marker.exists()
    assert [e.message for e in errors] == [
        "YAML tags like '!!python/object/apply:os.system' are not allowed"
    ]


def test_all_errors_of_a_file_are_reported(tmp_path: Path) -> None:
    body = f"{HEADER}  - id: a\n    type: truefalse\n    prompt: x\n    answer: maybe\n"
    body += "  - id: b\n    type: choice\n    prompt: y\n    choices: [1, 2]\n    answer: 3\n"
    body += "  - id: c\n    type: cloze\n    text: no blanks here\n"
    errors = load_deck(write(tmp_path, body)).errors
    assert [e.line for e in errors] == [7, 12, 15]


def test_quoted_deck_text_with_line_breaks_stays_on_one_line(tmp_path: Path) -> None:
    body = f"{HEADER}  - id: q\n    type: truefalse\n    prompt: x\n    answer: true\n"
    body += '    silence: ["long\\nchoice"]\n'
    [error] = load_deck(write(tmp_path, body)).errors
    assert error.message == "unknown warning 'long\\nchoice' in 'silence'"
