"""Notes of our own Anki note types → the questions they were exported from.

The inverse of quiz/anki/notes.py. Fields are found by their fixed ids, so a field a learner
renamed in Anki still counts; escaped HTML becomes the deck's exact text again; the choice
lists give back the choices and which are right; the tags lose what the exporter added; the
key hidden around the first field gives back the deck and question ids. What the exporter
does not keep cannot come back: the ids in packages written before it kept keys, and the
deck's order of choices and tags (Anki sorts tags). Knows nothing of the `anki` library
(apkg.py hands over plain notes) and imports quiz.anki, so genanki: load it only to read a
package.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from html.parser import HTMLParser

from quiz.anki.changes import REMOVED_TAG
from quiz.anki.notes import BLANK_ATTRIBUTE, KEY_ATTRIBUTE
from quiz.anki.notetypes import (
    ACCEPTED,
    ANSWER,
    CHOICES,
    EXPLANATION,
    NOTE_TYPES,
    PROMPT,
    QUOTE,
    TEXT,
)
from quiz.deck.fields import SLUG, slugify
from quiz.deck.model import (
    AnyQuestion,
    BlankForms,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.importers.html_text import html_to_text

KINDS_BY_NOTE_TYPE_ID = {note_type.id: kind for kind, note_type in NOTE_TYPES.items()}
"""Our note types by their fixed ids: a learner may rename one, never change its id."""

EXPORTER_TAG_PREFIX = "quiz::"
"""Tags the exporter adds to mark notes (REMOVED_TAG among them), not the author's."""

KEY_SPAN = re.compile(rf'<span\b[^>]*\b{KEY_ATTRIBUTE}="([^"]*)"[^>]*>')
"""The opening tag that holds a note's key, as the exporter writes it or an editor kept it."""

KEYED_FIELD = re.compile(rf'<span {KEY_ATTRIBUTE}="[^"]*">(.*)</span>', re.DOTALL)
"""A first field exactly as the exporter wrote it: the key's span around the text."""

ACCEPTED_HEAD = re.compile(r'<div class="accepted"><span class="label">[^<]*</span> (.*?)</div>')
"""The line of a cloze's other forms at the head of its explanation, as the exporter wrote it."""

BLANK_SPAN = re.compile(rf'<span {BLANK_ATTRIBUTE}="(c\d+)">([^<]*)</span>')
"""One blank's other forms, escaped and joined with '; '."""

Fields = Mapping[str, str]
"""A note's fields, HTML as Anki holds it, by our field keys (see notetypes.NoteField)."""


def quiz_kind(note_type_id: int) -> str | None:
    """The question type whose note type has this id, or None for any other note type."""
    return KINDS_BY_NOTE_TYPE_ID.get(note_type_id)


def note_key(kind: str, fields: Mapping[int, str]) -> tuple[str, str] | None:
    """The (deck id, question id) kept around a note's first field (notes.keyed), by field
    id as in `rebuild`; None for a note exported before keys were kept, or whose key a
    learner's edit lost or broke."""
    note_type = NOTE_TYPES[kind]
    found = KEY_SPAN.search(fields.get(note_type.field_id(note_type.fields[0]), ""))
    if found is None:
        return None
    deck_id, _, question_id = html.unescape(found.group(1)).partition("/")
    if SLUG.fullmatch(deck_id) and SLUG.fullmatch(question_id):
        return deck_id, question_id
    return None


def rebuild(
    kind: str, fields: Mapping[int, str], tags: Iterable[str], deck_tag: str, section: str
) -> AnyQuestion | str:
    """The question a note was exported from, or why it cannot be one.

    `fields` are by field id; `deck_tag` is the tag the exporter added for the deck's id
    (its key's deck id, see `note_key`). The question's id is a placeholder: the importer
    gives every question its id, the key's where the note has one.
    """
    if any(tag.casefold() == REMOVED_TAG for tag in tags):
        return f"the question was removed from its deck (the note is tagged {REMOVED_TAG})"
    note_type = NOTE_TYPES[kind]
    by_key = {field.key: fields.get(note_type.field_id(field), "") for field in note_type.fields}
    first = note_type.fields[0].key
    by_key[first] = _unkeyed(by_key[first])
    question = ANSWER_PARTS[kind](by_key)
    if isinstance(question, str):
        return question
    _, explanation = _accepted(by_key[EXPLANATION.key])
    return replace(
        question,
        explain=field_text(explanation),
        quote=field_text(by_key[QUOTE.key]),
        tags=tuple(tag for tag in tags if tag != deck_tag and not _exporters(tag)),
        section=section,
    )


def deck_tags(tags_by_deck: Mapping[str, list[tuple[str, ...]]]) -> dict[str, str]:
    """For each top deck, the tag its notes carry for the deck's id; '' where that is unclear.

    The exporter adds the deck's id as every note's last tag, but Anki sorts tags, so it
    is known only as the tag all of a deck's notes share. When several are shared (every
    question tagged alike, or a deck of one question) the one spelled as the deck's title
    is taken, or none: better an extra tag in the deck than an author's tag lost.
    """
    found = {}
    for deck, notes in tags_by_deck.items():
        shared = set.intersection(*(set(tags) for tags in notes)) if notes else set()
        shared = {tag for tag in shared if not _exporters(tag)}
        if len(shared) > 1:
            shared &= {slugify(deck)}
        found[deck] = shared.pop() if len(shared) == 1 else ""
    return found


def field_text(value: str) -> str:
    """The text of a field: exactly the deck's text, unless a learner edited it in Anki.

    The exporter escapes every character HTML or Anki would read (`[` too) and writes line
    breaks as <br>, so a field with no other tag is unescaped as it is. A field edited in
    Anki may hold any HTML, and is read as a browser shows it.
    """
    plain = value.replace("<br>", "\n")
    return html.unescape(plain) if "<" not in plain else html_to_text(value)


def _unkeyed(value: str) -> str:
    """The first field without the span the exporter put around it for the key.

    Only the exact span is taken off, so the exporter's text is read exactly; a field an
    editor changed further is read as HTML, the span's tags dropped with any others.
    """
    keyed = KEYED_FIELD.fullmatch(value)
    return keyed.group(1) if keyed else value


def _exporters(tag: str) -> bool:
    return tag.casefold().startswith(EXPORTER_TAG_PREFIX)


# -- the answer part of each note type --------------------------------------------------


def _choice(fields: Fields) -> ChoiceQuestion | str:
    choices, right = _choices(fields)
    if len(right) != 1:
        marked = f"{len(right)} choices are" if right else "no choice is"
        return f"{marked} marked right; a choice question has one right answer"
    return ChoiceQuestion(id="-", prompt=_prompt(fields), choices=choices, answer=right[0])


def _multi(fields: Fields) -> MultiQuestion:
    choices, right = _choices(fields)
    answers = _in_answer_order(right, field_text(fields[ANSWER.key]))
    return MultiQuestion(id="-", prompt=_prompt(fields), choices=choices, answers=answers)


def _truefalse(fields: Fields) -> TrueFalseQuestion | str:
    _, right = _choices(fields)
    if right not in (("True",), ("False",)):
        return "the note marks neither True nor False as the right answer"
    return TrueFalseQuestion(id="-", prompt=_prompt(fields), answer=right == ("True",))


def _text(fields: Fields) -> TextQuestion:
    """The accepted answers were joined with '; ' (so one containing '; ' comes back split)."""
    accepted = field_text(fields[ACCEPTED.key]).split("; ")
    return TextQuestion(
        id="-",
        prompt=_prompt(fields),
        answer=field_text(fields[ANSWER.key]),
        accept=tuple(answer for answer in accepted if answer.strip()),
    )


def _cloze(fields: Fields) -> ClozeQuestion:
    accept, _ = _accepted(fields[EXPLANATION.key])
    return ClozeQuestion(id="-", text=field_text(fields[TEXT.key]), accept=accept)


def _accepted(explanation: str) -> tuple[BlankForms, str]:
    """A cloze's other forms per blank, from the line the exporter puts at the head of
    its explanation (see `accepted_forms`), and the explanation after that line."""
    head = ACCEPTED_HEAD.match(explanation)
    if head is None:
        return (), explanation
    forms = tuple(
        (name, tuple(form for form in field_text(listed).split("; ") if form.strip()))
        for name, listed in BLANK_SPAN.findall(head[1])
    )
    return forms, explanation[head.end() :]


def _order(fields: Fields) -> OrderQuestion:
    """The items from the back's list, which has them in the right order."""
    items = tuple(text for text, _ in _list_items(fields[ANSWER.key]))
    return OrderQuestion(id="-", prompt=_prompt(fields), items=items)


ANSWER_PARTS: dict[str, Callable[[Fields], AnyQuestion | str]] = {
    "choice": _choice,
    "multi": _multi,
    "truefalse": _truefalse,
    "text": _text,
    "cloze": _cloze,
    "order": _order,
}
"""Each question type's reader of its note's answer fields; rebuild adds the rest."""


def _prompt(fields: Fields) -> str:
    return field_text(fields[PROMPT.key])


def _choices(fields: Fields) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The choices as listed, and the right ones (marked with the `correct` class)."""
    items = _list_items(fields[CHOICES.key])
    return tuple(text for text, _ in items), tuple(text for text, right in items if right)


def _in_answer_order(right: tuple[str, ...], answer: str) -> tuple[str, ...]:
    """The right choices in the order the Answer field lists them: the deck's order.

    The field joins them with ', ', which a choice may contain too, so it is matched
    rather than split. If a learner changed it, the choice list's order stands.
    """

    def arrange(rest: str, left: tuple[str, ...]) -> tuple[str, ...] | None:
        if not left:
            return () if not rest else None
        for index, choice in enumerate(left):
            if rest == choice or rest.startswith(f"{choice}, "):
                others = left[:index] + left[index + 1 :]
                tail = arrange(rest[len(choice) + 2 :], others)
                if tail is not None:
                    return (choice, *tail)
        return None

    return arrange(answer, right) or right


def _list_items(value: str) -> list[tuple[str, bool]]:
    """Each <li> of a list field: its text, and whether it has the `correct` class."""
    parser = _ListItems()
    parser.feed(value)
    parser.close()
    return [("".join(parts), right) for parts, right in parser.items]


class _ListItems(HTMLParser):
    """Collects list items as notes.py writes them: escaped text, <br> for a line break.

    A list a learner edited may hold other tags; their text is kept, the tags dropped.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[list[str], bool]] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            classes = (dict(attrs).get("class") or "").split()
            self.items.append(([], "correct" in classes))
            self._inside = True
        elif tag == "br" and self._inside:
            self.items[-1][0].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.items[-1][0].append(data)
