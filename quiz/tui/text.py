"""How a question introduces itself on screen and in `quiz stats`: plain strings, no Textual."""

from __future__ import annotations

from quiz.deck.model import AnyQuestion, ClozeQuestion

KIND_NAMES = {
    "choice": "One answer",
    "multi": "Several answers",
    "truefalse": "True or false",
    "text": "Type the answer",
    "cloze": "Fill the blanks",
    "order": "Put in order",
}


def prompt_of(question: AnyQuestion) -> str:
    """The question's prompt; a cloze, which has none, reads as its text with blanks."""
    if isinstance(question, ClozeQuestion) and not question.prompt:
        return question.with_blanks()
    return question.prompt


def heading_of(question: AnyQuestion) -> str:
    """`Several answers · History`: the kind of question and its section."""
    kind = KIND_NAMES[question.kind]
    return f"{kind} · {question.section}" if question.section else kind
