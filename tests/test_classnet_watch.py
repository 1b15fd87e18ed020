"""The watcher a full-screen seat learns of new rows by: it wakes on another process's
commit (SQLite's data_version, PostgreSQL's LISTEN/NOTIFY), says so once per batch of
rows, and says nothing while the log stands still."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from trafficking_sim import __version__
from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.pgstore import open_store
from trafficking_sim.classnet.watch import LogWatcher
from trafficking_sim.content import GameContent


def make_class(db: str, tutorial: GameContent) -> None:
    store = open_store(db, create=True)
    store.create_class(
        "c1",
        scenario="tutorial",
        scenario_path=None,
        content_hash=tutorial.content_hash,
        engine_version=__version__,
        seed=2,
        seats=("border_b", "ngo"),
    )
    store.close()


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


def test_the_watcher_wakes_on_sqlite_once_per_new_rows(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = str(tmp_path / "class.db")
    make_class(db, tutorial)
    watch_and_write(db)


try:  # the embedded PostgreSQL server of the store's own tests, when it can run here
    from tests.test_classnet_postgres import server, url  # noqa: F401  (fixtures)

    HAVE_POSTGRES = True
except pytest.skip.Exception:
    HAVE_POSTGRES = False


@pytest.mark.skipif(not HAVE_POSTGRES, reason="psycopg or pgserver is not installed")
def test_the_watcher_wakes_on_postgresql_by_listen_notify(
    url: str,
    tutorial: GameContent,
) -> None:
    make_class(url, tutorial)
    watch_and_write(url)
