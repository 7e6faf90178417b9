"""A cloze's blanks are read as Anki reads them, so an exported note asks what the quiz asks.

The exporter hands the cloze text to Anki unchanged. Where the syntax is ambiguous, the
loader follows Anki rather than guess the author's meaning: `{{c1::}}}` is an empty blank
followed by `}` in both, and the loader rejects it (tests/deck/bad/cloze-blank-closes-early.yaml).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from anki.collection import Collection

from quiz.deck import ClozeQuestion

SHOWN = re.compile(r'<span class="cloze" data-ordinal="(\d+)">(.*?)</span>', re.DOTALL)
"""A blank on the answer side of an Anki cloze card: its number and the answer shown."""


def anki_blanks(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    """Each blank's number and answer as Anki shows them, from a note added to a collection."""
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        note = col.new_note(col.models.by_name("Cloze"))  # type: ignore[arg-type]
        note["Text"] = text
        col.add_note(note, col.decks.id_for_name("Default"))  # type: ignore[arg-type]
        shown = (SHOWN.findall(card.answer()) for card in note.cards())
        return sorted((int(n), html.unescape(answer)) for blanks in shown for n, answer in blanks)
    finally:
        col.close()


@pytest.mark.parametrize(
    "text",
    [
        "{{c1::}}} is empty",
        "{{c1::Gao}}} ends in a brace",
        "{{c1:::Gao}} starts with a colon",
        "{{c1::a}b}} and {{c2::c:::d}}",
        "{{c1::Gao::a::city}}",
    ],
)
def test_blanks_are_read_as_anki_reads_them(tmp_path: Path, text: str) -> None:
    ours = sorted((d.number, d.answer) for d in ClozeQuestion(id="q", text=text).deletions)
    assert ours == anki_blanks(tmp_path, text)
