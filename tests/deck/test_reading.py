"""How a deck file is read: never held whole, and placed as an editor shows it.

A deck of 200 MB peaked at 4 GB when its lines were split to see whether it was empty;
U+2028, U+2029 and U+0085, which YAML counts as line breaks and editors do not, put
every later error a line further down.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from quiz.deck.loader import load_deck

HEADER = "deck: reading\ntitle: Reading\nquestions:\n"
QUESTION = "  - id: q{n}\n    type: truefalse\n    prompt: Statement {n}.\n    answer: true\n"

YAML_ONLY_BREAKS = ["\u2028", "\u2029", "\x85"]


def peak_megabytes(path: Path) -> float:
    tracemalloc.start()
    load_deck(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def test_a_file_is_never_held_whole(tmp_path: Path) -> None:
    """30 MB of comments after a small deck: read a chunk at a time, not as lines."""
    path = tmp_path / "deck.yaml"
    path.write_text(HEADER + QUESTION.format(n=1) + "#\n" * 15 * 2**20, encoding="utf-8")
    assert load_deck(path).ok
    assert peak_megabytes(path) < 10


def test_a_file_of_only_comments_is_empty_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text("# a comment\n\n" * 2**20, encoding="utf-8")
    errors = load_deck(path).errors
    assert [(e.line, e.column, e.message) for e in errors] == [(1, 1, "the file is empty")]
    assert peak_megabytes(path) < 10


def editor_place(text: str, offset: int) -> tuple[int, int]:
    """The line and column of `offset`, with lines split on \\n, \\r\\n and \\r only."""
    before = text[:offset]
    lines = before.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return len(lines), len(lines[-1]) + 1


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("odd", YAML_ONLY_BREAKS)
def test_yaml_only_line_breaks_do_not_move_later_places(
    tmp_path: Path, odd: str, newline: str
) -> None:
    first = (
        f'  - id: a\n    type: truefalse\n    prompt: "One{odd}two{odd}three"\n    answer: true\n'
    )
    choices = f'[x, "y{odd}z", "y{odd}z"]'
    second = (
        f"  - id: b\n    type: choice\n    prompt: Which?\n    choices: {choices}\n    answer: x\n"
    )
    text = (HEADER + first + second).replace("\n", newline)
    path = tmp_path / "deck.yaml"
    path.write_bytes(text.encode("utf-8"))
    [error] = load_deck(path).errors
    assert error.message.endswith("is listed twice")
    assert (error.line, error.column) == editor_place(text, text.rindex('"y'))


@pytest.mark.parametrize("odd", YAML_ONLY_BREAKS)
def test_a_question_after_a_yaml_only_break_keeps_its_line(tmp_path: Path, odd: str) -> None:
    text = HEADER + f'  - id: a\n    type: truefalse\n    prompt: "x{odd}y"\n    answer: true\n'
    text += "  - id: b\n    type: truefalse\n    prompt: Statement.\n    answer: maybe\n"
    path = tmp_path / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    [error] = load_deck(path).errors
    assert (error.line, error.column) == editor_place(text, text.index("maybe"))


@pytest.mark.parametrize("odd", YAML_ONLY_BREAKS)
def test_a_parse_error_after_a_yaml_only_break_keeps_its_place(tmp_path: Path, odd: str) -> None:
    text = HEADER + f'  - id: a\n    type: truefalse\n    prompt: "x{odd}y"\n    answer: [true\n'
    path = tmp_path / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    [error] = load_deck(path).errors
    assert error.message.startswith("this is not valid YAML")
    assert error.line <= len(text.split("\n"))
