"""The trainer's desk, which both trainer consoles call: what each control writes and what
the trainer is told, without any screen."""

from __future__ import annotations

from pathlib import Path

from trafficking_sim.classnet.desk import TrainerDesk
from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.store import ClassStore
from trafficking_sim.content import GameContent
from trafficking_sim.engine import EndTurn

from .classnet_support import make_class


def desk_of(tmp_path: Path, tutorial: GameContent, lang: str = "en") -> TrainerDesk:
    """The desk of a class of two groups (border_b, ngo), on a connection of its own."""
    make_class(tmp_path / "class.db", tutorial)
    store = ClassStore(tmp_path / "class.db")
    return TrainerDesk(ClassGame(store, store.classes()[0]), lang)


def test_the_presence_list_marks_whose_turn_it_is_and_who_is_here(
    tmp_path: Path, tutorial: GameContent
) -> None:
    desk = desk_of(tmp_path, tutorial)
    desk.game.store.here("c1", "ngo")
    shown = [(g.role, g.connected, g.turn) for g in desk.presence()]
    assert shown == [("border_b", False, True), ("ngo", True, False)]
    assert desk.game.commit("border_b", EndTurn()).status == "done"
    assert [g.turn for g in desk.presence()] == [False, True]


def test_a_reissued_code_comes_back_once_and_a_revoked_one_does_not(
    tmp_path: Path, tutorial: GameContent
) -> None:
    desk = desk_of(tmp_path, tutorial)
    reply = desk.code("reissue", "ngo")
    assert reply.done and reply.code is not None
    assert any(reply.code in line for line in reply.lines)
    assert desk.game.store.seat_for_code(reply.code) is not None
    revoked = desk.code("revoke", "ngo")
    assert revoked.done and revoked.code is None
    assert desk.game.store.seat_for_code(reply.code) is None
    nobody = desk.code("revoke", "nobody")
    assert not nobody.done and "border_b, ngo" in nobody.lines[0]


def test_ending_the_game_releases_the_debrief_once_and_then_refuses_rows(
    tmp_path: Path, tutorial: GameContent
) -> None:
    desk = desk_of(tmp_path, tutorial)
    ended = desk.end()
    assert ended.done and any(line.startswith("# Class debrief") for line in ended.lines)
    again = desk.end()
    assert not again.done and again.lines == [
        "The game has already ended and the class debrief is released."
    ]
    late = desk.note("too late")
    assert not late.done and "over" in late.lines[-1]
    assert desk.game.store.head("c1") == 1  # only the end itself was written
