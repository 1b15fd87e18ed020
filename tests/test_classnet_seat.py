"""A group's seat in a networked class: what it shows, what it hides, how it decides."""

from __future__ import annotations

import io
import random
import threading
import time
from pathlib import Path

import pytest

from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.seat import SeatGame
from trafficking_sim.classnet.store import ClassStore
from trafficking_sim.content import GameContent
from trafficking_sim.engine.actions import EndTurn

from .classnet_support import make_class

VIEWS = ("status", "board", "inbox", "outbox", "objectives", "log", "decide", "actions")


def open_class(db: Path, tutorial: GameContent, seats: tuple[str, ...], seed: int) -> None:
    make_class(db, tutorial, seed, seats=seats)


def seat(db: Path, role: str) -> tuple[SeatGame, io.StringIO]:
    store = ClassStore(db)
    out = io.StringIO()
    game = SeatGame(ClassGame(store, store.get_class()), role, out, lang="en", echo=True)
    game.start()
    return game, out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_seat_ever_shows_a_fact_its_role_never_learned(
    tmp_path: Path, tutorial: GameContent, seed: int
) -> None:
    roles = tuple(tutorial.roles)
    db = tmp_path / "class.db"
    open_class(db, tutorial, roles, seed)
    seats = {role: seat(db, role) for role in roles}
    rng = random.Random(seed)
    for _ in range(400):
        game, _ = seats[roles[0]]
        game.game.catch_up()
        if game.session.state.over:
            break
        whose = game.session.state.role
        acting, _ = seats[whose]
        for view in VIEWS:
            acting.handle(view)  # it is this group's turn: its views are its own
        state = acting.session.state
        choices = [a for a in acting.session.engine.legal_actions(state) if a != EndTurn()]
        acting.play(rng.choice(choices) if choices and rng.random() < 0.6 else EndTurn())
    final = seats[roles[0]][0]
    final.game.catch_up()
    assert final.session.state.over
    knowledge = final.session.state.knowledge
    checked = 0
    for role, (game, out) in seats.items():
        game.game.catch_up()
        text = out.getvalue()
        for fact_id, fact in tutorial.facts.items():
            if fact_id in knowledge[role]:
                continue
            checked += 1
            for shown in (fact.label.get("en"), fact.text.get("en")):
                assert shown not in text, f"{role} was shown {fact_id}: {shown}"
        # A late joiner sees the same: the history as this role lived it.
        _, again = seat(db, role)
        for fact_id, fact in tutorial.facts.items():
            if fact_id not in knowledge[role]:
                assert fact.label.get("en") not in again.getvalue(), f"{role} rejoined: {fact_id}"
    assert checked > 0


def test_a_group_decides_a_request_made_to_its_role_and_the_asker_hears(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    open_class(db, tutorial, ("ngo", "authorities_c"), 1)
    (ngo, ngo_out), (auth, auth_out) = seat(db, "ngo"), seat(db, "authorities_c")
    ngo.handle("end")
    auth.handle("decide")
    assert "No request waits for your decision." in auth_out.getvalue()
    auth.handle("end")
    for line in (
        "do talk_to_caller",
        "request authorities_c reflection_period hotline_call",
        "end",
    ):
        ngo.handle(line)
    auth.handle("decide")
    assert "#" in auth_out.getvalue().split("> decide")[-1]  # the request, listed
    auth.handle("decide 1 maybe")
    assert "'maybe' is not a decision" in auth_out.getvalue()
    auth.handle("decide 1 refuse")
    assert auth.session.state.open_requests == (1,)  # a refusal needs its reason
    auth.handle('decide 1 refuse note="She is not yet identified as a victim here."')
    assert auth.session.state.open_requests == ()
    auth.handle("end")
    ngo.handle("status")  # the NGO's turn again: what reached it meanwhile is shown
    assert "She is not yet identified as a victim here." in ngo_out.getvalue()


def test_a_seat_waits_for_its_turn_saying_for_whom_then_shows_its_own_view(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    open_class(db, tutorial, ("border_b", "ngo"), 1)
    border, _ = seat(db, "border_b")
    border.handle("do check_vehicle minibus_plate")
    ngo_out: list[io.StringIO] = []

    def ngo_asks_for_its_board() -> None:
        ngo, out = seat(db, "ngo")  # (a connection of its own thread)
        ngo_out.append(out)
        ngo.handle("board")

    waiting = threading.Thread(target=ngo_asks_for_its_board)
    waiting.start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (
        ngo_out and "Waiting for Border police B" in ngo_out[0].getvalue()
    ):
        time.sleep(0.02)
    assert "Your case board is empty." not in ngo_out[0].getvalue()  # not answered yet
    border.handle("end")
    waiting.join(timeout=30)
    assert not waiting.is_alive()
    text = ngo_out[0].getvalue()
    # The NGO's own (empty) board, not the border police's, which holds the plate now.
    assert "Your case board is empty." in text and "Minibus plate" not in text
    assert text.index("Waiting for") < text.index("Your group's turn (turn 1).")
    border_board = io.StringIO()
    border.out = border_board
    border.handle("help")  # help needs no turn: the border police do not wait for it
    assert "decide N grant|refuse|more" in border_board.getvalue()
    assert "Waiting for" not in border_board.getvalue()


def test_joining_a_finished_class_shows_its_end_and_leaves(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    open_class(db, tutorial, ("border_b", "ngo"), 1)
    border, _ = seat(db, "border_b")
    ngo, _ = seat(db, "ngo")
    for _ in range(2 * tutorial.scenario.max_turns):  # every group ends every turn
        border.handle("end")
        ngo.handle("end")
    assert border.game.catch_up() == [] and border.session.state.over
    store = ClassStore(db)
    late = io.StringIO()
    game = SeatGame(ClassGame(store, store.get_class()), "ngo", late, lang="en", echo=False)
    assert game.run(["board", "end"]) == 0
    text = late.getvalue()
    assert "THE END" in text and "Final scores:" in text
    assert "Your case board" not in text  # nothing more is played after the end
    assert store.head("c1") == border.game.applied
