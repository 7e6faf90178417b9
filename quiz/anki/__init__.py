"""Anki export: deck questions → note types, notes and an .apkg file.

The only package that imports genanki (in export.py); the deck model knows nothing of it.
"""

from quiz.anki.export import ExportError, write_package
from quiz.anki.notes import NoteContent, deck_notes

__all__ = ["ExportError", "NoteContent", "deck_notes", "write_package"]
