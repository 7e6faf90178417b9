"""Which questions a quiz asks: the learner's options and the seeded pick. Pure; no UI."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from quiz.deck.model import Deck
from quiz.deck.questions import Questions


@dataclass(frozen=True, slots=True)
class QuizOptions:
    """What the learner chose before starting.

    `sections` and `tags` are the ones to include; `None` means no filter. A question
    is kept when its section is included and at least one of its tags is (a question
    without tags passes the tag filter, as there is nothing to exclude it by).
    `count` caps the number of questions; `None` asks them all. `questions` keeps only the
    questions of those ids (`quiz play --missed`: those missed in earlier quizzes).
    """

    count: int | None = None
    sections: frozenset[str] | None = None
    tags: frozenset[str] | None = None
    shuffle: bool = True
    questions: frozenset[str] | None = None

    @property
    def filters_nothing(self) -> bool:
        """True when every question is included, so none needs looking at."""
        return self.sections is None and self.tags is None and self.questions is None

    def keeps(self, question_id: str, section: str, tags: tuple[str, ...]) -> bool:
        """Whether the question of this id, section and tags is asked."""
        if self.questions is not None and question_id not in self.questions:
            return False
        if self.sections is not None and section not in self.sections:
            return False
        return self.tags is None or not tags or bool(self.tags.intersection(tags))

    def matching(self, questions: Questions) -> list[int]:
        """The positions of the questions asked, in order, read from the columns `Questions`
        keeps beside each question: a filter over a big deck builds none of them, so the
        options dialog can count the matches again on every tick."""
        if self.filters_nothing:
            return list(range(len(questions)))
        columns = questions.ids(), questions.sections(), questions.tag_lists()
        kept = map(self.keeps, *columns)
        return [n for n, keep in enumerate(kept) if keep]

    def to_json(self) -> str:
        """The options as the history keeps them with a run (sets as sorted lists)."""
        fields = {
            "count": self.count,
            "sections": _listed(self.sections),
            "tags": _listed(self.tags),
            "shuffle": self.shuffle,
            "questions": _listed(self.questions),
        }
        return json.dumps(fields, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> QuizOptions:
        """Options as `to_json` wrote them; the defaults for a run saved without any."""
        if text is None:
            return cls()
        fields = json.loads(text)
        return cls(
            count=fields["count"],
            sections=_set(fields["sections"]),
            tags=_set(fields["tags"]),
            shuffle=fields["shuffle"],
            questions=_set(fields["questions"]),
        )


def _listed(names: frozenset[str] | None) -> list[str] | None:
    return None if names is None else sorted(names)


def _set(names: list[str] | None) -> frozenset[str] | None:
    return None if names is None else frozenset(names)


def select_questions(deck: Deck, options: QuizOptions, seed: int) -> Questions:
    """The questions of one run, in the order they will be asked.

    Positions are shuffled, not questions (the same order for a seed), so a run over a
    big deck builds its questions only as it reaches them.
    """
    questions = deck.questions
    chosen = options.matching(questions)
    if options.shuffle:
        random.Random(f"{seed}:{deck.id}").shuffle(chosen)
    if options.count is not None:
        chosen = chosen[: max(options.count, 0)]
    return questions.select(chosen)
