"""Files built to break the loader: each ends in a deck or in located errors, quickly.

Structure-aware fuzzing (any value in any field of a valid deck) and the cases it and
the benchmarks found: an 'accept' that is not a list, cloze texts whose matching took
minutes, files whose values or aliases would fill memory, and files of endless errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck import ClozeQuestion
from quiz.deck.fields import COMMON_FIELDS, TYPE_FIELDS
from quiz.deck.loader import load_deck, load_deck_or_raise
from quiz.deck.model import CLOZE_DELETION

from .test_fuzz_loader import VALID, documents, load_text

FIELD_NAMES = sorted({f.name for table in (COMMON_FIELDS, *TYPE_FIELDS.values()) for f in table})


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_value_in_any_field_of_a_valid_deck(data: st.DataObject) -> None:
    deck: dict[str, Any] = yaml.safe_load(VALID)
    for _ in range(data.draw(st.integers(1, 3))):
        question = data.draw(st.sampled_from(deck["questions"]))
        question[data.draw(st.sampled_from(FIELD_NAMES))] = data.draw(documents)
    load_text(yaml.safe_dump(deck, allow_unicode=True).encode("utf-8"))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors(path: Path) -> list[str]:
    result = load_deck(path)
    assert result.deck is None
    return [f"{e.line}:{e.column}: {e.message}" for e in result.errors]


DECK_HEAD = "deck: hostile\ntitle: Hostile\nquestions:\n"


def test_unclosed_cloze_deletions_are_read_in_linear_time(tmp_path: Path) -> None:
    """`(.*?)` read from every unclosed `{{c1::` to the end: 6 KB took 20 seconds."""
    text = "{{c1::Bamako}} and then " + "{{c1::" * 50_000 + " {{c2::Gao::a city}}"
    path = write(tmp_path, f"{DECK_HEAD}  - id: q\n    type: cloze\n    text: '{text}'\n")
    [question] = load_deck_or_raise(path).questions
    assert isinstance(question, ClozeQuestion)
    assert [(d.number, d.answer, d.hint) for d in question.deletions] == [
        (1, "Bamako", ""),
        (2, "Gao", "a city"),
    ]


@pytest.mark.parametrize(
    ("text", "deletions"),
    [
        ("{{c1::a::b::c}}", [("1", "a", "b::c")]),
        ("{{c1::a}b}} {{c2::c:::d}}", [("1", "a}b", None), ("2", "c", ":d")]),
        ("{{c1::a::}} {{c1::}}}", [("1", "a", ""), ("1", "", None)]),
        ("{{c1::x {{c2::y}} z}}", [("2", "y", None)]),
    ],
)
def test_how_cloze_deletions_are_read(text: str, deletions: list[tuple[str | None, ...]]) -> None:
    """As before the linear rewrite, but that a deletion cannot hold `{{`: the last text
    was read as one deletion hiding `x {{c2::y`."""
    assert [m.groups() for m in CLOZE_DELETION.finditer(text)] == deletions


def test_a_file_of_too_many_values_stops_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quiz.deck.loader.MAX_VALUES", 1_000)
    path = write(tmp_path, DECK_HEAD + "  - [" + "a, " * 2_000 + "a]\n")
    assert errors(path) == [
        "4:5: the file holds more than 1,000 values, far more than a deck needs"
    ]


def test_aliases_cannot_expand_a_file_past_the_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quiz.deck.validate.MAX_VALUES", 1_000)
    tags = "[" + ", ".join(f"t{n}" for n in range(300)) + "]"
    questions = "".join(
        f"  - id: q{n}\n    type: truefalse\n    prompt: P{n}\n    answer: true\n"
        f"    tags: {'&tags ' + tags if n == 0 else '*tags'}\n"
        for n in range(10)
    )
    assert errors(write(tmp_path, DECK_HEAD + questions)) == [
        "23:5: aliases ('*name') expand this file past 1,000 values"
    ]


def test_aliases_cannot_expand_the_text_past_the_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quiz.deck.validate.MAX_TEXT", 10_000)
    explain = "x" * 3_000
    questions = "".join(
        f"  - id: q{n}\n    type: truefalse\n    prompt: P{n}\n    answer: true\n"
        f"    explain: {'&long ' + explain if n == 0 else '*long'}\n"
        for n in range(5)
    )
    assert errors(write(tmp_path, DECK_HEAD + questions)) == [
        "23:5: aliases ('*name') expand this file past 10,000 characters"
    ]


def test_a_file_of_endless_errors_lists_the_first_hundred(tmp_path: Path) -> None:
    """Two million errors took 79 seconds to collect, sort and print."""
    path = write(tmp_path, DECK_HEAD + "".join(f"  - {n}\n" for n in range(200_000)))
    found = errors(path)
    assert len(found) == 101
    assert found[0] == "4:5: a question must be a mapping of fields"
    assert found[-1] == "104:5: more than 100 errors; stopped here"


def test_a_cloze_number_of_thousands_of_digits_is_no_deletion(tmp_path: Path) -> None:
    """`int()` refuses more than 4,300 digits: reading the deletion raised ValueError."""
    text = "{{c" + "9" * 5_000 + "::Bamako}}"
    path = write(tmp_path, f"{DECK_HEAD}  - id: q\n    type: cloze\n    text: '{text}'\n")
    assert errors(path) == ["6:11: the cloze text has no deletion"]
