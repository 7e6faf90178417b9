"""What a YAML parser's own words mean for a deck author: a message and a hint.

The parser names what it met ("mapping values are not allowed in this context"), not what
the author did. The text of the line it stopped on, and of the line above, usually tell:
a tab in the indentation, a field indented unlike the one above, text with ': ' that
needs quotes. Pure; the loader reads the two lines.
"""

from __future__ import annotations

import re

PARSER_HINTS = {
    "mapping values are not allowed": "put text that contains ': ' in quotes",
    "found character '\\t'": "indent with spaces, not tabs",  # PyYAML's own parser
    "found a tab character": "indent with spaces, not tabs",  # libyaml's
    "could not find expected ':'": "each field is written as 'name: value'",
    "did not find expected key": "check this line's indentation against the line above",
    "did not find expected '-' indicator": "check this line's indentation against the line above",
    "found undefined alias": "define the anchor (&name) before using it (*name)",
    "exceeded maximum nesting depth": "a deck needs only a few levels of nesting",
    "expected <document start>": "a deck is one YAML document; remove the extra '---'",
    "but found another document": "a deck is one YAML document; remove the extra '---'",
}
"""A hint for each of the parser's problems an author meets, by a part of its words."""

INDENTATION = re.compile(r"(?:[ \t]|-(?=[ \t]))*")
"""The start of a line before its content: spaces, tabs and the dashes of list items."""

FIELD = re.compile(r"([^\s:#'\"\[{][^\s:]*):(?:\s|$)")
"""A line's content that starts as a field would: one word, then a colon."""


def explain(problem: str, line: str, above: str) -> tuple[str, str]:
    """The message and hint for `problem`, met on `line` below `above` (the nearest line
    above it with content, or '' when there is none)."""
    if "\t" in line[: indent(line)]:
        return (
            "this line is indented with a tab: YAML indents with spaces, not tabs",
            "replace the tab with spaces",
        )
    message = f"this is not valid YAML: {problem}"
    if "mapping values are not allowed" in problem:
        field = FIELD.match(line, indent(line))
        if field and above.strip() and indent(line) != indent(above):
            return message, (
                "check this line's indentation against the line above: "
                f"'{field[1]}' starts in column {indent(line) + 1}, "
                f"the line above in column {indent(above) + 1}"
            )
    return message, next((h for key, h in PARSER_HINTS.items() if key in problem), "")


def indent(line: str) -> int:
    """How many characters of `line` come before its content (dashes of list items count)."""
    indentation = INDENTATION.match(line)
    assert indentation is not None, "INDENTATION matches the empty string"
    return indentation.end()


def content(line: str) -> bool:
    """Whether a line holds more than spaces and a comment: a line `explain` compares with."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")
