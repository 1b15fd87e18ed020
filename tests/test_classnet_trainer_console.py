"""The trainer's console of a networked class on the full screen: who is here, the clock,
every trainer control a key away (each writes its row of the class log, which the groups'
seats obey), the command line of the plain console, and one group's presentation view."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Footer, Input, Select, Static
from textual.widgets._footer import FooterLabel

from trafficking_sim.classnet.seat import SeatGame
from trafficking_sim.classnet.store import TRAINER, ClassStore
from trafficking_sim.content import GameContent
from trafficking_sim.engine import EndTurn
from trafficking_sim.i18n import t
from trafficking_sim.paths import user_data_dir
from trafficking_sim.tui.screens.dialogs import ConfirmDialog, MessageDialog
from trafficking_sim.tui.screens.trainer import ClassDebriefScreen
from trafficking_sim.tui.screens.trainer_console import (
    PresentScreen,
    ToolDialog,
    TrainerConsoleScreen,
)
from trafficking_sim.tui.seat import SeatApp

from .classnet_support import device as other_process
from .classnet_support import make_class, running_seat, until, whole_footer_keys


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The class's file."""
    return tmp_path / "class.db"


def last_row(db: Path) -> tuple[str, dict[str, Any]]:
    store = ClassStore(db)
    try:
        row = store.rows_after("c1", 0)[-1]
    finally:
        store.close()
    return row.author, row.body


def console(app: SeatApp) -> TrainerConsoleScreen:
    assert app.trainer_console is not None
    return app.trainer_console


def side(app: SeatApp) -> str:
    screen = console(app)
    return "\n".join(
        str(screen.query_one(f"#console-{part}", Static).render())
        for part in ("turn", "timer", "presence")
    )


async def opened(pilot: Any, app: SeatApp) -> TrainerConsoleScreen:
    await until(pilot, lambda: isinstance(app.screen, TrainerConsoleScreen), "the console")
    await until(pilot, lambda: "▶" in side(app), "the side panel drawn")
    return console(app)


def clock_label(screen: TrainerConsoleScreen) -> str:
    """The label the footer shows after the clock's keys."""
    (label,) = screen.query_one(Footer).query(FooterLabel).results(FooterLabel)
    return str(label.render()).strip()


class Console(NamedTuple):
    app: SeatApp
    pilot: Pilot[None]
    screen: TrainerConsoleScreen
    codes: dict[str, str]


@asynccontextmanager
async def trainer_console(
    db: Path, content: GameContent, lang: str = "en", **changes: Any
) -> AsyncIterator[Console]:
    """A class of two groups (border_b, ngo) in ``db``, and the trainer's console opened
    with the trainer's code at 80x24, its side panel drawn."""
    async with running_seat(db, content, TRAINER, lang=lang, **changes) as (app, pilot, codes):
        yield Console(app, pilot, await opened(pilot, app), codes)


async def dialog(pilot: Any, app: SeatApp, key: str) -> ToolDialog:
    await pilot.press(key)
    await until(pilot, lambda: isinstance(app.screen, ToolDialog), f"the dialog of {key!r}")
    assert isinstance(app.screen, ToolDialog)
    return app.screen


async def fill(pilot: Any, app: SeatApp, key: str, choices: list[str], text: str | None) -> None:
    """Open a control's dialog, choose and type, and press its OK button."""
    screen = await dialog(pilot, app, key)
    for number, value in enumerate(choices):
        screen.query_one(f"#tool-choice-{number}", Select).value = value
    if text is not None:
        screen.query_one("#tool-text", Input).value = text
    await pilot.click("#tool-ok")
    await until(pilot, lambda: isinstance(app.screen, TrainerConsoleScreen), "the dialog closed")


async def test_the_presence_list_shows_each_group_and_updates_when_a_seat_joins(
    db: Path, tutorial: GameContent
) -> None:
    async with trainer_console(db, tutorial) as (app, pilot, _, _):
        assert "▶ Border police B: not connected" in side(app).replace("\n", " ")
        assert "NGO: not connected" in side(app)
        assert "You play" not in side(app)  # the trainer's console, not a group's seat
        group = other_process(db)
        group.store.here("c1", "ngo")
        await until(pilot, lambda: "NGO: connected" in side(app), "the NGO shown connected")
        group.store.gone("c1", "ngo")
        await until(pilot, lambda: "NGO: not connected" in side(app), "the NGO shown gone")


async def test_a_groups_row_reaches_the_console_and_moves_the_turn(
    db: Path, tutorial: GameContent
) -> None:
    async with trainer_console(db, tutorial) as (app, pilot, screen, _):
        assert other_process(db).commit("border_b", EndTurn()).status == "done"
        await until(pilot, lambda: "[1] Border police B:" in screen.history, "the row shown")
        await until(pilot, lambda: "▶ NGO" in side(app), "the NGO's turn marked")


# The key, what its dialog is given (choices, text), and the row it writes.
CONTROLS: list[tuple[str, list[str], str | None, dict[str, Any]]] = [
    ("s", [], None, {"control": "phase_start"}),
    ("p", [], None, {"control": "phase_pause"}),
    ("x", [], "5", {"control": "phase_extend", "minutes": 5}),
    ("k", [], None, {"control": "phase_skip"}),
    ("f", [], None, {"control": "input_pause"}),
    ("e", [], None, {"type": "end_turn"}),
    ("i", ["hotline_call"], None, {"type": "trainer_inject", "inject": "hotline_call"}),
    (
        "r",
        ["ngo", "driver_phone"],
        None,
        {"type": "trainer_reveal", "actor": "ngo", "fact": "driver_phone"},
    ),
    ("n", [], "[b]late[/b] start", {"type": "trainer_note", "text": "[b]late[/b] start"}),
    ("c", ["ngo"], "ready?", {"chat": {"to": "ngo", "text": "ready?"}}),
    ("o", ["ngo"], None, {"control": "revoke", "role": "ngo"}),
]


@pytest.mark.parametrize(("key", "choices", "text", "row"), CONTROLS, ids=[c[0] for c in CONTROLS])
async def test_each_control_key_writes_its_row_of_the_class_log(
    db: Path,
    tutorial: GameContent,
    key: str,
    choices: list[str],
    text: str | None,
    row: dict[str, Any],
) -> None:
    for value in choices:
        assert value in {*tutorial.injects, *tutorial.facts, "ngo", "border_b"}, value
    async with trainer_console(db, tutorial) as (app, pilot, screen, _):
        if choices or text is not None:
            await fill(pilot, app, key, choices, text)
        else:
            await pilot.press(key)
            await pilot.pause(0.1)
        assert last_row(db) == ("@trainer", row)
        assert screen.history[-1] != ""  # the trainer is told what was done


async def test_pausing_all_input_makes_a_seats_action_refused_with_the_reason(
    db: Path, tutorial: GameContent
) -> None:
    async with trainer_console(db, tutorial) as (app, pilot, _, _):
        await pilot.press("f")
        await until(pilot, lambda: "paused for every group" in side(app), "the pause shown")
        out = io.StringIO()
        seat = SeatGame(other_process(db), "border_b", out, lang="en", echo=False)
        seat.play(EndTurn())
        assert "the trainer paused play" in out.getvalue()
        assert last_row(db)[1] == {"control": "input_pause"}  # nothing written after it
        await pilot.press("f")  # and again: play resumes
        await until(pilot, lambda: "paused for every group" not in side(app), "the resume")
        assert last_row(db)[1] == {"control": "input_resume"}
        assert seat.game.commit("border_b", EndTurn()).status == "done"


async def test_a_row_arriving_as_the_console_is_taken_down_is_kept_not_a_crash(
    db: Path, tutorial: GameContent
) -> None:
    """A group's row can come in while the program closes and the console's widgets are
    gone (seen in CI, at the end of a test): it is kept in the history, and nothing fails."""
    async with trainer_console(db, tutorial) as (app, _, screen, _):
        await screen.query("#console-log").remove()
        kept = list(screen.history)
        seat = SeatGame(other_process(db), "border_b", io.StringIO(), lang="en", echo=False)
        seat.play(EndTurn())
        screen.arrived(app.net.catch_up())  # as the seat's poll hands the rows on
        assert len(screen.history) > len(kept)


async def test_a_reissued_code_is_shown_once_and_opens_the_seat(
    db: Path, tutorial: GameContent
) -> None:
    async with trainer_console(db, tutorial) as (app, pilot, _, issued):
        screen = await dialog(pilot, app, "u")
        screen.query_one("#tool-choice-0", Select).value = "ngo"
        await pilot.click("#tool-ok")
        await until(pilot, lambda: isinstance(app.screen, MessageDialog), "the new code shown")
        said = str(app.screen.query_one("#dialog-text", Static).render())
        code = said.split("New code for NGO: ")[1].split(" ")[0]
        assert not any(code in line for line in console(app).history)  # shown once only
        store = ClassStore(db)
        found = store.seat_for_code(code)
        assert found is not None and found[1] == "ngo"
        assert store.seat_for_code(issued["ngo"]) is None  # the old code no longer works
        store.close()
        assert last_row(db) == ("@trainer", {"control": "reissue", "role": "ngo"})


async def test_ending_the_game_asks_first_then_releases_the_class_debrief(
    db: Path, tutorial: GameContent
) -> None:
    async with trainer_console(db, tutorial) as (app, pilot, _, _):
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert other_process(db).applied == 0  # not ended without a yes
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.click("#yes")
        await until(pilot, lambda: isinstance(app.screen, ClassDebriefScreen), "the debrief")
        assert last_row(db) == ("@trainer", {"control": "end_game"})
        assert other_process(db).controls.ended


async def test_present_shows_one_groups_map_and_decisions_full_screen(
    db: Path, tutorial: GameContent
) -> None:
    async with trainer_console(db, tutorial) as (app, pilot, _, _):
        await fill_present(pilot, app, "ngo")
        text = str(app.screen.query_one("#present-text", Static).render())
        assert "NGO: cooperation map and decisions" in text
        assert "Border police B" in text and "no exchange" in text  # the map
        assert "No decisions yet." in text
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TrainerConsoleScreen), "back")


async def fill_present(pilot: Any, app: SeatApp, role: str) -> None:
    screen = await dialog(pilot, app, "v")
    screen.query_one("#tool-choice-0", Select).value = role
    await pilot.click("#tool-ok")
    await until(pilot, lambda: isinstance(app.screen, PresentScreen), "the presentation")
    await pilot.pause(0.1)


async def test_the_command_line_takes_the_plain_consoles_commands_as_text(
    db: Path, tutorial: GameContent
) -> None:
    async with trainer_console(db, tutorial) as (app, pilot, screen, _):
        await pilot.press("colon")
        line = screen.query_one("#console-command", Input)
        assert line.has_focus
        line.value = "chat all [b]bold?[/b]"
        await pilot.press("enter")
        await until(pilot, lambda: any("[b]bold?[/b]" in x for x in screen.history), "chat")
        assert last_row(db)[1] == {"chat": {"to": "all", "text": "[b]bold?[/b]"}}
        line.value = "who"
        await pilot.press("enter")
        await until(pilot, lambda: "  NGO: not connected" in screen.history, "who")
        drawn = app.export_screenshot().replace("&#160;", " ")
        assert "[b]bold?[/b]" in drawn  # on the screen as typed: text, not markup
        await pilot.press("escape")
        assert not line.has_focus
        await pilot.press("colon")
        line.value = "end"  # typed, as in the plain console: the debrief opens all the same
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ClassDebriefScreen), "the debrief")


async def test_f1_lists_every_key_of_the_console_and_f2_switches_its_language(
    db: Path, tutorial: GameContent
) -> None:
    async with trainer_console(db, tutorial, "sl") as (app, pilot, screen, _):
        await pilot.press("f1")
        await pilot.pause(0.1)
        listed = "\n".join(screen.history)
        assert "Tipke konzole:" in listed and "Končaj igro" in listed and "Nova koda" in listed
        assert "Skupine" in side(app)
        assert clock_label(screen) == "Ura"
        await pilot.press("f2")  # the other language: the panel and what is written next
        await until(pilot, lambda: "Groups" in side(app), "the panel in English")
        await until(pilot, lambda: clock_label(screen) == "Clock", "the footer in English")
        await pilot.press("s")
        await until(pilot, lambda: "started the clock" in screen.history[-1], "English")


MOST_USED = {
    "s": "console_clock",  # start and pause: the clock's two keys under one label
    "p": "console_clock",
    "f": "console_freeze",
    "i": "console_inject",
    "c": "console_chat",
    "f1": "help",
    "f10": "quit",
}
"""The keys the footer shows whole at 80 columns, and what each is called there."""


@pytest.mark.parametrize("lang", ["en", "sl"])
async def test_the_footer_at_80_columns_shows_the_most_used_keys_whole(
    db: Path, tutorial: GameContent, lang: str
) -> None:
    """It showed the clock's keys and cut the rest (help and quit among them) at its edge."""
    async with trainer_console(db, tutorial, lang) as (_, pilot, screen, _):
        await pilot.pause(0.1)
        keys = whole_footer_keys(screen, 80)
        assert set(MOST_USED) <= set(keys), f"missing: {set(MOST_USED) - set(keys)}"
        footer = screen.query_one(Footer)
        for key, ident in MOST_USED.items():
            label = t(f"key.{ident}", lang)
            if ident == "console_clock":
                (clock,) = footer.query(FooterLabel).results(FooterLabel)
                assert clock_label(screen) == label
                assert keys[key].region.right <= clock.region.x  # the label after its keys
            else:
                assert label in str(keys[key].render()), f"{key}: {keys[key].render()!r}"


async def test_f1_lists_every_key_those_the_footer_leaves_out_too(
    db: Path, tutorial: GameContent
) -> None:
    async with trainer_console(db, tutorial) as (_, pilot, screen, _):
        left_out = [b for b in screen.BINDINGS if isinstance(b, Binding) and not b.show]
        assert left_out  # (at 80 columns not every key has room)
        await pilot.press("f1")
        await pilot.pause(0.1)
        listed = screen.history[screen.history.index("The console's keys:") + 1 :]
        rows = {tuple(line.split(maxsplit=1)) for line in listed}
        expected = {
            ("s", "Start clock"),
            ("p", "Pause clock"),
            ("f", "Pause/resume play"),
            ("i", "Event…"),
            ("c", "Chat…"),
            ("F1", "Help"),
            ("x", "Extend…"),
            ("k", "Skip phase"),
            ("e", "End turn of absent group"),
            ("r", "Give a fact…"),
            ("n", "Note…"),
            ("t", "All talk"),
            ("v", "Present…"),
            ("g", "End game"),
            ("o", "Revoke code…"),
            ("u", "New code…"),
            (":", "Command line"),
            ("Esc", "Back"),
            # The app's keys, which work here too.
            ("F2", "Language"),
            ("F3", "Glossary"),
            ("F10", "Quit"),
            ("q", "Quit"),
            ("CTRL+P", "Commands"),
            ("CTRL+T", "High contrast"),
        }
        assert expected <= rows, f"not listed: {expected - rows}"
        for item in screen.BINDINGS:  # a key added later is listed too
            assert isinstance(item, Binding)
            assert any(t(f"key.{item.id}", "en") == row[-1] for row in rows), item


def test_snapshot_of_the_trainers_console(
    snap_compare: Any, db: Path, tutorial: GameContent
) -> None:
    issued = make_class(db, tutorial)

    async def into_console(pilot: Any) -> None:
        await opened(pilot, pilot.app)
        await pilot.press("f")  # (not the clock: a running clock would change the picture)
        await until(pilot, lambda: "paused" in side(pilot.app), "the pause shown")

    app = SeatApp(db, issued[TRAINER], "en")
    run: Callable[[Any], Awaitable[None]] = into_console
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


async def test_markup_in_the_scenario_is_shown_literally_on_the_console(
    tmp_path: Path, db: Path
) -> None:
    """Group names, the scenario's title and the presentation view, from a scenario whose
    every text carries markup: shown as characters, never acted on."""
    from tests.corpus.markup import write_markup_content
    from tests.test_hostile_tui import assert_literal
    from trafficking_sim.content import load_game

    path = write_markup_content(tmp_path / "content")
    content = load_game(path)
    async with trainer_console(db, content, scenario_path=str(path)) as (app, pilot, _, _):
        assert_literal(app)
        await fill_present(pilot, app, "ngo")
        assert_literal(app)
        await pilot.press("escape")
        screen = await dialog(pilot, app, "i")  # the scenario's events, by their titles
        assert_literal(app)
        await pilot.press("escape")
        assert isinstance(screen, ToolDialog)


async def test_leaving_the_console_asks_first(db: Path, tutorial: GameContent) -> None:
    """A stray q would leave the class without its controls: the console asks, and only a
    yes leaves it (the class goes on; the trainer's code brings the console back)."""
    async with trainer_console(db, tutorial) as (app, pilot, screen, _):
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert "class goes on" in str(app.screen.query_one(".dialog-body", Static).render())
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "the console again")
        assert app.is_running
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question again")
        await pilot.press("f10")  # F10 twice: yes
        await until(pilot, lambda: not app.is_running, "the console closed")


@pytest.mark.parametrize("opened", ["question", "help", "saves"])
async def test_a_screen_opened_as_the_app_closes_is_no_error(
    db: Path, tutorial: GameContent, opened: str
) -> None:
    """A dialog (the console's question), a full screen (help) or one that fills itself
    when shown (the saved games) pushed in the moment the app closes (the window shut as
    a key opened it) is never built: no error dialog on the way out, nothing in the error
    log."""
    from trafficking_sim.tui.screens.saves import SavesScreen

    async with trainer_console(db, tutorial) as (app, _pilot, _, _):
        if opened == "question":
            await app.action_quit()  # the question is on its way...
        elif opened == "help":
            app.action_help()
        else:
            app.push_screen(SavesScreen())
        app.exit()  # ...and the app closes before it is drawn
    assert app.errors == []
    assert not (user_data_dir() / "logs" / "error.log").exists()
