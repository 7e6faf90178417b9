"""The corpus of bad decks: one file per mistake, each naming the error it must produce.

Every file in `bad/` starts with `# expect: LINE:COLUMN: MESSAGE`, and may add the hints
the errors give with `# hint: HINT` (one for each error, in order); adding a case is adding
a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck.loader import load_deck

BAD = Path(__file__).parent / "bad"
CASES = sorted(BAD.glob("*.yaml"))


def expected(path: Path, prefix: str = "# expect: ") -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(prefix) for line in lines if line.startswith(prefix)]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_bad_deck_reports_exact_place_and_message(path: Path) -> None:
    result = load_deck(path)

    assert result.deck is None
    assert [f"{e.line}:{e.column}: {e.message}" for e in result.errors] == expected(path)
    if hints := expected(path, "# hint: "):
        assert [e.hint for e in result.errors] == hints


def test_corpus_covers_every_mistake_the_format_names() -> None:
    assert len(CASES) >= 30
    assert all(expected(path) for path in CASES), "every bad deck names its error"
