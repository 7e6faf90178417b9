"""Where things live on disk: the bundled decks and the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quiz"
DATA_DIR_ENV = "QUIZ_DATA_DIR"
CACHE_DIR_ENV = "QUIZ_CACHE_DIR"


def bundled_decks_dir() -> Path:
    """The decks that ship with the app.

    Installed from a wheel they sit inside the package (`quiz/_bundled_decks`, see
    pyproject.toml); in a checkout or an editable install they are the repository's
    top-level `decks/` folder.
    """
    package = Path(__file__).resolve().parent
    installed = package / "_bundled_decks"
    return installed if installed.is_dir() else package.parent / "decks"


def data_dir() -> Path:
    """The user's data directory (history, study state); `QUIZ_DATA_DIR` overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def store_path() -> Path:
    """The SQLite file that holds history, study state and export times."""
    return data_dir() / "quiz.sqlite3"


def deck_cache_dir() -> Path:
    """Where loaded decks are cached (see `quiz.deck.cache`); `QUIZ_CACHE_DIR` overrides it.

    With `QUIZ_DATA_DIR` set, the cache sits inside it, so a test or a portable setup
    that moves the data keeps everything in that one folder.
    """
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    if os.environ.get(DATA_DIR_ENV):
        return data_dir() / "cache" / "decks"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / "decks"
