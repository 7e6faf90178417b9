"""One browser tab's app process: textual-serve's `AppService`, bounded in size and in life.

textual-serve starts the app through a shell, takes any terminal size the page asks for
and, when a tab goes, asks the app to quit and waits for ever. An app that was writing
a huge screen to a tab that went away never reads that request: it hung writing, with
the history file open. Here the app is started directly, in a process group of its own
(so it can be ended whole) that dies with the server (Linux's parent-death signal: a
server killed with SIGKILL leaves no app behind); the size is clamped; and an app that
has not quit within a grace period is ended with SIGTERM, then SIGKILL.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import shlex
import signal
import sys
from asyncio.subprocess import PIPE, Process
from collections.abc import Callable, Sequence
from typing import Any

from textual_serve.app_service import AppService

MAX_COLUMNS = 300
MAX_ROWS = 120
"""Wider than a 4K screen shows at a readable font size; a bigger ask only makes work."""

QUIT_GRACE = 1.5
TERM_GRACE = 1.5
"""Seconds an app gets to quit when asked, then to end on SIGTERM, before SIGKILL: stopping
the server ends every app within 5 s. Answers are saved as they are given, so nothing
is lost when an app is killed."""

PR_SET_PDEATHSIG = 1


def clamped(width: int, height: int) -> tuple[int, int]:
    """The terminal size an app is given for the one a page asked for."""
    return max(1, min(width, MAX_COLUMNS)), max(1, min(height, MAX_ROWS))


def dies_with_parent() -> Callable[[], None] | None:
    """A function for the child, between fork and exec, that asks Linux to send it SIGKILL
    when the server dies (the signal survives exec); None where there is no prctl.

    libc is looked up here, in the server, so the child only makes the call. A server
    that died before the call leaves the child with another parent: it exits at once.
    """
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    server = os.getpid()

    def in_child() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != server:
            os._exit(1)

    return in_child


class QuizAppService(AppService):
    """An app process for one tab (see the module's docstring for what differs)."""

    def __init__(self, argv: Sequence[str], **kwargs: Any) -> None:
        super().__init__(shlex.join(argv), **kwargs)
        self.argv = tuple(argv)
        self._stopping = False

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=PIPE,
            stdout=PIPE,
            stderr=PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
            preexec_fn=dies_with_parent(),
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def start(self, width: int, height: int) -> None:
        await super().start(*clamped(width, height))

    async def set_terminal_size(self, width: int, height: int) -> None:
        await super().set_terminal_size(*clamped(width, height))

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def stop(self) -> None:
        """Ask the app to quit; end its process group if it has not within the grace
        periods. Never waits on the tab: a tab that went away may never take the output
        the app was writing. Safe to call more than once."""
        process = self._process
        if process is None or self._stopping:
            return
        self._stopping = True
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.send_meta({"type": "quit"}), QUIT_GRACE)
        for ending, grace in ((None, QUIT_GRACE), (signal.SIGTERM, TERM_GRACE)):
            if ending is not None:
                _signal_group(process, ending)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), grace)
                break
        else:
            _signal_group(process, signal.SIGKILL)
            await process.wait()
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None


def _signal_group(process: Process, number: int) -> None:
    """Send `number` to the process group the app leads, unless it has been reaped (then
    its id may be another process's)."""
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, number)
