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

NAME_LENGTH = 32
"""How much of a prompt names its question in a notice: enough to tell apart prompts that
begin alike ("In which city does Algeria…", "In which city does Mali…"), short enough
for a toast."""


def prompt_of(question: AnyQuestion) -> str:
    """The question's prompt; a cloze, which has none, reads as its text with blanks."""
    if isinstance(question, ClozeQuestion) and not question.prompt:
        return question.with_blanks()
    return question.prompt


def heading_of(question: AnyQuestion) -> str:
    """`Several answers · History`: the kind of question and its section."""
    kind = KIND_NAMES[question.kind]
    return f"{kind} · {question.section}" if question.section else kind


def named(question: AnyQuestion) -> str:
    """`"In which city does Mali have its…"`: the question as a learner knows it, by the
    start of its prompt on one line, cut at a word with an ellipsis. Notices name questions
    so; the ids are the deck author's, which a learner never sees."""
    words = " ".join(prompt_of(question).split())
    if len(words) > NAME_LENGTH:
        head = words[: NAME_LENGTH + 1]
        words = (head.rsplit(" ", 1)[0] if " " in head else words[:NAME_LENGTH]) + "…"
    return f'"{words}"'
