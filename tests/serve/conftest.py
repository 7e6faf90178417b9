"""`quiz serve` as a learner meets it: the command in a process of its own, its URL read
from what it prints, tabs opened with aiohttp's websocket client (or a real browser,
`test_browser.py`), and the app processes it runs found among its children in /proc.

Tests wait on conditions (a screen's text, a process gone) with generous limits; the
limits that are the feature's own (30 s for a dead connection, 5 s to stop) are asserted
as they are.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

DECK = Path(__file__).parent / "two-questions.yaml"
WAIT_SECONDS = 60.0
CONTROL_SEQUENCE = re.compile(
    r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, colour queries
    r"|\x1bP[^\x1b]*\x1b\\"  # DCS
    r"|\x1b[=>()][0-9A-B]?"
)
"""Cursor moves, colours, mode switches and queries: removed, the rest is the text drawn."""


def screen_text(frames: list[bytes]) -> str:
    """What the app wrote to its terminal, without the escape codes (in writing order)."""
    return CONTROL_SEQUENCE.sub("", b"".join(frames).decode("utf-8", "replace"))


def wait_until(condition: Callable[[], bool], what: str, seconds: float = WAIT_SECONDS) -> float:
    """Poll `condition` until it holds; the seconds it took. Fails after `seconds`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            pytest.fail(f"waited {seconds:.0f} s for {what}")
        time.sleep(0.05)
    return time.monotonic() - start


def alive(pid: int) -> bool:
    """Whether process `pid` runs (a zombie has ended).

    A process reaped while its stat file is read leaves the file open but unreadable:
    `ProcessLookupError` then, rather than `FileNotFoundError`.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def children(pid: int) -> set[int]:
    """The live processes whose parent is `pid`."""
    found = set()
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, IndexError):
            if entry.name.isdigit():
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
                if int(fields[1]) == pid and fields[0] != "Z":
                    found.add(int(entry.name))
    return found


@dataclass
class Served:
    """A running `quiz serve`: its process, its printed URL, and what it said on stderr."""

    process: subprocess.Popen[str]
    url: str

    @property
    def base(self) -> str:
        return self.url.split("/?", 1)[0]

    @property
    def token(self) -> str:
        return self.url.rpartition("token=")[2]

    def websocket_url(self, token: str | None = None, width: int = 80, height: int = 24) -> str:
        ws_base = self.base.replace("http://", "ws://", 1)
        return f"{ws_base}/ws/{token or self.token}?width={width}&height={height}"

    def apps(self) -> set[int]:
        return children(self.process.pid)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(*args: str, decks: tuple[Path, ...] = (DECK,)) -> Served:
    """`quiz serve --no-open --port 0 ARGS DECKS`, once it has printed its URL."""
    command = [sys.executable, "-m", "quiz", "serve", "--no-open", "--port", "0", *args]
    process = subprocess.Popen(
        [*command, *map(str, decks)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if match := re.search(r"http://\S+", line):
            return Served(process, match.group())
    process.wait()
    assert process.stderr is not None
    pytest.fail(f"quiz serve printed no URL: {process.stderr.read()}")


@pytest.fixture
def served() -> Iterator[Served]:
    server = start_server()
    yield server
    server.stop()


class Tab:
    """A browser tab as the server sees it: a websocket whose frames are the app's screen."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self.frames: list[bytes] = []

    async def read_until(self, text: str, seconds: float = WAIT_SECONDS) -> str:
        """Take frames until the screen has shown `text`; the screen's text so far."""
        async with asyncio.timeout(seconds):
            while text not in screen_text(self.frames):
                message = await self.websocket.receive()
                if message.type is aiohttp.WSMsgType.BINARY:
                    self.frames.append(message.data)
                elif message.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.PING):
                    pytest.fail(f"the connection ended before {text!r}: {screen_text(self.frames)}")
        return screen_text(self.frames)

    async def send_keys(self, keys: str) -> None:
        await self.websocket.send_json(["stdin", keys])


@contextlib.asynccontextmanager
async def open_tab(url: str, origin: str | None, *, autoping: bool = True) -> AsyncIterator[Tab]:
    """A websocket to `url`, sending `origin` as a browser would (None: no Origin).
    Without `autoping` it answers no ping: a tab whose connection died."""
    headers = {"Origin": origin} if origin is not None else {}
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(url, headers=headers, autoping=autoping) as websocket,
    ):
        yield Tab(websocket)


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    pairs = (item.decode().partition("=") for item in raw if item)
    return {name: value for name, _, value in pairs}
