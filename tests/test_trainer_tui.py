"""Trainer mode driven by key presses: a class of three groups on one laptop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, Input, OptionList, Select, SelectionList, Static

from trafficking_sim.engine import Send
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.dialogs import ConfirmDialog, MessageDialog
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.screens.trainer import (
    ClassDebriefScreen,
    HandOverScreen,
    TrainerScreen,
    TrainerSetupScreen,
    TrainerToolsDialog,
)

SIZE = (80, 24)
GROUPS = ["police_a", "border_b", "ngo"]
CODE = "owl-42"  # the trainer's code, asked for by F6


async def open_tools(pilot: Any) -> None:
    """F6, then the trainer's code."""
    await pilot.press("f6")
    await settle(pilot)
    await pilot.press(*CODE, "enter")
    await settle(pilot)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def settle(pilot: Any, delay: float = 0.05) -> None:
    await pilot.pause(delay)
    for _ in range(200):
        if pilot.app.catalogue is not None:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def board_facts(pilot: Any) -> set[str]:
    """The facts on the case board, shown as the group would (key 3)."""
    app: TraffickingApp = pilot.app
    game = next(s for s in app.screen_stack if isinstance(s, GameScreen))
    game.action_tab("board")
    await settle(pilot)
    options = game.query_one("#board-list", OptionList)
    return {str(options.get_option_at_index(i).id) for i in range(options.option_count)} - {"None"}


async def set_up_class(pilot: Any) -> TraffickingApp:
    """Through the set-up screen: the flagship, three roles ticked for groups."""
    app: TraffickingApp = pilot.app
    await settle(pilot, 0.2)
    assert isinstance(app.screen, TrainerSetupScreen)
    roles = app.screen.query_one("#setup-roles", SelectionList)
    roles.focus()
    for index in range(roles.option_count):
        value = roles.get_option_at_index(index).value
        if (value in GROUPS) != (value in roles.selected):
            roles.highlighted = index
            await pilot.press("space")
    assert sorted(roles.selected) == sorted(GROUPS)
    app.screen.query_one("#setup-code", Input).value = CODE
    app.screen.query_one("#setup-start", Button).press()
    await settle(pilot)
    assert isinstance(app.screen, TrainerScreen)
    return app


async def ready(pilot: Any) -> None:
    """The group at the laptop presses Enter on the hand-over screen, then reads its news."""
    assert isinstance(pilot.app.screen, HandOverScreen)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MessageDialog)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, GameScreen)


async def end_turn(pilot: Any) -> None:
    await pilot.press("e")
    await settle(pilot)
    if isinstance(pilot.app.screen, ConfirmDialog):
        await pilot.press("y")
        await settle(pilot)


async def test_three_groups_take_turns_behind_a_hand_over_screen() -> None:
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await set_up_class(pilot)
        assert app.session is not None and app.session.state.seats == tuple(GROUPS)
        await pilot.press("g")
        await settle(pilot)
        await ready(pilot)
        assert app.session.state.role == "police_a"
        assert await board_facts(pilot) == {"job_advert", "agency_office"}
        await end_turn(pilot)
        # The hand-over hides the last group's screen: nothing of its case board shows.
        assert isinstance(app.screen, HandOverScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Group 2" in shown and "Brightpath" not in shown
        await ready(pilot)
        assert app.session.state.role == "border_b"
        assert "job_advert" not in await board_facts(pilot)  # each group sees only its own facts
        assert {"minibus", "passports_held"} <= await board_facts(pilot)
        app.perform(Send(to=("police_a",), facts=("minibus",)))
        await settle(pilot)
        await end_turn(pilot)
        await ready(pilot)
        assert app.session.state.role == "ngo"
        assert "minibus" not in await board_facts(pilot)
        await end_turn(pilot)
        # Turn 2: the first group again, with the message the second group sent it.
        assert isinstance(app.screen, HandOverScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        news = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Group 1: turn 2" in news
        await pilot.press("enter")
        await settle(pilot)
        assert "minibus" in await board_facts(pilot)
        assert app.errors == []


async def test_the_phase_timer_pauses_extends_and_moves_on() -> None:
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await set_up_class(pilot)
        clock = FakeClock()
        assert app.classroom is not None
        app.classroom.clock.clock = clock
        screen = app.screen
        assert isinstance(screen, TrainerScreen)
        await pilot.press("space")  # start
        clock.now += 125
        screen.refresh_timer()
        assert "Introduction: 07:55 [running]" in str(
            screen.query_one("#trainer-timer", Static).render()
        )
        await pilot.press("space")  # pause
        clock.now += 600
        await pilot.press("plus")
        screen.refresh_timer()
        assert "Introduction: 08:55 [paused]" in str(
            screen.query_one("#trainer-timer", Static).render()
        )
        await pilot.press("n")
        assert app.classroom.clock.phase.id == "groups"
        phases = str(screen.query_one("#trainer-phases", Static).render())
        assert "▶ Forming groups (5 min)" in phases and "Introduction (11 min)" in phases
        say = str(screen.query_one("#trainer-say", Static).render())
        assert "Form the groups" in say
        assert app.errors == []


async def test_trainer_tools_inject_reveal_note_and_class_debrief(_private_home: Path) -> None:
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await set_up_class(pilot)
        await pilot.press("g")
        await settle(pilot)
        await ready(pilot)
        assert app.session is not None
        await open_tools(pilot)
        tools = app.screen
        assert isinstance(tools, TrainerToolsDialog)
        inject = next(i for i in app.session.content.injects if i not in app.session.state.injected)
        tools.query_one("#tool-inject", Select).value = inject
        tools.query_one("#tool-inject-go", Button).press()
        await settle(pilot)
        assert inject in app.session.state.injected
        tools.query_one("#tool-actor", Select).value = "ngo"
        tools.query_one("#tool-fact", Select).value = "job_advert"
        tools.query_one("#tool-reveal-go", Button).press()
        await settle(pilot)
        assert app.session.state.knows("ngo", "job_advert")
        tools.query_one("#tool-note", Input).value = "Group 1 waited for Europol."
        tools.query_one("#tool-note-go", Button).press()
        await settle(pilot)
        case = str(tools.query_one("#tools-case", Static).render())
        assert "Group 3 (NGO): " in case and "Brightpath job advert" in case
        await pilot.press("escape")
        await settle(pilot)
        app.show_trainer()
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot, 0.2)
        assert isinstance(app.screen, ClassDebriefScreen)
        await pilot.press("x")
        await settle(pilot)
        reports = sorted((_private_home / "reports").glob("class-*"))
        assert [p.suffix for p in reports] == [".html", ".md"]
        text = reports[1].read_text(encoding="utf-8")
        assert "League table" in text and "Group 1 waited for Europol." in text
        for group in ("Group 1", "Group 2", "Group 3"):
            assert f"## {group}:" in text
        assert app.errors == []


async def test_demo_playback_steps_forwards_backwards_and_plays() -> None:
    from trafficking_sim.play.demo import load_playback
    from trafficking_sim.tui.screens.demo import DemoScreen

    walkthrough = Path(__file__).parent / "walkthroughs" / "tutorial" / "border_b-best.txt"
    playback = load_playback(walkthrough)
    app = TraffickingApp(AppConfig(lang="en", demo=playback, pace=0.5))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        screen = app.screen
        assert isinstance(screen, DemoScreen)
        assert "The game begins." in str(screen.query_one("#demo-action", Static).render())
        await pilot.press("right", "right")
        assert screen.index == 2
        action = str(screen.query_one("#demo-action", Static).render())
        assert "Sends a SIENA message to Europol" in action
        await pilot.press("left")
        assert screen.index == 1
        await pilot.press("space")  # play at the chosen pace (0.5 s a step)
        await pilot.pause(1.3)
        assert screen.index >= 3
        await pilot.press("space")
        stopped = screen.index
        await pilot.pause(0.7)
        assert screen.index == stopped
        await pilot.press("end")
        assert screen.index == len(playback.frames) - 1
        assert playback.frames[-1].state.ending == "network_disrupted"
        assert app.errors == []


def test_demo_refuses_what_it_cannot_play(tmp_path: Path, capsys: Any) -> None:
    from trafficking_sim.cli import main

    script = tmp_path / "loose.txt"
    script.write_text("do check_vehicle minibus_plate\n", encoding="utf-8")
    assert main(["demo", str(script)]) == 1
    assert "needs a scenario" in capsys.readouterr().err
    assert main(["demo", str(script), "--scenario", "tutorial", "--role", "europol"]) == 1
    assert "not a role" in capsys.readouterr().err
    assert main(["demo", str(tmp_path / "none.json")]) == 2
    capsys.readouterr()
    # Any text file is not a walkthrough: the first line the game did not understand is named.
    notes = tmp_path / "notes.txt"
    notes.write_text("Bring the projector cable.\n", encoding="utf-8")
    assert main(["demo", str(notes), "--scenario", "tutorial", "--role", "ngo"]) == 1
    assert "did not understand the line “Bring the projector cable.”" in capsys.readouterr().err
    # A damaged save is called a damaged save, not a walkthrough without a scenario.
    broken = tmp_path / "game.json"
    broken.write_text('{"app": "trafficking', encoding="utf-8")
    assert main(["demo", str(broken)]) == 1
    assert "damaged" in capsys.readouterr().err


def test_demo_keeps_the_pace_asked_for() -> None:
    from trafficking_sim.play.demo import load_playback
    from trafficking_sim.tui.screens.demo import DemoScreen

    walkthrough = Path(__file__).parent / "walkthroughs" / "tutorial" / "ngo-best.txt"
    screen = DemoScreen(load_playback(walkthrough), pace=1.5)
    assert screen.paces[screen.pace_index] == 1.5
    assert screen.paces[screen.pace_index - 1] == 1.0  # + and - still step through the rest


async def test_a_class_cut_short_comes_back_as_a_class_and_leaves_no_trace_in_later_games() -> None:
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=SIZE) as pilot:
        await set_up_class(pilot)
        await pilot.press("n", "n", "n", "plus", "space")  # the simulation, 1 min more, running
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await ready(pilot)
        app.notify("Group 1's secret toast")
        await end_turn(pilot)
        assert isinstance(app.screen, HandOverScreen)
        # The last group's notifications do not stay on the hand-over screen.
        assert not list(app._notifications)
    # The laptop is closed mid-class; "Continue" brings the class back, not a lone game.
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        detail = str(app.screen.query_one("#title-menu", OptionList).get_option("continue").prompt)
        assert "a class, groups: 3" in detail
        app.resume_game()
        await settle(pilot)
        assert isinstance(app.screen, TrainerScreen)
        # The timer comes back as it was: its phase, its length, running, and the code.
        classroom = app.classroom
        assert classroom is not None and classroom.clock.phase.id == "simulation"
        assert classroom.clock.running and classroom.clock.phase.minutes == 36
        assert classroom.code_hash and classroom.code_ok(CODE) and not classroom.code_ok("x")
        assert app.session is not None and app.session.state.role == "border_b"
        # A game of one's own afterwards is not a class game: no trainer tools in it.
        content = app.session.content
        app.start_game(content, "ngo", 1)
        await settle(pilot)
        assert app.classroom is None
        assert isinstance(app.screen, MessageDialog)  # the briefing, what happens at the start
        while isinstance(app.screen, MessageDialog):
            await pilot.press("enter")
            await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.errors == []


async def test_a_finished_class_game_is_reviewed_as_a_class(_private_home: Path) -> None:
    from trafficking_sim.content import find_scenario, load_game
    from trafficking_sim.engine import EndTurn
    from trafficking_sim.play.saves import write_save
    from trafficking_sim.play.session import Session
    from trafficking_sim.tui.screens.saves import SavesScreen

    content = load_game(find_scenario("tutorial"))
    seats = tuple(content.roles)[:2]
    names = {role: f"Team {i}" for i, role in enumerate(seats, 1)}
    session = Session.new(content, seats[0], 3, "en", seats, names)
    while not session.state.over:
        session.act(EndTurn())
    folder = _private_home / "saves" / "finished"
    folder.mkdir(parents=True)
    write_save(folder / "class.json", session.savegame())
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        app.push_screen(SavesScreen())
        await settle(pilot)
        app.screen.action_choose()  # type: ignore[attr-defined]
        await settle(pilot, 0.2)
        assert isinstance(app.screen, ClassDebriefScreen)
        text = app.screen.query_one("#class-text").source  # type: ignore[attr-defined]
        assert "Team 1" in text and "Team 2" in text
        assert app.errors == []


def test_trainer_refuses_a_scenario_it_cannot_open(capsys: Any) -> None:
    from trafficking_sim.cli import main

    assert main(["trainer", "--scenario", "bogus"]) == 2
    assert "bogus" in capsys.readouterr().err


def test_a_walkthrough_saved_by_windows_notepad_plays_back(tmp_path: Path) -> None:
    """UTF-8 with a byte-order mark and CRLF line ends: still a walkthrough."""
    from trafficking_sim.play.demo import load_playback

    source = Path(__file__).parent / "walkthroughs" / "tutorial" / "ngo-best.txt"
    folder = tmp_path / "tutorial"
    folder.mkdir()
    copy = folder / "ngo-best.txt"
    text = source.read_text(encoding="utf-8").replace("\n", "\r\n")
    copy.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    playback = load_playback(copy)
    assert playback.frames[-1].state.ending == "network_disrupted"


def test_a_folder_named_like_a_scenario_does_not_hide_it(tmp_path: Path, monkeypatch: Any) -> None:
    """Run from tests/walkthroughs, 'tutorial' is a folder there and the bundled id too."""
    from trafficking_sim.content import find_scenario

    (tmp_path / "tutorial").mkdir()
    monkeypatch.chdir(tmp_path)
    assert find_scenario("tutorial").name == "tutorial.yaml"
