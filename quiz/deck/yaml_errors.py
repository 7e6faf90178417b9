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
    indentation = INDENTATION.match(line)
    assert indentation is not None, "INDENTATION matches the empty string"
    if "\t" in indentation[0]:
        return (
            "this line is indented with a tab: YAML indents with spaces, not tabs",
            "replace the tab with spaces",
        )
    message = f"this is not valid YAML: {problem}"
    if "mapping values are not allowed" in problem:
        field = FIELD.match(line, indentation.end())
        above_at = INDENTATION.match(above)
        assert above_at is not None, "INDENTATION matches the empty string"
        if field and above.strip() and indentation.end() != above_at.end():
            return message, (
                "check this line's indentation against the line above: "
                f"'{field[1]}' starts in column {indentation.end() + 1}, "
                f"the line above in column {above_at.end() + 1}"
            )
    return message, next((h for key, h in PARSER_HINTS.items() if key in problem), "")


def content(line: str) -> bool:
    """Whether a line holds more than spaces and a comment: a line `explain` compares with."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")
