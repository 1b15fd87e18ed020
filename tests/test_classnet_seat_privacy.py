"""A group's full-screen seat in a networked class, through a whole game of the flagship:
for every role, nothing on its screen (its own turn's panes and dialogs, the waiting
screen while the other groups play on their own devices) is what only other groups know
or did, and none of the trainer's tools can be reached from it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Button

from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.store import TRAINER
from trafficking_sim.content import GameContent, find_scenario, load_game
from trafficking_sim.engine import Action, EndTurn
from trafficking_sim.engine.actions import Decide, TrainerNote, TrainerReveal
from trafficking_sim.engine.decisions import waiting_for
from trafficking_sim.tui.screens.seat_game import SeatGameScreen, WaitingScreen
from trafficking_sim.tui.screens.trainer import (
    ClassDebriefScreen,
    DecisionDialog,
    TrainerCodeDialog,
    TrainerScreen,
    TrainerToolsDialog,
)
from trafficking_sim.tui.screens.trainer_console import TrainerConsoleScreen
from trafficking_sim.tui.seat import SeatApp

from .classnet_support import FIVE_SEATS, RunningSeat, running_seat
from .classnet_support import device as other_process
from .privacy_support import NOTE, leaks, screen_text, turns_of
from .test_classnet_seat_screen import on_screen

PRIVATE_CHAT = "Between the two of us: the van leaves at six"
PRIVATE_NOTE = "Our shared note: interpreter booked for Tuesday"
PRIVATE = (PRIVATE_CHAT, PRIVATE_NOTE)
TO_ALL = "To every group: the shelter has two free beds"
TRAINER_SCREENS = (TrainerScreen, TrainerConsoleScreen, TrainerToolsDialog, TrainerCodeDialog)
CONSOLE_KEYS = ("f6", "s", "p", "x", "k", "f", "e", "i", "r", "n", "g", "o", "u", "colon")
"""F6 (the hot-seat trainer's tools) and the trainer console's keys."""
DIALOG_KEYS = ("c", "a", "r", "d", "p", "b", "t")
"""The dialogs a group opens on its turn: compose, steps, request, contact, permission,
the briefing, talk."""


async def until(pilot: Any, test: Callable[[], bool], what: str) -> None:
    """Wait for ``test`` in small steps (a whole game waits hundreds of times)."""
    for _ in range(500):
        if test():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"{what} never happened")


@pytest.fixture(scope="module")
def exercise() -> GameContent:
    return load_game(find_scenario("exercise"))


@pytest.fixture(scope="module")
def plans(exercise: GameContent) -> dict[str, list[list[Action]]]:
    return {role: turns_of(exercise, role) for role in FIVE_SEATS}


def five_seats(
    db: Path, content: GameContent, role: str
) -> AbstractAsyncContextManager[RunningSeat]:
    """A class of the exercise's five groups in ``db`` (seed 1) and ``role``'s seat at
    100x30, just opened."""
    return running_seat(db, content, role, size=(100, 30), seats=FIVE_SEATS, seed=1)


class Watch:
    """The seat under test, checked at every point it is drawn."""

    def __init__(self, app: SeatApp, pilot: Any, role: str) -> None:
        self.app, self.pilot, self.role = app, pilot, role
        self.checked = 0
        self.public = 0  # checks that saw the chat line to all: the talk is in the text
        self.own_facts = 0  # checks that saw a fact the group knows: the panes are

    @property
    def net(self) -> ClassGame:
        assert self.app.net is not None
        return self.app.net

    def check(self, where: str, *, drawn: bool = False) -> None:
        """Fails at the first point the seat shows what its group may not see. With
        ``drawn``, the screen as drawn too (buttons, tabs: text the widgets' query misses)."""
        self.checked += 1
        stack = self.app.screen_stack
        session = self.net.session
        where = f"{self.role}'s seat, turn {session.state.turn}, {where}"
        text = screen_text(self.app)
        if drawn:
            text += "\n" + on_screen(self.app)
        found = leaks(session, text, self.role)
        found += [f"another pair's talk: {line}" for line in PRIVATE if line in text]
        assert not found, f"{where}:\n" + "\n".join(found)
        self.public += TO_ALL in text
        mine = session.state.knowledge[self.role]
        self.own_facts += any(session.content.facts[f].label.get("en") in text for f in mine)
        cover = next(s for s in reversed(stack) if not s.is_modal)
        if not self.net.may_act(self.role):
            assert isinstance(cover, WaitingScreen), f"{where}: {cover} covers the game"
        trainer = [type(s).__name__ for s in stack if isinstance(s, TRAINER_SCREENS)]
        assert not trainer and self.app.trainer_console is None, f"{where}: {trainer}"

    async def caught_up(self, seq: int) -> None:
        await until(self.pilot, lambda: self.net.applied >= seq, f"row {seq} reached the seat")
        await self.pilot.pause(0.02)

    async def close_dialogs(self, where: str, base: type[Screen[Any]]) -> None:
        """Each dialog on top (a turn's summary, the briefing) read, then closed."""
        for _ in range(10):
            if isinstance(self.app.screen, base):
                return
            self.check(f"{where}: {type(self.app.screen).__name__}")
            await self.pilot.press("escape")
            await self.pilot.pause(0.03)
        raise AssertionError(f"{where}: {self.app.screen} would not close")

    async def trainer_keys(self, where: str) -> None:
        """The trainer's keys do nothing on a seat (or say why), and write nothing."""
        before = self.net.store.rows_after(self.net.info.id, 0)
        screen = self.app.screen
        for key in CONSOLE_KEYS:
            await self.pilot.press(key)
            await self.pilot.pause(0.01)
            self.check(f"{where}, key {key}")
            while self.app.screen is not screen and self.app.screen.is_modal:
                await self.pilot.press("escape")  # (a game key's own dialog, on the turn)
                await self.pilot.pause(0.02)
        assert self.app.screen is screen, f"{where}: the keys left {self.app.screen}"
        assert self.net.store.rows_after(self.net.info.id, 0) == before, f"{where}: written"


async def test_waiting_refuses_the_game_keys_and_ignores_the_trainers(
    tmp_path: Path, exercise: GameContent
) -> None:
    """The console's keys on the waiting screen: a game key says why, the others are
    nothing; no trainer screen, no row."""
    db = tmp_path / "class.db"
    async with five_seats(db, exercise, "ngo") as (app, pilot, _):
        await until(pilot, lambda: app.net is not None, "the seat was taken")
        watch = Watch(app, pilot, "ngo")
        await pilot.pause(0.1)
        await watch.close_dialogs("seated", WaitingScreen)
        await watch.trainer_keys("waiting")
        assert any("Waiting for" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("role", FIVE_SEATS)
async def test_a_seat_never_shows_what_its_group_does_not_know(
    role: str, tmp_path: Path, exercise: GameContent, plans: dict[str, list[list[Action]]]
) -> None:
    db = tmp_path / "class.db"
    async with five_seats(db, exercise, role) as (app, pilot, _):
        devices = {r: other_process(db) for r in FIVE_SEATS if r != role}  # the other groups
        trainer = other_process(db)
        await until(pilot, lambda: app.net is not None, "the seat was taken")
        watch = Watch(app, pilot, role)
        await pilot.pause(0.1)
        own_turns = decided = 0
        while True:
            trainer.catch_up()
            if trainer.over:
                break
            who, turn = trainer.whose_turn, trainer.session.state.turn
            plan = plans[who][turn - 1] if turn <= len(plans[who]) else []
            if who != role:
                group = devices[who]
                group.catch_up()
                for request in waiting_for(group.session.state, who):
                    group.commit(who, Decide(request.id, "grant"))
                for action in plan:
                    group.commit(who, action)
                if turn == 2 and who == FIVE_SEATS[(FIVE_SEATS.index(role) + 1) % 5]:
                    # The trainer in the middle of another group's turn: a note, and one
                    # of this group's unknown facts given to the group playing.
                    trainer.catch_up()
                    assert trainer.commit(TRAINER, TrainerNote(NOTE)).status == "done"
                    state = trainer.session.state
                    hidden = [f for f in exercise.facts if not state.knows(role, f)]
                    reveal = TrainerReveal(who, sorted(hidden)[0])
                    assert trainer.commit(TRAINER, reveal).status == "done"
                    # Talk: between two other groups (never here) and to all (here).
                    third = next(r for r in FIVE_SEATS if r not in (role, who))
                    assert group.say(who, "chat", third, PRIVATE_CHAT).status == "done"
                    assert group.say(who, "shared", third, PRIVATE_NOTE).status == "done"
                    assert group.say(who, "chat", "all", TO_ALL).status == "done"
                group.commit(who, EndTurn())
                trainer.catch_up()
                await watch.caught_up(trainer.applied)
                watch.check(f"{who} played")
                continue
            # The group's own turn, at the seat.
            await watch.caught_up(trainer.applied)
            await until(pilot, lambda: not app.waiting, "the game shown")
            # The turn's summary, then each request made to the group's role meanwhile: the
            # group decides it in the dialog (read like every screen), as in hot-seat play.
            for _ in range(10):
                await pilot.pause(0.05)
                if isinstance(app.screen, SeatGameScreen):
                    break
                watch.check(f"the turn's start: {type(app.screen).__name__}")
                if isinstance(app.screen, DecisionDialog):
                    app.screen.query_one("#decision-grant", Button).press()
                    decided += 1
                else:
                    await pilot.press("escape")
            assert isinstance(app.screen, SeatGameScreen), app.screen
            assert not waiting_for(watch.net.session.state, role), "a request left undecided"
            own_turns += 1
            # Every pane and dialog on the first, a middle and the last turn (drawing them
            # all on each turn would double the test's time); SIENA and the case board,
            # where other groups' messages and facts would show, on every turn.
            every_pane = turn in (1, 5) or turn >= exercise.scenario.max_turns
            for tab in "12345" if every_pane else "13":
                await pilot.press(tab)
                await pilot.pause(0.03)
                watch.check(f"pane {tab}", drawn=every_pane)
            if every_pane:
                for key in DIALOG_KEYS:
                    await pilot.press(key)
                    await pilot.pause(0.05)
                    watch.check(f"dialog {key}", drawn=True)
                    await watch.close_dialogs(f"dialog {key}", SeatGameScreen)
            if own_turns == 1:
                await watch.trainer_keys("the group's turn")
            for action in plan:
                app.perform(action)
                await pilot.pause(0.02)
                watch.check(f"after {type(action).__name__}")
            if watch.net.over:
                break
            app.perform(EndTurn())
            await until(pilot, lambda: isinstance(app.screen, WaitingScreen), "waiting")
            await pilot.pause(0.02)
            watch.check("the turn ended")
        # The game is over: the seat waits for the trainer's release, then reads the class
        # debrief (every group's review: the end of privacy, by design).
        await watch.caught_up(trainer.applied)
        await until(pilot, lambda: isinstance(app.screen, WaitingScreen), "the end said")
        watch.check("the game over")
        await watch.trainer_keys("the game over")
        assert trainer.control("end_game").status == "done"
        await until(pilot, lambda: isinstance(app.screen, ClassDebriefScreen), "the debrief")
    assert own_turns >= 5 and watch.checked > 50
    if role == "authorities_c":  # the walkthroughs ask C's authorities for something
        assert decided >= 1, "the group was never asked to decide"
    # The checks read what the group does see: its own facts, the chat line to all.
    assert watch.own_facts > 10 and watch.public > 0
