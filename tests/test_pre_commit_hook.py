"""The pre-commit hook runs `quiz check` as declared, on the files pre-commit passes it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from quiz.cli import main

ROOT = Path(__file__).parents[1]


def hook() -> dict[str, object]:
    hooks: list[dict[str, object]] = yaml.safe_load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )
    [declared] = hooks
    return declared


def test_hook_entry_passes_a_good_deck_and_fails_a_bad_one() -> None:
    command, *arguments = shlex.split(str(hook()["entry"]))
    assert command == "quiz"
    good = ROOT / "decks" / "algeria-mali-relations.yaml"
    bad = ROOT / "tests" / "deck" / "bad" / "duplicate-key.yaml"
    assert main([*arguments, str(good)]) == 0
    assert main([*arguments, str(good), str(bad)]) == 1


def test_hook_matches_deck_files() -> None:
    pattern = re.compile(str(hook()["files"]))
    assert pattern.search("decks/algeria-mali-relations.yaml")
    assert pattern.search("decks/more.yml")
    assert not pattern.search("decks/README.md")
