"""What a group's screens say in a class game: its own point of view, other groups by name,
and a dashboard the trainer can project."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.engine import EndTurn, Share
from trafficking_sim.engine import events as E
from trafficking_sim.play import narrate
from trafficking_sim.play.session import Session
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.screens.trainer import HandOverScreen, TrainerScreen
from trafficking_sim.tui.widgets.detail import DetailView

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
        partners.show_item("border_b")
        detail = str(game.query_one("#partner-detail", DetailView).render())
        assert "Played in this class by Group 2 (Border police B)" in detail
        assert "played by the computer" not in detail
        partners.show_item("authorities_c")
        detail = str(game.query_one("#partner-detail", DetailView).render())
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


def test_debrief_of_a_class_save_is_the_class_debrief(tmp_path: Any, capsys: Any) -> None:
    from trafficking_sim.cli import main
    from trafficking_sim.play.saves import write_save

    content = load_game(find_scenario("exercise"))
    session = Session.new(content, "police_a", 1, "en", ("police_a", "ngo"), NAMES)
    session.act(Share(to="ngo", facts=("job_advert",)))
    save = tmp_path / "class.json"
    write_save(save, session.savegame())
    assert main(["debrief", str(save)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Class debrief") and "## Group 1:" in text and "## Group 3:" in text
    out = tmp_path / "class.html"
    assert main(["debrief", str(save), "--format", "html", "--lang", "sl", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Skupna analiza" in page and "<table>" in page


async def test_the_class_clock_is_on_every_game_screen_and_the_hand_over_and_moves() -> None:
    from .test_trainer_tui import FakeClock, end_turn

    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await set_up_class(pilot)
        classroom = screen.classroom
        assert classroom is not None
        fake = FakeClock()
        classroom.clock.clock = fake
        classroom.clock.go_to("simulation")
        classroom.clock.start()
        classroom.turn_minutes = 2
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, HandOverScreen)

        def handover() -> str:
            return str(app.screen.query_one("#handover-text", Static).render())

        assert "Simulation: 35:00" in handover() and "2 min at the laptop" in handover()
        fake.now = 30
        await pilot.pause(1.2)  # the hand-over's clock ticks by itself
        assert "Simulation: 34:30" in handover()
        await ready(pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert "Simulation: 34:30 (running)" in status and "this turn 02:00" in status
        fake.now = 30 + 121
        await pilot.pause(1.2)
        status = str(app.screen.query_one("#status", Static).render())
        assert "this turn +00:01" in status
        assert any("time at the laptop" in str(n.message) for n in app._notifications)
        await end_turn(pilot)
        assert isinstance(app.screen, HandOverScreen)


async def test_the_simulation_phase_ends_when_the_game_ends() -> None:
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await set_up_class(pilot)
        assert app.classroom is not None and app.session is not None
        app.classroom.clock.go_to("simulation")
        while not app.session.state.over:
            app.perform(EndTurn())
        await settle(pilot)
        assert app.classroom.clock.phase.id == "reflection"


async def test_quitting_a_class_asks_first_and_f6_wants_the_trainers_code() -> None:
    from trafficking_sim.tui.screens.dialogs import ConfirmDialog
    from trafficking_sim.tui.screens.trainer import TrainerCodeDialog, TrainerToolsDialog

    from .test_trainer_tui import CODE

    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await set_up_class(pilot)
        await pilot.press("g")
        await settle(pilot)
        await ready(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen) and app.is_running
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        # A group pressing F6 meets the code, and a wrong one keeps the tools shut.
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, TrainerCodeDialog)
        await pilot.press(*"guess", "enter")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        assert any("not the trainer's code" in str(n.message) for n in app._notifications)
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press(*CODE, "enter")
        await settle(pilot)
        assert isinstance(app.screen, TrainerToolsDialog)


async def test_a_class_cannot_start_without_a_trainer_code() -> None:
    from trafficking_sim.tui.screens.trainer import TrainerSetupScreen

    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        assert isinstance(app.screen, TrainerSetupScreen)
        app.screen.query_one("#setup-start").press()  # type: ignore[attr-defined]
        await settle(pilot)
        assert isinstance(app.screen, TrainerSetupScreen) and app.session is None
        assert any("trainer code" in str(n.message) for n in app._notifications)
