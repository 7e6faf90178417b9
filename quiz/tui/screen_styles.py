"""A screen's stylesheet read the first time the screen is shown, without restyling the app.

Textual, when a screen brings a stylesheet it has not read, parses every stylesheet of
the app again (each widget's defaults included) and restyles every node of every screen
open: 50–80 ms on the UI thread, the longest wait of a key press on the way to the
statistics or a study sitting. The app's screens nest every rule under their own type
(`StatsScreen { ... }`) or under a widget type of the app's own (`AnswerFeedback`), which
tests/tui/test_screen_styles.py checks, so a new file's rules can style no node already
on screen: the stylesheet parses that file alone (Textual keeps the others parsed) and
only the screen about to be shown is styled again.
"""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet
from textual.screen import Screen


def add_screen_styles(stylesheet: Stylesheet, screen: Screen[object]) -> bool:
    """Read the files of `screen`'s `CSS_PATH` not read yet, and style the screen with
    them; False, leaving everything to Textual, for a screen with inline `CSS`."""
    if screen.CSS:
        return False
    new = [path for path in screen.css_path if not stylesheet.has_source(str(path))]
    if new:
        for path in new:
            stylesheet.read(path)
        stylesheet.parse()
        stylesheet.update(screen)
    return True
