"""`quiz check`: validate decks and print every problem as `path:line:column`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from quiz.commands import Subparsers, add_command, add_deck_paths
from quiz.deck import Deck, DeckError
from quiz.deck.errors import display_path, shown
from quiz.deck.library import load_decks
from quiz.deck.result import LoadResult
from quiz.lint_cache import lint_cached
from quiz.paths import deck_cache_dir, default_decks_dir
from quiz.problems import FORMATS, CheckReport


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "check",
        "quiz check",
        "quiz check my-decks/spanish.yaml -v",
        "quiz check my-decks/ --coverage",
        "quiz check --strict --format github   # in CI: warnings fail, shown as annotations",
    )
    add_deck_paths(parser)
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also summarise each valid deck"
    )
    parser.add_argument(
        "--coverage",
        action="store_true",
        help="show which sentences of each deck's source no question quotes",
    )
    parser.add_argument("--strict", action="store_true", help="exit with status 1 on warnings too")
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text for people (default), json for programs, github for CI annotations",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    cache = deck_cache_dir()
    results = load_decks(args.paths, cache=cache)  # a hit loaded without errors
    empty = folders_without_decks(args.paths or [default_decks_dir()], results)
    for folder in empty:
        print(f"quiz: error: no decks found in {folder}", file=sys.stderr)
    if empty:
        return 1
    problems: list[DeckError] = [e for r in results for e in r.errors]
    for result in results:
        if result.deck is not None:
            problems.extend(lint_cached(result, cache))  # kept beside the deck, once found
    report = CheckReport(tuple(results), tuple(problems))
    print(FORMATS[args.format](report), end="")
    if args.format == "text":
        _print_details(report, args)
    failed = report.errors or (args.strict and report.warnings)
    return 1 if failed else 0


def folders_without_decks(paths: Sequence[Path], results: Sequence[LoadResult]) -> list[Path]:
    """The folders named that hold no deck file: a mistyped or emptied path must fail a CI
    run or the pre-commit hook, not pass it as "0 decks checked"."""
    return [
        path
        for path in paths
        if path.is_dir() and not any(r.path.is_relative_to(path) for r in results)
    ]


def _print_details(report: CheckReport, args: argparse.Namespace) -> None:
    if args.verbose:
        for deck in report.decks:
            print(describe(deck))
    if args.coverage:
        for deck in report.decks:
            print_coverage(deck)
    print(report.summary())


def describe(deck: Deck) -> str:
    counts = ", ".join(f"{n} {kind}" for kind, n in deck.count_by_type().items())
    where = display_path(deck.path) if deck.path else deck.id
    return shown(f"{where}: {deck.title}: {len(deck.questions)} questions ({counts})")


def print_coverage(deck: Deck) -> None:
    if deck.source.file is None:
        return
    # Imported here: only --coverage reads the source text and its sentences.
    from quiz.deck.coverage import coverage
    from quiz.deck.source import read_source

    report = coverage(read_source(deck.source.file), (q.quote for q in deck.questions))
    print(
        f"{display_path(deck.source.file)}: {report.covered} of {len(report.sentences)} "
        f"sentences quoted by '{deck.id}' ({report.percent:.0f}%)"
    )
    for sentence in report.uncovered:
        print(f"  not quoted: {shown(sentence)}")
