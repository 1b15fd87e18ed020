"""The class log on PostgreSQL, what is its own: a full read after a reconnect, racing
writers meeting the primary key, a URL on the command line; against a real server the
tests start (pgserver). The rules both backends share are tested on both in
test_classnet_log.py and test_classnet_processes.py."""

from __future__ import annotations

import json
import os
import threading
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
