"""The watcher a full-screen seat learns of new rows by: it wakes on another process's
commit (SQLite's data_version, PostgreSQL's LISTEN/NOTIFY), says so once per batch of
rows, and says nothing while the log stands still."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.classnet_support import make_class
from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.pgstore import open_store
from trafficking_sim.classnet.watch import (
    IDLE_POLL_SECONDS,
    QUIET_SECONDS,
    LogWatcher,
    poll_interval,
)
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


def test_an_idle_sqlite_class_is_polled_less_often() -> None:
    """Six seats polling every 15 ms with nothing happening cost about 4% of a core: after a
    quiet second the watcher reads data_version less often, and quickly again after a commit."""
    assert poll_interval(0.0) < 0.02  # rows are coming: as soon as possible
    assert poll_interval(QUIET_SECONDS + 0.1) == IDLE_POLL_SECONDS
    assert poll_interval(QUIET_SECONDS + 0.1) >= 3 * poll_interval(0.0)


def test_a_row_after_a_quiet_spell_still_arrives_quickly(
    tmp_path: Path, tutorial: GameContent
) -> None:
    """The slower idle poll keeps a row's delivery well inside the aim (100 ms at p95)."""
    db = str(tmp_path / "class.db")
    make_class(db, tutorial)
    woke = threading.Event()
    told: list[float] = []

    def moved() -> None:
        told.append(time.monotonic())
        woke.set()

    watcher = LogWatcher(db, "c1", lambda: 0, moved)
    watcher.start()
    writer_store = open_store(db)
    writer = ClassGame(writer_store, writer_store.classes()[0])
    try:
        time.sleep(QUIET_SECONDS / 2)
        writer_store.here("c1", "ngo")  # a seat saying it is here (every 20 s) is no row
        time.sleep(QUIET_SECONDS / 2 + 0.5)  # quiet: the watcher has slowed down
        assert time.monotonic() - watcher.last_change > QUIET_SECONDS
        start = time.monotonic()
        assert writer.say("border_b", "chat", "all", "after a quiet spell").status == "done"
        assert woke.wait(5.0), "the watcher never woke"
        assert told[0] - start < 0.3, f"it took {told[0] - start:.3f} s"
    finally:
        watcher.stop()
        writer_store.close()
