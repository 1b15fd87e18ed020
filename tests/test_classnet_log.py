"""The class log: what every process of a networked class relies on, on SQLite and on
PostgreSQL alike (``class_db``), and what is SQLite's own (WAL, a file of another program)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from trafficking_sim.classnet import codes
from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.pgstore import open_store
from trafficking_sim.classnet.store import TRAINER, BaseClassStore, ClassError, ClassStore
from trafficking_sim.content import GameContent
from trafficking_sim.engine.actions import Do, EndTurn, TrainerNote

from . import classnet_support as support

SEATS = support.THREE_SEATS


def make_class(db: Path | str, tutorial: GameContent, **changes: object) -> dict[str, str]:
    return support.make_class(db, tutorial, 1, seats=SEATS, **changes)


@pytest.fixture
def db(class_db: str, tutorial: GameContent) -> str:
    """A class on each backend in turn."""
    make_class(class_db, tutorial)
    return class_db


@pytest.fixture
def store(db: str) -> Iterator[BaseClassStore]:
    opened = open_store(db)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path, tutorial: GameContent) -> Iterator[ClassStore]:
    make_class(tmp_path / "class.db", tutorial)
    opened = ClassStore(tmp_path / "class.db")
    yield opened
    opened.close()


def test_the_file_is_in_wal_mode(sqlite_store: ClassStore) -> None:
    store = sqlite_store
    # WAL lets the groups' processes read while one writes.
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_append_at_the_next_row_then_a_second_append_at_the_same_row_conflicts(
    store: BaseClassStore,
) -> None:
    assert store.append("c1", 0, "a", "border_b", {"type": "end_turn"}).status == "committed"
    second = store.append("c1", 0, "b", "ngo", {"type": "end_turn"})
    assert (second.status, second.seq) == ("conflict", 1)
    assert [r.action_id for r in store.rows_after("c1", 0)] == ["a"]  # b was not written


def test_a_repeated_action_id_is_already_committed_not_a_second_row(store: BaseClassStore) -> None:
    store.append("c1", 0, "same", "border_b", {"type": "end_turn"})
    again = store.append("c1", 1, "same", "border_b", {"type": "end_turn"})
    assert (again.status, again.seq) == ("already", 1)
    assert store.head("c1") == 1


def test_no_row_can_be_written_beyond_the_end_of_the_log(store: BaseClassStore) -> None:
    with pytest.raises(ValueError, match="ends at 0"):
        store.append("c1", 3, "x", "border_b", {"type": "end_turn"})


def test_reads_after_n_come_in_order(store: BaseClassStore) -> None:
    for n in range(6):
        store.append("c1", n, f"id{n}", "border_b", {"type": "trainer_note", "text": str(n)})
    rows = store.rows_after("c1", 2)
    assert [r.seq for r in rows] == [3, 4, 5, 6]
    assert [r.body["text"] for r in rows] == ["2", "3", "4", "5"]


def test_a_waiting_reader_in_another_process_wakes_soon_after_a_commit(
    store: BaseClassStore, db: str
) -> None:
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from trafficking_sim.classnet.pgstore import open_store\n"
            "s = open_store(sys.argv[1])\n"
            "print('ready', flush=True)\n"
            "woke = s.wait_for_rows('c1', 0, 30.0)\n"
            "print(woke, time.time(), flush=True)\n",
            db,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None
    assert reader.stdout.readline().strip() == "ready"
    time.sleep(0.2)  # the reader is polling (or listening) now
    committed = time.time()
    store.append("c1", 0, "wake", TRAINER, {"type": "trainer_note", "text": "now"})
    woke, when = reader.stdout.readline().split()
    reader.wait(timeout=10)
    assert woke == "True"
    # The design's bound is 100 ms (polling every 15 ms, or a notification); the slack is
    # for a loaded CI machine.
    assert float(when) - committed < 0.1 + 0.4


def test_a_code_is_at_least_40_random_bits_and_stored_only_as_a_hash(
    tmp_path: Path, tutorial: GameContent
) -> None:
    issued = make_class(tmp_path / "class.db", tutorial)
    raw = codes.normalise(issued["ngo"])
    assert len(raw) * 5 >= 40 and set(raw) <= set(codes.ALPHABET)
    assert len(set(issued.values())) == len(issued)  # one code per seat and the trainer
    dump = b"".join(p.read_bytes() for p in tmp_path.glob("class.db*"))
    for code in issued.values():
        assert code.encode() not in dump and codes.normalise(code).encode() not in dump


def test_a_code_opens_its_own_seat_typed_loosely(class_db: str, tutorial: GameContent) -> None:
    issued = make_class(class_db, tutorial)
    store = open_store(class_db)
    typed = f"  {issued['ngo'].lower().replace('-', ' ')} "
    assert store.seat_for_code(typed)[1] == "ngo"  # type: ignore[index]
    assert store.seat_for_code(issued[TRAINER])[1] == TRAINER  # type: ignore[index]
    assert store.seat_for_code("AAAAA-AAAAA") is None


def test_a_revoked_code_opens_nothing_and_a_reissued_one_does(
    class_db: str, tutorial: GameContent
) -> None:
    issued = make_class(class_db, tutorial)
    store = open_store(class_db)
    store.revoke("c1", "ngo")
    assert store.seat_for_code(issued["ngo"]) is None
    fresh = store.reissue("c1", "ngo")
    assert store.seat_for_code(fresh)[1] == "ngo"  # type: ignore[index]
    assert store.seat_for_code(issued["ngo"]) is None


def test_a_class_of_another_version_or_content_is_refused_with_a_clear_message(
    class_db: str, tutorial: GameContent
) -> None:
    make_class(class_db, tutorial, engine_version="0.0.1", class_id="v")
    make_class(class_db, tutorial, content_hash="0" * 16, class_id="h")
    store = open_store(class_db)
    with pytest.raises(ClassError, match=r"set up with trafficking-sim 0\.0\.1.*same version"):
        ClassGame(store, store.get_class("v"))
    with pytest.raises(ClassError, match="differs from the one the class was set up with"):
        ClassGame(store, store.get_class("h"))


def test_a_group_acts_only_on_its_turn_and_is_told_when_the_turn_moved_on(
    store: BaseClassStore, db: str
) -> None:
    info = store.get_class()
    border, ngo = ClassGame(store, info), ClassGame(open_store(db), info)
    assert ngo.commit("ngo", Do("call_back")).status == "not_yours"  # border_b's turn
    assert store.head("c1") == 0
    # A second device of border_b's group, behind by one row: the first end wins, and
    # the second is told the turn moved on instead of ending the NGO's turn too.
    stale = ClassGame(open_store(db), info)
    assert border.commit("border_b", EndTurn()).status == "done"
    assert stale.whose_turn == "border_b"
    assert stale.commit("border_b", EndTurn()).status == "not_yours"
    assert store.head("c1") == 1 and stale.whose_turn == "ngo"
    assert ngo.commit("ngo", EndTurn()).status == "done"


def test_an_action_racing_a_trainer_row_is_applied_after_it_not_dropped(
    store: BaseClassStore, db: str
) -> None:
    info = store.get_class()
    group = ClassGame(store, info)
    trainer = ClassGame(open_store(db), info)
    trainer.commit(TRAINER, TrainerNote("first"))  # the group has not seen this row yet
    seen: list = []
    outcome = group.commit("border_b", EndTurn(), seen)
    assert outcome.status == "done"
    assert [a.row.author for a in seen] == [TRAINER]  # caught up, then decided again
    assert [r.author for r in store.rows_after("c1", 0)] == [TRAINER, "border_b"]
    trainer.catch_up()
    assert trainer.digest() == group.digest()


def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    db.close()
    before = other.read_bytes()
    for create in (False, True):
        with pytest.raises(ClassError, match="is not a class database"):
            ClassStore(other, create=create)
    assert other.read_bytes() == before
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, but long enough to be read as one " * 20)
    with pytest.raises(ClassError, match="is not a class database"):
        ClassStore(text)
    with pytest.raises(ClassError, match="no class file"):
        ClassStore(tmp_path / "missing.db")


@pytest.mark.parametrize(
    "body",
    [
        "{not json",
        '{"type": "fly_away"}',
        '{"type": "send", "to": ["europol"], "handling": "H9"}',
    ],
)
def test_a_damaged_or_forged_row_stops_the_replay_with_a_message(
    sqlite_store: ClassStore, body: str
) -> None:
    store = sqlite_store
    store.db.execute("INSERT INTO log VALUES ('c1', 1, 'forged', 'border_b', ?, 0)", (body,))
    with pytest.raises(ClassError, match="row 1"):
        ClassGame(store, store.get_class()).catch_up()
