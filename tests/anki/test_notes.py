"""Questions → note content: escaping, the fixed shuffle, tags, deck names, the content hash."""

from __future__ import annotations

import dataclasses
import html
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.anki.notes import deck_name, deck_notes, html_text, question_note, shuffled
from quiz.deck import Deck, OrderQuestion, Source
from quiz.deck.loader import load_deck_or_raise

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"


@pytest.fixture
def deck() -> Deck:
    return load_deck_or_raise(EVERY_TYPE)


def field(deck: Deck, question_id: str, name: str) -> str:
    question = next(q for q in deck.questions if q.id == question_id)
    note = question_note(deck, question)
    names = [f.name for f in note.note_type.fields]
    return note.fields[names.index(name)]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("x<y and y>z & 'q' \"d\"", "x&lt;y and y&gt;z &amp; &#x27;q&#x27; &quot;d&quot;"),
        ("[sound:boom.mp3] [latex]x[/latex]", "&#91;sound:boom.mp3] &#91;latex]x&#91;/latex]"),
        ("one\ntwo", "one<br>two"),
        ("&amp;", "&amp;amp;"),
    ],
)
def test_deck_text_becomes_html_that_shows_it_literally(text: str, html: str) -> None:
    assert html_text(text) == html


@given(st.text(alphabet=st.sampled_from("ab &<>\"'[]\n\r\u00e9")))
def test_text_without_special_characters_is_left_as_it_is(text: str) -> None:
    """The shortcut for text with nothing to escape gives what escaping all would."""
    assert html_text(text) == html.escape(text).replace("[", "&#91;").replace("\n", "<br>")


def test_the_first_field_holds_the_question_key_invisibly(deck: Deck) -> None:
    for note in deck_notes([deck]):
        first = note.fields[0]
        assert first.startswith(f'<span data-quiz-key="every-type/{note.question_id}">')
        assert first.endswith("</span>")
        assert first.count("<span") == 1


def test_every_field_of_the_test_deck_is_escaped(deck: Deck) -> None:
    fields = [value for note in deck_notes([deck]) for value in note.fields]
    assert not any("<script" in value for value in fields)
    assert field(deck, "capital", "Prompt").endswith("&lt;script&gt;alert(1)&lt;/script&gt;</span>")
    assert '<li class="choice">&#91;A] Kidal</li>' in field(deck, "capital", "Choices")


def test_shuffle_is_a_fixed_permutation_per_question() -> None:
    items = ("a", "b", "c", "d", "e")
    once = shuffled("deck", "q1", items)
    assert sorted(once) == sorted(items)
    assert shuffled("deck", "q1", items) == once
    assert {shuffled("deck", f"q{n}", items) for n in range(10)} != {once}


def test_shuffle_is_the_same_in_every_process() -> None:
    """Python's own hash() differs per process; the order must not."""
    code = (
        "from pathlib import Path; from quiz.deck.loader import load_deck_or_raise;"
        "from quiz.anki.notes import deck_notes;"
        f"print([n.fields for n in deck_notes([load_deck_or_raise(Path({str(EVERY_TYPE)!r}))])])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_adding_a_choice_keeps_the_order_of_the_others() -> None:
    before = shuffled("deck", "q", ("a", "b", "c"))
    after = shuffled("deck", "q", ("a", "b", "c", "d"))
    assert [item for item in after if item != "d"] == list(before)


def test_order_items_are_never_shown_in_the_right_order(deck: Deck) -> None:
    for n in range(20):
        question = OrderQuestion(id=f"pair-{n}", prompt="Order them.", items=("first", "second"))
        note = question_note(deck, question)
        assert note.fields[1] == '<ul class="items"><li>second</li><li>first</li></ul>'
        assert note.fields[2] == '<ol class="order"><li>first</li><li>second</li></ol>'


def test_true_false_lists_true_then_false_and_marks_the_answer(deck: Deck) -> None:
    assert field(deck, "sunni", "Choices") == (
        '<ol class="choices" type="A">'
        '<li class="choice correct">True</li><li class="choice">False</li></ol>'
    )


def test_tags_lose_their_spaces_and_gain_the_deck_id(deck: Deck) -> None:
    question = dataclasses.replace(deck.questions[0], tags=("two  words", "x", "x", " "))
    assert question_note(deck, question).tags == ("two_words", "x", "every-type")


@pytest.mark.parametrize(
    ("title", "section", "name"),
    [
        ("Algeria–Mali relations", "Migration", "Algeria–Mali relations::Migration"),
        ("Algeria–Mali relations", "", "Algeria–Mali relations"),
        ("A::B", " spaced   out ", "A:B::spaced out"),
    ],
)
def test_deck_names_nest_only_the_section(title: str, section: str, name: str) -> None:
    assert deck_name(title, section) == name


def test_only_web_addresses_become_links(deck: Deck) -> None:
    unsafe = deck._replace(source=Source(title="T", url="javascript:alert(1)"))
    linked = deck._replace(source=Source(url="https://example.org/", license="CC0"))
    assert field(unsafe, "capital", "Source URL") == ""
    assert field(unsafe, "capital", "Source") == "T"
    assert field(linked, "capital", "Source URL") == "https://example.org/"
    assert field(linked, "capital", "Source") == "https://example.org/ (CC0)"


def test_content_hash_follows_what_the_learner_sees(deck: Deck) -> None:
    question = deck.questions[0]
    base = question_note(deck, question).content_hash
    moved = dataclasses.replace(question, line=999)
    assert question_note(deck, moved).content_hash == base
    for change in ({"prompt": "Other?"}, {"tags": ("new",)}, {"section": "Elsewhere"}):
        edited = dataclasses.replace(question, **change)
        assert question_note(deck, edited).content_hash != base, change
    retitled = deck._replace(title="Renamed")
    assert question_note(retitled, question).content_hash != base


def test_the_notes_and_their_records_load_without_genanki() -> None:
    """The importers read our packages back through these modules: genanki is for writing."""
    modules = "quiz.anki.notes, quiz.anki.changes, quiz.anki.records, quiz.importers.quiz_notes"
    probe = f"import sys, {modules}; print('genanki' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert (result.returncode, result.stdout.strip()) == (0, "False"), result.stderr
