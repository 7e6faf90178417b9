"""`quiz import`: make a deck file from cards kept elsewhere (CSV/TSV, Quizlet, Anki's exports).

Picks the importer for the file, names the deck, and hands the questions to the deck
writer; every row an importer skipped is reported with its line (in an Anki package, which
has no lines, with the note's number).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from quiz.commands import Subparsers, add_command
from quiz.deck import Deck
from quiz.deck.errors import display_path, shown
from quiz.deck.fields import SLUG, slugify
from quiz.deck.questions import Questions
from quiz.files import os_reason
from quiz.importers import (
    Imported,
    UnreadableFile,
    anki_text,
    apkg,
    clean_text,
    delimited,
    read_text,
)
from quiz.importers.deck_writer import DeckWriteError, write_deck
from quiz.paths import bundled_decks_dir
from quiz.words import plural

READERS: dict[str, Callable[[Path], Imported]] = {
    "csv": partial(delimited.read, delimiter=","),
    "tsv": partial(delimited.read, delimiter="\t"),
    "anki-text": anki_text.read,
    "apkg": apkg.read,
}
"""Each --format and its importer."""


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "import",
        "quiz import words.tsv -o decks/spanish-words.yaml",
        "quiz import Spanish.apkg -o decks/spanish.yaml",
        "quiz import 'Geography notes.txt' -o decks/geography.yaml --title Geography",
        "quiz import cards.csv -o decks/cards.yaml --deck-id my-cards --force",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the cards to import")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DECK.yaml", help="the deck to write"
    )
    parser.add_argument(
        "--format",
        choices=("auto", *READERS),
        default="auto",
        help="auto (default): .apkg by the file name, Anki's text export by its header lines, "
        "else CSV/TSV by the file name",
    )
    parser.add_argument(
        "--deck-id",
        type=_deck_id,
        help="the deck's id (default: the one our own Anki export kept, else from the output "
        "file's name)",
    )
    parser.add_argument(
        "--title",
        help="the deck's title (default: an Anki package's deck name, else the input file's name)",
    )
    parser.add_argument("--force", action="store_true", help="replace the output if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    source, output = args.file, args.output
    if problem := _output_problem(source, output, args.force):  # before reading: say it once
        return _fail(problem)
    try:
        imported = read_cards(source, args.format)
    except apkg.MissingLibrary as exc:
        return _fail(str(exc))
    except UnreadableFile as exc:
        where = f"{display_path(source)}:{exc.line}" if exc.line else display_path(source)
        return _fail(f"{where}: {exc}")
    deck_id = args.deck_id or imported.deck_id or slugify(output.stem)
    if not deck_id:
        problem = f"cannot make a deck id from '{output.name}'; give one with --deck-id"
    if not problem and not imported.questions:
        problem = f"no cards found in {display_path(source)}; nothing written"
    if problem:
        _print_skipped(source, imported)
        return _fail(problem)
    title = " ".join(clean_text(args.title or imported.title or source.stem).split()) or deck_id
    deck = Deck(id=deck_id, title=title, questions=Questions.of(imported.questions))
    return _write(deck, source, output, args.force, imported)


def read_cards(path: Path, format_: str = "auto") -> Imported:
    """The questions in `path`, read as `format_`, or as its header or name suggests."""
    if format_ == "auto" and path.suffix.lower() == ".apkg":
        return apkg.read(path)
    if format_ == "auto":
        return (
            anki_text.read(path) if anki_text.looks_like(read_text(path)) else delimited.read(path)
        )
    return READERS[format_](path)


def _write(deck: Deck, source: Path, output: Path, force: bool, imported: Imported) -> int:
    comment = f"Imported from {source.name} by 'quiz import'. Edit freely, but keep each id."
    try:
        write_deck(deck, output, overwrite=force, comment=comment, schema=schema_for(output))
    except FileExistsError:
        return _fail(f"{display_path(output)} already exists; add --force to replace it")
    except DeckWriteError as exc:
        return _fail(
            f"bug: the deck for {display_path(output)} came out invalid ({exc}); "
            "nothing was written, please report it with the input file"
        )
    except OSError as exc:
        return _fail(f"cannot write {display_path(output)}: {os_reason(exc)}")
    skipped = len(imported.skipped)
    rows = "" if not skipped else f"; skipped {plural(skipped, imported.unit)}:"
    print(f"imported {plural(len(deck.questions), 'question')} into {display_path(output)}{rows}")
    _print_skipped(source, imported)
    return 0


def schema_for(output: Path) -> str:
    """Where the deck written to `output` finds the format's JSON Schema, as its first
    line names it: `schema.json` beside it (as in the bundled decks' folder), else the
    schema the app ships, by a relative path (an absolute one on another drive)."""
    if (output.parent / "schema.json").is_file():
        return "schema.json"
    shipped = bundled_decks_dir() / "schema.json"
    try:
        return Path(os.path.relpath(shipped, output.parent.resolve())).as_posix()
    except ValueError:
        return shipped.as_posix()


def _output_problem(source: Path, output: Path, force: bool) -> str:
    """Why the deck cannot go to `output`, or '' when it can."""
    if _same_file(source, output):
        return "the output file is the file being imported; choose another name"
    if output.is_dir():
        return f"{display_path(output)} is a folder; give the deck file's name"
    if not output.parent.is_dir():
        return f"the folder {display_path(output.parent)} does not exist"
    if output.exists() and not force:
        return f"{display_path(output)} already exists; add --force to replace it"
    return ""


def _same_file(source: Path, output: Path) -> bool:
    """Whether both paths name one file; a path that cannot be resolved (links in a loop)
    is left for reading to report."""
    try:
        return output.resolve() == source.resolve()
    except (OSError, RuntimeError):
        return False


def _print_skipped(source: Path, imported: Imported) -> None:
    path = display_path(source)
    for row in imported.skipped:
        where = f"{path}: note {row.line}" if imported.unit == "note" else f"{path}:{row.line}"
        print(shown(f"{where}: {row.reason}"))


def _deck_id(text: str) -> str:
    if not SLUG.fullmatch(text):
        suggestion = slugify(text) or "my-deck"
        raise argparse.ArgumentTypeError(
            f"'{text}' is not an id: use lowercase letters, digits and '-', e.g. '{suggestion}'"
        )
    return text


def _fail(message: str) -> int:
    print(f"quiz: error: {message}", file=sys.stderr)
    return 1
