"""Our own note types read back: what a learner's edits in Anki can break, and the deck id tag."""

from __future__ import annotations

from quiz.anki.notes import keyed
from quiz.anki.notetypes import NOTE_TYPES
from quiz.deck import TextQuestion
from quiz.importers.quiz_notes import deck_tags, note_key, rebuild


def fields(kind: str, **by_key: str) -> dict[int, str]:
    """A note's fields by id, as a package holds them, from HTML given by field key."""
    note_type = NOTE_TYPES[kind]
    return {note_type.field_id(field): by_key.get(field.key, "") for field in note_type.fields}


def choices(*items: tuple[str, bool]) -> str:
    marked = "".join(
        f'<li class="choice{" correct" if right else ""}">{text}</li>' for text, right in items
    )
    return f'<ol class="choices" type="A">{marked}</ol>'


def test_a_choice_note_with_two_right_choices_is_skipped() -> None:
    note = fields("choice", prompt="Q", choices=choices(("A", True), ("B", True)), answer="A")
    reason = rebuild("choice", note, ("every-type",), "every-type", "")
    assert reason == "2 choices are marked right; a choice question has one right answer"


def test_a_true_or_false_note_needs_one_marked_answer() -> None:
    note = fields("truefalse", prompt="Q", choices=choices(("True", False), ("False", False)))
    reason = rebuild("truefalse", note, (), "", "")
    assert reason == "the note marks neither True nor False as the right answer"


def test_exporter_tags_are_dropped_and_the_authors_kept() -> None:
    note = fields("text", prompt="Gao?", answer="Mali", accepted="mali; Republic of Mali")
    question = rebuild("text", note, ("geo", "quiz::later", "sahel"), "sahel", "Places")
    assert isinstance(question, TextQuestion)
    assert (question.tags, question.section) == (("geo",), "Places")
    assert question.accept == ("mali", "Republic of Mali")


def test_the_deck_id_tag_is_the_one_every_note_shares_or_none_when_unclear() -> None:
    assert deck_tags(
        {
            "Sahel": [("geo", "sahel"), ("history", "sahel")],
            "One question": [("history", "solo")],
            "Mali facts": [("geo", "mali-facts"), ("geo", "mali-facts", "x")],
            "Tagged alike": [("geo", "alike"), ("alike", "geo")],
        }
    ) == {"Sahel": "sahel", "One question": "", "Mali facts": "mali-facts", "Tagged alike": ""}


def test_the_key_span_is_read_as_written_or_as_an_editor_kept_it() -> None:
    def key(prompt: str) -> tuple[str, str] | None:
        return note_key("text", fields("text", prompt=prompt, answer="x"))

    assert key(keyed("sahel/gao-1", "Gao?")) == ("sahel", "gao-1")
    assert key('<span style="color: red" data-quiz-key="sahel/gao">Gao?</span>') == (
        "sahel",
        "gao",
    )
    assert key('<span data-quiz-key="Sahel/Gao 1">Gao?</span>') is None  # not two ids
    assert key("Gao?") is None  # exported before keys were kept


def test_text_inside_the_key_span_is_read_exactly_and_edited_text_as_html() -> None:
    def prompt(first_field: str) -> str:
        question = rebuild("text", fields("text", prompt=first_field, answer="x"), (), "", "")
        assert isinstance(question, TextQuestion)
        return question.prompt

    assert prompt(keyed("sahel/gao", "Gao   is<br>in Mali")) == "Gao   is\nin Mali"
    assert prompt(keyed("sahel/gao", "Gao   is") + " <b>now</b>") == "Gao is now"
