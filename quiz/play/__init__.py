"""The quiz itself: answer checking, question selection and a run's state. Knows no UI."""

from quiz.play.scoring import Given, Verdict, check_answer
from quiz.play.selection import QuizOptions
from quiz.play.session import AnswerRecord, Phase, QuizSession

__all__ = [
    "AnswerRecord",
    "Given",
    "Phase",
    "QuizOptions",
    "QuizSession",
    "Verdict",
    "check_answer",
]
