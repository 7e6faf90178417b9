"""Deck questions as Anki note content: escaped HTML fields, tags, deck names and GUIDs.

Pure data, no genanki and no I/O. Deck text is data, never markup: every piece of it
goes through `html_text`, so `<script>` in a question shows as text in Anki. The content
hash covers exactly what Anki would show, so any change a learner could see gets a new
change time (and only such a change); the hidden key counts too, so the first export that
wrote keys updated every note once.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from quiz.anki.ids import note_guid
from quiz.anki.notetypes import (
    ACCEPTED,
    ANSWER,
    CHOICES,
    EXPLANATION,
    ITEMS,
    NOTE_TYPES,
    PROMPT,
    QUOTE,
    SOURCE,
    SOURCE_URL,
    TEXT,
    NoteType,
)
from quiz.deck.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MultiQuestion,
    OrderQuestion,
    Source,
    TextQuestion,
    TrueFalseQuestion,
    blank_name,
)

ESCAPED = re.compile(r"[&<>\"'\[\n]")
"""The characters `html_text` replaces."""

KEY_ATTRIBUTE = "data-quiz-key"
"""The attribute of the span around a note's first field that holds its key (see `keyed`)."""

BLANK_ATTRIBUTE = "data-quiz-blank"
"""The attribute that names the blank (`c1`) whose other forms a span lists (see
`accepted_forms`), so that `quiz import` gives a cloze its `accept` back."""

NoteKey = tuple[str, str]
"""(deck id, question id): a note's identity, in the store as in its GUID."""


@dataclass(frozen=True, slots=True)
class NoteContent:
    """Everything Anki will see of one question's note, fields in the note type's order."""

    deck_id: str
    question_id: str
    section: str
    note_type: NoteType
    deck_name: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    key: NoteKey = field(init=False, repr=False, compare=False)
    content_hash: str = field(init=False, repr=False, compare=False)
    """A digest of what the learner sees: note type, deck, fields and tags.

    Made once, with the note, as is `key`: an export looks both up for every note several
    times. Fields are joined by \\x1f and tags by spaces, as Anki's own `flds` and `tags`
    columns hold them (so neither occurs inside one), and the four parts by \\x1e, which
    deck text cannot hold.
    """

    def __post_init__(self) -> None:
        parts = (self.note_type.kind, self.deck_name, "\x1f".join(self.fields), " ".join(self.tags))
        digest = hashlib.sha256("\x1e".join(parts).encode()).hexdigest()
        object.__setattr__(self, "key", (self.deck_id, self.question_id))
        object.__setattr__(self, "content_hash", digest)

    @property
    def guid(self) -> str:
        return note_guid(self.deck_id, self.question_id)


def deck_notes(decks: Iterable[Deck]) -> list[NoteContent]:
    """One note per question, decks and questions in their order."""
    return [question_note(deck, question) for deck in decks for question in deck.questions]


def question_note(deck: Deck, question: AnyQuestion) -> NoteContent:
    """The note of one question: its note type's fields filled by key, escaped."""
    note_type = NOTE_TYPES[question.kind]
    values = {
        **_answer_fields(deck.id, question),
        EXPLANATION.key: accepted_forms(question) + html_text(question.explain),
        QUOTE.key: html_text(question.quote),
        **_source_fields(deck.source),
    }
    first, *rest = (values[field.key] for field in note_type.fields)
    return NoteContent(
        deck_id=deck.id,
        question_id=question.id,
        section=question.section,
        note_type=note_type,
        deck_name=deck_name(deck.title, question.section),
        fields=(keyed(f"{deck.id}/{question.id}", first), *rest),
        tags=_tags(deck.id, question.tags),
    )


def keyed(key: str, first_field: str) -> str:
    """The note's first field (prompt, or cloze text) in a span that holds its key invisibly.

    `deck-id/question-id` lets `quiz import` give the question its id back; the GUID is
    a hash of the same pair and cannot be read back. Not a field of its own: adding a
    field changes a note type's schema, and then Anki's import (default options, as
    checked with anki 26.9.3) adds a "Name+" copy of the note type and marks every note
    the learner has conflicting, never to be updated again. A span with no style shows
    nothing on any client, and stays put while a learner edits the text inside it.
    """
    return f'<span {KEY_ATTRIBUTE}="{html.escape(key)}">{first_field}</span>'


def accepted_forms(question: AnyQuestion) -> str:
    """The other forms a cloze accepts, as a line at the head of its explanation, or ''.

    Anki's cloze has no accepted forms, and the card has no typed check: the learner
    grades themselves, and reads here what the quiz would have counted as right. Not a
    field of its own, for the reason `keyed` gives. Blanks are told apart by their
    answers when the text has several.
    """
    if not isinstance(question, ClozeQuestion) or not question.accept:
        return ""
    answers = {blank_name(d.number): d.answer for d in reversed(question.deletions)}
    several = len(answers) > 1
    lines = []
    for name, forms in question.accept:
        line = f'<span {BLANK_ATTRIBUTE}="{name}">{html_text("; ".join(forms))}</span>'
        if several:
            line += f' <span class="for">(for {html_text(answers.get(name, name))})</span>'
        lines.append(line)
    label = '<span class="label">Also accepted:</span> '
    return f'<div class="accepted">{label}{"<br>".join(lines)}</div>'


def html_text(text: str) -> str:
    """HTML that shows `text` literally in Anki.

    Besides HTML, `[` is escaped so that text such as `[sound:x.mp3]` or `[latex]` stays
    text instead of becoming an Anki media or LaTeX tag; line breaks are kept. Most text
    has none of these characters and is returned as it is, without the seven replacements.
    """
    if not ESCAPED.search(text):
        return text
    return html.escape(text).replace("[", "&#91;").replace("\n", "<br>")


@cache
def deck_name(title: str, section: str) -> str:
    """`Title::Section`; a `::` inside either would nest decks, so it becomes `:`."""
    parts = (title, section) if section else (title,)
    return "::".join(" ".join(part.replace("::", ":").split()) for part in parts)


def shuffled(deck_id: str, question_id: str, items: Iterable[str]) -> tuple[str, ...]:
    """The items in an order fixed by the question's identity: the same on every export.

    Each item ranks by a hash of (deck id, question id, item), so adding a choice leaves
    the others' relative order alone. Not Python's `hash()`, which changes per process.
    """

    def rank(item: str) -> bytes:
        return hashlib.sha256(f"{deck_id}/{question_id}/{item}".encode()).digest()

    return tuple(sorted(items, key=rank))


def _answer_fields(deck_id: str, question: AnyQuestion) -> dict[str, str]:
    """The fields that differ by question type: the front and the answer."""
    match question:
        case ChoiceQuestion():
            choices = shuffled(deck_id, question.id, question.choices)
            return _choice_fields(question, choices, (question.answer,))
        case MultiQuestion():
            choices = shuffled(deck_id, question.id, question.choices)
            return _choice_fields(question, choices, question.answers)
        case TrueFalseQuestion():
            # True before False, as everyone writes them; shuffling two words adds nothing.
            return _choice_fields(question, ("True", "False"), (question.answer_text,))
        case TextQuestion():
            return {
                PROMPT.key: html_text(question.prompt),
                ANSWER.key: html_text(question.answer),
                ACCEPTED.key: html_text("; ".join(question.accept)),
            }
        case ClozeQuestion():
            return {TEXT.key: html_text(question.text)}
        case OrderQuestion():
            return {
                PROMPT.key: html_text(question.prompt),
                ITEMS.key: _html_list("ul", "items", _out_of_order(deck_id, question)),
                ANSWER.key: _html_list("ol", "order", question.items),
            }


def _choice_fields(
    question: AnyQuestion, choices: tuple[str, ...], right: Iterable[str]
) -> dict[str, str]:
    """The same lettered list for both sides; the right choices carry the `correct` class."""
    marked = set(right)
    items = "".join(
        f'<li class="choice{" correct" if choice in marked else ""}">{html_text(choice)}</li>'
        for choice in choices
    )
    return {
        PROMPT.key: html_text(question.prompt),
        CHOICES.key: f'<ol class="choices" type="A">{items}</ol>',
        ANSWER.key: html_text(question.answer_text),
    }


def _out_of_order(deck_id: str, question: OrderQuestion) -> tuple[str, ...]:
    """The items shuffled, and never shown in the right order on the front."""
    items = shuffled(deck_id, question.id, question.items)
    return items[1:] + items[:1] if items == question.items else items


def _html_list(tag: str, css_class: str, items: Iterable[str]) -> str:
    entries = "".join(f"<li>{html_text(item)}</li>" for item in items)
    return f'<{tag} class="{css_class}">{entries}</{tag}>'


@cache
def _source_fields(source: Source) -> dict[str, str]:
    """The deck's source on every back; only web addresses become links.

    The same for every question of a deck, so made once per deck (the caller copies it).
    """
    label = source.title or source.url
    if label and source.license:
        label = f"{label} ({source.license})"
    link = source.url if source.url.startswith(("https://", "http://")) else ""
    return {SOURCE.key: html_text(label), SOURCE_URL.key: html_text(link)}


def _tags(deck_id: str, tags: Iterable[str]) -> tuple[str, ...]:
    """The question's tags with spaces as `_` (Anki splits tags at spaces), then the deck id."""
    return tuple(dict.fromkeys([*("_".join(tag.split()) for tag in tags if tag.strip()), deck_id]))
