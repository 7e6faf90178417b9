"""Anki's "Notes in Plain Text" export (File → Export…, a .txt file) → questions.

The file starts with the header lines Anki writes and reads back: `#separator:tab`,
`#html:true`, `#guid column:1`, `#notetype column:2`, `#deck column:3`, `#tags column:6`,
and in hand-made files `#tags:` (tags for every note) or `#notetype:`. Records follow,
quoted like CSV; a '#' line where a record would start is a comment.

The columns that are not meta columns are the note's fields. A cloze note (its note type
is a Cloze, or its first field has a {{c1::...}} deletion) becomes a `cloze` question and
its other fields ("Back Extra") the explanation; any other note's first field is the
prompt, its second the answer, and the rest the explanation. With `#html:true` fields are
HTML and become text; images and sounds are left out. When notes come from several decks,
each gets its deck's name below their common parent deck as its section. Knows nothing
of YAML.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from quiz.importers import CLOZE_MARK, Imported, QuestionBuilder, read_text
from quiz.importers.delimited import read_records, sniff_delimiter
from quiz.importers.html_text import html_to_text, looks_like_html

HEADER_LINE = re.compile(r"#([^:]*):(.*)", re.DOTALL)
HEADER_KEYS = frozenset(
    {
        "separator",
        "html",
        "tags",
        "columns",
        "notetype",
        "deck",
        "notetype column",
        "deck column",
        "tags column",
        "guid column",
        "match scope",
        "if matches",
    }
)
"""Every key Anki's text importer understands; one on the first line marks its format."""

SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t", "space": " ", "pipe": "|", "colon": ":"}
META_COLUMNS = frozenset({"guid", "notetype", "deck", "tags"})

MEDIA = re.compile(r"<img\b|\[sound:[^\]]*\]", re.IGNORECASE)
SOUND = re.compile(r"\[sound:[^\]]*\]")
"""Anki's reference to an audio file: nothing a deck can play."""


@dataclass
class Header:
    """What the header lines say; what they leave out is what Anki would assume."""

    separator: str = ""
    html: bool | None = None
    tags: tuple[str, ...] = ()
    notetype: str = ""
    columns: dict[str, int] = field(default_factory=dict)
    """Meta column → its 1-based position: {"tags": 3}."""
    length: int = 0
    """How many lines the header takes."""


@dataclass(frozen=True, slots=True)
class Note:
    """One record, its meta columns taken apart from its fields; or one note of a package.

    `line` is where the record starts, or the note's place in the package (see apkg.py).
    """

    line: int
    fields: list[str]
    notetype: str
    deck: str
    tags: list[str]
    cloze: bool = False
    """Known to be a cloze note type: a package says so, a text export only names it."""


def looks_like(text: str) -> bool:
    """Whether the text starts as Anki's text exports do, with a header line."""
    first = text.split("\n", 1)[0].rstrip("\r")
    match = HEADER_LINE.fullmatch(first)
    return first.startswith("tags:") or (
        match is not None and match[1].strip().casefold() in HEADER_KEYS
    )


def read(path: Path) -> Imported:
    return parse(read_text(path))


def parse(text: str) -> Imported:
    lines = io.StringIO(text, newline="").readlines()
    header = parse_header(lines)
    body = "".join(lines[header.length :])
    separator = header.separator or sniff_delimiter(body)
    records = read_records(body, separator, comments=True, first_line=header.length + 1)
    html = header.html
    if html is None:  # as Anki does: HTML if any field looks like it
        html = any(looks_like_html(cell) for _, cells in records for cell in cells)
    notes = [_note(header, line, cells) for line, cells in records if any(map(str.strip, cells))]
    builder = QuestionBuilder()
    for note, section in zip(notes, sections([note.deck for note in notes]), strict=True):
        add_note(builder, note, html=html, section=section)
    return builder.result()


def parse_header(lines: list[str]) -> Header:
    header = Header()
    for number, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if number == 0 and line.startswith("tags:"):
            header.tags = tuple(line.removeprefix("tags:").split())
        elif not line.startswith("#"):
            header.length = number
            return header
        elif match := HEADER_LINE.fullmatch(line):
            _apply(header, match[1].strip().casefold(), match[2])
    header.length = len(lines)
    return header


def _apply(header: Header, key: str, value: str) -> None:
    """One header line; keys about Anki's own collection (deck, duplicates) do not matter here."""
    word = value.strip().casefold()
    if key == "separator":
        header.separator = SEPARATORS.get(word) or (value if value in SEPARATORS.values() else "")
    elif key == "html" and word in ("true", "false"):
        header.html = word == "true"
    elif key == "tags":
        header.tags = tuple(value.split())
    elif key == "notetype":
        header.notetype = value.strip()
    elif key.removesuffix(" column") in META_COLUMNS and word.isdigit() and int(word) > 0:
        header.columns[key.removesuffix(" column")] = int(word)


def _note(header: Header, line: int, cells: list[str]) -> Note:
    meta = {name: cells[i - 1] if i <= len(cells) else "" for name, i in header.columns.items()}
    positions = set(header.columns.values())
    return Note(
        line=line,
        fields=[cell for i, cell in enumerate(cells, 1) if i not in positions],
        notetype=meta.get("notetype", header.notetype),
        deck=meta.get("deck", ""),
        tags=[*meta.get("tags", "").split(), *header.tags],
    )


def sections(decks: list[str]) -> list[str]:
    """Each note's deck below the decks' common parent; none when all share one deck."""
    if len(set(decks)) <= 1:
        return [""] * len(decks)
    paths = [deck.split("::") for deck in decks]
    common = 0
    while all(len(path) > common + 1 and path[common] == paths[0][common] for path in paths):
        common += 1
    return ["::".join(path[common:]) for path in paths]


def add_note(builder: QuestionBuilder, note: Note, *, html: bool, section: str) -> None:
    """One note of any note type: a cloze when its type, or its first field, says so."""
    kind = note.notetype.casefold()
    if "image occlusion" in kind:
        builder.skip(
            note.line, "image occlusion notes cannot be imported: their image is not in the file"
        )
        return
    raw = [*note.fields, "", ""]
    texts = [SOUND.sub("", html_to_text(value) if html else value) for value in raw]
    cloze = note.cloze or "cloze" in kind or bool(CLOZE_MARK.search(texts[0]))
    required = ("first",) if cloze else ("first", "second")
    for which, value, text in zip(required, raw, texts, strict=False):
        if not text.strip() and MEDIA.search(value):
            builder.skip(note.line, f"the {which} field has only images or sounds, not text")
            return
    builder.add(
        note.line,
        texts[0],
        texts[1],
        explain="\n\n".join(text for text in texts[2:] if text.strip()),
        tags=note.tags,
        section=section,
        cloze=cloze,
    )
