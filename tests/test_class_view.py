"""What a group's screens say in a class game: its own point of view, other groups by name,
and a dashboard the trainer can project."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from trafficking_sim import narrate
from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.engine import EndTurn, Share
from trafficking_sim.engine import events as E
from trafficking_sim.session import Session
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.screens.trainer import TrainerScreen

from .test_trainer_tui import SIZE, ready, set_up_class, settle

NAMES = {"police_a": "Group 1", "border_b": "Group 2", "ngo": "Group 3"}


def test_a_group_hears_of_another_groups_message_as_news_from_that_group() -> None:
    content = load_game(find_scenario("exercise"))
    session = Session.new(content, "police_a", 1, "en", ("police_a", "ngo"), NAMES)
    events = session.act(Share(to="ngo", facts=("job_advert",)))
    sent = next(e for e in events if e.kind == E.MESSAGE_SENT)
    labels = session.group_labels()
    mine = narrate.describe(sent, content, session.state, "en", role="police_a", names=labels)
    theirs = narrate.describe(sent, content, session.state, "en", role="ngo", names=labels)
    assert mine[0].startswith("You contacted Group 3 (NGO) directly")
    assert theirs[0].startswith("Message #1 from Group 1 (Police A)")
    assert not any("You contacted" in line for line in theirs)


def test_the_trainers_note_and_the_seat_passing_are_no_groups_news() -> None:
    from trafficking_sim.engine.actions import TrainerNote

    content = load_game(find_scenario("exercise"))
    session = Session.new(content, "police_a", 1, "en", ("police_a", "ngo"), NAMES)
    events = session.act(TrainerNote("Group 2 rushed the arrest."))
    events += session.act(EndTurn())
    for role in ("police_a", "ngo"):
        for event in events:
            assert narrate.describe(event, content, session.state, "en", role=role) == []


async def test_the_dashboard_hides_the_expected_course_until_the_trainer_shows_it() -> None:
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await set_up_class(pilot)
        assert app.classroom is not None
        app.classroom.clock.go_to("simulation")
        await pilot.press("l")  # and the league, with each group's role
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainerScreen)

        def said() -> str:
            return str(screen.query_one("#trainer-say", Static).render())

        assert "Expected course" not in said() and "Common mistakes" not in said()
        assert "press t to show them" in said()
        league = str(screen.query_one("#trainer-league", Static).render())
        assert "Group 2 (Border police B)" in league
        await pilot.press("t")
        await settle(pilot)
        assert "Expected course" in said() and "Common mistakes" in said()
        await pilot.press("t")
        await settle(pilot)
        assert "Expected course" not in said()


async def test_partners_played_by_groups_are_named_as_groups() -> None:
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await set_up_class(pilot)
        await pilot.press("g")
        await settle(pilot)
        await ready(pilot)
        game = app.screen
        assert isinstance(game, GameScreen)
        await pilot.press("2")
        await settle(pilot)
        partners: Any = game.query_one("#partners-pane")
        partners._show(app.session.content.actors["border_b"])  # type: ignore[union-attr]
        detail = str(game.query_one("#partner-detail", Static).render())
        assert "Played in this class by Group 2 (Border police B)" in detail
        assert "played by the computer" not in detail
        partners._show(app.session.content.actors["authorities_c"])  # type: ignore[union-attr]
        detail = str(game.query_one("#partner-detail", Static).render())
        assert "played by the computer" in detail  # no group plays it in this class


async def test_the_next_group_starts_with_no_button_of_the_last_one_focused() -> None:
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await set_up_class(pilot)
        await pilot.press("g")
        await settle(pilot)
        for _ in range(3):  # round to the first group's turn 2 and its news
            await ready(pilot)
            game = app.screen
            assert isinstance(game, GameScreen)
            await pilot.press("2")
            await settle(pilot)
            game.query_one("#partner-request").focus()
            await settle(pilot)
            app.perform(EndTurn())
            await settle(pilot)
        await ready(pilot)
        assert app.session is not None
        before = len(app.session.actions)
        focused = app.screen.focused
        assert focused is None or focused.id != "partner-request"
        await pilot.press("enter")
        await settle(pilot)
        assert len(app.session.actions) == before  # the Enter did nothing in their name
