"""CSV and TSV files of cards, Quizlet's export among them → questions.

Columns are prompt, answer, then optionally an explanation and tags (separated by spaces
or commas). A first row that names its columns (`prompt,answer`, `term,definition`,
`front,back`, `question,answer,explanation,tags`...) is a header: it is not a card, and the
columns may then come in any order. Quizlet exports `term<TAB>definition` lines; its term is
the side it shows first, so the term is the prompt and the definition the answer.

Fields may be quoted as spreadsheets write them ("a, b", "two""quotes", line breaks
inside quotes); a tab-separated file whose quotes do not follow those rules, as Quizlet
writes them, is read with its quotes as plain text. Knows nothing of YAML.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from quiz.importers import Imported, QuestionBuilder, UnreadableFile, read_text

DELIMITERS_BY_SUFFIX = {".csv": ",", ".tsv": "\t", ".tab": "\t", ".txt": "\t"}
DELIMITER_NAMES = {",": "commas", "\t": "tabs", ";": "semicolons", "|": "'|'", " ": "spaces"}
SNIFF_SAMPLE = 64 * 1024

COLUMN_NAMES = {
    **dict.fromkeys(("prompt", "question", "term", "front"), "prompt"),
    **dict.fromkeys(("answer", "definition", "back"), "answer"),
    **dict.fromkeys(("explain", "explanation", "notes", "note", "extra"), "explain"),
    **dict.fromkeys(("tags", "tag"), "tags"),
}
"""Header names, casefolded, and the column each one means."""

POSITIONAL = ("prompt", "answer", "explain", "tags")
"""The columns of a file without a header, in order."""

COLUMN_LABELS = {"prompt": "prompt", "answer": "answer", "explain": "explanation", "tags": "tags"}

Record = tuple[int, list[str]]
"""A record's cells and the line it starts on (a quoted field may span lines)."""


def read(path: Path, delimiter: str | None = None) -> Imported:
    """The cards of a CSV or TSV file; the delimiter comes from the file name when not given."""
    text = read_text(path)
    return parse(text, delimiter or delimiter_for(path, text))


def delimiter_for(path: Path, text: str) -> str:
    """Commas for .csv, tabs for .tsv and .txt (Quizlet); otherwise guessed from the text."""
    return DELIMITERS_BY_SUFFIX.get(path.suffix.lower()) or sniff_delimiter(text)


def sniff_delimiter(text: str) -> str:
    try:
        return csv.Sniffer().sniff(text[:SNIFF_SAMPLE], delimiters=",\t;|").delimiter
    except csv.Error as exc:
        raise UnreadableFile(
            "cannot tell how the fields are separated; use --format csv or --format tsv"
        ) from exc


def parse(text: str, delimiter: str) -> Imported:
    try:
        records = read_records(text, delimiter)
    except UnreadableFile:
        if delimiter != "\t":
            raise
        records = read_records(text, delimiter, quoting=False)
    columns, records = _columns(records)
    builder = QuestionBuilder()
    for line, cells in records:
        _add_row(builder, line, cells, columns, delimiter)
    return builder.result()


def read_records(
    text: str, delimiter: str, *, quoting: bool = True, comments: bool = False, first_line: int = 1
) -> list[Record]:
    """Every record with the line it starts on; `comments` drops records starting with '#'.

    Raises UnreadableFile at the first record that breaks the quoting rules: what follows
    a broken quote cannot be trusted.
    """
    lines = _Lines(text, first_line, comments)
    reader = csv.reader(
        lines,
        delimiter=delimiter,
        strict=True,
        quoting=csv.QUOTE_MINIMAL if quoting else csv.QUOTE_NONE,
    )
    records = []
    try:
        for cells in reader:
            records.append((lines.start, cells))
            lines.start = 0
    except csv.Error as exc:
        hint = "a field that contains quotes must itself be quoted, with the quotes doubled"
        raise UnreadableFile(f"cannot read this row: {exc} ({hint})", lines.start) from exc
    return records


class _Lines:
    """Feeds `csv.reader` one line at a time, noting where each record starts.

    `start` is 0 between records; the caller resets it after each one. A '#' line where a
    record would start is a comment (Anki's rule); inside a quoted field it is text.
    """

    def __init__(self, text: str, first_line: int, comments: bool) -> None:
        self._source = io.StringIO(text, newline="")
        self._number = first_line - 1
        self._comments = comments
        self.start = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        for line in self._source:
            self._number += 1
            if self.start == 0:
                if self._comments and line.startswith("#"):
                    continue
                self.start = self._number
            return line
        raise StopIteration


def _columns(records: list[Record]) -> tuple[tuple[str, ...], list[Record]]:
    """What each column holds, and the records that are cards (without a header row).

    A first row that names a prompt and an answer column is a header; naming a column that
    cannot be imported is an error there, rather than a skipped row for every card.
    """
    first = next((i for i, (_, cells) in enumerate(records) if any(map(str.strip, cells))), None)
    if first is None:
        return POSITIONAL, records
    line, cells = records[first]
    names = [cell.strip().casefold() for cell in cells]
    columns = tuple(COLUMN_NAMES.get(name, "") for name in names)
    if "prompt" not in columns or "answer" not in columns:
        return POSITIONAL, records
    for name, column in zip(names, columns, strict=True):
        if name and not column:
            expected = ", ".join(COLUMN_LABELS.values())
            raise UnreadableFile(
                f"the header names a column '{name}'; columns are {expected}", line
            )
        if column and columns.count(column) > 1:
            raise UnreadableFile(f"the header names the {COLUMN_LABELS[column]} twice", line)
    return columns, records[first + 1 :]


def _add_row(
    builder: QuestionBuilder, line: int, cells: list[str], columns: tuple[str, ...], delimiter: str
) -> None:
    if not any(map(str.strip, cells)):
        return  # a blank line
    if len(cells) == 1:
        separator = DELIMITER_NAMES.get(delimiter, repr(delimiter))
        builder.skip(
            line, f"the row has one column; prompt and answer are separated by {separator}"
        )
        return
    values = dict.fromkeys(POSITIONAL, "")
    for number, cell in enumerate(cells, 1):
        column = columns[number - 1] if number <= len(columns) else ""
        if cell.strip() and not column:
            expected = ", ".join(COLUMN_LABELS[name] for name in columns if name)
            builder.skip(line, f"unexpected text in column {number} (the columns are {expected})")
            return
        if column:
            values[column] = cell
    tags = re.split(r"[\s,]+", values["tags"])
    builder.add(line, values["prompt"], values["answer"], explain=values["explain"], tags=tags)
