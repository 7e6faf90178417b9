"""The Anki note types, one per question type: names, fields, templates and CSS, as data.

Designed once and kept stable, because learners' collections hold them. Each note type,
field and template has a fixed id derived from a key that never changes (see ids.py):
Anki matches them by id on re-import, so a renamed field or an edited template updates
the learner's note type in place instead of adding a "Name+" copy. To rename a field,
change its `name` and keep its `key`.

Anki applies template or CSS changes only when the incoming note type is newer than the
learner's, so the note types carry their own change time, NOTETYPES_CHANGED_AT: raise it
to the current time whenever a name, field, template or `cards.css` changes
(tests/anki/test_notetypes.py fails until you do). Between such changes the note types
keep their time, so a learner's own styling survives re-imports.

The templates need no JavaScript and no add-on: multiple choice shows the same list on
both sides and marks the right choices with a class that only the back-side wrapper
styles, which works the same in Anki desktop, AnkiDroid and AnkiMobile.
Nothing here imports genanki; export.py turns these into genanki models.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from quiz.anki.ids import stable_id

NOTETYPES_CHANGED_AT = 1795651200
"""2026-11-26 00:00 UTC, in Unix seconds: when the note types below last changed."""

CSS = files("quiz.anki").joinpath("cards.css").read_text(encoding="utf-8")
"""Shared by every note type; part of their design, so editing it means a new change time."""


@dataclass(frozen=True, slots=True)
class NoteField:
    """A field: `name` is what Anki shows and templates use; `key` fixes its id for ever.

    notes.py fills fields by key, so a rename touches only `name` and the templates.
    """

    name: str
    key: str


PROMPT = NoteField("Prompt", "prompt")
CHOICES = NoteField("Choices", "choices")
ANSWER = NoteField("Answer", "answer")
ACCEPTED = NoteField("Accepted", "accepted")
TEXT = NoteField("Text", "text")
ITEMS = NoteField("Items", "items")
EXPLANATION = NoteField("Explanation", "explanation")
QUOTE = NoteField("Quote", "quote")
SOURCE = NoteField("Source", "source")
SOURCE_URL = NoteField("Source URL", "source-url")

BACK_FIELDS = (EXPLANATION, QUOTE, SOURCE, SOURCE_URL)
"""What every note type shows under the answer, to learn from it."""


@dataclass(frozen=True, slots=True)
class NoteType:
    """One Anki note type: which question type it holds and how its card looks."""

    kind: str
    name: str
    fields: tuple[NoteField, ...]
    front: str
    back: str
    cloze: bool = False

    @property
    def id(self) -> int:
        return stable_id(f"quiz/notetype/{self.kind}")

    @property
    def template_id(self) -> int:
        return stable_id(f"quiz/notetype/{self.kind}/template")

    def field_id(self, field: NoteField) -> int:
        return stable_id(f"quiz/notetype/{self.kind}/field/{field.key}")


EXTRAS = """
{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}
{{#Quote}}<blockquote class="quote">{{Quote}}</blockquote>{{/Quote}}
{{#Source}}<div class="source">Source: {{#Source URL}}<a href="{{Source URL}}">{{Source}}</a>\
{{/Source URL}}{{^Source URL}}{{Source}}{{/Source URL}}</div>{{/Source}}"""
"""The end of every back: explanation, source quote, source title and link."""

RULE = '\n<hr id="answer">'
"""Anki scrolls to this rule when it shows the back."""

ANSWER_LINE = '\n<div class="answer"><span class="label">Answer:</span> {{Answer}}</div>'


def _choice_type(kind: str, name: str, instruction: str) -> NoteType:
    """Choice, multi and true/false: the list on both sides, the marks styled on the back only."""
    front = (
        f'<div class="quiz quiz-{kind}">\n'
        '<div class="prompt">{{Prompt}}</div>\n'
        f'<div class="instruction">{instruction}</div>\n'
        "{{Choices}}\n"
        "</div>"
    )
    back = '<div class="back">{{FrontSide}}</div>' + RULE + ANSWER_LINE + EXTRAS
    return NoteType(kind, name, (PROMPT, CHOICES, ANSWER, *BACK_FIELDS), front, back)


TEXT_PROMPT = '<div class="quiz quiz-text">\n<div class="prompt">{{Prompt}}</div>\n</div>'
"""Repeated on the back instead of {{FrontSide}}, so the back shows the typed comparison."""

ACCEPTED_LINE = (
    '\n{{#Accepted}}<div class="accepted"><span class="label">Also accepted:</span> '
    "{{Accepted}}</div>{{/Accepted}}"
)

TEXT_TYPE = NoteType(
    "text",
    "Quiz: typed answer",
    (PROMPT, ANSWER, ACCEPTED, *BACK_FIELDS),
    # The prompt beside {{type:}} makes the prompt, not every field, the required field.
    TEXT_PROMPT + "\n{{type:Answer}}",
    TEXT_PROMPT + RULE + "\n{{type:Answer}}" + ANSWER_LINE + ACCEPTED_LINE + EXTRAS,
)

CLOZE_TEXT = '<div class="quiz quiz-cloze">\n<div class="cloze-text">{{cloze:Text}}</div>\n</div>'

CLOZE_TYPE = NoteType(
    "cloze", "Quiz: cloze", (TEXT, *BACK_FIELDS), CLOZE_TEXT, CLOZE_TEXT + RULE + EXTRAS, cloze=True
)

ORDER_TYPE = NoteType(
    "order",
    "Quiz: order",
    (PROMPT, ITEMS, ANSWER, *BACK_FIELDS),
    '<div class="quiz quiz-order">\n'
    '<div class="prompt">{{Prompt}}</div>\n'
    '<div class="instruction">Put these in order.</div>\n'
    "{{Items}}\n"
    "</div>",
    "{{FrontSide}}"
    + RULE
    + '\n<div class="answer"><span class="label">Right order:</span> {{Answer}}</div>'
    + EXTRAS,
)

NOTE_TYPES: dict[str, NoteType] = {
    note_type.kind: note_type
    for note_type in (
        _choice_type("choice", "Quiz: choice", "Choose one answer."),
        _choice_type("multi", "Quiz: multiple answers", "Choose every right answer."),
        _choice_type("truefalse", "Quiz: true or false", "True or false?"),
        TEXT_TYPE,
        CLOZE_TYPE,
        ORDER_TYPE,
    )
}
"""The note type of each question type, keyed by `Question.kind`."""
