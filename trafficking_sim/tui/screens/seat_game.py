"""The screens of a group's seat in a networked class: the normal game screen for the
group's own role, a waiting screen while another group plays, and the talk dialog.

The game screen's panes draw the view of whoever's turn it is; a seat shows them only on
its own group's turn. Otherwise a full (not modal) screen covers them, so that nothing of
another role's view is ever drawn on this device: it says for whom the group waits, the
phase's time and what has reached the group meanwhile, and it refuses the game's keys
with that reason.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.widgets import Footer, Input, Log, Select, Static

from ..localize import binding
from ..widgets.ticking import show
from .base import BaseModal, BaseScreen
from .game import GameScreen

if TYPE_CHECKING:
    from ..seat import SeatApp

GAME_KEYS = ("c", "a", "e", "r", "d", "s", "R", "p")
"""The game screen's action keys: on the waiting screen they are refused, with the reason."""


class SeatGameScreen(GameScreen):
    """The game screen of one group's seat: its actions go to the class log."""

    BINDINGS = [
        binding("t", "talk", "talk"),
    ]

    @property
    def seat(self) -> SeatApp:
        return cast("SeatApp", self.app)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, Footer):
                # The seat's chat key makes one more than the game screen's: at 80 columns
                # in Slovene the palette's key covered F10. Its place goes to the keys;
                # ctrl+p still opens the palette, and F1's help names it.
                widget.set_reactive(Footer.show_command_palette, False)
            yield widget
        yield Static(id="seat-clock")

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        self.show_clock()

    def _tick(self) -> None:
        # Under a dialog, any change redraws this whole screen behind the dialog's shade
        # (about 2% of a core for a ticking clock): the clock waits for the dialog to close.
        if self.app.screen is self:
            self.show_clock()

    def on_screen_resume(self) -> None:
        self.show_clock()

    def show_clock(self) -> None:
        with suppress(NoMatches):  # (not built yet, or closing)
            show(self.query_one("#seat-clock", Static), self.seat.clock_text())

    def action_talk(self) -> None:
        self.app.push_screen(TalkDialog())

    def action_to_title(self) -> None:
        self.app.call_later(self.app.action_quit)  # a seat has no title screen to go to


class WaitingScreen(BaseScreen[None]):
    """Over the game screen while it is not this group's turn (or input is paused)."""

    BINDINGS = [
        binding("t", "talk", "talk"),
        *(binding(key, "refuse", "refuse", show=False) for key in GAME_KEYS),
    ]

    @property
    def seat(self) -> SeatApp:
        return cast("SeatApp", self.app)

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[str] = []  # news given before the screen was built

    def compose(self) -> ComposeResult:
        with Vertical(id="waiting-panel"):
            yield Static(id="waiting-text")
            yield Static(id="waiting-clock")
            yield Log(id="waiting-news", highlight=False)
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        self.add_news([])

    def _tick(self) -> None:
        if self.app.screen is self:  # (under the talk dialog: when it closes, as above)
            self.refresh_language()

    def on_screen_resume(self) -> None:
        if self.ready:
            self.refresh_language()

    def refresh_language(self) -> None:
        show(self.query_one("#waiting-text", Static), self.seat.waiting_text())
        show(self.query_one("#waiting-clock", Static), self.seat.clock_text())

    def add_news(self, lines: list[str]) -> None:
        self.pending.extend(lines)
        try:
            log = self.query_one("#waiting-news", Log)
        except NoMatches:
            return  # not built yet (or closing): on_mount writes what is pending
        lines, self.pending = self.pending, []
        for line in lines:
            log.write_line(line)  # a Log shows text as written: never markup

    def action_refuse(self) -> None:
        self.say(self.seat.waiting_text(), severity="warning")

    def action_talk(self) -> None:
        self.app.push_screen(TalkDialog())


class TalkDialog(BaseModal[None]):
    """The group's conversations (chat lines it may see, its shared notes) and a field to
    write a chat line to a group or to all, or a line of the note it shares with a group."""

    BINDINGS = [binding("escape", "close", "close")]
    AUTO_FOCUS = "#talk-input"

    @property
    def seat(self) -> SeatApp:
        return cast("SeatApp", self.app)

    def compose(self) -> ComposeResult:
        seat = self.seat
        with Vertical(classes="dialog"):
            yield Static(self.tr("seat.talk_title"), classes="dialog-title")
            yield Log(id="talk-log", highlight=False)
            yield Select(seat.talk_targets(), id="talk-to", allow_blank=False)
            yield Input(id="talk-input", placeholder=self.tr("seat.talk_placeholder"))

    def on_mount(self) -> None:
        self.show_lines()

    def show_lines(self) -> None:
        log = self.query_one("#talk-log", Log)
        log.clear()
        for line in self.seat.talk_lines():
            log.write_line(line)

    def on_input_submitted(self, message: Input.Submitted) -> None:
        text = message.value.strip()
        if not text:
            return
        target = self.query_one("#talk-to", Select).value
        kind, to = str(target).split(":", 1)
        if self.seat.send_talk(kind, to, text):
            message.input.value = ""
        self.show_lines()

    def action_close(self) -> None:
        self.dismiss(None)
