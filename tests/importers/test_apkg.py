"""`quiz import FILE.apkg`: our own export comes back as the questions it was made from, and
notes made in Anki itself (Basic, typed answer, Cloze) become text and cloze questions.

Packages are made the way users get them: with `quiz export`, and with the official `anki`
library's own exporter (both of its package formats).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

from quiz.anki.notes import keyed
from quiz.anki.notetypes import ANSWER, NOTE_TYPES, PROMPT
from quiz.cli import main
from quiz.deck import AnyQuestion, ChoiceQuestion, ClozeQuestion, Deck, MultiQuestion, TextQuestion
from quiz.deck.loader import load_deck_or_raise
from quiz.importers.apkg import PackageNote, questions
from tests.anki.conftest import export_keyless
from tests.importers.conftest import AnkiNote, ImportRun, add_notes

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"

EDGE_CASES = """\
deck: edge-cases
title: "Edge  cases: & more"
questions:
  - id: a
    type: multi
    section: "Part 1::Names"
    prompt: "Which  are right? x < y & [sound:a.mp3]"
    choices: ["Mali, Niger", Mali, Chad, "Two\\nlines"]
    answers: [Mali, Chad, "Mali, Niger"]  # not the order of the exported (shuffled) list
    tags: [two words, geo::africa]
  - id: b
    type: text
    prompt: "Line one\\n\\nline   three"
    answer: "&amp; literally"
    accept: [one, two]
    explain: "<b>not bold</b>"
  - id: c
    type: truefalse
    prompt: Gao is in Mali.
    answer: false
    quote: '"[latex]x[/latex]"'
  - id: d
    type: cloze
    text: "{{c1::Gao}} & {{c2::Bamako}} < [sound:b.mp3]"
    accept: {c2: ["Bamako & co", "<Bamaco>"], c1: ["[Kawkaw]"]}
    explain: '<div class="accepted">not the exporter''s</div> x < y'
"""
"""A deck whose text survives only if the exporter's escaping is undone exactly."""


Export = Callable[..., Path]


@pytest.fixture
def export(capsys: pytest.CaptureFixture[str]) -> Export:
    """`quiz export DECKS -o OUTPUT`, as an author runs it (the data dir is tmp_path's)."""

    def run(*decks: Path, output: str = "quiz.apkg") -> Path:
        assert main(["export", *map(str, decks), "-o", output]) == 0
        capsys.readouterr()
        return Path(output)

    return run


def without_order(question: AnyQuestion) -> AnyQuestion:
    """A question less what an export does not keep: its choices' and tags' order, and the
    warnings its author silenced (`quiz check` settings, not part of a note)."""
    question = replace(question, tags=tuple(sorted(question.tags)), silence=())
    if isinstance(question, ChoiceQuestion | MultiQuestion):
        question = replace(question, choices=tuple(sorted(question.choices)))
    return question


def by_kind(deck: Deck) -> dict[str, AnyQuestion]:
    return {question.kind: without_order(question) for question in deck.questions}


def by_id(deck: Deck) -> dict[str, AnyQuestion]:
    return {question.id: without_order(question) for question in deck.questions}


def test_our_own_export_imports_back_to_the_same_questions(
    export: Export, quiz_import: ImportRun
) -> None:
    package = export(EVERY_TYPE)
    run = quiz_import(package, "-o", "back.yaml")
    assert (run.status, run.out, run.err) == (0, ["imported 6 questions into back.yaml"], [])

    original, back = load_deck_or_raise(EVERY_TYPE), load_deck_or_raise(Path("back.yaml"))
    assert (back.id, back.title) == (original.id, original.title)  # the id from the notes
    assert len(original.count_by_type()) == 6  # one question of every type
    assert by_id(back) == by_id(original)
    assert [q.id for q in back.questions] == [q.id for q in original.questions]


def test_a_package_from_before_keys_were_kept_gets_ids_from_the_text(
    export: Export, quiz_import: ImportRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_keyless(monkeypatch)
    assert quiz_import(export(EVERY_TYPE), "-o", "back.yaml").status == 0

    original, back = load_deck_or_raise(EVERY_TYPE), load_deck_or_raise(Path("back.yaml"))
    assert back.id == "back"  # from the file's name, as the package does not say
    ids = {q.kind: q.id for q in back.questions}
    assert ids["choice"] == "which-city-is-mali-s-capital"
    assert by_kind(back) == {
        kind: replace(q, id=ids[kind]) for kind, q in by_kind(original).items()
    }


def basic_note(number: int, front: str) -> PackageNote:
    """A note made in Anki itself, of its Basic note type."""
    return PackageNote(number, 1, "Basic", False, ((1, front), (2, "x")), (), "Sahel")


def text_note(number: int, key: str, prompt: str) -> PackageNote:
    """A note of our typed-answer note type as the exporter writes it, keyed `key`."""
    note_type = NOTE_TYPES["text"]
    values = {PROMPT.key: keyed(key, prompt), ANSWER.key: "x"}
    fields = tuple(
        (note_type.field_id(field), values.get(field.key, "")) for field in note_type.fields
    )
    return PackageNote(number, note_type.id, note_type.name, False, fields, (), "Sahel")


def test_kept_ids_win_and_ids_claimed_twice_come_from_the_text() -> None:
    """Two decks exported to one file may share question ids; Anki's own notes have none."""
    imported = questions(
        [
            basic_note(1, "Capital"),
            text_note(2, "sahel/capital", "Which city is the capital?"),
            text_note(3, "sahel/twice", "First of two"),
            text_note(4, "other/twice", "Second of two"),
            text_note(5, "other/gao", "Where is Gao?"),
        ]
    )
    assert [q.id for q in imported.questions] == [
        "capital-2",
        "capital",
        "first-of-two",
        "second-of-two",
        "gao",
    ]
    assert imported.deck_id == ""  # two decks' notes
    assert questions([text_note(1, "sahel/gao", "Where is Gao?")]).deck_id == "sahel"


def test_escaped_text_comes_back_exactly(export: Export, quiz_import: ImportRun) -> None:
    Path("edge-cases.yaml").write_text(EDGE_CASES, encoding="utf-8")
    package = export(Path("edge-cases.yaml"))
    assert quiz_import(package, "-o", "back.yaml").status == 0

    original, back = (
        load_deck_or_raise(Path("edge-cases.yaml")),
        load_deck_or_raise(Path("back.yaml")),
    )
    assert back.title == "Edge cases: & more"  # Anki's deck name has single spaces
    expected = {q.kind: without_order(q) for q in original.questions}
    expected["multi"] = replace(
        expected["multi"],
        section="Part 1:Names",  # '::' would nest decks, so the exporter writes ':'
        tags=("geo::africa", "two_words"),  # Anki splits tags at spaces, so they hold '_'
    )
    assert by_kind(back) == expected


def test_removed_questions_are_skipped(export: Export, quiz_import: ImportRun) -> None:
    deck = Path("every-type.yaml")
    deck.write_text(EVERY_TYPE.read_text(encoding="utf-8"), encoding="utf-8")
    export(deck)
    text = deck.read_text(encoding="utf-8")
    deck.write_text(re.sub(r"  - id: sunni\n(?:    .*\n|\n)*", "", text), encoding="utf-8")
    package = export(deck)  # the same file: the removed question stays in it, tagged

    run = quiz_import(package, "-o", "back.yaml")
    assert run.status == 0
    summary, skipped = run.out
    assert summary == "imported 5 questions into back.yaml; skipped 1 note:"
    assert re.fullmatch(
        r"quiz\.apkg: note \d: the question was removed from its deck "
        r"\(the note is tagged quiz::removed\)",
        skipped,
    )
    assert "sunni" not in Path("back.yaml").read_text(encoding="utf-8").casefold()


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    """A learner's Anki collection, outside the folder the test imports into."""
    folder = tmp_path / "anki"
    folder.mkdir()
    collection = Collection(str(folder / "collection.anki2"))
    yield collection
    collection.close()


ANKI_NOTES: list[AnkiNote] = [
    # note type, deck, fields, tags
    (
        "Basic",
        "Sahel::Mali",
        ["What is <b>Mali's</b> capital?", "Bamako &amp; Gao<br>are cities"],
        ["geo"],
    ),
    ("Basic (type in the answer)", "Sahel::Mali", ["Largest river?", "the Niger"], []),
    (
        "Cloze",
        "Sahel::Algeria",
        ["{{c1::Algiers}} is in {{c2::Algeria::a country}}", "On the <i>coast</i>"],
        ["geo"],
    ),
    ("Basic", "Sahel::Algeria", ['<img src="flag.png">', "the flag of Algeria"], []),
    ("Basic", "Sahel::Mali", ["Show &lt;script&gt; and [bold]", "<div>x</div>"], []),
]


@pytest.mark.parametrize("legacy", [False, True], ids=["current-format", "legacy-format"])
def test_notes_made_in_anki_become_text_and_cloze_questions(
    legacy: bool, col: Collection, quiz_import: ImportRun
) -> None:
    col.media.write_data("flag.png", b"\x89PNG\r\n\x1a\n")
    add_notes(col, ANKI_NOTES)
    sahel = col.decks.id("Sahel")
    assert sahel is not None
    col.export_anki_package(
        out_path=str(Path("sahel.apkg").resolve()),
        options=ExportAnkiPackageOptions(with_media=True, legacy=legacy),
        limit=DeckIdLimit(sahel),
    )

    run = quiz_import("sahel.apkg", "-o", "sahel.yaml")
    assert (run.status, run.err) == (0, [])
    assert run.out == [
        "imported 4 questions into sahel.yaml; skipped 1 note:",
        "sahel.apkg: note 4: the first field has only images or sounds, not text",
    ]
    deck = load_deck_or_raise(Path("sahel.yaml"))
    assert deck.title == "Sahel"
    assert list(deck.questions) == [
        TextQuestion(
            id="what-is-mali-s-capital",
            prompt="What is Mali's capital?",
            answer="Bamako & Gao\nare cities",
            section="Mali",
            tags=("geo",),
        ),
        TextQuestion(
            id="largest-river", prompt="Largest river?", answer="the Niger", section="Mali"
        ),
        ClozeQuestion(
            id="algiers-is-in-algeria",
            text="{{c1::Algiers}} is in {{c2::Algeria::a country}}",
            explain="On the coast",
            section="Algeria",
            tags=("geo",),
        ),
        TextQuestion(
            id="show-script-and-bold", prompt="Show <script> and [bold]", answer="x", section="Mali"
        ),
    ]


def test_our_notes_edited_and_shared_from_anki_keep_their_types(
    col: Collection, export: Export, quiz_import: ImportRun
) -> None:
    """A learner imports our package, edits in Anki, renames a field, and exports it again."""
    request = ImportAnkiPackageRequest(
        package_path=str(export(EVERY_TYPE).resolve()), options=ImportAnkiPackageOptions()
    )
    col.import_anki_package(request)
    col.models._clear_cache()  # the importer changed note types behind the cache
    (note_id,) = col.find_notes('"note:Quiz: choice"')
    note = col.get_note(note_id)
    note["Prompt"] = "Which city is <b>Mali's</b>&nbsp;capital?"
    col.update_note(note)
    model = note.note_type()
    assert model is not None
    col.models.rename_field(model, col.models.field_map(model)["Explanation"][1], "Why")
    col.models.update_dict(model)
    col.export_anki_package(
        out_path=str(Path("shared.apkg").resolve()), options=ExportAnkiPackageOptions(), limit=None
    )

    assert quiz_import("shared.apkg", "-o", "every-type.yaml").status == 0
    back = by_kind(load_deck_or_raise(Path("every-type.yaml")))
    original = by_kind(load_deck_or_raise(EVERY_TYPE))
    # The learner's edit replaced the field with the key around it: this id is the text's.
    assert back["choice"] == replace(
        original["choice"],
        id="which-city-is-mali-s-capital",
        prompt="Which city is Mali's capital?",
    )
    assert back == {**original, "choice": back["choice"]}


def test_without_the_anki_library_one_line_says_how_to_get_it(
    quiz_import: ImportRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "anki.collection", None)  # as if not installed
    Path("cards.apkg").write_bytes(b"PK")
    run = quiz_import("cards.apkg", "-o", "cards.yaml")
    assert (run.status, run.out) == (1, [])
    assert run.err == [
        "quiz: error: reading .apkg files needs the official Anki library:"
        " pip install '.[anki]' in quiz's folder"
    ]
    assert not Path("cards.yaml").exists()


def test_a_file_anki_cannot_import_is_one_line(quiz_import: ImportRun) -> None:
    Path("cards.apkg").write_text("Capital of Mali?,Bamako\n", encoding="utf-8")
    run = quiz_import("cards.apkg", "-o", "cards.yaml")
    assert (run.status, run.out) == (1, [])
    (line,) = run.err
    assert line.startswith("quiz: error: cards.apkg: Anki cannot import this file as a package: ")
    assert not Path("cards.yaml").exists()


def test_a_package_with_another_name_is_read_with_format_apkg(
    export: Export, quiz_import: ImportRun
) -> None:
    export(EVERY_TYPE, output="backup.zip")
    run = quiz_import("backup.zip", "-o", "deck.yaml", "--format", "apkg")
    assert (run.status, run.out) == (0, ["imported 6 questions into deck.yaml"])
