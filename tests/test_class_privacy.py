"""A whole class of the flagship, five groups on one laptop: each group's screens show its
own knowledge and its own events, never what another group alone knows or did."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.engine import EndTurn
from trafficking_sim.engine.actions import TrainerNote
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.dialogs import MessageDialog
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.screens.trainer import DecisionDialog, HandOverScreen, TrainerScreen

from .privacy_support import NOTE, leaks, screen_text, turns_of
from .test_trainer_tui import settle


async def test_no_group_ever_sees_what_another_group_alone_knows(_private_home: Path) -> None:
    content = load_game(find_scenario("exercise"))
    plans = {role: turns_of(content, role) for role in content.roles}
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    checked = 0
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, 0.2)
        app.screen.query_one("#setup-code", Input).value = "owl-42"
        app.screen.query_one("#setup-start").press()  # every role ticked: five groups
        await settle(pilot)
        assert isinstance(app.screen, TrainerScreen)
        session = app.session
        assert session is not None and len(session.state.seats) == 5
        await pilot.press("g")
        await settle(pilot)
        noted = False
        while not session.state.over:
            role, turn = session.state.role, session.state.turn
            assert isinstance(app.screen, HandOverScreen)

            def check(where: str, role: str = role, turn: int = turn) -> None:
                nonlocal checked
                checked += 1
                problems.extend(
                    f"turn {turn}, {role}, {where}: {leak}"
                    for leak in leaks(session, screen_text(app, skip=(TrainerScreen,)))
                )

            check("hand-over")
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, MessageDialog)
            check("summary")
            await pilot.press("enter")
            await settle(pilot)
            while isinstance(app.screen, DecisionDialog):  # a request made to its role
                check("decision")
                app.screen.query_one("#decision-grant").press()
                await settle(pilot)
            assert isinstance(app.screen, GameScreen)
            await pilot.press("5")  # the log draws only when shown; the other panes always
            await settle(pilot, 0.01)
            check("panes")
            plan = plans[role]
            for action in plan[turn - 1] if turn <= len(plan) else []:
                app.perform(action)
                await settle(pilot, 0.01)
                check(f"after {type(action).__name__}")
                if session.state.over:
                    break
            if not noted:
                app.perform(TrainerNote(NOTE))  # the trainer, in the middle of group 1's turn
                noted = True
            if session.state.over:
                break
            check("the end of the turn")
            app.perform(EndTurn())
            await settle(pilot)
            assert app.errors == []
    assert checked > 100
    assert not problems, "\n".join(problems[:20])
    # The trainer's note reached the debrief.
    assert any(e.kind == "trainer_note" for e in session.events)
