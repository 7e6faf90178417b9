"""Re-exporting and re-importing: Anki updates exactly the notes whose content changed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from anki.collection import Collection
from anki.models import NotetypeId

from quiz.anki import export as export_module
from quiz.anki.changes import Changes
from quiz.anki.notetypes import EXPLANATION, NOTE_TYPES, NOTETYPES_CHANGED_AT, NoteField

from .conftest import Advance, Export, Import, NoteOf, anki_db, export_keyless, outcome

CAPITAL_PROMPT = "Which city is Mali's capital?"


def notes_by_guid(col: Collection) -> dict[str, tuple[int, int, str]]:
    """Each note's (id, modification time, fields) by GUID: what an update would change."""
    rows = anki_db(col).all("SELECT guid, id, mod, flds FROM notes")
    return {guid: (note_id, mod, fields) for guid, note_id, mod, fields in rows}


def card_ids(col: Collection) -> set[int]:
    return set(col.find_cards(""))


def test_exporting_unchanged_decks_again_gives_the_same_bytes(
    tmp_path: Path, export: Export, advance: Advance
) -> None:
    first = export(tmp_path / "quiz.apkg")
    written = (tmp_path / "quiz.apkg").read_bytes()
    advance(timedelta(days=3))
    second = export(tmp_path / "quiz.apkg")
    advance(timedelta(days=3))
    export(tmp_path / "elsewhere.apkg")

    assert (tmp_path / "quiz.apkg").read_bytes() == written
    assert (tmp_path / "elsewhere.apkg").read_bytes() == written
    assert first.changes == Changes(True, 6, 0, 0, 0, 0)
    assert second.changes == Changes(False, 0, 0, 0, 0, 0)
    assert second.changed_at == first.changed_at


def test_importing_an_unchanged_export_again_changes_nothing(
    tmp_path: Path, col: Collection, export: Export, import_package: Import, advance: Advance
) -> None:
    export(tmp_path / "first.apkg")
    import_package(tmp_path / "first.apkg")
    before, cards = notes_by_guid(col), card_ids(col)
    advance(timedelta(days=1))
    export(tmp_path / "second.apkg")

    log = import_package(tmp_path / "second.apkg")

    assert outcome(log) == {"new": 0, "updated": 0, "duplicate": 6, "conflicting": 0}
    assert notes_by_guid(col) == before
    assert card_ids(col) == cards


def test_editing_one_question_updates_only_its_note_and_keeps_learner_edits(
    tmp_path: Path,
    deck_file: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    advance: Advance,
    note_of: NoteOf,
) -> None:
    first = export(tmp_path / "v1.apkg", deck_file)
    import_package(tmp_path / "v1.apkg")
    cards = card_ids(col)
    studied = note_of("capital").cards()[0]
    studied.start_timer()
    col.sched.answerCard(studied, 3)  # the learner studies the question that will change
    learner_note = note_of("sunni")
    learner_note["Explanation"] = "My own mnemonic"
    col.update_note(learner_note)

    text = deck_file.read_text(encoding="utf-8")
    deck_file.write_text(text.replace(CAPITAL_PROMPT, "What is Mali's capital?"), "utf-8")
    advance(timedelta(days=2))
    versions = export(tmp_path / "v2.apkg", deck_file)
    log = import_package(tmp_path / "v2.apkg")

    assert outcome(log) == {"new": 0, "updated": 1, "duplicate": 5, "conflicting": 0}
    capital = note_of("capital")
    assert [note.id.nid for note in log.updated] == [capital.id]
    assert capital["Prompt"].startswith(
        '<span data-quiz-key="every-type/capital">What is Mali&#x27;s capital?'
    )
    key = ("every-type", "capital")
    assert capital.mod == versions.changed_at[key] > first.changed_at[key]
    assert col.get_note(learner_note.id)["Explanation"] == "My own mnemonic"
    assert card_ids(col) == cards
    assert col.get_card(studied.id).reps == 1, "the learner's progress stays with the note"
    assert not [n.name for n in col.models.all_names_and_ids() if n.name.endswith("+")]


def test_an_edit_in_the_same_second_as_the_last_export_still_updates(
    tmp_path: Path, deck_file: Path, export: Export, import_package: Import
) -> None:
    export(tmp_path / "v1.apkg", deck_file)
    import_package(tmp_path / "v1.apkg")
    text = deck_file.read_text(encoding="utf-8")
    deck_file.write_text(text.replace("Sunni Muslim", "Sunni"), "utf-8")
    export(tmp_path / "v2.apkg", deck_file)

    assert outcome(import_package(tmp_path / "v2.apkg"))["updated"] == 1


def test_a_new_question_and_a_new_cloze_deletion_arrive(
    note_of: NoteOf,
    tmp_path: Path,
    deck_file: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    advance: Advance,
) -> None:
    export(tmp_path / "v1.apkg", deck_file)
    import_package(tmp_path / "v1.apkg")
    text = deck_file.read_text(encoding="utf-8")
    text = text.replace("{{c2::Gao::a city}}.", "{{c2::Gao::a city}}, not in {{c3::Kidal}}.")
    text += "\n  - id: added\n    type: truefalse\n    prompt: Gao is in Mali.\n    answer: true\n"
    deck_file.write_text(text, "utf-8")
    advance(timedelta(days=1))
    export(tmp_path / "v2.apkg", deck_file)

    log = import_package(tmp_path / "v2.apkg")

    assert outcome(log) == {"new": 1, "updated": 1, "duplicate": 5, "conflicting": 0}
    assert len(note_of("missions").cards()) == 3
    assert list(col.get_empty_cards().notes) == []


def test_a_renamed_field_updates_the_note_type_in_place(
    note_of: NoteOf,
    tmp_path: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export(tmp_path / "v1.apkg")
    import_package(tmp_path / "v1.apkg")
    choice = NOTE_TYPES["choice"]
    renamed = NoteField("Why", EXPLANATION.key)
    monkeypatch.setitem(
        NOTE_TYPES,
        "choice",
        dataclasses.replace(
            choice,
            fields=tuple(renamed if f == EXPLANATION else f for f in choice.fields),
            back=choice.back.replace("Explanation", "Why"),
        ),
    )
    monkeypatch.setattr(export_module, "NOTETYPES_CHANGED_AT", NOTETYPES_CHANGED_AT + 60)
    export(tmp_path / "v2.apkg")

    log = import_package(tmp_path / "v2.apkg")

    assert outcome(log)["conflicting"] == 0
    model = col.models.get(NotetypeId(choice.id))
    assert model is not None
    assert [f["name"] for f in model["flds"]][3] == "Why"
    quiz_types = [n.name for n in col.models.all_names_and_ids() if n.name.startswith("Quiz")]
    assert sorted(quiz_types) == sorted(note_type.name for note_type in NOTE_TYPES.values())
    back = note_of("capital").cards()[0].render_output().answer_text
    assert "Bamako is the capital" in back


def test_learner_styling_survives_until_the_note_types_change(
    tmp_path: Path,
    deck_file: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    advance: Advance,
) -> None:
    export(tmp_path / "v1.apkg", deck_file)
    import_package(tmp_path / "v1.apkg")
    model = col.models.get(NotetypeId(NOTE_TYPES["choice"].id))
    assert model is not None
    model["css"] += "\n.prompt { color: purple; }"
    col.models.update_dict(model)

    text = deck_file.read_text(encoding="utf-8")
    deck_file.write_text(text.replace(CAPITAL_PROMPT, "What is Mali's capital?"), "utf-8")
    advance(timedelta(days=365 * 30))  # long after the learner's edit, whenever the test runs
    export(tmp_path / "v2.apkg", deck_file)

    assert outcome(import_package(tmp_path / "v2.apkg"))["updated"] == 1
    kept = col.models.get(NotetypeId(NOTE_TYPES["choice"].id))
    assert kept is not None
    assert kept["css"].endswith(".prompt { color: purple; }")


def test_notes_exported_before_keys_were_kept_gain_them_in_place(
    note_of: NoteOf,
    tmp_path: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    advance: Advance,
    monkeypatch: pytest.MonkeyPatch,
    shown: Callable[[str], str],
) -> None:
    """A learner who imported a package from before keys imports a new one."""
    with monkeypatch.context() as before:
        export_keyless(before)
        export(tmp_path / "quiz.apkg")
    import_package(tmp_path / "quiz.apkg")
    studied = note_of("capital").cards()[0]
    studied.start_timer()
    col.sched.answerCard(studied, 3)
    cards = card_ids(col)
    shown_before = shown(studied.render_output().question_text)
    assert "data-quiz-key" not in note_of("capital")["Prompt"]
    advance(timedelta(days=1))

    second = export(tmp_path / "quiz.apkg")
    log = import_package(tmp_path / "quiz.apkg")

    assert second.changes == Changes(False, 0, 6, 0, 0, 0)  # the key changed every note
    assert outcome(log) == {"new": 0, "updated": 6, "duplicate": 0, "conflicting": 0}
    quiz_types = [n.name for n in col.models.all_names_and_ids() if n.name.startswith("Quiz")]
    assert sorted(quiz_types) == sorted(note_type.name for note_type in NOTE_TYPES.values())
    assert note_of("capital")["Prompt"].startswith('<span data-quiz-key="every-type/capital">')
    assert note_of("missions")["Text"].startswith('<span data-quiz-key="every-type/missions">')
    assert shown(col.get_card(studied.id).render_output().question_text) == shown_before
    assert card_ids(col) == cards
    assert col.get_card(studied.id).reps == 1, "the learner's progress stays with the note"
