"""The `quiz` subcommands: the module that registers and runs each, and its one-line summary.

Apart from the command modules so that `quiz --help` lists every command without
importing any of them (each pulls in what its command needs), and so that each summary
is written once, for that list and for the command's own help.
"""

from __future__ import annotations

from typing import NamedTuple


class Command(NamedTuple):
    module: str
    summary: str


COMMANDS = {
    "play": Command("quiz.commands.play", "answer the questions of a deck in the terminal quiz"),
    "study": Command(
        "quiz.commands.study",
        "review the cards of a deck that are due now, then new ones up to a daily limit",
    ),
    "serve": Command(
        "quiz.commands.serve",
        "open the quiz in a web browser, one app per tab; plain HTTP: for a network you trust,"
        " not the internet",
    ),
    "check": Command(
        "quiz.commands.check",
        "validate deck files and report every error with its line and column",
    ),
    "import": Command(
        "quiz.commands.import_",
        "make a deck file from CSV/TSV cards (Quizlet too), an Anki package (.apkg) "
        "or Anki's Notes in Plain Text export",
    ),
    "export": Command(
        "quiz.commands.export",
        "write decks to an Anki package (.apkg); importing a newer export updates the cards",
    ),
    "merge": Command(
        "quiz.commands.merge",
        "bring back the reviews done in Anki: merge a package exported from Anki with"
        " scheduling (.apkg, .colpkg)",
    ),
    "flagged": Command(
        "quiz.commands.flagged",
        "list the questions flagged with '!' in the quiz, as path:line: note",
    ),
    "schema": Command("quiz.commands.schema", "print the JSON Schema of the deck format"),
    "stats": Command(
        "quiz.commands.stats",
        "print your quizzes, score trends, reviews per day, retention and most missed questions",
    ),
}
"""In the order help lists them."""
