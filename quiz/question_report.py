"""Per-question figures as text: what `quiz stats --questions` prints for authors.

For choice questions it lists how often each wrong option was picked, including the
options nobody picked: a distractor that never tempts anyone is not doing its job.
"""

from __future__ import annotations

from quiz.deck.model import AnyQuestion, ChoiceQuestion, Deck
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
        lines.extend(_distractor_lines(question, entry))
    return lines


def _distractor_lines(question: AnyQuestion, entry: QuestionStats) -> list[str]:
    if not isinstance(question, ChoiceQuestion):
        return []
    wrong = [c for c in question.choices if c != question.answer]
    return [f"    {entry.wrong_picks[c]:>3}× {c}" for c in wrong]
