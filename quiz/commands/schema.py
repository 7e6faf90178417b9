"""`quiz schema`: print the deck format's JSON Schema for editors."""

from __future__ import annotations

import argparse

from quiz.commands import Subparsers, add_command
from quiz.deck.schema import schema_json


def register(sub: Subparsers) -> None:
    parser = add_command(sub, "schema", "quiz schema > my-schema.json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(schema_json(), end="")
    return 0
