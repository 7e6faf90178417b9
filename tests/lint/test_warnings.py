"""Each weak-question warning: a deck that triggers it, one that doesn't, and silencing."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.loader import load_deck_or_raise
from quiz.lint import lint_deck

HEADER = "deck: lint\ntitle: Lint\nquestions:\n"

CASES = {
    "answer-in-prompt": (
        "  - id: q\n    type: text\n    prompt: Gao is a city. Which city is it?\n"
        "    answer: Gao\n",
        "  - id: q\n    type: text\n    prompt: Which city hosts the consulate?\n    answer: Gao\n",
    ),
    "long-choice": (
        "  - id: q\n    type: choice\n    prompt: Where?\n"
        "    choices: [Gao, Kidal, A large city on the Niger river in the east]\n"
        "    answer: Gao\n",
        "  - id: q\n    type: choice\n    prompt: Where?\n"
        "    choices: [Gao, Kidal, Timbuktu]\n    answer: Gao\n",
    ),
    "same-prompt": (
        "  - id: a\n    type: text\n    prompt: Which city?\n    answer: Gao\n"
        "  - id: b\n    type: text\n    prompt: which  city\n    answer: Bamako\n",
        "  - id: a\n    type: text\n    prompt: Which city?\n    answer: Gao\n"
        "  - id: b\n    type: text\n    prompt: Which capital?\n    answer: Bamako\n",
    ),
    "redundant-accept": (
        "  - id: q\n    type: text\n    prompt: Where?\n    answer: Tin Zaouatine\n"
        "    accept: [tin-zaouatine]\n",
        "  - id: q\n    type: text\n    prompt: Where?\n    answer: Tin Zaouatine\n"
        "    accept: [Tinzaouaten]\n",
    ),
    "lenient-distractor": (
        "  - id: q\n    type: choice\n    prompt: What relations?\n"
        "    choices: [Bilateral relations, Trilateral relations]\n"
        "    answer: Bilateral relations\n",
        "  - id: q\n    type: choice\n    prompt: What relations?\n"
        "    choices: [Bilateral relations, Regional relations]\n"
        "    answer: Bilateral relations\n",
    ),
    "whole-sentence-cloze": (
        "  - id: q\n    type: cloze\n    text: '{{c1::Algeria keeps a consulate in Gao.}}'\n",
        "  - id: q\n    type: cloze\n    text: Algeria keeps a consulate in {{c1::Gao}}.\n",
    ),
}


def codes(tmp_path: Path, questions: str) -> list[str]:
    path = tmp_path / "lint.yaml"
    path.write_text(HEADER + questions, encoding="utf-8")
    return [w.code for w in lint_deck(load_deck_or_raise(path))]


@pytest.mark.parametrize("code", sorted(CASES))
def test_warning_fires_on_the_weak_deck_only(tmp_path: Path, code: str) -> None:
    weak, sound = CASES[code]
    assert codes(tmp_path, weak) == [code]
    assert codes(tmp_path, sound) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_warning_can_be_silenced_per_question(tmp_path: Path, code: str) -> None:
    weak = CASES[code][0].replace("    type:", f"    silence: [{code}]\n    type:")
    assert codes(tmp_path, weak) == []


def test_check_prints_warnings_and_exits_zero_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lint.yaml"
    path.write_text(HEADER + CASES["long-choice"][0], encoding="utf-8")

    assert main(["check", str(path)]) == 0
    first, summary = capsys.readouterr().out.splitlines()
    assert first.endswith(
        "lint.yaml:4:5: warning: the choice 'A large city on the Niger river in the east' is far "
        "longer than the others (add 'silence: [long-choice]' to the question if this is intended)"
    )
    assert summary == "0 errors and 1 warning in 1 of 1 deck"
    assert main(["check", "--strict", str(path)]) == 1


def test_bundled_decks_have_no_warnings() -> None:
    assert main(["check", "--strict"]) == 0
