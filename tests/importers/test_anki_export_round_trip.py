"""Real "Notes in Plain Text" exports, written by the official `anki` library, make valid decks.

One collection holds Basic, reversed and Cloze notes in two decks, with HTML, entities and
markup-looking text; it is exported with and without HTML and with and without the meta
columns (guid, note type, deck, tags), as Anki's export dialog allows.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from anki.collection import Collection, DeckIdLimit

from quiz.cli import main
from quiz.deck import ClozeQuestion, TextQuestion
from quiz.deck.loader import load_deck_or_raise
from tests.importers.conftest import AnkiNote, ImportRun, add_notes

NOTES: list[AnkiNote] = [
    # note type, deck, fields, tags
    (
        "Basic",
        "Sahel::Mali",
        ["What is <b>Mali's</b> capital?", "Bamako &amp; Gao<br>are cities"],
        ["geo"],
    ),
    ("Basic", "Sahel::Mali", ["Show &lt;script&gt; and [bold]", 'Quote "this"'], []),
    (
        "Cloze",
        "Sahel::Algeria",
        ["{{c1::Algiers}} is in {{c2::Algeria::a country}}", "On the <i>coast</i>"],
        ["geo"],
    ),
    ("Basic", "Sahel::Algeria", ["#1 fact", "no"], []),
    ("Basic (and reversed card)", "Sahel::Mali", ["Largest river?", "the Niger"], ["rivers"]),
    ("Basic", "Sahel::Mali", ["Only a front", ""], []),
]

EXPORTS = [(html, meta) for html in (True, False) for meta in (True, False)]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[bool, bool], Path]:
    """The collection exported once per combination of HTML and meta columns."""
    folder = tmp_path_factory.mktemp("anki")
    col = Collection(str(folder / "collection.anki2"))
    try:
        parent = col.decks.id("Sahel")
        assert parent is not None
        add_notes(col, NOTES)
        paths = {}
        for html, meta in EXPORTS:
            path = folder / f"notes-{html}-{meta}.txt"
            col.export_note_csv(
                out_path=str(path),
                limit=DeckIdLimit(parent),
                with_html=html,
                with_tags=meta,
                with_deck=meta,
                with_notetype=meta,
                with_guid=meta,
            )
            paths[html, meta] = path
        return paths
    finally:
        col.close()


def expected(html: bool, meta: bool) -> list[TextQuestion | ClozeQuestion]:
    """What each export should give: sections (from decks) and tags need the meta columns."""
    questions: list[TextQuestion | ClozeQuestion] = [
        TextQuestion(
            id="what-is-mali-s-capital",
            prompt="What is Mali's capital?",
            # without HTML, Anki's export itself flattens each field to one line
            answer="Bamako & Gao\nare cities" if html else "Bamako & Gao are cities",
            section="Mali",
            tags=("geo",),
        ),
        TextQuestion(
            id="show-script-and-bold",
            prompt="Show <script> and [bold]",
            answer='Quote "this"',
            section="Mali",
        ),
        ClozeQuestion(
            id="algiers-is-in-algeria",
            text="{{c1::Algiers}} is in {{c2::Algeria::a country}}",
            explain="On the coast",
            section="Algeria",
            tags=("geo",),
        ),
        TextQuestion(id="1-fact", prompt="#1 fact", answer="no", section="Algeria"),
        TextQuestion(
            id="largest-river",
            prompt="Largest river?",
            answer="the Niger",
            section="Mali",
            tags=("rivers",),
        ),
    ]
    return questions if meta else [replace(q, section="", tags=()) for q in questions]


@pytest.mark.parametrize(("html", "meta"), EXPORTS)
def test_an_anki_export_imports_into_a_valid_deck(
    html: bool,
    meta: bool,
    exports: dict[tuple[bool, bool], Path],
    quiz_import: ImportRun,
    capsys: pytest.CaptureFixture[str],
) -> None:
    export = exports[html, meta]
    run = quiz_import(export, "-o", "sahel.yaml")
    assert run.status == 0, run.err
    summary, skipped = run.out
    assert summary == "imported 5 questions into sahel.yaml; skipped 1 row:"
    line = int(skipped.removeprefix(f"{export}:").split(":")[0])
    assert skipped.endswith(": the answer is empty")
    assert "Only a front" in export.read_text(encoding="utf-8").splitlines()[line - 1]

    assert main(["check", "sahel.yaml"]) == 0
    assert ": error:" not in capsys.readouterr().out
    assert list(load_deck_or_raise(Path("sahel.yaml")).questions) == expected(html, meta)
