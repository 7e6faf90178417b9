"""Deck files in, a `Deck` or located errors out. Never prints, never raises on bad input.

Reading happens in three steps, each of which can stop with errors that name a place:
bytes checked (a plain file, UTF-8, not binary: `reading.py`), bytes → YAML nodes
(libyaml's C parser when present, reading the file again from disk; nodes keep their
line and column and are never turned into Python objects, so no YAML tag can construct
anything), nodes → model (`validate.py`). Places are given as an editor shows them.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import yaml

from quiz.collector import cycle_collector_paused
from quiz.deck.errors import DeckError, DeckLoadError
from quiz.deck.left_open import left_open
from quiz.deck.limits import MAX_BYTES, MAX_VALUES
from quiz.deck.model import Deck
from quiz.deck.reading import Scan, scan
from quiz.deck.result import LoadResult
from quiz.deck.validate import DeckValidator, Written
from quiz.deck.yaml_errors import content, explain
from quiz.files import FileProblem, open_plain_file, too_large

if TYPE_CHECKING:
    BaseLoader = yaml.SafeLoader
else:
    BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser is several times faster; PyYAML's wheels include it."""

DEFAULT_TAGS: dict[type[yaml.Node], str] = {
    yaml.ScalarNode: BaseLoader.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: BaseLoader.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: BaseLoader.DEFAULT_MAPPING_TAG,
}


class NodeLoader(BaseLoader):
    """Composes nodes, at most `MAX_VALUES`, without guessing the types of scalars.

    The validator reads every scalar as the text it was written as, so YAML 1.1's
    implicit typing (a regular expression per plain scalar) would be a third of the
    parse time wasted. Explicit tags (`!!int 5`, `!foo`) are kept for the validator
    to judge.
    """

    def __init__(self, stream: CheckedBytes) -> None:
        super().__init__(stream)
        self.values_left = MAX_VALUES

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Called before each value is composed, tagged or not: count it."""
        self.values_left -= 1
        if self.values_left < 0:
            raise TooManyValues(current_node)

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to track on the way back up."""


class TooManyValues(Exception):
    """A file holds more than `MAX_VALUES` values; `parent` is the collection being read."""

    def __init__(self, parent: yaml.Node | None) -> None:
        super().__init__(parent)
        self.parent = parent


def load_deck(path: Path) -> LoadResult:
    """Load and validate one deck file."""
    with cycle_collector_paused():
        deck, errors = _load(path)
    errors.sort(key=lambda e: (e.line, e.column))
    return LoadResult(path, deck if not errors else None, tuple(errors))


def _load(path: Path) -> tuple[Deck | None, list[DeckError]]:
    """Read, parse and validate; the node tree is freed on return, before the collector
    resumes.

    The collector is paused for the whole load: the nodes and the model form no cycles
    (but for a recursive alias, `&a [*a]`), so reference counting frees them all. The
    file is read twice, a chunk at a time (checked, then parsed), and never held whole.
    """
    try:
        with open_plain_file(path, MAX_BYTES) as file:
            node, written, errors = _read_yaml(path, file)
    except FileProblem as exc:
        return None, [DeckError(path, 1, 1, f"cannot read the file: {exc}")]
    except FileNotFoundError:  # gone since the folder was listed, or a link to nothing
        return None, [DeckError(path, 1, 1, "cannot read the file: there is no file at this path")]
    if errors:
        return None, errors
    if node is None:  # no document: nothing but blank lines and comments
        hint = "a deck starts with 'deck: your-deck-id'"
        return None, [DeckError(path, 1, 1, "the file is empty", hint)]
    return DeckValidator(path, written).deck(node)


def load_deck_or_raise(path: Path) -> Deck:
    """Load one deck for callers that treat a bad deck as exceptional (tests, scripts)."""
    result = load_deck(path)
    if result.deck is None:
        raise DeckLoadError(list(result.errors))
    return result.deck


def _read_yaml(path: Path, file: BinaryIO) -> tuple[yaml.Node | None, Written, list[DeckError]]:
    """The file's node tree, once its bytes are known to be UTF-8 text, or why not."""

    def error(message: str, offset: int, hint: str = "") -> list[DeckError]:
        line, column = _position(file, offset)
        return [DeckError(path, line, column, message, hint)]

    found = scan(file)
    if found.length > MAX_BYTES:  # it grew since it was opened
        raise too_large(MAX_BYTES)
    if found.binary_at is not None:
        return (
            None,
            Written(found.lines),
            error("the file is binary, not a YAML text file", found.binary_at),
        )
    if found.not_utf8_at is not None:
        message, hint = "the file is not valid UTF-8", "save it as UTF-8"
        return None, Written(found.lines), error(message, found.not_utf8_at, hint)
    file.seek(0)
    loader = NodeLoader(CheckedBytes(file, found.length))
    try:
        node = loader.get_single_node()
        return node, Written(found.lines, found.length, MAX_VALUES - loader.values_left), []
    except yaml.MarkedYAMLError as exc:
        return None, Written(found.lines), [_yaml_error(path, exc, found, file)]
    except TooManyValues as exc:
        mark = exc.parent.start_mark if exc.parent is not None else None
        line, column = found.lines.place(mark) if mark else (1, 1)
        message = f"the file holds more than {MAX_VALUES:,} values, far more than a deck needs"
        return (
            None,
            Written(found.lines),
            [DeckError(path, line, column, message, "split it into several decks")],
        )
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, at a byte offset
        message = f"the file contains the control character U+{exc.character:04X}"
        return (
            None,
            Written(found.lines),
            error(message, exc.position, "YAML does not allow it; remove it"),
        )
    finally:
        loader.dispose()


class CheckedBytes:
    """The file for the parser, read no further than the first pass checked it."""

    def __init__(self, file: BinaryIO, length: int) -> None:
        self.file = file
        self.left = length

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(self.left if size < 0 else min(size, self.left))
        self.left -= len(data)
        return data


def _position(file: BinaryIO, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset, counting characters where they decode."""
    file.seek(0)
    data = file.read(offset)
    line_start = data.rfind(b"\n") + 1
    column = len(data[line_start:].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n") + 1, column


def _yaml_error(path: Path, exc: yaml.MarkedYAMLError, found: Scan, file: BinaryIO) -> DeckError:
    """The parser's error, at the quote or bracket left open that it most likely comes
    from, or else at the parser's place, in words for the line found there."""
    opened = left_open(
        exc,
        lambda: _tokens(file, found.length),
        found.lines.place,
        lambda number: _line_and_below(file, number),
    )
    if opened is not None:
        return DeckError(path, *opened)
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    line, column = found.lines.place(mark) if mark else (1, 1)
    message, hint = explain(problem, *_line_and_above(file, line))
    return DeckError(path, line, column, message, hint)


def _tokens(file: BinaryIO, length: int) -> Generator[yaml.Token, None, None]:
    """The file's tokens, scanned again from its start once a parse has stopped."""
    file.seek(0)
    yield from yaml.scan(CheckedBytes(file, length), Loader=BaseLoader)


def _line_and_above(file: BinaryIO, number: int) -> tuple[str, str]:
    """The text of line `number` (1-based) and of the nearest line above it with content,
    what a parser's message is explained from."""
    above = ""
    for index, text in enumerate(_lines(file), 1):
        if index == number:
            return text, above
        above = text if content(text) else above
    return "", above


def _line_and_below(file: BinaryIO, number: int) -> tuple[str, str]:
    """The text of line `number` (1-based) and of the nearest line below it with content,
    which tells whether the line's quote or bracket was meant to go on."""
    lines = islice(_lines(file), number - 1, None)
    return next(lines, ""), next((text for text in lines if content(text)), "")


def _lines(file: BinaryIO) -> Iterator[str]:
    """The file's lines from its start, each its first `LINE_START` bytes."""
    file.seek(0)
    while start := _line_start(file):
        yield start.decode("utf-8", errors="replace").rstrip("\r\n")


LINE_START = 4096
"""Enough of a line to see its indentation and its first field; a file may be one line."""


def _line_start(file: BinaryIO) -> bytes:
    """The start of the next line of `file`, which is read to the line's end."""
    start = file.readline(LINE_START)
    rest = start
    while rest and not rest.endswith(b"\n"):
        rest = file.readline(LINE_START)
    return start
