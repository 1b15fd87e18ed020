"""The class log on PostgreSQL: the same rules as on SQLite, LISTEN/NOTIFY to learn of new
rows, a full read after a reconnect; against a real server the tests start (pgserver)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from tests import classnet_support as support
from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.pgstore import PgClassStore, open_store
from trafficking_sim.classnet.store import TRAINER
from trafficking_sim.content import GameContent

psycopg = pytest.importorskip("psycopg", reason="the postgres extra is not installed")

SEATS = support.THREE_SEATS


@pytest.fixture
def url(pg_url: str) -> str:
    """A database of this test's own on the session's embedded server (conftest.py)."""
    return pg_url


def make_class(url: str, tutorial: GameContent, seed: int = 5) -> dict[str, str]:
    return support.make_class(url, tutorial, seed, seats=SEATS)


def test_appends_at_n_plus_1_conflict_and_retries_as_on_sqlite(
    url: str, tutorial: GameContent
) -> None:
    make_class(url, tutorial)
    store, other = open_store(url), open_store(url)
    assert isinstance(store, PgClassStore)
    assert store.append("c1", 0, "a", "border_b", {"type": "end_turn"}).status == "committed"
    second = other.append("c1", 0, "b", "ngo", {"type": "end_turn"})
    assert (second.status, second.seq) == ("conflict", 1)
    again = other.append("c1", 1, "a", "border_b", {"type": "end_turn"})
    assert (again.status, again.seq) == ("already", 1)
    for n in range(1, 5):
        store.append("c1", n, f"id{n}", TRAINER, {"type": "trainer_note", "text": str(n)})
    assert [r.seq for r in other.rows_after("c1", 2)] == [3, 4, 5]


def test_a_waiting_reader_wakes_soon_after_another_processs_commit(
    url: str, tutorial: GameContent
) -> None:
    make_class(url, tutorial)
    store = open_store(url)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from trafficking_sim.classnet.pgstore import open_store\n"
            "s = open_store(sys.argv[1]); time.sleep(1.0)\n"
            "s.append('c1', 0, 'wake', '@trainer', {'type': 'trainer_note', 'text': 'now'})\n",
            url,
        ]
    )
    try:
        assert store.wait_for_rows("c1", 0, 30.0)
        woke = time.time()
        row = store.rows_after("c1", 0)[0]
        assert woke - row.at < 0.1  # (the prototype measured 5-14 ms on SQLite)
    finally:
        writer.wait(timeout=30)


def test_a_reader_whose_connection_dropped_still_learns_of_rows(
    url: str, tutorial: GameContent, pg_server: str
) -> None:
    make_class(url, tutorial)
    store, writer = open_store(url), open_store(url)
    assert isinstance(store, PgClassStore)
    assert not store.wait_for_rows("c1", 0, 0.05)  # the listener is open
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE query LIKE 'LISTEN%%' AND pid <> pg_backend_pid()"
        )
    # Committed while the reader has no listener: the read after reconnecting finds it.
    writer.append("c1", 0, "x", TRAINER, {"type": "trainer_note", "text": "while away"})
    assert store.wait_for_rows("c1", 0, 10.0)


def test_racing_writers_never_leave_a_gap_or_a_duplicate(url: str, tutorial: GameContent) -> None:
    make_class(url, tutorial)

    def write(n: int) -> None:
        store = open_store(url)
        game = ClassGame(store, store.get_class())
        for k in range(10):
            game.say(SEATS[n], "chat", "all", f"{n}-{k}")
        store.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    rows = open_store(url).rows_after("c1", 0)
    assert [r.seq for r in rows] == list(range(1, 31))
    assert len({r.action_id for r in rows}) == 30


def test_the_command_line_takes_a_postgresql_url(url: str) -> None:
    from tests.test_cli import run

    home = Path(os.environ.get("TMPDIR", "/tmp")) / ("home-" + uuid.uuid4().hex[:6])
    done = run(
        "class",
        "create",
        "--scenario",
        "tutorial",
        "--groups",
        "ngo",
        "--db",
        url,
        "--json",
        home=home,
    )
    assert done.returncode == 0, done.stderr
    created = json.loads(done.stdout)
    joined = run(
        "join", "--plain", "--db", url, "--code", created["codes"]["ngo"], stdin="end\n", home=home
    )
    assert joined.returncode == 0, joined.stderr
    status = json.loads(run("class", "status", "--db", url, "--json", home=home).stdout)
    assert status["seq"] == 1
