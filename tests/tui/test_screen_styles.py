"""A screen's stylesheet, read when the screen is first shown, styles that screen alone.

`quiz.tui.screen_styles` reads it without restyling the screens already open, which is
right only while each rule can match nothing but the nodes of its own screen (or of a
widget type of the app's own): what the first test checks of every stylesheet.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import pkgutil
from itertools import groupby
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from textual.app import App
from textual.css.model import SelectorType
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widget import Widget

import quiz.tui.screens
import quiz.tui.widgets
from quiz.tui.app import QuizApp
from quiz.tui.screens.stats import StatsScreen

from .conftest import settled

T = TypeVar("T")


def classes_of(package: ModuleType, base: type[T]) -> list[type[T]]:
    """The subclasses of `base` defined in the modules of `package`."""
    found: list[type[T]] = []
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        found += [
            cls
            for cls in vars(module).values()
            if inspect.isclass(cls) and issubclass(cls, base) and cls.__module__ == module.__name__
        ]
    return found


def test_every_rule_of_a_screen_starts_from_that_screen_or_its_widget() -> None:
    """A screen's own file nests its rules under the screen's type; a widget's file (in
    widgets/, named after its module) under that widget's type."""
    widgets = {
        module: {cls.__name__ for cls in found}
        for module, found in groupby(classes_of(quiz.tui.widgets, Widget), lambda c: c.__module__)
    }
    variables = App().get_css_variables()
    screens = classes_of(quiz.tui.screens, Screen)
    assert len([screen for screen in screens if screen.CSS_PATH]) > 10
    for screen in screens:
        assert not screen.CSS, f"{screen.__name__}: styles belong in its .tcss file"
        named = screen.CSS_PATH
        for path in named if isinstance(named, list) else [named] if named else []:
            file = (Path(inspect.getfile(screen)).parent / path).resolve()
            if file.parent.name == "widgets":
                allowed = widgets[f"quiz.tui.widgets.{file.stem}"]
            else:
                allowed = {screen.__name__}
            stylesheet = Stylesheet(variables=variables)
            stylesheet.read(file)
            for rule in stylesheet.rules:
                for selectors in rule.selector_set:
                    first = selectors.selectors[0]
                    assert first.type == SelectorType.TYPE, f"{file.name}: {selectors.css}"
                    assert first.name in allowed, f"{file.name}: {selectors.css}"


async def test_a_screen_is_styled_by_its_file_when_first_shown(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert not any("stats.tcss" in path for path, _ in app.stylesheet.source)
        await pilot.press("t")
        await settled(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert app.screen.query_one("#body").styles.padding.left == 1  # from stats.tcss


async def test_the_app_keeps_its_objects_from_the_collector_while_it_runs(app: QuizApp) -> None:
    """Frozen once the first screen is up, given back when the app closes: tests run
    app after app in one process, and each one's objects must be freed after it."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
