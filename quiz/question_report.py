"""Per-question figures as text: what `quiz stats --questions` prints for authors.

For choice questions it lists how often each wrong option was picked, including the
options nobody picked: a distractor that never tempts anyone is not doing its job.
The statistics screen shows the same counts, from `distractor_picks`. No Textual here.
"""

from __future__ import annotations

from quiz.deck.errors import shown
from quiz.deck.model import AnyQuestion, ChoiceQuestion, Deck
from quiz.play.record import given_json
from quiz.store.question_stats import QuestionStats


def question_lines(deck: Deck, stats: dict[str, QuestionStats]) -> list[str]:
    """One line per asked question (hardest first), then its distractor counts if it has any."""
    asked = [q for q in deck.questions if q.id in stats]
    asked.sort(key=lambda q: (stats[q.id].share_right, q.line))
    lines = [f"{'question':<32} {'asked':>5} {'right':>6} {'median':>7}"]
    for question in asked:
        entry = stats[question.id]
        lines.append(
            f"{question.id[:32]:<32} {entry.asked:>5} {entry.share_right:>6.0%} "
            f"{entry.median_seconds:>6.1f}s"
        )
        lines.extend(
            f"    {count:>3}× {shown(choice)}"
            for choice, count in distractor_picks(question, entry)
        )
    return lines


def distractor_picks(question: AnyQuestion, entry: QuestionStats) -> list[tuple[str, int]]:
    """Each wrong option of a choice question, in deck order, with how often it was picked.

    The history keeps answers as the quiz saved them (JSON), so each option is looked up
    in that form. Other types of question have no options to count: an empty list.
    """
    if not isinstance(question, ChoiceQuestion):
        return []
    wrong = [c for c in question.choices if c != question.answer]
    return [(choice, entry.wrong_picks[given_json(choice)]) for choice in wrong]
