"""`quiz check`: validate decks and print every problem as `path:line:column`."""

from __future__ import annotations

import argparse

from quiz.commands import Subparsers, add_command, add_deck_paths
from quiz.deck import Deck, LoadResult, load_decks
from quiz.deck.coverage import coverage
from quiz.deck.errors import display_path
from quiz.deck.source import read_source


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "check",
        "validate deck files and report every error with its line and column",
        "quiz check",
        "quiz check decks/algeria-mali-relations.yaml -v",
        "quiz check my-decks/ --coverage",
    )
    add_deck_paths(parser)
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also summarise each valid deck (questions by type)",
    )
    parser.add_argument(
        "--coverage",
        action="store_true",
        help="show which sentences of each deck's source no question quotes",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    results = load_decks(args.paths)
    for result in results:
        for error in result.errors:
            print(error)
    valid = [r.deck for r in results if r.deck is not None]
    if args.verbose:
        for deck in valid:
            print(describe(deck))
    if args.coverage:
        for deck in valid:
            print_coverage(deck)
    print(summary(results))
    return 1 if any(r.errors for r in results) else 0


def describe(deck: Deck) -> str:
    counts = ", ".join(f"{n} {kind}" for kind, n in deck.count_by_type().items())
    where = display_path(deck.path) if deck.path else deck.id
    return f"{where}: {deck.title}: {len(deck.questions)} questions ({counts})"


def print_coverage(deck: Deck) -> None:
    if deck.source.file is None:
        return
    report = coverage(read_source(deck.source.file), (q.quote for q in deck.questions))
    print(
        f"{display_path(deck.source.file)}: {report.covered} of {len(report.sentences)} "
        f"sentences quoted by '{deck.id}' ({report.percent:.0f}%)"
    )
    for sentence in report.uncovered:
        print(f"  not quoted: {sentence}")


def summary(results: list[LoadResult]) -> str:
    decks = _plural(len(results), "deck")
    errors = sum(len(r.errors) for r in results)
    if not errors:
        questions = sum(len(r.deck.questions) for r in results if r.deck)
        return f"{decks} checked, no errors ({_plural(questions, 'question')})"
    failing = sum(1 for r in results if r.errors)
    return f"{_plural(errors, 'error')} in {failing} of {decks}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
