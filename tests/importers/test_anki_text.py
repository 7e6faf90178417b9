"""Anki's "Notes in Plain Text": the header lines, HTML or not, comments, note types, decks."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeQuestion, TextQuestion
from quiz.importers import Skipped, anki_text


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("#separator:tab", True),
        ("#HTML: true", True),
        ("#tags column:3", True),
        ("tags:geo africa", True),
        ("# a comment", False),
        ("#hashtag: not a header", False),
        ("prompt\tanswer", False),
    ],
)
def test_the_format_is_recognised_by_its_first_header_line(first_line: str, expected: bool) -> None:
    assert anki_text.looks_like(f"{first_line}\nQ\tA\n") is expected


@pytest.mark.parametrize("separator", ["semicolon", "Semicolon", ";"])
def test_separator_by_name_or_character(separator: str) -> None:
    imported = anki_text.parse(f"#separator:{separator}\nWhere is Gao?;Mali\n")
    assert imported.questions == (
        TextQuestion(id="where-is-gao", prompt="Where is Gao?", answer="Mali"),
    )


def test_without_html_the_text_is_kept_as_written() -> None:
    text = "#separator:tab\n#html:false\nIs <b> bold?\tNo &amp; never\n"
    (question,) = anki_text.parse(text).questions
    assert (question.prompt, question.answer_text) == ("Is <b> bold?", "No &amp; never")


def test_html_is_assumed_when_the_header_does_not_say_and_fields_look_like_it() -> None:
    text = "#separator:tab\nCapital of <b>Mali</b>?\tBamako<br>on the Niger\n"
    (question,) = anki_text.parse(text).questions
    assert (question.prompt, question.answer_text) == ("Capital of Mali?", "Bamako\non the Niger")


def test_tags_for_every_note_join_each_notes_own() -> None:
    text = "#separator:tab\n#tags:imported africa\n#tags column:3\nQ\tA\tgeo\n"
    (question,) = anki_text.parse(text).questions
    assert question.tags == ("geo", "imported", "africa")


def test_the_old_first_line_of_tags() -> None:
    (question,) = anki_text.parse("tags:old style\nQ\tA\n").questions
    assert (question.tags, question.line) == (("old", "style"), 2)


def test_hash_lines_between_records_are_comments_but_not_inside_quotes() -> None:
    text = '#separator:tab\n#html:false\nQ1\t"A1\n#still the answer"\n# a comment\nQ2\tA2\n'
    imported = anki_text.parse(text)
    assert [(q.line, q.answer_text) for q in imported.questions] == [
        (3, "A1\n#still the answer"),
        (6, "A2"),
    ]


def test_sounds_are_left_out_and_a_field_of_only_media_is_reported() -> None:
    text = "#separator:tab\n#html:true\nSay it [sound:hello.mp3]\tI ni ce\nQ\t[sound:a.mp3]\n"
    imported = anki_text.parse(text)
    assert [q.prompt for q in imported.questions] == ["Say it"]
    assert imported.skipped == (Skipped(4, "the second field has only images or sounds, not text"),)


def test_a_cloze_note_without_a_deletion_is_reported() -> None:
    text = "#separator:tab\n#notetype column:1\nCloze\tNo blank here\tExtra\n"
    imported = anki_text.parse(text)
    assert imported.skipped == (Skipped(3, "the cloze text has no deletion"),)


def test_a_cloze_keeps_its_hint_and_its_extra_fields_explain_it() -> None:
    text = "#separator:tab\n#html:true\n{{c1::Gao::a city}} is on the Niger\tA <i>port</i>.\tOld.\n"
    (question,) = anki_text.parse(text).questions
    assert question == ClozeQuestion(
        id="gao-is-on-the-niger",
        text="{{c1::Gao::a city}} is on the Niger",
        explain="A port.\n\nOld.",
    )


def test_notes_of_one_deck_get_no_section() -> None:
    text = "#separator:tab\n#deck column:1\nGeo::Mali\tQ1\tA\nGeo::Mali\tQ2\tA\n"
    assert [q.section for q in anki_text.parse(text).questions] == ["", ""]


def test_sections_are_decks_below_their_common_parent() -> None:
    text = (
        "#separator:tab\n#deck column:1\n"
        "Africa::West::Mali\tQ1\tA\nAfrica::West::Niger\tQ2\tA\nAfrica::North\tQ3\tA\n"
    )
    sections = [q.section for q in anki_text.parse(text).questions]
    assert sections == ["West::Mali", "West::Niger", "North"]
