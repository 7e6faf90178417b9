"""Deck files in, a `Deck` or located errors out. Never prints, never raises on bad input.

Reading happens in three steps, each of which can stop with errors that name a place:
bytes → text (UTF-8, not binary, not empty), text → YAML nodes (libyaml's C parser
when present; nodes keep their line and column and are never turned into Python
objects, so no YAML tag can construct anything), nodes → model (`validate.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from quiz.collector import cycle_collector_paused
from quiz.deck.errors import DeckError, DeckLoadError
from quiz.deck.limits import MAX_BYTES, MAX_VALUES
from quiz.deck.model import Deck
from quiz.deck.result import LoadResult
from quiz.deck.validate import DeckValidator
from quiz.files import FileProblem, read_plain_file

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

    def __init__(self, stream: str) -> None:
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


PARSER_HINTS = {
    "mapping values are not allowed": "put text that contains ': ' in quotes",
    "found character '\\t'": "indent with spaces, not tabs",
    "could not find expected ':'": "each field is written as 'name: value'",
    "found undefined alias": "define the anchor (&name) before using it (*name)",
    "exceeded maximum nesting depth": "a deck needs only a few levels of nesting",
    "expected <document start>": "a deck is one YAML document; remove the extra '---'",
    "but found another document": "a deck is one YAML document; remove the extra '---'",
}


def load_deck(path: Path) -> LoadResult:
    """Load and validate one deck file."""
    text, errors = _read_text(path)
    if text is None:
        return LoadResult(path, None, tuple(errors))
    with cycle_collector_paused():
        deck, errors = _deck_from_text(path, text)
    errors.sort(key=lambda e: (e.line, e.column))
    return LoadResult(path, deck if not errors else None, tuple(errors))


def _deck_from_text(path: Path, text: str) -> tuple[Deck | None, list[DeckError]]:
    """Parse and validate; the node tree is freed on return, before the collector resumes.

    The collector is paused for the whole load: the nodes and the model form no cycles
    (but for a recursive alias, `&a [*a]`), so reference counting frees them all."""
    node, errors = _parse(path, text)
    if node is None:
        return None, errors
    return DeckValidator(path).deck(node)


def load_deck_or_raise(path: Path) -> Deck:
    """Load one deck for callers that treat a bad deck as exceptional (tests, scripts)."""
    result = load_deck(path)
    if result.deck is None:
        raise DeckLoadError(list(result.errors))
    return result.deck


def _read_text(path: Path) -> tuple[str | None, list[DeckError]]:
    def error(message: str, line: int = 1, column: int = 1, hint: str = "") -> list[DeckError]:
        return [DeckError(path, line, column, message, hint)]

    try:
        data = read_plain_file(path, MAX_BYTES)
    except FileProblem as exc:
        return None, error(f"cannot read the file: {exc}")
    except FileNotFoundError:  # gone since the folder was listed, or a link to nothing
        return None, error("cannot read the file: there is no file at this path")
    if b"\0" in data:
        line, column = _position(data, data.index(b"\0"))
        return None, error("the file is binary, not a YAML text file", line, column)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        return None, error("the file is not valid UTF-8", line, column, "save it as UTF-8")
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return None, error("the file is empty", hint="a deck starts with 'deck: your-deck-id'")
    return text, []


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset, counting characters where they decode."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _parse(path: Path, text: str) -> tuple[yaml.Node | None, list[DeckError]]:
    loader = NodeLoader(text)
    try:
        return loader.get_single_node(), []
    except yaml.MarkedYAMLError as exc:
        return None, [_yaml_error(path, exc)]
    except TooManyValues as exc:
        mark = exc.parent.start_mark if exc.parent is not None else None
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"the file holds more than {MAX_VALUES:,} values, far more than a deck needs"
        return None, [DeckError(path, line, column, message, "split it into several decks")]
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, reported by offset
        before = text[: exc.position]
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        message = f"the file contains the control character U+{exc.character:04X}"
        return None, [DeckError(path, line, column, message, "YAML does not allow it; remove it")]
    finally:
        loader.dispose()


def _yaml_error(path: Path, exc: yaml.MarkedYAMLError) -> DeckError:
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    hint = next((h for key, h in PARSER_HINTS.items() if key in problem), "")
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return DeckError(path, line, column, f"this is not valid YAML: {problem}", hint)
