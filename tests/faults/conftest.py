"""The real app in a pseudo-terminal: keys in, screen text out, and a reader of its store.

The app runs as `python -m quiz` in a pty of 80×24, as in a terminal window, so it is
killed with its own SIGKILL and not a test's cleanup. Tests wait on what the screen
shows (key names in the footer tell the screens apart) and on what the store holds,
polling with generous time limits; no sleep stands in for a condition.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

WAIT_SECONDS = 60.0
"""The longest any one step may take: far above the second it needs, for slow CI machines."""

POLL_SECONDS = 0.02

CONTROL_SEQUENCE = re.compile(rb"\x1b\[[0-9;?<>=$]*[A-Za-z~]|\x1b\][^\x07]*\x07|\x1b[=>]")
"""Cursor moves, colours and mode switches: removed, the rest is the text on screen."""


def wait_until(condition: Callable[[], bool], what: str, describe: Callable[[], str]) -> None:
    """Poll `condition` until it holds; fail with `describe()` after `WAIT_SECONDS`."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {WAIT_SECONDS:.0f} s for {what}; last screen:\n{describe()}")
        time.sleep(POLL_SECONDS)


class Terminal:
    """`quiz ARGS` running in a pseudo-terminal, its output collected by a thread."""

    def __init__(self, args: list[str], data_dir: Path) -> None:
        master, child_end = os.openpty()
        fcntl.ioctl(child_end, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir), "TERM": "xterm-256color"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "quiz", *args],
            stdin=child_end,
            stdout=child_end,
            stderr=child_end,
            env=env,
            start_new_session=True,
        )
        os.close(child_end)
        self._master = master
        self._output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self._master, 65536)
            except OSError:  # EIO: the app has gone and the pty is closed
                return
            if not data:
                return
            with self._lock:
                self._output.extend(data)

    def mark(self) -> int:
        """A place in the output: `wait_for` looks only at what comes after it."""
        with self._lock:
            return len(self._output)

    def text(self, since: int = 0) -> str:
        with self._lock:
            data = bytes(self._output[since:])
        return CONTROL_SEQUENCE.sub(b"", data).decode("utf-8", errors="replace")

    def press(self, keys: str) -> int:
        """Type `keys` (raw bytes as a terminal sends them); returns the mark before them."""
        since = self.mark()
        os.write(self._master, keys.encode("utf-8"))
        return since

    def wait_for(self, text: str, since: int) -> None:
        """Wait until `text` is drawn after `since`."""
        wait_until(
            lambda: text in self.text(since),
            f"{text!r} on screen",
            lambda: self.text()[-2000:],
        )

    def kill(self) -> None:
        """SIGKILL: no cleanup in the app, no last commit, the WAL left as it is."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=WAIT_SECONDS)

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        self._reader.join(timeout=WAIT_SECONDS)
        os.close(self._master)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """Start `quiz ARGS` in a terminal with its data in `tmp_path/data`; killed at the end."""
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        started.append(Terminal(list(args), tmp_path / "data"))
        return started[-1]

    yield start
    for terminal in started:
        terminal.close()


def read_store(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of `sql` from the store, read-only, as another process sees it now."""
    if not path.exists():
        return []
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)) as db:
        try:
            return db.execute(sql).fetchall()
        except sqlite3.OperationalError as exc:  # created but its tables not yet committed
            if "no such table" in str(exc):
                return []
            raise


def write_deck(folder: Path, count: int) -> Path:
    """A deck of `count` true-or-false statements, all true: `t` is right, `f` wrong."""
    lines = ["deck: faults", "title: Faults", "questions:"]
    for number in range(1, count + 1):
        lines += [
            f"  - id: s{number}",
            "    type: truefalse",
            f"    prompt: Statement number {number} is true.",
            "    answer: true",
        ]
    path = folder / "faults.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
