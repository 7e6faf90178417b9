"""The JSON Schema and `quiz check` agree: a deck the loader refuses for a rule the schema
can state (how many choices, distinct entries, nothing empty, known warnings, a language
tag) is one the schema refuses too, so an editor flags it as the author types. What the
schema cannot state (an answer among the choices, a quote in the source) stays the
loader's alone, as `quiz/deck/schema.py` says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from quiz.deck.loader import load_deck
from quiz.deck.schema import deck_schema

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"

Deck = dict[str, Any]


def question(deck: Deck, question_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(q for q in deck["questions"] if q["id"] == question_id)
    return found


def setter(question_id: str, field: str, value: object) -> Callable[[Deck], None]:
    """Set `field` of the question `question_id` to `value`."""

    def change(deck: Deck) -> None:
        question(deck, question_id)[field] = value

    return change


def deck_field(field: str, value: object) -> Callable[[Deck], None]:
    def change(deck: Deck) -> None:
        deck[field] = value

    return change


REFUSED = {
    "no choices": setter("capital", "choices", []),
    "one choice": setter("capital", "choices", ["Bamako"]),
    "eleven choices": setter("capital", "choices", ["Bamako", *(f"c{n}" for n in range(10))]),
    "a choice twice": setter("capital", "choices", ["Bamako", "Gao", "Gao"]),
    "an empty choice": setter("capital", "choices", ["Bamako", ""]),
    "no answers": setter("colonies", "answers", []),
    "an answer twice": setter("colonies", "answers", ["Mali", "Mali"]),
    "one item": setter("events", "items", ["Flights banned"]),
    "an item twice": setter("events", "items", ["Flights banned", "Flights banned"]),
    "an accepted answer twice": setter("ban-date", "accept", ["April 7", "April 7"]),
    "a blank's form twice": setter("missions", "accept", {"c2": ["Kawkaw", "Kawkaw"]}),
    "an empty prompt": setter("sunni", "prompt", ""),
    "an empty typed answer": setter("ban-date", "answer", ""),
    "an unknown warning silenced": setter("colonies", "silence", ["no-such-warning"]),
    "an empty title": deck_field("title", ""),
    "a language that is no tag": deck_field("language", "français"),
}

ACCEPTED = {
    "the deck as it is": lambda deck: None,
    "one tag written alone": setter("sunni", "tags", "religion"),
    "a language tag with a region": deck_field("language", "pt-BR"),
}


def verdicts(change: Callable[[Deck], None], tmp_path: Path) -> tuple[bool, bool]:
    """Whether the loader, and whether the schema, accept the test deck once changed."""
    deck: Deck = yaml.safe_load(EVERY_TYPE.read_text(encoding="utf-8"))
    change(deck)
    path = tmp_path / "every-type.yaml"
    path.write_text(yaml.safe_dump(deck, allow_unicode=True), encoding="utf-8")
    loaded = not load_deck(path).errors
    valid = jsonschema.Draft7Validator(deck_schema()).is_valid(deck)
    return loaded, valid


@pytest.mark.parametrize("change", REFUSED.values(), ids=REFUSED.keys())
def test_what_the_loader_refuses_the_schema_refuses(
    change: Callable[[Deck], None], tmp_path: Path
) -> None:
    assert verdicts(change, tmp_path) == (False, False)


@pytest.mark.parametrize("change", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_what_the_loader_takes_the_schema_takes(
    change: Callable[[Deck], None], tmp_path: Path
) -> None:
    assert verdicts(change, tmp_path) == (True, True)
