"""Property tests: whatever bytes or YAML a deck file holds, loading ends in a deck or errors."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.deck.loader import load_deck

VALID = (Path(__file__).parents[1] / "decks" / "every-type.yaml").read_text(encoding="utf-8")

scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(), st.floats())
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "deck",
                    "title",
                    "questions",
                    "id",
                    "type",
                    "prompt",
                    "answer",
                    "choices",
                    "answers",
                    "items",
                    "text",
                    "quote",
                    "x",
                ]
            ),
            inner,
            max_size=6,
        ),
    ),
    max_leaves=30,
)


def load_text(data: bytes) -> None:
    """Load `data` as a deck file and check the result is a deck or well-located errors."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.yaml"
        path.write_bytes(data)
        result = load_deck(path)
    assert (result.deck is None) == bool(result.errors)
    for error in result.errors:
        assert error.line >= 1
        assert error.column >= 1
        assert error.message
        assert "\n" not in error.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_random_bytes(data: bytes) -> None:
    load_text(data)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_random_yaml_structures(document: object) -> None:
    load_text(yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_valid_deck(data: st.DataObject) -> None:
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 8))
        insert = data.draw(st.text(alphabet=":-[]{}&*!|>'\"#\n ab1", max_size=4))
        text = text[:position] + insert + text[position + cut :]
    load_text(text.encode("utf-8"))
