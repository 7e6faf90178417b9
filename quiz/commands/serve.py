"""`quiz serve`: the app in a browser, one process per tab, through `quiz.serve`.

The decks are checked here, once, so a broken deck is said in the terminal rather than
in every tab. aiohttp and textual-serve are imported inside `run`.
"""

from __future__ import annotations

import argparse
import sys

from quiz.commands import Subparsers, add_command, add_deck_paths, decks_or_report

DEFAULT_PORT = 8000
DEFAULT_MAX_APPS = 40


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "serve",
        "quiz serve",
        "quiz serve my-decks/ --port 8080 --no-open",
        "quiz serve --host 0.0.0.0 --learners  # a class on the network, each their own history",
    )
    add_deck_paths(parser)
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only;"
        " 0.0.0.0 for every network interface, on a network you trust)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"default: {DEFAULT_PORT}; 0 picks a free one",
    )
    parser.add_argument(
        "--no-open", action="store_true", help="print the address without opening a browser"
    )
    parser.add_argument(
        "--max-apps",
        type=at_least_one,
        default=DEFAULT_MAX_APPS,
        metavar="N",
        help=f"at most N quizzes open at once, one per browser tab (default: {DEFAULT_MAX_APPS})",
    )
    parser.add_argument(
        "--learners",
        action="store_true",
        help="each tab asks for a name, and each name has its own history, study schedules"
        " and flags (see quiz stats --learners)",
    )
    parser.set_defaults(run=run)


def at_least_one(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def run(args: argparse.Namespace) -> int:
    if decks_or_report(args.paths) is None:
        return 1
    from quiz.serve.running import serve
    from quiz.serve.server import QuizServer

    argv = [sys.executable, "-m", "quiz", "play", *(str(path.resolve()) for path in args.paths)]
    if args.learners:
        argv.append("--ask-learner")
    server = QuizServer(argv, max_apps=args.max_apps)
    return serve(server, args.host, args.port, open_browser=not args.no_open)
