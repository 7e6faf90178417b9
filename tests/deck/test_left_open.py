"""A quote or bracket left open is reported where it opened, not where the parser gave up.

Each deck goes through `quiz check` as an author runs it, and the first line printed is
compared whole: file, line, column, message and hint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.cli import main

BUNDLED = Path(__file__).parents[2] / "decks" / "algeria-mali-relations.yaml"
QUESTION = "deck: broken\ntitle: Broken\nquestions:\n  - id: q\n    type: {}\n"

Check = Callable[[str, str], str]


@pytest.fixture
def check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Check:
    """`quiz check` on a file `name` holding `text`: the first line it prints."""
    monkeypatch.chdir(tmp_path)

    def run(name: str, text: str) -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert main(["check", name]) == 1
        return capsys.readouterr().out.splitlines()[0]

    return run


def test_a_quote_left_open_in_a_long_deck_is_shown_where_it_opened(check: Check) -> None:
    lines = BUNDLED.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[15] == "    prompt: In which Malian city does Algeria keep a consulate?\n"
    lines[15] = '    prompt: "In which Malian city does Algeria keep a consulate?\n'
    stop = next(n for n, line in enumerate(lines[16:], 17) if '"' in line)
    after_quote = lines[stop - 1].index('"') + 2
    assert stop > 30, "the parser stops far below the mistake"

    assert check("unclosed.yaml", "".join(lines)) == (
        "unclosed.yaml:16:13: error: this is not valid YAML: this quote is likely not closed "
        f'on its line (close it with " where its text ends; as written, the text runs on to '
        f"line {stop}, where the parser stops at column {after_quote})"
    )


ENDS_INSIDE = "this is not valid YAML: this quote is not closed (the file ends inside it; "
RUNS_ON = "this is not valid YAML: this quote is likely not closed on its line (close it with "
NOT_CLOSED = "this is not valid YAML: this {} is not closed (end the {} with {})"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            QUESTION.format("text") + '    prompt: "Which city?\n    answer: Gao\n',
            f'6:13: error: {ENDS_INSIDE}close it with " where its text ends)',
        ),
        (
            QUESTION.format("text") + "    prompt: 'Which city?\n    answer: Gao\n",
            f"6:13: error: {ENDS_INSIDE}close it with ' where its text ends)",
        ),
        (
            QUESTION.format("text") + "    prompt: 'Which city?\n    answer: Gao\n"
            "    explain: Gao is Mali's largest northern city.\n",
            f"6:13: error: {RUNS_ON}' where its text ends; as written, the text runs on to "
            "line 8, where the parser stops at column 26)",
        ),
        (
            # the parser's scanner stops here, not its parser: the error has no context
            QUESTION.format("text") + '    prompt: "Which city?\n    answer: Gao": x\n',
            f'6:13: error: {RUNS_ON}" where its text ends; as written, the text runs on to '
            "line 7, where the parser stops at column 17)",
        ),
        (
            QUESTION.format("choice") + "    prompt: Which city?\n"
            "    choices: [Gao, Kidal\n    answer: Gao\n",
            "7:14: error: " + NOT_CLOSED.format("[", "list", "]"),
        ),
        (
            "deck: broken\ntitle: Broken\nquestions:\n"
            "  - {id: q, type: text, prompt: Which city?, answer: Gao\n"
            "  - id: r\n    type: text\n    prompt: Which?\n    answer: Gao\n",
            "4:5: error: " + NOT_CLOSED.format("{", "mapping", "}"),
        ),
        (
            QUESTION.format("choice") + "    prompt: Which city?\n    answer: Gao\n"
            "    choices: [Gao,\n      Kidal\n",
            "8:14: error: " + NOT_CLOSED.format("[", "list", "]"),
        ),
        (
            "deck: [" + "a, " * 2000 + '"Gao\n',
            f"1:6008: error: {ENDS_INSIDE}close it where its text ends)",
        ),
    ],
    ids=[
        "double-quote-to-the-end",
        "single-quote-to-the-end",
        "single-quote-to-an-apostrophe",
        "double-quote-to-a-colon",
        "missing-square-bracket",
        "missing-brace",
        "list-to-the-end",
        "quote-past-the-line-start-read",
    ],
)
def test_a_quote_or_bracket_left_open_is_shown_where_it_opened(
    check: Check, text: str, expected: str
) -> None:
    assert check("broken.yaml", text) == f"broken.yaml:{expected}"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            '    prompt: "Which\n      city?" Gao\n    answer: Gao\n',
            "7:14: error: this is not valid YAML: did not find expected key",
        ),
        (
            '    prompt: "Which city?" Gao\n    answer: Gao\n',
            "6:27: error: this is not valid YAML: did not find expected key",
        ),
        (
            '    prompt: "Which\\q city?"\n    answer: Gao\n',
            "6:19: error: this is not valid YAML: found unknown escape character",
        ),
        (
            '    prompt: Which?\n    choices: [Gao,\n      "Kidal" Mopti]\n    answer: Gao\n',
            "8:15: error: this is not valid YAML: did not find expected ',' or ']'",
        ),
        (
            '    prompt: Which?\n    choices: [Gao, "Kidal" Mopti]\n    answer: Gao\n',
            "7:28: error: this is not valid YAML: did not find expected ',' or ']'",
        ),
    ],
    ids=[
        "quote-goes-on-deeper",
        "quote-on-its-line",
        "bad-escape-in-quote",
        "list-goes-on-deeper",
        "list-on-its-line",
    ],
)
def test_a_mistake_after_a_quote_or_bracket_that_goes_on_stays_where_it_is(
    check: Check, lines: str, expected: str
) -> None:
    """YAML lets quoted text and lists go on over lines indented deeper, and a mistake on
    the line a quote or bracket opened on is where the parser says: the parser's place is
    then the one to show, and the quote or bracket is not blamed."""
    assert check("broken.yaml", QUESTION.format("choice") + lines).startswith(
        f"broken.yaml:{expected}"
    )
