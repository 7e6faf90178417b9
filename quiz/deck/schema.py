"""The JSON Schema of the deck format, generated from `fields.py`.

Editors with the YAML language server use it to complete and check decks while
authors type. It describes shapes only; `quiz check` remains the judge of what the
schema cannot say (answers among the choices, quotes in the source, unique ids).
"""

from __future__ import annotations

import json
from typing import Any

from quiz.deck import fields as F
from quiz.deck.model import QUESTION_TYPES

TEXT = {"type": ["string", "number"]}
"""A text: numbers are read back as the text written."""


def _field_schema(field: F.Field) -> dict[str, Any]:
    return {"description": field.doc, **_shape(field)}


def _shape(field: F.Field) -> dict[str, Any]:
    kind = field.kind
    if kind == "slug":
        return {"type": "string", "pattern": f"^{F.SLUG.pattern}$"}
    if kind == "text":
        return _text(field)
    if kind == "texts":
        alone = {**TEXT, "minLength": 1}  # `tags: history`; `tags: ""` is no list
        return {"anyOf": [_list(field), alone]} if field.alone else _list(field)
    if kind == "blanks":  # a cloze's `accept`: {c1: [form, ...]}
        return {
            "type": "object",
            "propertyNames": {"pattern": "^c[0-9]+$"},
            "additionalProperties": _list(field),
        }
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "source":
        return _object(F.SOURCE_FIELDS)
    if kind == "questions":
        return {"type": "array", "minItems": 1, "items": _question_schema()}
    raise ValueError(f"no schema for fields of kind {kind!r}")


def _text(field: F.Field) -> dict[str, Any]:
    """A text field: not empty when required, and matching the field's pattern if any."""
    shape: dict[str, Any] = dict(TEXT)
    if field.required:
        shape["minLength"] = 1
    if field.pattern is not None:
        shape["pattern"] = f"^{field.pattern.pattern}$"
    return shape


def _list(field: F.Field) -> dict[str, Any]:
    """A list of texts, with the counts, distinct and filled entries the rules ask for."""
    least, most = field.entries
    item: dict[str, Any] = {"enum": list(field.known)} if field.known else dict(TEXT)
    if field.filled:
        item["minLength"] = 1
    shape: dict[str, Any] = {"type": "array", "items": item}
    if least:
        shape["minItems"] = least
    if most is not None:
        shape["maxItems"] = most
    if field.distinct:
        shape["uniqueItems"] = True
    return shape


def _object(table: tuple[F.Field, ...], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.name: _field_schema(f) for f in table} | (extra or {}),
        "required": [f.name for f in table if f.required],
        "additionalProperties": False,
    }


def _question_schema() -> dict[str, Any]:
    """One branch per type, chosen by the `type` key, so editors offer the right fields."""
    branches = []
    for kind in QUESTION_TYPES:
        table = (*F.COMMON_FIELDS, *F.TYPE_FIELDS[kind])
        then = _object(table, {"type": {"const": kind}})
        branches.append({"if": {"properties": {"type": {"const": kind}}}, "then": then})
    return {
        "type": "object",
        "required": ["id", "type"],
        "properties": {"type": {"enum": list(QUESTION_TYPES)}},
        "allOf": branches,
    }


def deck_schema() -> dict[str, Any]:
    """The whole schema as a JSON-ready dictionary."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "quiz deck",
        "description": "One YAML file is one deck of questions; see decks/README.md.",
        **_object(F.DECK_FIELDS),
    }


def schema_json() -> str:
    """The schema as the text `quiz schema` prints and `decks/schema.json` holds."""
    return json.dumps(deck_schema(), indent=2, ensure_ascii=False) + "\n"
