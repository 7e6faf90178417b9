"""An exclusive lock on a small file beside the store, held for one short step at a time.

Opening the store looks at the file, may set a damaged one aside and start a new one:
two processes doing that at once would each set a file aside, the second one the store
the first had just started, rows and all. The operating system drops the lock when its
holder exits or is killed, so a killed quiz never leaves the store locked.
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

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


@contextmanager
def exclusive(path: Path, timeout: float) -> Iterator[None]:
    """Hold the lock on `path` (created if missing) for the block; wait at most `timeout`
    seconds for another holder, then raise TimeoutError.

    The file is never removed: a process that removed it could let a second one lock a
    new file of that name while a third still holds the old one.
    """
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(descriptor):
            if time.monotonic() > deadline:
                raise TimeoutError(errno.EBUSY, "another program kept it locked for too long")
            time.sleep(POLL_SECONDS)
        yield
    finally:
        os.close(descriptor)  # closing the file releases the lock
