"""Several processes, one class file: every group's device ends with the same game."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trafficking_sim import __version__
from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.store import TRAINER, ClassStore
from trafficking_sim.content import GameContent

from .classnet_support import no_process_left_behind, spawn  # noqa: F401

PLAYER = Path(__file__).with_name("classnet_player.py")
SEATS = ("border_b", "ngo", "authorities_c")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 and /proc are POSIX")


def make_class(db: Path, tutorial: GameContent, seed: int) -> dict[str, str]:
    store = ClassStore(db, create=True)
    issued = store.create_class(
        "c1",
        scenario="tutorial",
        scenario_path=None,
        content_hash=tutorial.content_hash,
        engine_version=__version__,
        seed=seed,
        seats=SEATS,
    )
    store.close()
    return issued


def start(db: Path, code: str, seed: int, pause: float = 0.0) -> subprocess.Popen[str]:
    return spawn([sys.executable, str(PLAYER), str(db), code, str(seed), str(pause)])


def finish(process: subprocess.Popen[str]) -> dict[str, object]:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def check_log(db: Path) -> tuple[int, str]:
    """The log is gap-free with one row per action id; its replay's digest."""
    store = ClassStore(db)
    rows = store.rows_after("c1", 0)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert len({r.action_id for r in rows}) == len(rows)
    game = ClassGame(store, store.get_class())
    game.catch_up()
    assert game.over
    store.close()
    return len(rows), game.digest()


@pytest.mark.parametrize("seed", [11, 12])
def test_groups_and_the_trainer_on_their_own_processes_end_with_the_same_game(
    tmp_path: Path, tutorial: GameContent, seed: int
) -> None:
    db = tmp_path / "class.db"
    issued = make_class(db, tutorial, seed)
    players = [start(db, issued[r], seed * 10 + n) for n, r in enumerate((*SEATS, TRAINER))]
    results = [finish(p) for p in players]
    rows, digest = check_log(db)
    assert {r["digest"] for r in results} == {digest}
    assert {r["seq"] for r in results} == {rows}
    authors = {r.author for r in ClassStore(db).rows_after("c1", 0)}
    assert set(SEATS) <= authors  # every group played its part


def test_a_group_stopped_with_kill_9_rejoins_with_its_code_and_the_game_is_the_same(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    issued = make_class(db, tutorial, 5)
    others = [start(db, issued[r], n) for n, r in enumerate(("border_b", "authorities_c"))]
    ngo = start(db, issued["ngo"], 7, pause=0.05)
    store = ClassStore(db)
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
    rejoined = start(db, issued["ngo"], 8)
    assert rejoined.stdout is not None
    joined = json.loads(rejoined.stdout.readline())
    assert joined == {"joined": "ngo", "seq": joined["seq"]} and joined["seq"] >= killed_at
    results = [finish(p) for p in (*others, rejoined)]
    rows, digest = check_log(db)
    assert {r["digest"] for r in results} == {digest}
    assert {r["seq"] for r in results} == {rows}
    store.close()
