"""Anki export: deck questions → note types, notes and an .apkg file.

The only package that imports genanki (in export.py); the deck model knows nothing of it.
"""

from quiz.anki.changes import REMOVED_TAG, Changes, ExportPlan, plan_export
from quiz.anki.export import ExportError, write_package
from quiz.anki.notes import NoteContent, deck_notes

__all__ = [
    "REMOVED_TAG",
    "Changes",
    "ExportError",
    "ExportPlan",
    "NoteContent",
    "deck_notes",
    "plan_export",
    "write_package",
]
