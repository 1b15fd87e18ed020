"""The watcher a full-screen seat learns of new rows by: it wakes on another process's
commit (SQLite's data_version, PostgreSQL's LISTEN/NOTIFY), says so once per batch of
rows, and says nothing while the log stands still."""

from __future__ import annotations

import threading
import time

from tests.classnet_support import make_class
from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.pgstore import open_store
from trafficking_sim.classnet.watch import LogWatcher
from trafficking_sim.content import GameContent


def watch_and_write(db: str) -> None:
    """A watcher for a process that has applied nothing yet; another process chats."""
    told: list[float] = []
    woke = threading.Event()
    applied = [0]

    def moved() -> None:
        told.append(time.monotonic())
        woke.set()

    watcher = LogWatcher(db, "c1", lambda: applied[0], moved)
    watcher.start()
    writer_store = open_store(db)
    writer = ClassGame(writer_store, writer_store.classes()[0])
    try:
        time.sleep(0.6)
        assert told == [], "the watcher spoke while nothing was written"
        start = time.monotonic()
        assert writer.say("border_b", "chat", "all", "hello").status == "done"
        assert woke.wait(5.0), "the watcher never woke"
        assert told[0] - start < 0.3, f"it took {told[0] - start:.3f} s"
        # Not read yet: the watcher waits for the reader rather than saying it again.
        time.sleep(0.3)
        assert len(told) == 1
        applied[0] = 1
        watcher.handled()
        time.sleep(0.6)
        assert len(told) == 1, "the watcher spoke again with no new row"
    finally:
        watcher.stop()
        writer_store.close()
    assert not watcher.thread.is_alive()


def test_the_watcher_wakes_once_per_new_rows(class_db: str, tutorial: GameContent) -> None:
    """On SQLite by the file's data_version, on PostgreSQL by LISTEN/NOTIFY."""
    make_class(class_db, tutorial)
    watch_and_write(class_db)
