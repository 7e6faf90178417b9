"""`quiz export`: write decks to one Anki package that updates learners' cards in place.

The command reads its arguments and the decks; `quiz.anki.package` does the export (with
the store: what changed since the last export to the same file, questions removed since
kept in the package), and `quiz.study.studied` reads the learner's progress for it
unless `--no-progress`. Imports genanki only to export, so `quiz --help` starts without it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.commands import Subparsers, add_command, add_deck_paths, add_learner, learner_history
from quiz.deck import Deck
from quiz.deck.library import load_decks
from quiz.paths import store_path
from quiz.problems import CheckReport

PACKAGE_SUFFIX = ".apkg"
DEFAULT_OUTPUT = Path(f"quiz{PACKAGE_SUFFIX}")


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "export",
        "quiz export",
        "quiz export my-decks/spanish.yaml -o spanish.apkg",
        "quiz export my-decks/ other.yaml -o ~/Desktop/study.apkg",
        "quiz export my-decks/ --no-progress -o share.apkg",
        "quiz export --learner Ada -o ada.apkg",
    )
    add_deck_paths(parser)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        metavar="FILE.apkg",
        help=f"the package to write (default: {DEFAULT_OUTPUT} in the current folder)",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="leave out what you studied (schedules and reviews): a deck to share with others",
    )
    add_learner(parser, "export this learner's progress, of 'quiz serve --learners'")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.output.is_dir():  # before the decks load: said at once
        print(
            f"quiz: error: cannot write {args.output}: it is a folder;"
            f" give a file name ending in {PACKAGE_SUFFIX}",
            file=sys.stderr,
        )
        return 1
    decks = _valid_decks(args.paths, args.output)
    if decks is None:
        return 1
    from quiz.anki.export import ExportError  # genanki loads only when exporting
    from quiz.anki.package import export_package
    from quiz.study.studied import study_progress

    progress = None if args.no_progress else study_progress
    store = learner_history(args) or store_path()
    if args.learner and not store.is_file():  # a misspelt name must not export no progress
        print(
            f"quiz: error: no learner called {args.learner!r} yet (see quiz stats --learners)",
            file=sys.stderr,
        )
        return 1
    try:
        print(export_package(decks, args.output, store, _warn, progress))
    except ExportError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 1
    _warn_unless_a_package_name(args.output)
    return 0


def _warn_unless_a_package_name(output: Path) -> None:
    """Anki imports a package only from a name ending in `.apkg`; another name is written
    all the same (one renamed to get past a mail filter is still a package)."""
    if output.suffix.lower() != PACKAGE_SUFFIX:
        named = output.with_suffix(PACKAGE_SUFFIX)
        _warn(f"Anki imports only files ending in .apkg: rename {output} to {named} first")


def _valid_decks(paths: list[Path], output: Path) -> list[Deck] | None:
    """The decks under `paths`, or None after printing why nothing is written to `output`."""
    results = load_decks(paths)
    if not results:
        print(f"quiz: error: no deck files found; nothing written to {output}", file=sys.stderr)
        return None
    if any(result.deck is None for result in results):
        for result in results:
            for error in result.errors:
                print(error)
        report = CheckReport(tuple(results), tuple(e for r in results for e in r.errors))
        print(f"{report.summary()}; nothing written to {output}", file=sys.stderr)
        return None
    return [result.deck for result in results if result.deck is not None]


def _warn(message: str) -> None:
    print(f"quiz: warning: {message}", file=sys.stderr)
