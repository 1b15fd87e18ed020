"""The TUI driven by key presses, as a learner or a trainer would use it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, Select, SelectionList, Static

from trafficking_sim.engine import Do, EndTurn
from trafficking_sim.paths import user_data_dir
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.codex import CodexScreen
from trafficking_sim.tui.screens.debrief import DebriefScreen
from trafficking_sim.tui.screens.dialogs import (
    BriefingDialog,
    ComposeDialog,
    ConfirmDialog,
    MessageDialog,
    RequestDialog,
    StepDialog,
)
from trafficking_sim.tui.screens.error import ErrorScreen
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.screens.help import HelpScreen
from trafficking_sim.tui.screens.roles import RoleScreen
from trafficking_sim.tui.screens.saves import SavesScreen
from trafficking_sim.tui.screens.scenarios import ScenarioScreen
from trafficking_sim.tui.screens.title import TitleScreen
from trafficking_sim.tui.screens.too_small import TooSmallScreen
from trafficking_sim.tui.widgets.detail import DetailView
from trafficking_sim.tui.widgets.tab_row import TabRow

SIZE = (80, 24)


def text_of(app: TraffickingApp, selector: str) -> str:
    widget = app.screen.query_one(selector)
    if isinstance(widget, DetailView):  # a pane's detail draws its own lines
        return str(widget.text)
    assert isinstance(widget, Static), widget
    return str(widget.visual) if hasattr(widget, "visual") else str(widget.render())


def screen_text(app: TraffickingApp) -> str:
    """Everything the Static widgets and the panes' details of the current screen show."""
    return "\n".join(str(w.render()) for w in app.screen.query("Static, DetailView"))


def on_screen(app: TraffickingApp, widget: Any, y: int = 0) -> str:
    """Line ``y`` of ``widget`` as the screen shows it: read from the frame the screen
    composited last, not from the widget, so a change that was never redrawn shows up
    as the old text (Textual has no public reader of its frame)."""
    region = widget.region
    strip = app.screen._compositor.render_strips()[region.y + y]
    return "".join(segment.text for segment in strip)[region.x : region.x + region.width]


def on_screen_segments(app: TraffickingApp, widget: Any, y: int = 0) -> list[Any]:
    """The segments (text and style) of line ``y`` of ``widget`` in the frame on screen,
    cut to the widget's cells."""
    region = widget.region
    strip = app.screen._compositor.render_strips()[region.y + y]
    return list(strip.crop(region.x, region.x + region.width))


async def settle(pilot: Any, delay: float = 0.05) -> None:
    await pilot.pause(delay)
    for _ in range(200):  # the scenarios and the glossary load in the background
        if pilot.app.catalogue is not None:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def dismiss_dialogs(pilot: Any) -> None:
    while isinstance(pilot.app.screen, MessageDialog):
        await pilot.press("enter")
        await settle(pilot)


async def start_game(pilot: Any) -> None:
    """From a configured start (scenario + role) to the game screen, opening read."""
    await settle(pilot, 0.2)
    await dismiss_dialogs(pilot)
    assert isinstance(pilot.app.screen, GameScreen)


async def show_pane(pilot: Any, key: str) -> None:
    """From a configured start to the game screen with the pane on ``key`` shown."""
    await start_game(pilot)
    await pilot.press(key)
    await settle(pilot)


async def choose(pilot: Any, widget: OptionList, ident: str) -> None:
    """Move the highlight to an option by the keyboard, as a user would."""
    target = next(i for i, o in enumerate(widget.options) if o.id == ident)
    widget.focus()
    await pilot.press("home")
    for _ in range(target - (widget.highlighted or 0)):
        await pilot.press("down")
    assert widget.highlighted == target


async def tick(pilot: Any, widget: SelectionList[str], values: list[str]) -> None:
    """Tick values in a check list with the arrow keys and the space bar."""
    widget.focus()
    for value in values:
        index = next(i for i, o in enumerate(widget.options) if o.value == value)
        await pilot.press("home")
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("space")
    assert set(values) <= set(widget.selected)


def app_for(role: str = "border_b", lang: str = "en", **config: Any) -> TraffickingApp:
    return TraffickingApp(AppConfig(scenario="tutorial", role=role, lang=lang, seed=1, **config))


async def compose_send(
    pilot: Any,
    to: list[str],
    facts: list[str] = (),  # type: ignore[assignment]
    *,
    urgent: bool = False,
    grade: str | None = None,
) -> ComposeDialog:
    await pilot.press("c")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ComposeDialog)
    await tick(pilot, dialog.query_one("#to", SelectionList), to)
    if facts:
        await tick(pilot, dialog.query_one("#facts", SelectionList), list(facts))
    if grade is not None:
        dialog.query_one("#source").value = grade[0]  # type: ignore[attr-defined]
        dialog.query_one("#info").value = grade[1]  # type: ignore[attr-defined]
    if urgent:
        dialog.query_one("#priority").focus()
        await pilot.press("down", "enter")
        assert dialog.query_one("#p-urgent").value  # type: ignore[attr-defined]
    await pilot.press("ctrl+s")
    await settle(pilot)
    return dialog


# --- the title and the choices ---------------------------------------------------------


async def test_title_offers_a_new_game_and_no_continue_without_a_save() -> None:
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        assert isinstance(app.screen, TitleScreen)
        choices = app.screen.query_one("#title-menu", OptionList)
        assert [o.id for o in choices.options][:1] == ["new-game"]  # no Continue
        assert str(choices.get_option("new-game").prompt) == "New game"
        assert app.errors == []


async def test_new_game_through_scenario_and_role_choice() -> None:
    app = TraffickingApp(AppConfig(lang="en", seed=1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ScenarioScreen)
        await choose(pilot, app.screen.query_one("#scenario-list", OptionList), "tutorial")
        await settle(pilot)
        detail = screen_text(app)
        assert "Tutorial: the night minibus" in detail
        assert "Content note" in detail
        assert "About 15 minutes" in detail
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RoleScreen)
        await choose(pilot, app.screen.query_one("#role-list", OptionList), "ngo")
        await settle(pilot)
        card = screen_text(app)
        assert "You have no access to SIENA" in card
        assert "Your special task" in card
        await pilot.press("s")
        await settle(pilot, 0.2)
        await dismiss_dialogs(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.session is not None and app.session.state.role == "ngo"


# --- playing ------------------------------------------------------------------------------


async def test_the_opening_is_shown_and_the_status_line_is_complete() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        # The briefing comes first: what is fictional, the content note, the role card.
        assert isinstance(app.screen, BriefingDialog)
        briefing = screen_text(app)
        for part in ("are fictional", "Content note", "Your role: Border police of state B"):
            assert part in briefing
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        assert "A minibus stopped at the border" in screen_text(app)
        await dismiss_dialogs(pilot)
        status = text_of(app, "#status")
        for part in (
            "Turn 1/6",
            "2026-03-02",
            "Action points ●●● 3/3",
            "Border police B",
            "TUT-2026-0302",
            "objectives reached 0/4",  # the player's and the shared ones, as listed
            "5 turns left",
            "No replies on their way.",
        ):
            assert part in status
        await pilot.press("4")
        await settle(pilot)
        objectives = text_of(app, "#objectives-text")
        assert objectives.count("(you") + objectives.count("(shared") == 4
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BriefingDialog), "the briefing again, on b"


async def test_a_whole_tutorial_game_by_key_presses() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        # Turn 1: check the minibus, then ask Europol urgently about the driver's phone.
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, StepDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        await compose_send(pilot, ["europol"], ["driver_phone"], urgent=True, grade="A1")
        assert isinstance(app.screen, GameScreen), "an accepted message closes the form"
        await pilot.press("e")
        await settle(pilot)
        summary = screen_text(app)
        assert "Turn 2 begins" in summary
        assert "Recruiter 'Teo' in state A" in summary
        await dismiss_dialogs(pilot)
        # Turn 2: ask Europol's permission (case board), send what C needs, interview.
        await pilot.press("3")
        await settle(pilot)
        await choose(pilot, app.screen.query_one("#board-list", OptionList), "recruiter_alias")
        await pilot.press("p")
        await settle(pilot)
        await compose_send(pilot, ["authorities_c"], ["minibus_plate", "driver_phone"])
        await pilot.press("a")
        await settle(pilot)
        await choose(pilot, app.screen.query_one("#steps", OptionList), "interview_passengers")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session is not None and app.session.state.ap == 0
        await pilot.press("e")
        await settle(pilot)
        await dismiss_dialogs(pilot)
        # Turn 3: ask Mira first, then refer her to the NGO through the Partners pane; end
        # with points left.
        await pilot.press("a")
        await settle(pilot)
        await choose(pilot, app.screen.query_one("#steps", OptionList), "ask_mira")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await choose(pilot, app.screen.query_one("#partners-list", OptionList), "ngo")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, RequestDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        await dismiss_dialogs(pilot)
        # Turn 4: Europol has agreed; the recruiter's details go to C.
        await compose_send(pilot, ["authorities_c"], ["recruiter_alias"])
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot, 0.2)
        await dismiss_dialogs(pilot)
        await settle(pilot, 0.2)
        assert isinstance(app.screen, DebriefScreen)
        debrief = screen_text(app)
        assert "Victims safe, network exposed" in debrief
        assert "best outcome" in debrief
        assert "Information exchange" in debrief and "Source:" in debrief
        for section in ("Cooperation map", "What you missed", "Questions for reflection"):
            assert section in debrief
        assert "Learning objectives (section 7.2)" in debrief
        assert "You reached the best ending." in debrief
        assert app.session.state.ending == "network_disrupted"
        assert app.errors == []


async def test_the_debrief_filters_its_timeline_and_exports_a_report(
    _private_home: Path,
) -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        app.perform(Do("fine_passengers"))  # a bad ending, on turn 1
        await settle(pilot, 0.2)
        await dismiss_dialogs(pilot)
        assert isinstance(app.screen, DebriefScreen)
        screen = app.screen
        assert "The victims were punished" in screen_text(app)
        everyone = text_of(app, "#debrief-timeline")
        # Only what Europol took part in: the vehicle check and the fine were not.
        screen.query_one("#timeline-who", Select).value = "europol"
        await settle(pilot)
        assert text_of(app, "#debrief-timeline") != everyone
        assert "fine" not in text_of(app, "#debrief-timeline").lower()
        await pilot.press("x")
        await settle(pilot)
        reports = sorted((_private_home / "reports").iterdir())
        assert [p.suffix for p in reports] == [".html", ".md"]
        report = reports[1].read_text(encoding="utf-8")
        assert "The victims were punished" in report and "## Timeline" in report
        assert app.errors == []


async def test_a_finished_game_can_be_reviewed_from_the_title(_private_home: Path) -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("fine_passengers"))
        await settle(pilot, 0.2)
        await dismiss_dialogs(pilot)
        assert isinstance(app.screen, DebriefScreen)
        # The finished game is kept for review; a new game is saved to a file of its own.
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TitleScreen)
        assert app.screen.query_one("#title-menu", OptionList).get_option("review")
        app.start_game(app.catalogue[0], app.catalogue[0].roles[0], 1)  # type: ignore[index]
        await settle(pilot, 0.2)
        await dismiss_dialogs(pilot)
        assert app.save_path is not None
        in_progress = app.save_path.read_text(encoding="utf-8")
        app.pop_to_title()
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, SavesScreen)
        options = app.screen.query_one("#save-list", OptionList)
        assert options.option_count == 2  # the game in progress and the finished one
        assert "Tutorial: the night minibus" in str(options.get_option_at_index(1).prompt)
        await choose(pilot, options, options.get_option_at_index(1).id or "")
        await pilot.press("enter")
        await settle(pilot, 0.2)
        assert isinstance(app.screen, DebriefScreen)
        assert "The victims were punished" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SavesScreen)
        assert app.save_path.read_text(encoding="utf-8") == in_progress
        assert app.errors == []


async def test_compose_and_send_a_siena_message() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await compose_send(pilot, ["europol"], ["minibus_plate"], grade="A1")
        assert app.session is not None
        sent = app.session.state.outbox("border_b")
        assert [m.recipients for m in sent] == [("europol",)]
        assert (sent[0].source_code, sent[0].info_code) == ("A", "1")
        assert app.session.state.ap == 2
        await pilot.press("v")  # the outbox
        await settle(pilot)
        siena = text_of(app, "#siena-message")
        assert "To: Europol" in siena
        assert "Handling code H0: use only to prevent and combat crime" in siena
        assert "Evaluation: A1" in siena


async def test_a_refused_message_keeps_the_form_open_with_the_reason() -> None:
    app = app_for(role="ngo")
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ComposeDialog)
        assert [o.value for o in dialog.query_one("#to", SelectionList).options]
        await tick(pilot, dialog.query_one("#to", SelectionList), ["europol"])
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog, "the form stays open"
        status = str(dialog.query_one(".dialog-status", Static).render())
        assert (
            "not connected to SIENA" in status
            or "no access to SIENA" in status.lower()
            or ("SIENA" in status and "Not done" in status)
        )
        assert "Europol Regulation" in status
        assert app.session is not None and app.session.state.ap == 3


async def test_switching_language_mid_game() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert app.lang == "sl"
        status = text_of(app, "#status")
        assert "Poteza 1/6" in status and "Akcijske točke" in status
        tabs = app.screen.query_one("#tabs", TabRow)
        assert tabs.label("board") == "3 Znani podatki"
        assert "3 Znani podatki" in on_screen(app, tabs), "the row on screen is redrawn"
        assert app.session is not None and app.session.lang == "sl"
        settings = json.loads((user_data_dir() / "settings.json").read_text())
        assert settings["lang"] == "sl"
        await pilot.press("f2")
        await settle(pilot)
        assert "Turn 1/6" in text_of(app, "#status")


async def test_resize_too_small_and_back_keeps_the_game() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        before = app.session.state.to_dict()  # type: ignore[union-attr]
        await pilot.resize_terminal(60, 20)
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        assert "80" in screen_text(app) and "nothing is lost" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        await pilot.resize_terminal(140, 45)
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.session.state.to_dict() == before  # type: ignore[union-attr]
        assert app.errors == []


async def test_resume_from_the_autosave() -> None:
    first = app_for()
    async with first.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        first.perform(Do("check_vehicle", "minibus_plate"))
        first.perform(EndTurn())
        state = first.session.state.to_dict()  # type: ignore[union-attr]
    second = TraffickingApp(AppConfig(lang="en"))
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        assert isinstance(second.screen, TitleScreen)
        choices = second.screen.query_one("#title-menu", OptionList)
        assert choices.options[0].id == "continue"
        assert "Tutorial: the night minibus" in str(choices.options[0].prompt)
        await pilot.press("c")
        await settle(pilot, 0.2)
        assert isinstance(second.screen, GameScreen)
        assert second.session is not None
        assert second.session.state.to_dict() == state
        assert "Turn 2/6" in text_of(second, "#status")


async def test_an_unexpected_error_shows_a_dialog_and_keeps_the_game(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from trafficking_sim.tui.panes.board import BoardPane

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))

        def broken(self: BoardPane) -> None:
            raise RuntimeError("a bug in the board")

        await pilot.press("3")
        await settle(pilot)
        monkeypatch.setattr(BoardPane, "update_view", broken)
        await pilot.press("f2")  # redraws the pane on screen
        await settle(pilot, 0.2)
        assert isinstance(app.screen, ErrorScreen)
        text = screen_text(app)
        assert "Your game is saved" in text or "Vaša igra je shranjena" in text
        assert "Traceback" not in text
        log = user_data_dir() / "logs" / "error.log"
        assert "a bug in the board" in log.read_text(encoding="utf-8")
        monkeypatch.undo()
        await pilot.click("#error-continue")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.session is not None and app.session.actions == [
            Do("check_vehicle", "minibus_plate")
        ]
        app.errors.clear()


async def test_content_is_shown_literally_never_as_markup(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "scenarios" / "tutorial.yaml"
    folder = tmp_path / "scenarios"
    folder.mkdir()
    text = source.read_text(encoding="utf-8").replace(
        'label: {en: "Minibus plate"', 'label: {en: "Minibus [bold]plate[/bold] [x]"'
    )
    (folder / "tutorial.yaml").write_text(text, encoding="utf-8")
    app = TraffickingApp(
        AppConfig(scenario=str(folder / "tutorial.yaml"), role="border_b", lang="en", seed=1)
    )
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("3")
        await settle(pilot)
        board = app.screen.query_one("#board-list", OptionList)
        prompts = [str(o.prompt) for o in board.options]
        assert any("Minibus [bold]plate[/bold] [x]" in p for p in prompts), prompts
        assert app.errors == []


async def test_help_lists_the_keys_of_the_screen() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ("End turn", "Compose", "Your steps", "Glossary", "How to play"):
            assert words in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)


async def test_the_glossary_is_searchable() -> None:
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, CodexScreen)
        await pilot.press(*"siena")
        await settle(pilot)
        assert "Europol's secure channel" in text_of(app, "#codex-entry")


async def test_the_slovene_glossary_gives_an_entrys_sources_in_slovene() -> None:
    app = TraffickingApp(AppConfig(lang="sl"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press(*"evropski nalog za prijetje")
        await settle(pilot)
        entry = text_of(app, "#codex-entry")
        assert "Okvirni sklep Sveta 2002/584/PNZ, 6. člen" in entry
        assert "Framework Decision" not in entry


async def test_a_glossary_link_in_a_text_opens_its_entry() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await settle(pilot, 0.3)
        await app.run_action("app.codex('siena')")
        await settle(pilot)
        assert isinstance(app.screen, CodexScreen)
        assert "SIENA" in text_of(app, "#codex-entry")


async def test_q_quits_but_not_while_typing() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("5")
        await settle(pilot)
        app.screen.query_one("#log-filter").focus()
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running
        assert app.screen.query_one("#log-filter").value == "q"  # type: ignore[attr-defined]
        app.screen.query_one("#tabs").focus()
        await pilot.press("f10")
        await settle(pilot)
    assert not app.is_running


async def test_the_command_palette_offers_the_game_actions() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("End turn", "Compose", "Your steps", "Glossary", "Language", "Help"):
            assert title in titles


async def test_the_partners_pane_shows_a_partner_that_trusts_you_less() -> None:
    from trafficking_sim.engine import Send, Share

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        app.perform(Send(to=("europol",), facts=("driver_phone",), priority="urgent"))
        app.perform(EndTurn())
        await settle(pilot)
        await dismiss_dialogs(pilot)
        app.perform(Share("authorities_c", ("recruiter_alias",)))  # H2, no permission
        await settle(pilot)
        await dismiss_dialogs(pilot)
        await pilot.press("2")
        await settle(pilot)
        partners = app.screen.query_one("#partners-list", OptionList)
        await choose(pilot, partners, "europol")
        await settle(pilot)
        shown = str(partners.get_option("europol").prompt)
        assert "⚠" in shown
        assert "Trusts you less" in text_of(app, "#partner-detail")


async def test_the_compose_form_says_which_grade_fits_the_facts_ticked() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        await settle(pilot)
        await dismiss_dialogs(pilot)
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ComposeDialog)
        assert "fits" not in text_of(app, "#eval-explain")
        await tick(pilot, dialog.query_one("#facts", SelectionList), ["driver_phone"])
        await settle(pilot)
        explained = text_of(app, "#eval-explain")
        assert "A1 fits" in explained and "Your own officers read the calls" in explained
