"""A `Deck` → the text of a deck file, and writing that file safely.

The text is meant for people to edit: `deck` and `title` first, a blank line between
questions, each question's fields in the order the format lists them (id, type, section,
the type's own fields, explain, quote, tags), tags as `[a, b]`, multi-line text as block
scalars, and quotes around any text another YAML reader could take for something else
(`'no'`, `'2012'`, `'true'`), even though our loader reads everything as text.

Writing is atomic and checked: a temporary file beside the target is read back with the
deck loader and must give the same deck before it replaces the target. Knows the deck
format and PyYAML's emitter; nothing of where the questions came from.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
from pathlib import Path
from typing import Any

import yaml

from quiz.deck import fields as F
from quiz.deck.languages import ENGLISH, known_articles
from quiz.deck.loader import load_deck
from quiz.deck.model import AnyQuestion, Deck

WIDTH = 1_000_000
"""Never fold long lines: one line per field is easier to edit and to diff."""

AMBIGUOUS = re.compile(
    r"""
      y | n | yes | no | true | false | on | off | null | ~   # booleans and null, YAML 1.1 or 1.2
    | [-+]? \. (?: inf | nan )                                # special floats
    | [-+]? \.? [0-9] [0-9a-z_.:,+-]*                          # numbers, dates, times, 0x1F, 1:20
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Text that some YAML reader would turn into a boolean, a number, a date or null."""


class DeckWriteError(Exception):
    """The text written does not read back as the deck: a bug here, never the user's fault."""


def deck_text(deck: Deck, comment: str = "", schema: str = "") -> str:
    """The deck file's text; `comment` becomes a YAML comment at its top, after the line
    that points editors at the format's JSON Schema when `schema` names where it is."""
    head: dict[str, str | tuple[str, ...]] = {"deck": deck.id, "title": deck.title}
    if deck.description:
        head["description"] = deck.description
    if deck.language != ENGLISH:
        head["language"] = deck.language
    if deck.articles != known_articles(deck.language):
        head["articles"] = deck.articles
    questions = [_indent(_dump([question_fields(q)])) for q in deck.questions]
    top = "".join(f"# {_printable(line)}\n" for line in (_schema_line(schema), comment) if line)
    return top + _dump(head) + "questions:\n" + "\n".join(questions)


def _schema_line(schema: str) -> str:
    """The first line the authors' guide recommends: the YAML language server reads it."""
    return f"yaml-language-server: $schema={schema}" if _printable(schema) else ""


def _printable(text: str) -> str:
    """`text` on one line, without what a terminal or an editor would not show."""
    return "".join(char for char in " ".join(text.split()) if char.isprintable())


def question_fields(question: AnyQuestion) -> dict[str, Any]:
    """The question's non-empty fields, in the format's order."""
    specific = {f.name: f.kind for f in F.TYPE_FIELDS[question.kind]}
    common = [f.name for f in F.COMMON_FIELDS if f.name not in ("id", "type", "section")]
    fields: dict[str, Any] = {"id": question.id, "type": question.kind}
    for name in ("section", *specific, *common):
        value = getattr(question, name)
        if value not in ("", ()):
            fields[name] = dict(value) if specific.get(name) == "blanks" else value  # {c1: [...]}
    return fields


def write_deck(
    deck: Deck, path: Path, *, overwrite: bool = False, comment: str = "", schema: str = ""
) -> None:
    """Write `deck` to `path` in one step, or leave `path` as it was.

    Raises FileExistsError when `path` exists and `overwrite` is false, DeckWriteError when
    the text does not read back as `deck`, OSError when the folder cannot be written.
    """
    text = deck_text(deck, comment, schema)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        _verify(temporary, deck)
        if path.exists() and not overwrite:
            raise FileExistsError(errno.EEXIST, "the file exists", str(path))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _verify(written: Path, deck: Deck) -> None:
    result = load_deck(written)
    if result.deck is None:
        error = result.errors[0]
        raise DeckWriteError(f"line {error.line}: {error.message}")
    if result.deck != deck:
        pairs = zip(deck.questions, result.deck.questions, strict=False)
        which = next((f"question '{a.id}'" for a, b in pairs if a != b), "the deck's fields")
        raise DeckWriteError(f"{which} reads back differently from what was written")


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe emitter with the deck file's choices of style."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else "'" if AMBIGUOUS.fullmatch(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_list(dumper: yaml.SafeDumper, items: tuple[str, ...]) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(tuple, _represent_list)


def _dump(data: object) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH, indent=2
    )


def _indent(text: str) -> str:
    """Indent each non-empty line by two spaces: a question under `questions:`."""
    return re.sub(r"(?m)^(?=.)", "  ", text)
