"""An exported package imported into a fresh collection with the official `anki` library."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from anki.collection import Collection
from anki.import_export_pb2 import ImportResponse
from anki.models import NotetypeId

from quiz.anki.notetypes import NOTE_TYPES, NOTETYPES_CHANGED_AT

from .conftest import Export, Import, NoteOf, anki_db

PLACES = "Every type [bold]test[/bold]::Places"
HISTORY = "Every type [bold]test[/bold]::History"

CARDS_PER_NOTE_TYPE = {
    "Quiz: choice": 1,
    "Quiz: multiple answers": 1,
    "Quiz: true or false": 1,
    "Quiz: typed answer": 1,
    "Quiz: cloze": 2,
    "Quiz: order": 1,
}

# (question id, card ordinal): (text the front shows, text only the back shows)
CARDS = {
    ("capital", 0): (
        ["Which city is Mali's capital? [A] <script>alert(1)</script>", "Bamako", "[A] Kidal"],
        [
            "Answer: Bamako",
            'Bamako is the capital; "[bold]" stays literal.',
            "Mali has an embassy in Algiers",
        ],
    ),
    ("colonies", 0): (
        ["Which two countries are former French colonies?", "Choose every right answer."],
        ["Answer: Algeria, Mali", "Both were French colonies."],
    ),
    ("sunni", 0): (
        ["Algeria and Mali are predominantly Sunni Muslim countries.", "True", "False"],
        ["Answer: True"],
    ),
    ("ban-date", 0): (
        ["On what date did Algeria ban flights to and from Mali?"],
        ["Answer: 7 April 2025", "Also accepted: April 7, 2025", '"recurring violations"'],
    ),
    ("missions", 0): (
        ["Algeria keeps an embassy in [...] and a consulate in Gao."],
        [
            "Algeria keeps an embassy in Bamako and a consulate in Gao.",
            "Also accepted: Kawkaw (for Gao)",  # the cloze's `accept`, for self-grading
        ],
    ),
    ("missions", 1): (
        ["Algeria keeps an embassy in Bamako and a consulate in [a city]."],
        ["Algeria keeps an embassy in Bamako and a consulate in Gao.", "Kawkaw (for Gao)"],
    ),
    ("events", 0): (
        ["Put these events in order, earliest first.", "Consulate seized"],
        [
            "Right order: Consulate seized Ambassador recalled Drone shot down Flights banned",
        ],
    ),
}


@pytest.fixture
def imported(tmp_path: Path, export: Export, import_package: Import) -> ImportResponse.Log:
    export(tmp_path / "quiz.apkg")
    return import_package(tmp_path / "quiz.apkg")


def test_every_question_arrives_as_a_new_note(imported: ImportResponse.Log) -> None:
    assert len(imported.new) == 6
    assert not imported.updated
    assert not imported.duplicate
    assert not imported.conflicting


def test_notes_and_cards_per_note_type(col: Collection, imported: ImportResponse.Log) -> None:
    counts = {}
    for name_and_id in col.models.all_names_and_ids():
        notes = len(col.models.nids(NotetypeId(name_and_id.id)))
        if notes:
            cards = anki_db(col).scalar(
                "SELECT count() FROM cards JOIN notes ON cards.nid = notes.id WHERE notes.mid = ?",
                name_and_id.id,
            )
            counts[name_and_id.name] = (notes, cards)
    assert counts == {name: (1, cards) for name, cards in CARDS_PER_NOTE_TYPE.items()}


def test_note_types_arrive_with_their_fixed_ids_and_time(
    col: Collection, imported: ImportResponse.Log
) -> None:
    for note_type in NOTE_TYPES.values():
        model = col.models.get(NotetypeId(note_type.id))
        assert model is not None, note_type.name
        assert model["name"] == note_type.name
        assert [(f["name"], f["id"]) for f in model["flds"]] == [
            (field.name, note_type.field_id(field)) for field in note_type.fields
        ]
        assert [t["id"] for t in model["tmpls"]] == [note_type.template_id]
        assert model["mod"] == NOTETYPES_CHANGED_AT
        assert model["type"] == (1 if note_type.cloze else 0)


def test_sections_become_subdecks_and_tags_carry_the_deck_id(
    note_of: NoteOf, col: Collection, imported: ImportResponse.Log
) -> None:
    capital, events = note_of("capital"), note_of("events")
    assert {col.decks.name(card.did) for card in capital.cards()} == {PLACES}
    assert {col.decks.name(card.did) for card in events.cards()} == {HISTORY}
    assert sorted(capital.tags) == ["capitals", "every-type", "geography"]
    assert sorted(events.tags) == ["every-type", "history"]


def test_every_card_shows_the_question_in_front_and_the_answer_only_behind(
    note_of: NoteOf, col: Collection, imported: ImportResponse.Log, shown: Callable[[str], str]
) -> None:
    checked = set()
    for (question_id, ordinal), (front_texts, back_texts) in CARDS.items():
        card = note_of(question_id).cards()[ordinal]
        output = card.render_output()
        front, back = shown(output.question_text), shown(output.answer_text)
        for text in front_texts:
            assert text in front, (question_id, text)
        for text in back_texts:
            assert text in back, (question_id, text)
            assert text not in front, (question_id, text)
        assert "Answer:" not in front
        assert "Right order:" not in front
        assert "<script" not in output.question_text + output.answer_text
        assert output.question_av_tags == []
        assert output.answer_av_tags == []
        checked.add(card.id)
    assert checked == set(col.find_cards("")), "a card the table does not check"


def test_multiple_choice_marks_the_right_answers_inside_the_back_wrapper(
    note_of: NoteOf, col: Collection, imported: ImportResponse.Log
) -> None:
    output = note_of("colonies").cards()[0].render_output()
    back = output.answer_text
    assert back.startswith('<div class="back">')
    wrapper = back[: back.index('<hr id="answer">')]
    assert wrapper.count('class="choice correct"') == 2
    assert '<li class="choice correct">Algeria</li>' in wrapper
    assert '<li class="choice correct">Mali</li>' in wrapper
    assert '<div class="back">' not in output.question_text


def test_choices_keep_the_same_shuffled_order_on_both_sides(
    note_of: NoteOf, col: Collection, imported: ImportResponse.Log
) -> None:
    output = note_of("capital").cards()[0].render_output()
    choices = note_of("capital")["Choices"]
    assert choices in output.question_text
    assert choices in output.answer_text
    assert choices.index("Timbuktu") < choices.index("Bamako"), "not in the deck's order"


def test_no_empty_cards(col: Collection, imported: ImportResponse.Log) -> None:
    assert list(col.get_empty_cards().notes) == []


TRICKY_DECK = """\
deck: tricky
title: "Tricky :: text"
source:
  title: A <b>source</b>
  url: https://example.org/read?a=1&b=2
  license: CC BY-SA 4.0
questions:
  - id: sound
    type: text
    section: Part [1]
    prompt: "Is [sound:boom.mp3] x<y and y>z & more?"
    answer: "x<y & [z]"
    explain: |
      first line
      <b>second</b> line
    tags: [two words, plain]
  - id: script-link
    type: choice
    prompt: Which one?
    choices: ["<a href='javascript:alert(1)'>link</a>", "&amp;"]
    answer: "&amp;"
"""


def test_deck_text_stays_text_in_anki(
    note_of: NoteOf,
    tmp_path: Path,
    col: Collection,
    export: Export,
    import_package: Import,
    shown: Callable[[str], str],
) -> None:
    deck = tmp_path / "tricky.yaml"
    deck.write_text(TRICKY_DECK, encoding="utf-8")
    export(tmp_path / "tricky.apkg", deck)
    assert len(import_package(tmp_path / "tricky.apkg").new) == 2

    note = note_of("sound", "tricky")
    output = note.cards()[0].render_output()
    assert "Is [sound:boom.mp3] x<y and y>z & more?" in shown(output.question_text)
    assert output.question_av_tags == []
    assert output.answer_av_tags == []
    assert "first line<br>&lt;b&gt;second&lt;/b&gt; line" in output.answer_text
    assert "Source: A <b>source</b> (CC BY-SA 4.0)" in shown(output.answer_text)
    assert '<a href="https://example.org/read?a=1&amp;b=2">' in output.answer_text
    assert sorted(note.tags) == ["plain", "tricky", "two_words"]
    assert col.decks.name(note.cards()[0].did) == "Tricky : text::Part [1]"
    typed = col.compare_answer(note["Answer"], "x<y & [z]")
    assert "typeGood" in typed
    assert "typeBad" not in typed
    assert "typeMissed" not in typed

    choice = note_of("script-link", "tricky").cards()[0].render_output()
    assert "<a href" not in choice.question_text
    assert "<a href='javascript:alert(1)'>link</a>" in shown(choice.question_text)
    assert "Answer: &amp;" in shown(choice.answer_text)
    assert col.decks.name(note_of("script-link", "tricky").cards()[0].did) == "Tricky : text"
