"""A deck's questions as a sequence that builds each question the first time it is reached.

Why: a 100,000-question deck's frozen question objects take over a second to build or
to unpickle, while a quiz shows one question at a time and the deck list only counts
them. So a deck keeps, for each question, its values encoded by `marshal` (one bytes
object: the cache reads 100,000 of them in a few hundredths of a second) and builds the
question when it is first asked for, keeping it; ids, types, sections and tags are kept
beside them as plain columns, read without building anything. A quiz's questions are
the deck's in another order, sharing what is built. Immutable like the rest of the
model: nothing can be set, and equal values build equal questions. To code that
iterates, indexes, slices or compares, it is a tuple of questions.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast, overload

if TYPE_CHECKING:  # the model's classes, defined when a question is first built
    from quiz.deck.model import AnyQuestion


class Columns(NamedTuple):
    """What is read of every question without building it, one tuple per field."""

    ids: tuple[str, ...]
    kinds: tuple[str, ...]
    sections: tuple[str, ...]
    tags: tuple[tuple[str, ...], ...]


def encoded(question: AnyQuestion) -> bytes:
    """The question's field values, in its class's order, as `marshal` writes them."""
    _, names = question_class(question.kind)
    return marshal.dumps(tuple(getattr(question, name) for name in names))


def decoded(kind: str, data: bytes) -> AnyQuestion:
    """The question of type `kind` whose values `encoded` wrote."""
    cls, names = question_class(kind)
    values: dict[str, Any] = dict(zip(names, marshal.loads(data), strict=True))
    return cls(**values)


@cache
def question_class(kind: str) -> tuple[type[AnyQuestion], tuple[str, ...]]:
    """The class of the type `kind` and its fields' names, in order; the model is imported
    with the first question built, not with a deck that only counts its questions."""
    from dataclasses import fields

    from quiz.deck.model import QUESTION_CLASSES

    cls = QUESTION_CLASSES[kind]
    return cls, tuple(field.name for field in fields(cls))


class Questions(Sequence["AnyQuestion"]):
    """A deck's questions in order, each built when first reached."""

    __slots__ = ("_built", "_columns", "_encoded", "_order")

    def __init__(
        self,
        columns: Columns,
        encoded: tuple[bytes, ...] | None,
        built: list[AnyQuestion | None],
        order: Sequence[int],
    ) -> None:
        """Use `of` or `select`; `encoded` may be None only when every question is built."""
        self._columns = columns
        self._encoded = encoded
        self._built = built
        self._order = order

    @classmethod
    def of(cls, questions: Iterable[AnyQuestion]) -> Questions:
        """These questions, built already (by the validator, an importer or a test)."""
        kept = tuple(questions)
        columns = Columns(
            tuple(q.id for q in kept),
            tuple(q.kind for q in kept),
            tuple(q.section for q in kept),
            tuple(q.tags for q in kept),
        )
        return cls(columns, None, list(kept), range(len(kept)))

    @classmethod
    def read_back(cls, columns: Columns, encoded: tuple[bytes, ...]) -> Questions:
        """The questions as pickled (`__reduce__`): none built yet."""
        return cls(columns, encoded, [None] * len(encoded), range(len(encoded)))

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> AnyQuestion: ...

    @overload
    def __getitem__(self, index: slice) -> Questions: ...

    def __getitem__(self, index: int | slice) -> AnyQuestion | Questions:
        if isinstance(index, slice):
            return self.select(range(len(self))[index])
        at = self._order[index]
        question = self._built[at]
        if question is None:
            data = cast(tuple[bytes, ...], self._encoded)[at]
            question = self._built[at] = decoded(self._columns.kinds[at], data)
        return question

    def __iter__(self) -> Iterator[AnyQuestion]:
        return (self[n] for n in range(len(self)))

    def select(self, positions: Iterable[int]) -> Questions:
        """The questions at `positions`, in that order, sharing what is built."""
        order = list(map(self._order.__getitem__, positions))
        return Questions(self._columns, self._encoded, self._built, order)

    def ids(self) -> list[str]:
        """Every question's id, in order."""
        return list(map(self._columns.ids.__getitem__, self._order))

    def positions(self) -> dict[str, int]:
        """Each question's position by its id, to find a question without building others."""
        return {question_id: n for n, question_id in enumerate(self.ids())}

    def kinds(self) -> list[str]:
        """Every question's type, in order."""
        return list(map(self._columns.kinds.__getitem__, self._order))

    def sections(self) -> list[str]:
        """Every question's section ("" for none), in order."""
        return list(map(self._columns.sections.__getitem__, self._order))

    def tag_lists(self) -> list[tuple[str, ...]]:
        """Every question's tags, in order."""
        return list(map(self._columns.tags.__getitem__, self._order))

    def __eq__(self, other: object) -> bool:
        """Equal to questions (a tuple or list too) that are equal one by one."""
        if not isinstance(other, Questions | tuple | list):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Questions({list(self)!r})"

    def __reduce__(self) -> tuple[object, tuple[Columns, tuple[bytes, ...]]]:
        """Pickled as its columns and encoded values: a hundred thousand bytes objects
        load ten times faster than as many question objects."""
        columns = Columns(
            tuple(self.ids()), tuple(self.kinds()), tuple(self.sections()), tuple(self.tag_lists())
        )
        if self._encoded is None:
            data = tuple(encoded(cast("AnyQuestion", self._built[at])) for at in self._order)
        else:
            data = tuple(map(self._encoded.__getitem__, self._order))
        return (Questions.read_back, (columns, data))
