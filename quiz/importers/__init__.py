"""Cards from other apps' files, as our model: what every importer returns, and how ids are made.

An importer module reads one file format and hands each row to a `QuestionBuilder`, which
applies the deck format's rules (a prompt and an answer, or a cloze with a blank), gives the
question a readable, unique, stable id, and records the rows it had to skip with their line.
Importers know nothing of YAML or of the command line: `deck_writer` turns the questions into
a deck file and `quiz.commands.import_` picks the importer. A reader for another format is
one more module returning `Imported`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from quiz.deck.fields import slugify
from quiz.deck.model import AnyQuestion, ClozeQuestion, TextQuestion
from quiz.deck.rules import question_problem
from quiz.files import FileProblem, read_plain_file

MAX_BYTES = 64 * 1024 * 1024
"""Far above any real export (50,000 Anki notes are ~10 MB); keeps memory bounded."""

ID_WORDS, ID_CHARS = 6, 50
"""Ids are the prompt's first words: enough to recognise the question, short enough to read."""

CLOZE_MARK = re.compile(r"\{\{c\d+::")
"""The start of an Anki cloze deletion: a row whose front has one is a cloze."""

LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
"""Invisible characters, and halves of characters that the command line can pass on."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row that did not become a question: the line where it starts, and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Imported:
    """What an importer made of a file: questions in file order, and the rows left out.

    `title` is the deck's name when the file has one (an Anki package's deck), `deck_id`
    the deck's id when the file keeps it (our own Anki export). `unit` is what a skipped
    entry's number counts: a row (its line in a text file) or a note (its place in an Anki
    package, which has no lines).
    """

    questions: tuple[AnyQuestion, ...]
    skipped: tuple[Skipped, ...]
    title: str = ""
    deck_id: str = ""
    unit: Literal["row", "note"] = "row"


class UnreadableFile(Exception):
    """The file as a whole cannot be imported; `line` is where, when one place is to blame."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (with or without a BOM) or UTF-16 with a BOM, as Excel saves it.

    A missing file raises FileNotFoundError, which the command line reports as a usage error;
    anything else that is not a plain file of at most `MAX_BYTES`, UnreadableFile.
    """
    try:
        data = read_plain_file(path, MAX_BYTES)
    except FileProblem as exc:
        raise UnreadableFile(f"cannot read the file: {exc}") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    if b"\0" in data:
        raise UnreadableFile("the file is binary, not a text file of cards")
    return _decode(data, "utf-8-sig")


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnreadableFile("the file is not UTF-8 text; save it as UTF-8", line) from exc


def clean_text(text: str) -> str:
    """Text as a deck keeps it: one kind of line break, no control characters, no stray spaces.

    The loader strips every value, so importers strip too: what is written reads back the same.
    """
    text = CONTROL.sub("", LINE_BREAKS.sub("\n", text))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def question_slug(text: str) -> str:
    """A readable id from a question's text: its first words, cut at a word boundary.

    Text with no Latin letters or digits (Chinese, Arabic...) gets a short hash instead,
    which is just as stable.
    """
    slug = ""
    for word in slugify(text).split("-")[:ID_WORDS]:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > ID_CHARS:
            break
        slug = longer
    if not slug and slugify(text):  # a single word longer than the limit
        slug = slugify(text)[:ID_CHARS].rstrip("-")
    return slug or "q-" + hashlib.sha256(text.encode()).hexdigest()[:8]


class QuestionIds:
    """Hands out unique ids: the first question keeps the slug, later ones get -2, -3...

    The same input always gives the same ids, so importing a file again gives the same deck.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()

    def new(self, text: str) -> str:
        base = question_slug(text)
        candidate, number = base, 2
        while candidate in self._used:
            candidate, number = f"{base}-{number}", number + 1
        self._used.add(candidate)
        return candidate


class QuestionBuilder:
    """Turns an importer's rows into questions, or into skipped rows that say why."""

    def __init__(self) -> None:
        self._ids = QuestionIds()
        self._questions: list[AnyQuestion] = []
        self._skipped: list[Skipped] = []

    def skip(self, line: int, reason: str) -> None:
        self._skipped.append(Skipped(line, reason))

    def add(
        self,
        line: int,
        front: str,
        back: str,
        *,
        explain: str = "",
        tags: Iterable[str] = (),
        section: str = "",
        cloze: bool = False,
    ) -> None:
        """One card: a prompt and its answer, or (with `cloze` or a {{c1::}} front) a cloze.

        A cloze has no answer of its own, so its back joins the explanation, as Anki shows
        a cloze note's "Back Extra" field after the answer.
        """
        question: AnyQuestion
        if cloze or CLOZE_MARK.search(front):
            question = ClozeQuestion(
                id="-",
                text=front,
                explain="\n\n".join(text for text in map(clean_text, (back, explain)) if text),
                tags=tuple(tags),
                section=section,
            )
        else:
            question = TextQuestion(
                id="-",
                prompt=front,
                answer=back,
                explain=explain,
                tags=tuple(tags),
                section=section,
            )
        self.add_question(line, question)

    def add_question(self, line: int, question: AnyQuestion) -> None:
        """A question an importer built whole: cleaned, checked, then given its id.

        Its own id is ignored: ids come from the text, unique within the import.
        """
        question = _cleaned(question)
        reason = question_problem(question)
        if reason:
            self.skip(line, reason)
            return
        text = question.filled() if isinstance(question, ClozeQuestion) else question.prompt
        self._questions.append(replace(question, id=self._ids.new(text), line=line))

    def result(self) -> Imported:
        return Imported(tuple(self._questions), tuple(self._skipped))


def _cleaned(question: AnyQuestion) -> AnyQuestion:
    """Every text of the question cleaned as a deck keeps it; empty and repeated tags dropped."""
    changes: dict[str, Any] = {}
    for field in fields(question):
        value = getattr(question, field.name)
        if isinstance(value, str | tuple):
            changes[field.name] = _clean(value)
    changes["tags"] = tuple(dict.fromkeys(tag for tag in changes["tags"] if tag))
    return replace(question, **changes)


def _clean(value: Any) -> Any:
    """A text cleaned, or each text of a tuple (a cloze's `accept` holds pairs of them)."""
    return clean_text(value) if isinstance(value, str) else tuple(map(_clean, value))
