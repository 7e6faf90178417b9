"""The quiz itself: answer checking, question selection and a run's state. Knows no UI.

Import from the modules (`quiz.play.scoring`, `quiz.play.session`, ...): the package
loads none of them, so `quiz stats` can use `quiz.play.figures` without loading the
answer checking.
"""
