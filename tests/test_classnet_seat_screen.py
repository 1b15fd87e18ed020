"""A group's seat on the full screen is the real game for its own role: its actions go to
the class log, rows other processes write reach its screen by polling, it says for whom it
waits and refuses the game's keys meanwhile, and another role's view never reaches it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.content import GameContent
from trafficking_sim.engine import EndTurn
from trafficking_sim.i18n import t
from trafficking_sim.tui.screens.dialogs import MessageDialog
from trafficking_sim.tui.screens.seat_game import SeatGameScreen, TalkDialog, WaitingScreen
from trafficking_sim.tui.seat import SeatApp

from .classnet_support import device as other_process
from .classnet_support import make_class, running_seat, until, whole_footer_keys


def on_screen(app: SeatApp) -> str:
    """The text the group can read now, as drawn."""
    svg = app.export_screenshot()
    return svg.replace("&#160;", " ").replace("&#x27;", "'").replace("&amp;", "&")


async def seated(pilot: Any, app: SeatApp) -> None:
    """The seat taken and its first dialogs (the briefing, the start) read."""
    await until(pilot, lambda: app.net is not None, "the seat was taken")
    await pilot.pause(0.1)
    while app.screen.is_modal:
        await pilot.press("escape")
        await pilot.pause(0.05)
    app.clear_notifications()


@asynccontextmanager
async def seat_of(
    db: Path,
    content: GameContent,
    role: str,
    *,
    lang: str = "en",
    size: tuple[int, int] = (100, 30),
) -> AsyncIterator[tuple[SeatApp, Pilot[None]]]:
    """A class of two groups (border_b, ngo) in ``db``, and ``role``'s seat (at 100x30 unless
    told), taken and its first dialogs read."""
    async with running_seat(db, content, role, lang=lang, size=size) as (app, pilot, _):
        await seated(pilot, app)
        yield app, pilot


def notes(app: SeatApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def only_border_b_knows(tutorial: GameContent, game: ClassGame) -> list[str]:
    """The labels of the facts the border police know and the NGO does not, now."""
    known = game.session.state.knowledge
    facts = set(known.get("border_b", {})) - set(known.get("ngo", {}))
    assert facts, "the test needs a fact only the border police know"
    return [tutorial.facts[f].label.get("en") for f in facts]


async def test_a_waiting_group_sees_for_whom_it_waits_and_nothing_of_their_view(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "ngo") as (app, pilot):
        assert isinstance(app.screen, WaitingScreen)
        # A screen just pushed is drawn a frame later: wait for the words, not the class.
        await until(pilot, lambda: "Waiting for Border police B" in on_screen(app), "drawn")
        text = on_screen(app)
        for label in only_border_b_knows(tutorial, other_process(db)):
            assert label not in text
        # The game's keys say why nothing happens, rather than nothing at all.
        await pilot.press("c")
        await until(pilot, lambda: "Waiting for Border police B" in notes(app), "a refusal")
        assert other_process(db).applied == 0  # nothing was written


async def test_a_row_from_another_process_reaches_the_screen_and_gives_the_turn(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "ngo") as (app, pilot):
        other = other_process(db)
        secret = only_border_b_knows(tutorial, other)
        assert other.commit("border_b", EndTurn()).status == "done"
        await until(pilot, lambda: "Your group's turn" in on_screen(app), "the NGO's turn")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SeatGameScreen), "the game screen")
        assert app.session is not None and app.session.state.role == "ngo"
        for tab in "12345":
            await pilot.press(tab)
            await pilot.pause(0.1)
            text = on_screen(app)
            for label in secret:
                assert label not in text, f"tab {tab} shows what only the border police know"


async def test_a_groups_action_is_written_to_the_class_log_for_the_others(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "border_b") as (app, pilot):
        assert isinstance(app.screen, SeatGameScreen)
        await pilot.press("e")  # end the turn, with action points left: asked first
        await pilot.pause(0.1)
        await pilot.click("#yes")
        other = other_process(db)
        assert [row.author for row in other.store.rows_after("c1", 0)] == ["border_b"]
        assert other.whose_turn == "ngo"
        await until(pilot, lambda: isinstance(app.screen, WaitingScreen), "waiting")
        await until(pilot, lambda: "Waiting for NGO" in on_screen(app), "the wait said")


async def test_the_trainers_pause_freezes_input_with_a_message(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "border_b") as (app, pilot):
        trainer = other_process(db)
        trainer.control("input_pause")
        await until(pilot, lambda: isinstance(app.screen, WaitingScreen), "the pause")
        await until(pilot, lambda: "paused" in on_screen(app).lower(), "the pause said")
        await pilot.press("e")
        await until(pilot, lambda: "paused" in notes(app).lower(), "a refusal")
        assert trainer.store.rows_after("c1", 1) == []  # nothing written after the pause
        trainer.control("input_resume")
        await until(pilot, lambda: isinstance(app.screen, SeatGameScreen | MessageDialog), "go")


async def test_chat_is_a_key_away_and_reaches_the_other_group(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "ngo") as (app, pilot):
        await pilot.press("t")
        await pilot.pause(0.1)
        assert isinstance(app.screen, TalkDialog)
        app.screen.query_one(Input).value = "[b]we can host two people[/b]"
        await pilot.press("enter")
        await pilot.pause(0.1)
        other = other_process(db)
        assert [x.text for x in other.talk] == ["[b]we can host two people[/b]"]
        assert "[b]we can host two people[/b]" in on_screen(app)  # text, not markup


@pytest.mark.parametrize("lang", ["en", "sl"])
async def test_a_groups_keys_are_whole_in_the_footer_at_80_columns(
    tmp_path: Path, tutorial: GameContent, lang: str
) -> None:
    """The chat key makes one more than the game screen's: in Slovene the palette's key,
    docked at the right, covered F10."""
    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "border_b", lang=lang, size=(80, 24)) as (app, pilot):
        assert isinstance(app.screen, SeatGameScreen)
        await pilot.pause(0.1)
        keys = whole_footer_keys(app.screen, 80)
        for key, ident in (
            ("c", "compose"),
            ("a", "steps"),
            ("e", "end_turn"),
            ("t", "talk"),
            ("f1", "help"),
            ("f10", "quit"),
        ):
            assert key in keys, f"{key} is not in the footer"
            assert t(f"key.{ident}", lang) in str(keys[key].render()), key


def test_snapshot_of_a_groups_game_screen(
    snap_compare: Any, tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    issued = make_class(db, tutorial)

    async def into_game(pilot: Any) -> None:
        await seated(pilot, pilot.app)

    app = SeatApp(db, issued["border_b"], "en")
    assert snap_compare(app, terminal_size=(80, 24), run_before=into_game)


async def test_the_seat_opens_the_class_debrief_when_the_trainer_releases_it(
    tmp_path: Path, tutorial: GameContent
) -> None:
    """The end of the game: each group reads the class debrief on its own screen, the same
    review that ``debrief`` gives of the class's export."""
    from textual.widgets import Markdown

    from trafficking_sim.classroom.class_debrief import class_debrief_markdown
    from trafficking_sim.tui.screens.trainer import ClassDebriefScreen

    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "ngo") as (app, pilot):
        trainer = other_process(db)
        assert trainer.commit("border_b", EndTurn()).status == "done"
        assert trainer.control("end_game").status == "done"
        await until(pilot, lambda: isinstance(app.screen, ClassDebriefScreen), "the debrief")
        shown = app.screen.query_one("#class-text", Markdown)
        await until(pilot, lambda: bool(shown.source), "the debrief written")
        text = shown.source
        assert text == class_debrief_markdown(trainer.session, "en")
        assert "NGO" in text and "Border police B" in text


async def test_a_seat_learns_of_another_process_rows_by_the_change_signal(
    tmp_path: Path, tutorial: GameContent
) -> None:
    """A row another process writes reaches the screen within ~300 ms, and an idle seat
    does not read the log's rows while nothing is written."""
    import subprocess
    import sys
    import time

    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "ngo") as (app, pilot):
        assert app.net is not None
        store = app.net.store
        reads: list[int] = []
        read_rows = store.rows_after

        def counted(class_id: str, after: int) -> Any:
            reads.append(after)
            return read_rows(class_id, after)

        store.rows_after = counted  # type: ignore[method-assign]
        await pilot.pause(1.0)
        assert reads == [], "an idle seat read the log"
        writer = (
            "import sys, time\n"
            "from pathlib import Path\n"
            "from trafficking_sim.classnet.game import ClassGame\n"
            "from trafficking_sim.classnet.store import ClassStore\n"
            "store = ClassStore(Path(sys.argv[1]))\n"
            "game = ClassGame(store, store.classes()[0])\n"
            "game.say('border_b', 'chat', 'all', 'the shelter has two beds')\n"
            "print(time.time())\n"
        )
        process = subprocess.Popen(
            [sys.executable, "-c", writer, str(db)], stdout=subprocess.PIPE, text=True
        )
        try:
            for _ in range(3000):
                await pilot.pause(0.005)
                if "the shelter has two beds" in notes(app):
                    seen = time.time()
                    break
            else:
                raise AssertionError("the chat line never reached the seat")
            written = float(process.communicate(timeout=30)[0])
        finally:
            if process.poll() is None:
                process.kill()
        assert seen - written < 0.3, f"the row took {seen - written:.3f} s to reach the seat"
        assert reads == [0], "the seat read the log once, when the row was written"


async def test_the_clock_waits_under_a_dialog_and_is_right_when_it_closes(
    tmp_path: Path, tutorial: GameContent
) -> None:
    """A running clock under a dialog redrew the whole screen behind the dialog's shade
    every second; it now waits, and shows the right time again as the dialog closes."""
    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "border_b") as (app, pilot):
        assert isinstance(app.screen, SeatGameScreen)
        game_screen = app.screen
        clock = game_screen.query_one("#seat-clock", Static)
        assert other_process(db).control("phase_start").status == "done"
        await until(
            pilot,
            lambda: (
                "left" in str(clock.render())
                and app.net is not None
                and app.net.controls.timer.running
            ),
            "the clock running",
        )
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TalkDialog), "the talk dialog")
        await pilot.pause(0.3)  # a tick already on its way as the dialog opened
        shown = str(clock.render())
        await pilot.pause(2.2)  # two ticks of the clock
        assert str(clock.render()) == shown, "the clock ticked under the dialog"
        assert app.clock_text() != shown
        # The clock as it reads from just before the dialog closes until the screen is back
        # (a second may turn meanwhile): the screen must show one of these at once, not the
        # stale time until its next tick (its ticks need not fall on the second).
        times = {app.clock_text()}
        await pilot.press("escape")

        def back() -> bool:
            times.add(app.clock_text())
            return app.screen is game_screen

        await until(pilot, back, "the game screen again")
        rendered = str(clock.render())
        assert rendered != shown, "the clock was not set right as the dialog closed"
        assert rendered in times, (rendered, times)


async def test_a_chat_line_shows_without_redrawing_the_game(
    tmp_path: Path, tutorial: GameContent
) -> None:
    """Talk changes nothing in the game: the line shows, the panes are not drawn again
    (redrawing them made the group's own screen the slowest to show a chat line)."""
    db = tmp_path / "class.db"
    async with seat_of(db, tutorial, "border_b") as (app, pilot):
        screen = app.screen
        assert isinstance(screen, SeatGameScreen)
        redrawn: list[int] = []
        original = screen.update_panes

        def counting() -> None:
            redrawn.append(1)
            original()

        screen.update_panes = counting  # type: ignore[method-assign]
        assert other_process(db).say("ngo", "chat", "all", "we have the passports").status == "done"
        await until(pilot, lambda: "we have the passports" in notes(app), "the chat line")
        await pilot.pause(0.2)
        assert redrawn == []
