"""Several processes, one class: every group's device ends with the same game, on SQLite
and on PostgreSQL alike (``class_db`` gives each test once per backend)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from trafficking_sim.classnet.game import Applied, ClassGame, Outcome
from trafficking_sim.classnet.pgstore import open_store
from trafficking_sim.classnet.store import TRAINER, Appended
from trafficking_sim.content import GameContent, load_game
from trafficking_sim.content.loader import find_scenario
from trafficking_sim.engine.actions import EndTurn, TrainerInject

from .classnet_support import (
    FIVE_SEATS,
    THREE_SEATS,
    device,
    make_class,
    no_process_left_behind,  # noqa: F401
    spawn,
)

T = TypeVar("T")
PLAYER = Path(__file__).with_name("classnet_player.py")
GAMES = 5

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 and /proc are POSIX")


@pytest.fixture(scope="module")
def exercise() -> GameContent:
    """The scenario with five groups (the tutorial has three)."""
    return load_game(find_scenario("exercise"))


def start(db: str, code: str, seed: int, pause: float = 0.0) -> subprocess.Popen[str]:
    return spawn([sys.executable, str(PLAYER), db, code, str(seed), str(pause)])


def finish(process: subprocess.Popen[str]) -> list[dict[str, Any]]:
    """The player's results, one per game it played."""
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return [json.loads(line) for line in out.splitlines() if '"digest"' in line]


def check_log(db: str, class_id: str = "c1") -> tuple[int, str, set[str]]:
    """The log is gap-free with one row per action id; its length, its replay's digest
    and who wrote rows."""
    store = open_store(db)
    rows = store.rows_after(class_id, 0)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert len({r.action_id for r in rows}) == len(rows)
    game = ClassGame(store, store.get_class(class_id))
    game.catch_up()
    assert game.over
    store.close()
    return len(rows), game.digest(), {r.author for r in rows}


def test_five_groups_and_the_trainer_on_six_processes_play_five_games_to_the_same_end(
    class_db: str, exercise: GameContent
) -> None:
    classes = [f"c{g}" for g in range(1, GAMES + 1)]
    issued = [
        make_class(class_db, exercise, 40 + g, seats=FIVE_SEATS, class_id=class_id)
        for g, class_id in enumerate(classes)
    ]
    # Each process plays the five games in turn, with its seat's code in each class.
    players = [
        start(class_db, ",".join(codes[role] for codes in issued), n)
        for n, role in enumerate((*FIVE_SEATS, TRAINER))
    ]
    results = [finish(p) for p in players]
    assert all(len(r) == GAMES for r in results)
    for g, class_id in enumerate(classes):
        rows, digest, authors = check_log(class_db, class_id)
        games = [r[g] for r in results]
        assert {r["class"] for r in games} == {class_id}
        assert {r["digest"] for r in games} == {digest}
        assert {r["seq"] for r in games} == {rows}
        assert set(FIVE_SEATS) <= authors  # every group played its part
    # Five random games, not one game five times.
    assert len({check_log(class_db, c)[1] for c in classes}) == GAMES


def test_a_group_stopped_with_kill_9_rejoins_with_its_code_and_the_game_is_the_same(
    class_db: str, tutorial: GameContent
) -> None:
    issued = make_class(class_db, tutorial, 5, seats=THREE_SEATS)
    others = [start(class_db, issued[r], n) for n, r in enumerate(("border_b", "authorities_c"))]
    ngo = start(class_db, issued["ngo"], 7, pause=0.05)
    store = open_store(class_db)
    try:
        deadline = time.monotonic() + 60
        while store.head("c1") < 6 and time.monotonic() < deadline:
            store.wait_for_rows("c1", store.head("c1"), 1.0)
        assert store.head("c1") >= 6, "the game did not get going"
        assert store.connected("c1").get("ngo") is True
        os.kill(ngo.pid, signal.SIGKILL)
        ngo.wait(timeout=10)
        assert store.connected("c1").get("ngo") is False  # the trainer sees the group is gone
        killed_at = store.head("c1")
        # The others wait for the NGO's turn; nothing moves on without it.
        rejoined = start(class_db, issued["ngo"], 8)
        assert rejoined.stdout is not None
        joined = json.loads(rejoined.stdout.readline())
        assert joined == {"joined": "ngo", "seq": joined["seq"]} and joined["seq"] >= killed_at
        results = [finish(p)[0] for p in (*others, rejoined)]
        rows, digest, _ = check_log(class_db)
        assert {r["digest"] for r in results} == {digest}
        assert {r["seq"] for r in results} == {rows}
    finally:
        store.close()


class Racing:
    """Holds back ``game``'s first append of each round until its rival's is ready too,
    so that both write at the same ``n``; keeps what became of that first try."""

    def __init__(self, game: ClassGame, start: threading.Barrier) -> None:
        self.append = game.store.append
        self.start = start
        self.armed = False
        self.first: Appended | None = None
        game.store.append = self.append_together  # type: ignore[method-assign]

    def append_together(self, *args: Any, **kwargs: Any) -> Appended:
        if not self.armed:
            return self.append(*args, **kwargs)
        self.armed = False
        self.start.wait(timeout=30)
        self.first = self.append(*args, **kwargs)
        return self.first


def race(
    group: Device, trainer: Device, role: str, inject: str
) -> dict[str, tuple[Outcome, list[Applied]]]:
    """The group ends its turn while the trainer brings in ``inject``, both at once."""
    group_seen: list[Applied] = []
    trainer_seen: list[Applied] = []
    by_group = group.run(lambda g: g.commit(role, EndTurn(), group_seen))
    by_trainer = trainer.run(lambda g: g.commit(TRAINER, TrainerInject(inject), trainer_seen))
    return {
        "group": (by_group.result(timeout=60), group_seen),
        "trainer": (by_trainer.result(timeout=60), trainer_seen),
    }


class Device:
    """A device of the class on a thread of its own (a SQLite connection stays on the
    thread that opened it), so that two devices can act at the same moment."""

    def __init__(self, db: str) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.game = self.pool.submit(device, db).result(timeout=60)

    def run(self, work: Callable[[ClassGame], T]) -> Future[T]:
        return self.pool.submit(work, self.game)

    def __call__(self, work: Callable[[ClassGame], T]) -> T:
        return self.run(work).result(timeout=60)

    def close(self) -> None:
        self(lambda g: g.store.close())
        self.pool.shutdown()


def test_a_groups_action_racing_a_trainer_inject_one_wins_and_the_other_is_told(
    class_db: str, exercise: GameContent
) -> None:
    make_class(class_db, exercise, 9, seats=FIVE_SEATS)
    group, trainer = Device(class_db), Device(class_db)
    start = threading.Barrier(2)
    racers = {"group": Racing(group.game, start), "trainer": Racing(trainer.game, start)}
    # Injects that end nothing by themselves, not yet brought in (a refused one would
    # race all the same: a refusal is a row of the game too).
    calm = ("nadia_calls_again", "aliens_office", "flight_booked", "coordination_meeting")
    injects = [i for i in calm if i not in group.game.session.state.injected]
    assert len(injects) >= 3
    try:
        for inject in injects:
            before = group(lambda g: (g.catch_up(), g.applied)[1])
            assert trainer(lambda g: (g.catch_up(), g.applied)[1]) == before
            role = group.game.whose_turn
            for racer in racers.values():
                racer.armed = True
            done = race(group, trainer, role, inject)
            # Both wrote at n + 1: exactly one got the row, the other was told of a conflict.
            firsts = {name: racer.first for name, racer in racers.items()}
            assert sorted(f.status for f in firsts.values() if f) == ["committed", "conflict"]
            assert {f.seq for f in firsts.values() if f} == {before + 1}
            winner = next(n for n, f in firsts.items() if f and f.status == "committed")
            loser = "trainer" if winner == "group" else "group"
            # The loser learnt of the winner's row before deciding again; nothing dropped.
            assert done[winner][0].status == "done"
            assert [a.row.seq for a in done[loser][1]] == [before + 1]
            authors = [r.author for r in open_store(class_db).rows_after("c1", before)]
            assert authors[0] == (role if winner == "group" else TRAINER)
            if done[loser][0].status == "done":
                assert sorted(authors) == sorted([role, TRAINER])
            else:  # the group's turn moved on, and it was told so: nothing of it was written
                assert (done[loser][0].status, authors) == ("not_yours", [TRAINER])
            for racer in racers.values():
                racer.first = None
        digests = {d(lambda g: (g.catch_up(), g.digest())[1]) for d in (group, trainer)}
        assert digests == {device(class_db).digest()}
    finally:
        group.close()
        trainer.close()
