"""The `quiz` command: parse the arguments, hand them to a subcommand, turn failures into one line.

Without a subcommand, `quiz` opens the terminal quiz on the bundled decks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from quiz import __version__
from quiz.commands import check, export, flagged, import_, play, schema, stats, study

COMMANDS = (play, study, check, import_, export, flagged, schema, stats)
DEFAULT_COMMAND: str | None = "play"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Study a subject in the terminal from YAML question banks.",
        epilog="Run 'quiz COMMAND --help' for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 problems found, 2 usage)."""
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments and DEFAULT_COMMAND:
        arguments = [DEFAULT_COMMAND]
    args = parser.parse_args(arguments)
    if not hasattr(args, "run"):
        parser.print_help()
        return 0
    try:
        return int(args.run(args))
    except FileNotFoundError as exc:
        print(f"quiz: error: no such file or folder: {exc.filename or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
