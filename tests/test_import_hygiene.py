"""Layering, checked the way harlequin does: a fresh interpreter, then a look at sys.modules.

`quiz check` and `quiz stats` must start without Textual; the deck model, the session
and the store must never pull in Textual or genanki.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import contextlib, sys
from quiz.cli import main
with contextlib.suppress(SystemExit):
    main({argv!r})
print(sorted(m for m in ("textual", "genanki", "fsrs") if m in sys.modules))
"""


def loaded_after(argv: list[str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("argv", [["check"], ["check", "--help"], ["schema"], ["import", "--help"]])
def test_deck_commands_load_neither_textual_nor_genanki(argv: list[str]) -> None:
    assert loaded_after(argv) == "[]"


def test_core_modules_stay_free_of_ui_and_export_libraries() -> None:
    core = "quiz.deck, quiz.lint, quiz.store, quiz.play.scoring, quiz.play.session"
    probe = f"import sys, {core}; print([m for m in ('textual', 'genanki') if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
