"""The note types' design rules: fixed ids, no script, the answer only behind, a change time."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict

from quiz.anki.ids import ID_BASE, note_guid, stable_id
from quiz.anki.notetypes import CSS, NOTE_TYPES, NOTETYPES_CHANGED_AT

RECORDED_DESIGN = ("3e130e32", 1795651200)
"""The fingerprint of the note types' design and the change time it shipped with."""


def design_fingerprint() -> str:
    design = [asdict(note_type) for note_type in NOTE_TYPES.values()]
    return hashlib.sha256(json.dumps([design, CSS]).encode()).hexdigest()[:8]


def test_a_changed_design_gets_a_new_change_time() -> None:
    """Learners get template, field or CSS changes only with a newer note type time."""
    assert (design_fingerprint(), NOTETYPES_CHANGED_AT) == RECORDED_DESIGN, (
        "the note types changed: raise NOTETYPES_CHANGED_AT in quiz/anki/notetypes.py to the "
        f"current time, then set RECORDED_DESIGN = ({design_fingerprint()!r}, <that time>)"
    )


def test_ids_are_fixed_distinct_and_in_range() -> None:
    ids = [
        id_
        for note_type in NOTE_TYPES.values()
        for id_ in (
            note_type.id,
            note_type.template_id,
            *(note_type.field_id(field) for field in note_type.fields),
        )
    ]
    assert len(set(ids)) == len(ids)
    assert all(ID_BASE <= id_ < 2 * ID_BASE for id_ in ids)
    assert NOTE_TYPES["choice"].id == stable_id("quiz/notetype/choice") == 1178253174
    assert note_guid("every-type", "capital") == "quiz-3a7f5307d4414e6e1e95"


def test_note_types_have_their_own_names() -> None:
    names = [note_type.name for note_type in NOTE_TYPES.values()]
    assert len(set(names)) == len(names) == 6
    assert all(name.startswith("Quiz: ") for name in names)


def test_templates_need_no_script() -> None:
    for note_type in NOTE_TYPES.values():
        assert "<script" not in (note_type.front + note_type.back).lower(), note_type.kind
    assert "<script" not in CSS.lower()


def test_fronts_show_no_answer_field() -> None:
    for note_type in NOTE_TYPES.values():
        used = set(re.findall(r"\{\{([^}]+)\}\}", note_type.front))
        assert used <= {"Prompt", "Choices", "Items", "type:Answer", "cloze:Text"}, note_type.kind


def test_right_choices_are_styled_only_on_the_back() -> None:
    rules = re.sub(r"/\*.*?\*/", "", CSS, flags=re.DOTALL)
    selectors = [s.strip() for rule in re.findall(r"([^{}]+)\{", rules) for s in rule.split(",")]
    marking = [selector for selector in selectors if ".correct" in selector]
    assert marking
    assert all(re.search(r"\.back\s", selector) for selector in marking), marking
