"""Questions removed from a deck, across exports and imports into a real Anki collection.

Anki's import never deletes, so a removed question's note must come back in every later
package with its last text and the `quiz::removed` tag, updating the learner's note once.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from anki.collection import Collection

from quiz.anki.changes import REMOVED_TAG
from quiz.anki.notes import keyed
from quiz.anki.package import Exported

from .conftest import (
    ADDED,
    OTHER_DECK,
    Advance,
    Edit,
    Export,
    Import,
    NoteOf,
    anki_db,
    outcome,
    without,
)


def since_last(exported: Exported) -> str:
    """What the export says changed since the last export to the same file."""
    assert exported.changes is not None
    return exported.changes.summary().removeprefix("since the last export to this file: ")


def snapshot(col: Collection) -> dict[str, tuple[int, str, str]]:
    """Each note's (id, fields, tags) by GUID: enough to see updates, losses or duplicates."""
    rows = anki_db(col).all("SELECT guid, id, flds, tags FROM notes")
    return {guid: (note_id, fields, tags) for guid, note_id, fields, tags in rows}


def test_add_edit_and_remove_across_three_exports(
    tmp_path: Path,
    deck_file: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    edit: Edit,
    note_of: NoteOf,
) -> None:
    package = tmp_path / "study.apkg"
    first = export(package, deck_file)
    import_package(package)
    before = snapshot(col)
    sunni = note_of("sunni")
    cards = set(col.find_cards(""))

    edit(lambda text: without(text, "sunni").replace("Which city", "What city") + ADDED)
    second = export(package, deck_file)
    log = import_package(package)

    assert since_last(second) == "1 added, 1 changed, 1 removed"
    assert outcome(log) == {"new": 1, "updated": 2, "duplicate": 4, "conflicting": 0}
    removed = note_of("sunni")
    assert sorted(removed.tags) == sorted([*sunni.tags, REMOVED_TAG])
    assert removed.fields == sunni.fields, "the removed note keeps the text of its last export"
    assert removed.mod == second.changed_at[("every-type", "sunni")] > sunni.mod
    capital = ("every-type", "capital")
    assert note_of("capital").mod == second.changed_at[capital] > first.changed_at[capital]
    after = snapshot(col)
    assert len(after) == len(before) + 1, "nothing deleted, nothing duplicated"
    assert {guid: ids[0] for guid, ids in before.items()}.items() <= {
        guid: ids[0] for guid, ids in after.items()
    }.items()
    assert cards < set(col.find_cards(""))

    edit(lambda text: without(text, "events"))
    third = export(package, deck_file)
    log = import_package(package)

    assert since_last(third) == (
        "0 added, 0 changed, 1 removed (1 removed earlier still in the package)"
    )
    assert outcome(log) == {"new": 0, "updated": 1, "duplicate": 6, "conflicting": 0}
    assert REMOVED_TAG in note_of("events").tags
    assert note_of("sunni").mod == removed.mod, "an earlier removal is not repeated"
    assert len(snapshot(col)) == len(after)


def test_an_unchanged_export_after_a_removal_is_byte_identical_and_changes_nothing(
    tmp_path: Path,
    deck_file: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    edit: Edit,
    advance: Advance,
) -> None:
    package = tmp_path / "study.apkg"
    export(package, deck_file)
    import_package(package)
    edit(lambda text: without(text, "capital"))
    export(package, deck_file)
    import_package(package)
    written, notes = package.read_bytes(), snapshot(col)
    advance(timedelta(days=30))

    again = export(package, deck_file)

    assert since_last(again) == (
        "0 added, 0 changed, 0 removed (1 removed earlier still in the package)"
    )
    assert package.read_bytes() == written
    log = import_package(package)
    assert outcome(log) == {"new": 0, "updated": 0, "duplicate": 6, "conflicting": 0}
    assert snapshot(col) == notes


def test_a_question_that_comes_back_loses_the_tag(
    tmp_path: Path,
    deck_file: Path,
    export: Export,
    import_package: Import,
    edit: Edit,
    note_of: NoteOf,
) -> None:
    package = tmp_path / "study.apkg"
    original = deck_file.read_text(encoding="utf-8")
    export(package, deck_file)
    import_package(package)
    edit(lambda text: without(text, "missions"))
    export(package, deck_file)
    import_package(package)
    assert REMOVED_TAG in note_of("missions").tags

    edit(lambda _: original)
    back = export(package, deck_file)
    log = import_package(package)

    assert since_last(back) == "1 added, 0 changed, 0 removed"
    assert [note.id.nid for note in log.updated] == [note_of("missions").id]
    assert REMOVED_TAG not in note_of("missions").tags
    assert len(note_of("missions").cards()) == 2


def test_exporting_one_deck_keeps_another_decks_notes_in_the_file_untouched(
    tmp_path: Path,
    deck_file: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    edit: Edit,
    note_of: NoteOf,
) -> None:
    other = tmp_path / "decks" / "other.yaml"
    other.write_text(OTHER_DECK, encoding="utf-8")
    package = tmp_path / "study.apkg"
    export(package, deck_file, other)
    import_package(package)
    gao = note_of("gao", deck_id="other")

    edit(lambda text: without(text, "colonies"))
    alone = export(package, deck_file)
    log = import_package(package)

    assert since_last(alone) == (
        "0 added, 0 changed, 1 removed (1 of other decks kept as they were)"
    )
    assert outcome(log) == {"new": 0, "updated": 1, "duplicate": 6, "conflicting": 0}
    kept = note_of("gao", deck_id="other")
    assert (kept.tags, kept.fields, kept.mod) == (gao.tags, gao.fields, gao.mod)
    assert len(snapshot(col)) == 7


def test_a_kept_note_never_undoes_a_newer_export_of_its_deck_elsewhere(
    tmp_path: Path,
    deck_file: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    advance: Advance,
    note_of: NoteOf,
) -> None:
    other = tmp_path / "decks" / "other.yaml"
    other.write_text(OTHER_DECK, encoding="utf-8")
    export(tmp_path / "both.apkg", deck_file, other)
    import_package(tmp_path / "both.apkg")
    other.write_text(OTHER_DECK.replace("Gao is in Mali.", "Gao lies in Mali."), "utf-8")
    advance(timedelta(days=1))
    export(tmp_path / "other.apkg", other)
    import_package(tmp_path / "other.apkg")
    advance(timedelta(days=1))

    export(tmp_path / "both.apkg", deck_file)
    log = import_package(tmp_path / "both.apkg")

    assert outcome(log) == {"new": 0, "updated": 0, "duplicate": 7, "conflicting": 0}
    assert note_of("gao", deck_id="other")["Prompt"] == keyed("other/gao", "Gao lies in Mali.")
