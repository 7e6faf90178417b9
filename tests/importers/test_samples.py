"""Round trips through real files: each sample imports into a deck that passes `quiz check`.

The samples are modelled on what the apps write: Quizlet's export (term<TAB>definition, no
quoting), Anki's "Notes in Plain Text" (header lines, HTML, CSV quoting) and a
spreadsheet's CSV (BOM, CRLF, header row, quoted commas and line breaks).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck import ClozeQuestion, Deck, TextQuestion
from quiz.deck.loader import load_deck
from tests.importers.conftest import SAMPLES, ImportRun


def imported_deck(path: Path, capsys: pytest.CaptureFixture[str]) -> Deck:
    """The deck as the loader reads it, after `quiz check` passed on it (warnings may remain)."""
    status = main(["check", str(path)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert ": error:" not in out
    result = load_deck(path)
    assert result.deck is not None, result.errors
    return result.deck


def test_quizlet_export(quiz_import: ImportRun, capsys: pytest.CaptureFixture[str]) -> None:
    sample = SAMPLES / "quizlet.tsv"
    run = quiz_import(sample, "-o", "spanish.yaml")
    assert run.status == 0
    assert run.out == [
        "imported 7 questions into spanish.yaml; skipped 2 rows:",
        f"{sample}:6: the answer is empty",
        f"{sample}:7: the row has one column; prompt and answer are separated by tabs",
    ]
    deck = imported_deck(Path("spanish.yaml"), capsys)
    assert (deck.id, deck.title) == ("spanish", "quizlet")
    assert deck.questions == (
        TextQuestion(id="el-banco", prompt="el banco", answer="the bank"),
        TextQuestion(id="el-banco-2", prompt="el banco", answer="the bench"),
        TextQuestion(id="que-hora-es", prompt="¿Qué hora es?", answer="What time is it?"),
        TextQuestion(id="no", prompt="no", answer="no"),
        TextQuestion(id="dos-mil-doce", prompt="dos mil doce", answer="2012"),
        # Quizlet does not quote: its quotes are text, not CSV syntax
        TextQuestion(
            id="buenos-dias-dijo",
            prompt='"Buenos días", dijo',
            answer='"Good morning," he said',
        ),
        TextQuestion(id="bold-no-es-markup", prompt="[bold] no es markup", answer="<b>literal</b>"),
    )


def test_anki_notes_in_plain_text(
    quiz_import: ImportRun, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = SAMPLES / "anki-notes.txt"
    run = quiz_import(sample, "-o", "mali.yaml", "--title", "Mali: places & words")
    assert run.status == 0
    assert run.out == [
        "imported 6 questions into mali.yaml; skipped 3 rows:",
        f"{sample}:10: the first field has only images or sounds, not text",
        f"{sample}:11: the answer is empty",
        f"{sample}:12: a cloze deletion is empty",
    ]
    deck = imported_deck(Path("mali.yaml"), capsys)
    assert (deck.id, deck.title) == ("mali", "Mali: places & words")
    assert deck.questions == (
        TextQuestion(
            id="what-is-the-capital-of-mali",
            prompt="What is the capital of Mali?",
            answer="Bamako",
            tags=("geography", "capitals"),
        ),
        TextQuestion(
            id="which-rivers-meet-near-bamako",
            prompt="Which rivers meet near Bamako?",
            answer="The Niger & the Sankarani\n(upstream of the city)",
            tags=("geography", "rivers"),
        ),
        ClozeQuestion(
            id="algiers-is-the-capital-of-algeria",
            text="{{c1::Algiers}} is the capital of Algeria.\n"
            "It lies on the {{c2::Mediterranean::a sea}}.",
            explain="Founded by the Phoenicians.",
            tags=("geography", "capitals"),
        ),
        TextQuestion(
            id="say-hello-in-bambara",
            prompt='Say "hello" in Bambara',
            answer="I ni ce\n(literally: you and work)",
            tags=("language",),
        ),
        TextQuestion(
            id="show-script-and-bold-literally",
            prompt="Show <script> and [bold] literally",
            answer="<b>not bold</b>",
            tags=("markup",),
        ),
        TextQuestion(
            id="which-city-is-known-as-the",
            prompt="Which city is known as the City of 333 Saints?",
            answer="Timbuktu",
        ),
    )


def test_anki_export_with_every_meta_column(
    quiz_import: ImportRun, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = SAMPLES / "anki-notes-all-columns.txt"
    run = quiz_import(sample, "-o", "sahel.yaml")
    assert run.out == [
        "imported 3 questions into sahel.yaml; skipped 1 row:",
        f"{sample}:10: image occlusion notes cannot be imported: their image is not in the file",
    ]
    deck = imported_deck(Path("sahel.yaml"), capsys)
    assert deck.questions == (
        TextQuestion(
            id="capital-of-mali",
            prompt="Capital of Mali?",
            answer="Bamako",
            section="Mali",
            tags=("capitals",),
        ),
        ClozeQuestion(
            id="algeria-s-capital-is-algiers",
            text="Algeria's capital is {{c1::Algiers}}.",
            section="Algeria",
            tags=("capitals",),
        ),
        TextQuestion(
            id="largest-river-of-mali",
            prompt="Largest river of Mali?",
            answer="the Niger",
            section="Mali",
        ),
    )


def test_spreadsheet_csv(quiz_import: ImportRun, capsys: pytest.CaptureFixture[str]) -> None:
    sample = SAMPLES / "cards.csv"
    run = quiz_import(sample, "-o", "cards.yaml")
    assert run.status == 0
    assert run.out == [
        "imported 5 questions into cards.yaml; skipped 2 rows:",
        f"{sample}:6: the answer is empty",
        f"{sample}:9: unexpected text in column 5 "
        "(the columns are prompt, answer, explanation, tags)",
    ]
    deck = imported_deck(Path("cards.yaml"), capsys)
    assert deck.questions == (
        TextQuestion(
            id="which-city-is-mali-s-capital",
            prompt="Which city is Mali's capital?",
            answer="Bamako",
            explain="Not Timbuktu, which is older.",
            tags=("geography", "capitals"),
        ),
        TextQuestion(
            id="name-the-river-that-crosses-bamako",
            prompt="Name the river that crosses Bamako, Gao and Timbuktu",
            answer="Niger",
            explain="It flows\nnorth-east, then south.",
            tags=("geography", "rivers"),
        ),
        TextQuestion(
            id="is-bold-markup-here",
            prompt="Is [bold] markup here?",
            answer="<script>alert(1)</script>",
            explain="Everything is text.",
            tags=("markup",),
        ),
        TextQuestion(
            id="year-of-the-algiers-accord",
            prompt="Year of the Algiers Accord",
            answer="2015",
            tags=("history",),
        ),
        TextQuestion(id="true", prompt="true", answer="false"),
    )
    text = Path("cards.yaml").read_text(encoding="utf-8")
    assert "  - id: 'true'\n    type: text\n    prompt: 'true'\n    answer: 'false'\n" in text
