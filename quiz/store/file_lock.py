"""Locks on small files beside the store: a turn at opening it, and a sign of using it.

Opening the store looks at the file, may set a damaged one aside and start a new one:
two processes doing that at once would each set a file aside, the second one the store
the first had just started, rows and all; so they take turns (`exclusive`). Every
process using the store holds a shared lock on another file (`hold_shared`), so that
the one opening can tell whether anyone else is using it (`held_by_others`). The
operating system drops a lock when its holder exits or is killed, so a killed quiz
never leaves the store locked, nor counts as using it.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POLL_SECONDS = 0.005

if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _share(descriptor: int) -> None:
        """Windows has no shared locks: no one is seen using the store, which only costs
        a whole-file check that was not needed."""

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _share(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_SH)


@contextmanager
def exclusive(path: Path, timeout: float) -> Iterator[None]:
    """Hold the lock on `path` (created if missing) for the block; wait at most `timeout`
    seconds for another holder, then raise TimeoutError.

    The file is never removed: a process that removed it could let a second one lock a
    new file of that name while a third still holds the old one.
    """
    descriptor = _open(path)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(descriptor):
            if time.monotonic() > deadline:
                raise TimeoutError(errno.EBUSY, "another program kept it locked for too long")
            time.sleep(POLL_SECONDS)
        yield
    finally:
        os.close(descriptor)  # closing the file releases the lock


def hold_shared(path: Path) -> int:
    """A shared lock on `path`, held until the returned descriptor is closed.

    Only `held_by_others`, for an instant, takes this file's lock exclusively, and only
    from inside an `exclusive` turn, as this is called: so this never waits.
    """
    descriptor = _open(path)
    try:
        _share(descriptor)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def held_by_others(path: Path) -> bool:
    """Whether another descriptor, of this process or another, holds `hold_shared`'s lock."""
    try:
        descriptor = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False  # no one has held it yet
    try:
        return not _try_lock(descriptor)
    finally:
        os.close(descriptor)


def _open(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
