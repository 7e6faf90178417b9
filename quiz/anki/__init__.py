"""Anki export: deck questions → note types, notes and an .apkg file.

The only package that imports genanki, and only in export.py, which writes the package:
the note types, the notes and the change records are plain data, so importing them (as
the importers do, to read our own packages back) never loads genanki. `package.py` runs
one export with the store.
"""
