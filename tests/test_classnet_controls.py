"""The trainer's controls of a networked class: rows of the class log every device obeys."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from trafficking_sim.classnet.seat import SeatGame
from trafficking_sim.classnet.store import TRAINER, ClassError, ClassStore
from trafficking_sim.classnet.trainer import TrainerSeat
from trafficking_sim.content import GameContent
from trafficking_sim.engine.actions import EndTurn

from .classnet_support import device, make_class

SEATS = ("border_b", "ngo")


@pytest.fixture
def db(tmp_path: Path, tutorial: GameContent) -> Path:
    path = tmp_path / "class.db"
    make_class(path, tutorial, 3, seats=SEATS)
    return path


def seat(db: Path, role: str) -> tuple[SeatGame, io.StringIO]:
    out = io.StringIO()
    game = SeatGame(device(db), role, out, lang="en", echo=True)
    game.start()
    return game, out


def test_one_timer_on_every_device(db: Path) -> None:
    trainer, group = device(db), device(db)
    trainer.control("phase_skip")
    trainer.control("phase_extend", minutes=3)
    trainer.control("phase_start")
    trainer.control("phase_pause")
    group.catch_up()
    for game in (trainer, group):
        assert game.controls.timer.phase.id == "groups"
        assert game.controls.timer.running is False
    # Counted from the times in the log, not from when each device read it.
    assert trainer.controls.timer.remaining() == group.controls.timer.remaining()
    assert 8 * 60 - 1 < group.controls.timer.remaining() <= 8 * 60


def test_while_the_trainer_pauses_play_no_group_can_act(db: Path) -> None:
    trainer, border = device(db), device(db)
    trainer.control("input_pause")
    assert border.commit("border_b", EndTurn()).status == "not_yours"
    assert border.store.head("c1") == 1  # only the pause was written
    trainer.control("input_resume")
    assert border.commit("border_b", EndTurn()).status == "done"
    assert border.whose_turn == "ngo"


def test_a_group_told_its_action_lost_to_the_trainer_ending_its_turn(db: Path) -> None:
    ngo_seat, out = seat(db, "ngo")
    border_seat, _ = seat(db, "border_b")
    trainer = device(db)
    border_seat.play(EndTurn())
    assert trainer.commit(TRAINER, EndTurn(), turn_of="ngo").status == "done"
    ngo_seat.play(EndTurn())  # decided on the NGO's turn; the trainer was first
    assert "the turn has moved on" in out.getvalue()
    rows = ngo_seat.game.store.rows_after("c1", 0)
    assert [r.author for r in rows] == ["border_b", TRAINER]  # one end of the NGO's turn
    # And the other way round: the group first, the trainer's end of its turn is refused.
    border_seat.play(EndTurn())
    assert trainer.commit(TRAINER, EndTurn(), turn_of="border_b").status == "not_yours"
    assert trainer.whose_turn == "ngo"


def test_the_trainers_tools_are_not_a_seats_commands(db: Path) -> None:
    border_seat, out = seat(db, "border_b")
    for line in (
        "freeze",
        "inject storm",
        "reveal ngo victim_story",
        "note hi",
        "endturn",
        "end_game",
    ):
        border_seat.handle(line)
    assert border_seat.game.store.head("c1") == 0
    assert out.getvalue().count("There is no command") == 6


@pytest.mark.parametrize(
    ("author", "body"),
    [
        ("ngo", {"control": "input_pause"}),
        ("ngo", {"type": "trainer_note", "text": "I am the trainer now"}),
        ("ngo", {"type": "decide", "request": 1, "verdict": "script", "note": ""}),
        (TRAINER, {"control": "revoke", "role": "europol"}),
        (TRAINER, {"control": "phase_extend", "minutes": "ten"}),
    ],
)
def test_a_row_no_trainer_could_have_written_is_a_damaged_log(
    db: Path, author: str, body: dict[str, object]
) -> None:
    store = ClassStore(db)
    store.append("c1", 0, "x", author, body)
    with pytest.raises(ClassError, match="row 1"):
        device(db)


def test_a_seat_whose_code_is_withdrawn_leaves_and_says_why(db: Path) -> None:
    ngo_seat, out = seat(db, "ngo")
    outcome = device(db).control("reissue", role="ngo")
    assert outcome.status == "done" and outcome.code is not None
    ngo_seat.handle("board")  # it does not wait for a turn it no longer has
    assert ngo_seat.withdrawn
    assert "withdrew this seat's code" in out.getvalue()
    assert "Board" not in out.getvalue().split("withdrew")[1]
    store = ClassStore(db)
    assert store.seat_for_code(outcome.code) is not None


def test_ending_the_game_releases_the_class_debrief_to_every_seat(db: Path) -> None:
    border_seat, out = seat(db, "border_b")
    console_out = io.StringIO()
    console = TrainerSeat(device(db), console_out, lang="en", echo=True)
    console.run(["end"])
    assert "Class debrief" in console_out.getvalue()
    border_seat.handle("board")  # the group's device learns of the end as it happens
    assert "The trainer has ended the game" in out.getvalue() and border_seat.game.over
    # A row written after the end changes nothing in anyone's game.
    before = border_seat.game.digest()
    store = ClassStore(db)
    store.append("c1", store.head("c1"), "late", "border_b", {"type": "end_turn"})
    late = device(db)
    assert late.over and late.digest() == before
