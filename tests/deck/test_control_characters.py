"""Deck text printed by `quiz check` and the other commands shows a terminal's control
characters escaped: a key named `"\\e[2J"` printed raw cleared the user's screen, and a
BEL rang, in the text and github formats (the JSON format escaped them already).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CONTROLS = {"\x1b", "\x07", "\x9b", "\u202e"}
"""Escape (here clearing the screen), the bell, a C1 control sequence introducer and the
right-to-left override, all written in the deck below."""

DECK = """\
deck: hostile
title: "Hostile \\e[2J"
questions:
  - id: q
    type: choice
    prompt: "Which?"
    choices: ["\\e[2J\\a\\x9b31m\\u202e", "\\e[2J\\a\\x9b31m\\u202e"]
    answer: "\\e[2J\\a\\x9b31m\\u202e"
    "\\e]0;pwned\\a": 1
"""


def check(tmp_path: Path, *options: str) -> str:
    (tmp_path / "deck.yaml").write_text(DECK, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "quiz", "check", *options, "deck.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1
    return run.stdout + run.stderr


def raw_controls(output: str) -> list[str]:
    return [c for c in output if c in CONTROLS]


@pytest.mark.parametrize("format_", ["text", "github", "json"])
def test_no_control_character_reaches_the_terminal(tmp_path: Path, format_: str) -> None:
    output = check(tmp_path, "--format", format_)
    assert raw_controls(output) == []
    assert "choice" in output


def test_escapes_read_as_json_writes_them(tmp_path: Path) -> None:
    output = check(tmp_path)
    assert "unknown field '\\x1b]0;pwned\\x07' in a choice question" in output
    assert "choice '\\x1b[2J\\x07\\x9b31m\\u202e' is listed twice" in output


def test_json_keeps_the_text_itself(tmp_path: Path) -> None:
    document = json.loads(check(tmp_path, "--format", "json"))
    messages = [p["message"] for p in document["problems"]]
    assert "unknown field '\x1b]0;pwned\x07' in a choice question" in messages


def test_tabs_stay_and_line_breaks_show() -> None:
    from quiz.deck.errors import shown

    assert shown("a\tb\nc\rd\x7f\x85") == "a\tb\\nc\\rd\\x7f\\x85"
