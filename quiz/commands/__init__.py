"""One module per `quiz` subcommand: each registers its parser and runs it.

Command modules import their heavy dependencies (Textual, genanki) inside `run`, so
`quiz check` and `quiz stats` start without loading them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

Subparsers = argparse._SubParsersAction  # argparse exposes no public name for it


def add_command(
    sub: Subparsers, name: str, summary: str, *examples: str
) -> argparse.ArgumentParser:
    """A subcommand parser whose help ends with examples, as every subcommand's does."""
    epilog = "examples:\n" + "\n".join(f"  {example}" for example in examples)
    return sub.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_deck_paths(parser: argparse.ArgumentParser) -> None:
    """The `PATH ...` argument that every deck-reading command shares."""
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="deck files or folders of decks (default: the bundled decks)",
    )
