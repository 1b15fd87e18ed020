"""Learning of new rows of the class log without reading the log on a timer.

A thread with a connection of its own waits on the store's change signal (SQLite's
``PRAGMA data_version``, a cheap read that moves only when another connection commits;
PostgreSQL's LISTEN/NOTIFY, with a full read after a reconnect: both inside
``wait_for_rows``). Only when the log has grown does it call ``moved``, and then it waits
until the caller has read the new rows (``handled``), so an idle screen reads no rows at all.

On SQLite the thread polls ``data_version`` every 15 ms while the class is busy and every
50 ms once no row has come for a second: six processes polling at 15 ms spent
about 4% of a core doing nothing, and a row after a quiet spell now waits at most 35 ms
longer (the aim for a row reaching the others is 100 ms at p95).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .store import POLL_SECONDS

if TYPE_CHECKING:
    from .store import BaseClassStore

WAKE_SECONDS = 0.5
"""The longest the thread waits before it looks whether it should stop."""

IDLE_POLL_SECONDS = 0.05
"""SQLite: how often ``data_version`` is read once the class has been quiet a while."""

QUIET_SECONDS = 1.0
"""SQLite: after this long without a new row, the idle poll interval. (Presence commits,
one per seat every 20 s, do not count: they would keep six seats polling quickly.)"""


def poll_interval(quiet: float) -> float:
    """The pause between two reads of ``data_version``, ``quiet`` seconds after the last
    new row: quick while rows are coming, slower when the class is idle."""
    return POLL_SECONDS if quiet < QUIET_SECONDS else IDLE_POLL_SECONDS


class LogWatcher:
    """Calls ``moved`` (from its own thread) when the class log has rows after ``applied()``."""

    def __init__(
        self,
        db: str | Path,
        class_id: str,
        applied: Callable[[], int],
        moved: Callable[[], object],
    ) -> None:
        self.db = db
        self.class_id = class_id
        self.applied = applied
        self.moved = moved
        self._stop = threading.Event()
        self._read = threading.Event()
        self.last_change = time.monotonic()  # the last new rows seen (SQLite's poll speed)
        self.thread = threading.Thread(target=self._run, name="class-log-watcher", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def handled(self) -> None:
        """The caller has read the rows it was told of: look for the next ones."""
        self._read.set()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the thread and let its connection go."""
        self._stop.set()
        self._read.set()
        if self.thread.is_alive() and threading.current_thread() is not self.thread:
            self.thread.join(timeout)

    def _run(self) -> None:
        from .pgstore import open_store
        from .store import ClassError

        try:
            store = open_store(self.db)
        except ClassError:
            return  # the screen's own connection says what is wrong with the class
        try:
            while not self._stop.is_set():
                if not self._wait(store, self.applied()):
                    continue
                self.last_change = time.monotonic()
                self._read.clear()
                try:
                    self.moved()
                except RuntimeError:
                    return  # the app has closed
                while not self._read.wait(WAKE_SECONDS):
                    if self._stop.is_set():
                        return
        finally:
            store.close()

    def _wait(self, store: BaseClassStore, after: int) -> bool:
        """Whether the log has rows after ``after`` within ``WAKE_SECONDS``."""
        from .store import ClassStore

        if not isinstance(store, ClassStore):  # PostgreSQL is told of commits: no polling
            return store.wait_for_rows(self.class_id, after, WAKE_SECONDS)
        deadline = time.monotonic() + WAKE_SECONDS
        version = store.data_version()
        if store.head(self.class_id) > after:
            return True
        while (now := time.monotonic()) < deadline:
            time.sleep(poll_interval(now - self.last_change))
            found = store.data_version()
            if found != version:  # another connection committed (a row, presence...)
                version = found
                if store.head(self.class_id) > after:
                    return True
        return False
