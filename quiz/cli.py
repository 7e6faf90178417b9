"""The `quiz` command: parse the arguments, hand them to a subcommand, turn failures into one line.

Without a subcommand, `quiz` opens the terminal quiz on the decks in ./decks, or else on
the bundled decks.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from quiz import __version__
from quiz.command_list import COMMANDS

DEFAULT_COMMAND = "play"

CLOSED_PIPE_STATUS = 141
"""128 + SIGPIPE: the status a shell reports for `cat` when the reader of its output has
gone (`quiz stats | head -1`), so scripts with `set -o pipefail` see the same thing."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with `only` that subcommand, or with every one listed by its summary.

    Only the chosen command's module is imported, which keeps start-up quick: `quiz check`
    need not load what `quiz import` or `quiz stats` use, and `quiz --help` none of them.
    """
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Study a subject in the terminal from YAML question banks.",
        epilog="Run 'quiz COMMAND --help' for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    if only is not None:
        importlib.import_module(COMMANDS[only].module).register(sub)
        return parser
    for name, command in COMMANDS.items():
        sub.add_parser(name, help=command.summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 problems found, 2 usage)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:
        arguments = [DEFAULT_COMMAND]
    chosen = arguments[0] if arguments[0] in COMMANDS else None
    args = build_parser(chosen).parse_args(arguments)
    if not hasattr(args, "run"):
        build_parser().print_help()
        return 0
    try:
        status = int(args.run(args))
        sys.stdout.flush()  # a closed pipe is met here, not when Python exits
        return status
    except BrokenPipeError:
        return _reader_gone()
    except FileNotFoundError as exc:
        print(f"quiz: error: no such file or folder: {exc.filename or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _reader_gone() -> int:
    """End quietly, as `cat` does, when whoever read our output has stopped reading.

    Python's documented recipe: what is still buffered would fail again when Python
    flushes its streams on exit, so standard output is pointed at the null device first.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return CLOSED_PIPE_STATUS
