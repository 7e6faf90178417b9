"""A quote or bracket left open: where a YAML error the parser meets later really began.

A quote not closed on its line runs on to the next quote of its kind, perhaps fifty lines
down, and the parser stops there, on a line with nothing wrong with it; a `[` not closed
takes the next field into the list. The parser's place is then the symptom. Its error
names where a quoted text or a list began only sometimes, so the file is scanned again,
up to where the parser stopped, for the token before that place. No I/O of its own: the
loader hands in the tokens and the lines.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator
from typing import NamedTuple

import yaml

from quiz.deck.yaml_errors import content, indent

Place = Callable[[yaml.Mark], tuple[int, int]]
"""The 1-based line and column an editor shows for a parser's mark."""

LineAndBelow = Callable[[int], tuple[str, str]]
"""The text of a 1-based line and of the nearest line below it with content ('' if none)."""

Tokens = Callable[[], Generator[yaml.Token, None, None]]
"""The file's tokens from its start, read until the caller closes them or they end."""

FLOWS = {"while parsing a flow sequence": "[", "while parsing a flow mapping": "{"}
"""The parser's context for a list or mapping in brackets, and the bracket that opens it."""

CLOSERS = {"[": ("]", "list"), "{": ("}", "mapping")}
QUOTES = {'"', "'"}


class Opened(NamedTuple):
    """The quote or bracket an error is about, where it opened, and what to say."""

    line: int
    column: int
    message: str
    hint: str


def left_open(
    exc: yaml.MarkedYAMLError, tokens: Tokens, place: Place, line_and_below: LineAndBelow
) -> Opened | None:
    """The quote or bracket `exc` most likely comes from, when it opened before the place
    the parser stopped at; None when the parser's place is the one to show."""
    stop = exc.problem_mark
    if stop is None:
        return None
    if exc.context == "while scanning a quoted scalar":
        return _never_closed(exc, place, line_and_below)
    before, at = _around(tokens, stop.index)
    stopped = place(stop)
    return _run_on_quote(before, stopped, place, line_and_below) or _open_bracket(
        exc, at, stopped, place, line_and_below
    )


def _never_closed(
    exc: yaml.MarkedYAMLError, place: Place, line_and_below: LineAndBelow
) -> Opened | None:
    """A quote the file ends inside, which the parser names where it opened; None for the
    scanner's other problems inside quotes (a bad escape), which it places right."""
    if exc.context_mark is None or "end of stream" not in (exc.problem or ""):
        return None
    line, column = place(exc.context_mark)
    quote = line_and_below(line)[0][column - 1 : column]
    hint = f"the file ends inside it; {_close_with(quote)}"
    return Opened(line, column, "this is not valid YAML: this quote is not closed", hint)


def _around(tokens: Tokens, index: int) -> tuple[yaml.Token | None, yaml.Token | None]:
    """The last token that starts before `index` and the first that starts at or after it
    (None where the scan ended first, as it may at the parser's own error)."""
    before = None
    # The scan may meet the parser's own error before `index`: the tokens read until then
    # are all there is, and the error is the one already being reported.
    with contextlib.closing(tokens()) as scan, contextlib.suppress(yaml.YAMLError):
        for token in scan:
            if token.start_mark.index >= index:
                return before, token
            before = token
    return before, None


def _run_on_quote(
    before: yaml.Token | None, stop: tuple[int, int], place: Place, line_and_below: LineAndBelow
) -> Opened | None:
    """A quoted text that ended just before the parser's place and began on a line above,
    whose next line reads as a new line of the deck rather than more of the text."""
    if not isinstance(before, yaml.ScalarToken) or before.style not in QUOTES:
        return None
    line, column = place(before.start_mark)
    if line >= stop[0] or _continued(*line_and_below(line)):
        return None
    message = "this is not valid YAML: this quote is likely not closed on its line"
    hint = (
        f"{_close_with(before.style)}; as written, the text runs on to line {stop[0]}, "
        f"where the parser stops at column {stop[1]}"
    )
    return Opened(line, column, message, hint)


def _open_bracket(
    exc: yaml.MarkedYAMLError,
    at: yaml.Token | None,
    stop: tuple[int, int],
    place: Place,
    line_and_below: LineAndBelow,
) -> Opened | None:
    """A `[` or `{` whose list the file ends in, or that the parser found a field in on a
    later line that reads as a new line of the deck rather than more of the list."""
    opener = FLOWS.get(exc.context or "")
    if opener is None or exc.context_mark is None or "expected ','" not in (exc.problem or ""):
        return None
    line, column = place(exc.context_mark)
    if not isinstance(at, yaml.StreamEndToken) and (
        stop[0] <= line or _continued(*line_and_below(line))
    ):
        return None
    closer, kind = CLOSERS[opener]
    message = f"this is not valid YAML: this {opener} is not closed"
    return Opened(line, column, message, f"end the {kind} with {closer}")


def _close_with(quote: str) -> str:
    """What to do about a quote left open, naming the quote character when it is one."""
    return (
        f"close it with {quote} where its text ends"
        if quote in QUOTES
        else "close it where its text ends"
    )


def _continued(line: str, below: str) -> bool:
    """Whether the line below goes on with what `line` started: it is indented deeper."""
    return content(below) and indent(below) > indent(line)
