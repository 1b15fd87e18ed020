"""Learning of new rows of the class log without reading the log on a timer.

A thread with a connection of its own waits on the store's change signal (SQLite's
``PRAGMA data_version``, a cheap read that moves only when another connection commits;
PostgreSQL's LISTEN/NOTIFY, with a full read after a reconnect: both inside
``wait_for_rows``). Only when the log has grown does it call ``moved``, and then it waits
until the caller has read the new rows (``handled``), so an idle screen reads no rows at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

WAKE_SECONDS = 0.5
"""The longest the thread waits before it looks whether it should stop."""


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
                if not store.wait_for_rows(self.class_id, self.applied(), WAKE_SECONDS):
                    continue
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
