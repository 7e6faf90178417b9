"""Aliases cannot multiply the work of checking and exporting a deck.

A 1 MB deck whose 120 prompts and explanations were aliases of one 1 MB text took 16 s
to check and 1.9 GB to export; 3 MB of aliased choices, 39 s. Aliases may add only
`ALIAS_VALUES` values and `ALIAS_TEXT` characters to what the file holds: past that,
one error where the expansion crossed the line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.limits import ALIAS_TEXT
from quiz.deck.loader import load_deck

HEADER = "deck: aliased\ntitle: Aliased\nquestions:\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def long_prompts(tmp_path: Path) -> Path:
    """120 questions whose prompt and explanation alias one 1 MB text."""
    text = "word " * (2**20 // 5)
    questions = [
        f"  - id: q0\n    type: truefalse\n    prompt: &long '{text}'\n    answer: true\n"
        "    explain: *long\n"
    ]
    questions += [
        f"  - id: q{n}\n    type: truefalse\n    prompt: *long\n    answer: true\n"
        "    explain: *long\n"
        for n in range(1, 120)
    ]
    return write(tmp_path, HEADER + "".join(questions))


def aliased_choices(tmp_path: Path) -> Path:
    """3 MB: ten choices of 300 KB each, listed once and aliased in 200 questions."""
    choices = ", ".join(f"'{n}{'x' * 300_000}'" for n in range(10))
    first = f"  - id: q0\n    type: choice\n    prompt: Which?\n    choices: &c [{choices}]\n"
    first += f"    answer: '0{'x' * 300_000}'\n"
    rest = [
        f"  - id: q{n}\n    type: choice\n    prompt: Which {n}?\n    choices: *c\n"
        f"    answer: &a{n} '0{'x' * 10}'\n"
        for n in range(1, 200)
    ]
    return write(tmp_path, HEADER + first + "".join(rest))


@pytest.mark.parametrize("deck", [long_prompts, aliased_choices])
def test_aliases_past_the_budget_are_one_located_error(tmp_path: Path, deck: object) -> None:
    assert callable(deck)
    path = deck(tmp_path)
    [error] = load_deck(path).errors
    assert error.message.startswith("aliases ('*name') expand this file past ")
    assert error.message.endswith(" characters")
    size = path.stat().st_size
    assert f"{size + ALIAS_TEXT:,}" in error.message
    assert error.line > 4  # where an alias crossed the line, not the top of the file


def test_export_refuses_the_same_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = long_prompts(tmp_path)
    assert main(["export", str(path), "-o", str(tmp_path / "out.apkg")]) == 1
    assert "aliases ('*name') expand this file past" in capsys.readouterr().out
    assert not (tmp_path / "out.apkg").exists()


def test_reusing_a_list_of_options_still_fits(tmp_path: Path) -> None:
    months = "[January, February, March, April, May, June, July, August, September]"
    questions = [
        f"  - id: q{n}\n    type: choice\n    prompt: Month {n}?\n"
        f"    choices: {'&months ' + months if n == 0 else '*months'}\n    answer: May\n"
        for n in range(2_000)
    ]
    result = load_deck(write(tmp_path, HEADER + "".join(questions)))
    assert result.ok
    assert result.deck is not None
    assert len(result.deck.questions) == 2_000
