"""The first pass over a deck file: is it UTF-8 text, and where are its lines?

The file is read a chunk at a time and never held whole, so the parser can read it
again from disk and a deck's bytes are in memory only as the values parsed from them.

YAML counts U+0085, U+2028 and U+2029 as line breaks; editors (and this app's users)
count only `\\n`, `\\r\\n` and `\\r`. The pass notes where those three characters are,
so `Lines.place` can give a parser's mark the line and column an editor shows.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

CHUNK = 2**20
"""Bytes read, checked and decoded at a time."""

YAML_ONLY_BREAK_CHARS = "\x85\u2028\u2029"
YAML_ONLY_BREAKS = re.compile(f"[{YAML_ONLY_BREAK_CHARS}]")
"""Searched for only in a chunk that has one: `in` is many times faster than the regex."""
EDITOR_BREAKS = "\r\n"


class Mark(Protocol):
    """A place in the file as the YAML parser gives it (0-based, characters)."""

    @property
    def index(self) -> int: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Lines:
    """Where the YAML-only line breaks are: (character offset, editor column there)."""

    breaks: tuple[tuple[int, int], ...] = ()
    offsets: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "offsets", tuple(offset for offset, _ in self.breaks))

    def place(self, mark: Mark) -> tuple[int, int]:
        """The 1-based line and column an editor shows for a parser's mark."""
        before = bisect_left(self.offsets, mark.index)
        if not before:
            return mark.line + 1, mark.column + 1
        offset, column = self.breaks[before - 1]
        line = mark.line - before
        if mark.column == mark.index - offset - 1:  # the parser's line began at that break
            return line + 1, column + 1 + mark.column + 1
        return line + 1, mark.column + 1


@dataclass(frozen=True, slots=True)
class Scan:
    """What the first pass found: the file's length, or the offset of its first bad byte."""

    length: int
    lines: Lines
    binary_at: int | None = None
    not_utf8_at: int | None = None


def scan(file: BinaryIO) -> Scan:
    """Read `file` from where it is to its end, a chunk at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    breaks: list[tuple[int, int]] = []
    length = characters = since_break = 0
    while chunk := file.read(CHUNK):
        if b"\0" in chunk:
            return Scan(length, Lines(), binary_at=length + chunk.index(b"\0"))
        held = len(decoder.getstate()[0])  # the start of a character cut by the last chunk
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            return Scan(length, Lines(), not_utf8_at=length - held + exc.start)
        if not text.isascii() and any(char in text for char in YAML_ONLY_BREAK_CHARS):
            breaks.extend(_yaml_only_breaks(text, characters, since_break))
        last = max(text.rfind("\n"), text.rfind("\r"))
        since_break = len(text) - last - 1 if last >= 0 else since_break + len(text)
        length += len(chunk)
        characters += len(text)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return Scan(length, Lines(), not_utf8_at=length - len(decoder.getstate()[0]))
    return Scan(length, Lines(tuple(breaks)))


def _yaml_only_breaks(text: str, start: int, since_break: int) -> list[tuple[int, int]]:
    """The YAML-only breaks in a chunk of text that begins at character `start`, `since_break`
    characters after the last editor break: each with its offset and its editor column."""
    found = []
    for match in YAML_ONLY_BREAKS.finditer(text):
        at = match.start()
        last = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at))
        found.append((start + at, at - last - 1 if last >= 0 else since_break + at))
    return found
