"""A seat of a networked class on a full screen: the group types its join code in the app
(a browser tab served by ``class host`` has no command line), then plays the real game.

After a group's code, the seat is the normal game app for the group's own role: its
actions are committed to the class log (``ClassGame.commit``) instead of stepped
locally; a thread waiting on the store's change signal (classnet/watch.py) tells the app
when other processes wrote rows, and only then is the log read. The game's panes are
drawn only on the group's own turn; in between a waiting screen covers them (see
screens/seat_game.py), so another role's view never reaches this device.

The trainer's code opens the trainer's console (screens/trainer_console.py): presence,
the clock, the groups' rows as they come and every trainer control a key away.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Log

from ..engine import Action, Event
from ..engine import events as E
from ..i18n import error_text, t
from .app import AppConfig, TraffickingApp
from .messages import GameUpdated

if TYPE_CHECKING:
    from ..classnet.game import Applied, ClassGame
    from ..classnet.store import ClassInfo
    from ..classnet.watch import LogWatcher
    from .screens.trainer_console import TrainerConsoleScreen

_STOP = object()

PRESENCE_SECONDS = 20.0
"""How often a seat says it is still here (others count it connected for 60 s)."""


class LogMoved(Message):
    """Another process wrote rows to the class log (posted from the watcher's thread)."""


class JoinScreen(Screen[None]):
    """The join code, typed in the app (then the group's game or the trainer's console)."""

    CSS = "JoinScreen Log { height: 1fr; } JoinScreen Input { dock: bottom; }"

    def __init__(self) -> None:
        super().__init__()
        self.commands: queue.Queue[object] = queue.Queue()

    @property
    def seat(self) -> SeatApp:
        app = self.app
        assert isinstance(app, SeatApp)
        return app

    def compose(self) -> ComposeResult:
        yield Log(id="seat-log", highlight=False)
        yield Input(id="seat-input")
        yield Footer()

    def show_line(self, line: str) -> None:
        self.query_one(Log).write_line(line)  # Log shows text as written: no markup

    def on_mount(self) -> None:
        seat = self.seat
        self.query_one(Input).placeholder = t("classnet.ask_code", seat.lang)
        self.query_one(Input).focus()
        if seat.code is not None:
            self.commands.put(seat.code)
        else:
            self.show_line(t("classnet.ask_code", seat.lang))
        self.run_worker(self._seat, thread=True, exclusive=True)

    def on_input_submitted(self, message: Input.Submitted) -> None:
        typed = message.value
        message.input.value = ""
        if typed.strip():
            self.commands.put(typed)

    def stop(self) -> None:
        self.commands.put(_STOP)

    def _lines(self) -> Iterator[str]:
        while True:
            item = self.commands.get()
            if item is _STOP:
                return
            yield str(item)

    def _seat(self) -> None:
        """The code, tried in a thread of its own (a wrong one costs a try)."""
        from ..classnet import codes
        from ..classnet.pgstore import open_store
        from ..classnet.store import TRAINER, ClassError

        seat = self.seat
        say = seat.call_from_thread
        try:
            store = open_store(seat.db)
        except ClassError as exc:
            say(self.show_line, error_text(exc, seat.lang))
            seat.finished.set()
            return
        lines = self._lines()
        group = False
        try:
            found = None
            for attempt in range(1, codes.MAX_TRIES + 1):
                code = next(lines, None)
                if code is None:
                    return
                found = store.seat_for_code(code)
                if found is not None:
                    break
                left = codes.MAX_TRIES - attempt
                say(self.show_line, t("classnet.wrong_code", seat.lang, left=left))
            if found is None:
                say(self.show_line, t("classnet.too_many_tries", seat.lang))
                say(seat.exit, None, 1)
                return
            info, role = found
            seat.seated = True
            # The seat's game (or the trainer's console) runs on the app's own thread,
            # with its own connection.
            group = True
            say(seat.take_trainer_seat if role == TRAINER else seat.take_seat, info, role)
        finally:
            store.close()
            if not group:
                seat.finished.set()


class SeatApp(TraffickingApp):
    """One group's (or the trainer's) seat in a networked class."""

    def __init__(self, db: str | Path, code: str | None, lang: str) -> None:
        super().__init__(AppConfig(lang=lang))
        self.lang = lang
        self.db = db
        self.code = code
        self.seated = False
        self.closing = False
        self.finished = threading.Event()  # the seat has let its connection go
        self.net: ClassGame | None = None
        self.me = ""
        self.waiting = False  # the waiting screen covers the game
        self.unseen: list[Event] = []  # what reached the group while it waited
        self.watcher: LogWatcher | None = None
        self.debrief_shown = False  # the class debrief, opened once when released
        self.trainer_console: TrainerConsoleScreen | None = None  # the trainer's code was typed
        self.join = JoinScreen()

    def get_default_screen(self) -> Screen[Any]:
        return self.join

    def on_mount(self) -> None:
        # (TraffickingApp's on_mount runs too: theme and bindings. No title screen here,
        # and nothing to preload: the class's scenario is loaded when the seat is taken.)
        pass

    def _start_preload(self) -> None:
        return None

    # --- taking the seat -------------------------------------------------------------------

    def _open_class(self, info: ClassInfo, role: str) -> ClassGame | None:
        """The class's game on a connection of this seat's own, caught up with the log and
        saying it is here; None (said on the join screen) when the class cannot open."""
        from ..classnet.game import ClassGame
        from ..classnet.pgstore import open_store
        from ..classnet.store import ClassError

        try:
            store = open_store(self.db)
            self.net = ClassGame(store, info)
        except ClassError as exc:
            self.join.show_line(error_text(exc, self.lang))
            self.finished.set()
            return None
        self.net.session.lang = self.lang
        self.session = self.net.session
        self.me = role
        self.net.catch_up()
        self._here()
        self.set_interval(PRESENCE_SECONDS, self._here)
        return self.net

    def take_seat(self, info: ClassInfo, role: str) -> None:
        net = self._open_class(info, role)
        if net is None:
            return
        self.watch_log(net)
        self._sync([], first=True)
        self._released()

    def take_trainer_seat(self, info: ClassInfo, role: str) -> None:
        """The trainer's code: the trainer's console, on a connection of its own."""
        from ..classnet.desk import TrainerDesk
        from .screens.trainer_console import TrainerConsoleScreen

        # The game so far is summed up on the console's side panel.
        net = self._open_class(info, role)
        if net is None:
            return
        self.trainer_console = TrainerConsoleScreen(TrainerDesk(net, self.lang))
        self.watch_log(net)
        self.push_screen(self.trainer_console)

    def watch_log(self, net: ClassGame) -> None:
        """Learn of other processes' rows by the store's change signal, not by reading the
        log on a timer: the watcher's thread posts LogMoved, the app reads the new rows."""
        from ..classnet.watch import LogWatcher

        self.watcher = LogWatcher(
            self.db, net.info.id, lambda: net.applied, lambda: self.post_message(LogMoved())
        )
        self.watcher.start()

    @on(LogMoved)
    def _log_moved(self) -> None:
        self.poll()

    def _here(self) -> None:
        if self.net is not None and not self.closing:
            self.net.store.here(self.net.info.id, self.me)

    def on_unmount(self) -> None:
        self.closing = True
        self.join.stop()  # a code or console still waiting for a line: no more lines
        if self.watcher is not None:
            self.watcher.stop()
        if self.net is not None:
            self.net.store.gone(self.net.info.id, self.me)
            self.net.store.close()
            self.finished.set()

    # --- the class log ---------------------------------------------------------------------

    def poll(self) -> None:
        """Rows other processes wrote: applied, and shown as this group may see them."""
        if self.net is None or self.closing:
            return
        arrived = self.net.catch_up()
        if self.watcher is not None:
            self.watcher.handled()
        if self.trainer_console is not None:
            if arrived:
                self.trainer_console.arrived(arrived)
            return
        if arrived:
            self._arrived(arrived, [])

    def perform(self, action: Action) -> list[Event]:
        """The group's action, written to the class log; refused with the reason when it
        is not the group's turn, and never dropped without a word."""
        net = self.net
        if net is None:
            return []
        if not net.may_act(self.me):
            self.notify(self.waiting_text(), severity="warning", markup=False)
            return []
        seen: list[Applied] = []
        outcome = net.commit(self.me, action, seen)
        if outcome.status != "done":
            if net.over:
                key = "classnet.game_ended_first"
            elif net.controls.input_paused:
                key = "classnet.paused_first"
            else:
                key = "classnet.turn_moved"
            self.notify(t(key, self.lang), severity="warning", markup=False, timeout=10)
        self._arrived(seen, outcome.events)
        return outcome.events

    def _arrived(self, applied: list[Applied], mine: list[Event]) -> None:
        from ..classnet.seat import control_line
        from ..classnet.talk import talk_text

        assert self.net is not None
        events: list[Event] = []
        for item in applied:
            if item.control is not None:
                line = control_line(self.net, item.control, self.lang)
                if line:
                    self.notify(line, severity="warning", markup=False, timeout=10)
            if item.talk is not None and item.talk.seen_by(self.me):
                labels = self.session.group_labels() if self.session else {}
                text = talk_text(item.talk, labels, self.lang)
                self.notify(text, markup=False, timeout=10)
            events.extend(item.events)
        if not events and not mine and all(item.talk is not None for item in applied):
            return  # only talk: the game is as it was, and its panes need no redrawing
        self._sync(events + mine)
        self._released()

    def _released(self) -> None:
        """Once the trainer has ended the game and released the class debrief: open it, the
        same review ``debrief`` gives of the class's export, in the group's language."""
        from .screens.trainer import ClassDebriefScreen

        if self.net is None or not self.net.controls.ended or self.debrief_shown:
            return
        self.debrief_shown = True
        self.push_screen(ClassDebriefScreen(self.net.session))

    def _news(self, events: list[Event]) -> list[str]:
        """What this group sees of ``events``: its own role's point of view only."""
        from ..play import narrate

        session = self.session
        assert session is not None
        names = session.group_labels()
        return [
            line
            for event in events
            if event.kind not in (E.SEAT_PASSED, E.TURN_STARTED)
            for line in narrate.describe(
                event, session.content, session.state, self.lang, role=self.me, names=names
            )
        ]

    def _sync(self, events: list[Event], *, first: bool = False) -> None:
        """The game screen on the group's turn, the waiting screen otherwise."""
        from .screens.dialogs import MessageDialog
        from .screens.seat_game import SeatGameScreen, WaitingScreen

        net = self.net
        assert net is not None and self.session is not None
        if net.may_act(self.me):
            if first or self.waiting:
                if self.waiting:
                    while not isinstance(self.screen, WaitingScreen):
                        self.pop_screen()  # (a dialog opened on the waiting screen)
                    self.pop_screen()
                    self.waiting = False
                game = next((s for s in self.screen_stack if isinstance(s, SeatGameScreen)), None)
                if game is None:
                    game = SeatGameScreen()
                    self.push_screen(game)
                news = self._news(self.unseen + events)
                self.unseen = []
                self.post_to_game([])
                # Then the requests made to this group's role meanwhile: the group decides
                # them itself, as in the hot-seat game (never the computer for a group).
                ask = game.ask_decisions
                if not first:
                    title = t("classnet.your_turn", self.lang, turn=self.session.state.turn)
                    body = "\n".join(news) or t("trainer.nothing_new", self.lang)
                    self.push_screen(MessageDialog(title, body), lambda _: ask(set()))
                else:
                    self.call_after_refresh(ask, set())
                return
            self.post_to_game([e for e in events if e.kind not in (E.SEAT_PASSED, E.TURN_STARTED)])
            return
        # Not the group's turn (or input paused, or the game over): cover the game.
        self.unseen.extend(events)
        if not self.waiting:
            self.waiting = True
            waiting = WaitingScreen()
            waiting.add_news(self._news(events))
            self.push_screen(waiting)
        else:
            for screen in self.screen_stack:
                if isinstance(screen, WaitingScreen):
                    if screen.ready:
                        screen.refresh_language()
                    screen.add_news(self._news(events))

    def post_to_game(self, events: list[Event]) -> None:
        from .screens.seat_game import SeatGameScreen

        assert self.session is not None
        for screen in self.screen_stack:
            if isinstance(screen, SeatGameScreen):
                screen.post_message(
                    GameUpdated(events, role=self.me, seen=len(self.session.events))
                )

    # --- what the seat's screens show -------------------------------------------------------

    def waiting_text(self) -> str:
        net = self.net
        if net is None or self.session is None:
            return ""
        if net.over:
            if net.controls.ended:
                return t("classnet.ctl.end_game", self.lang)
            return t("classnet.debrief_later", self.lang)
        if net.controls.input_paused:
            return t("classnet.ctl.input_pause", self.lang)
        return t("classnet.waiting", self.lang, group=self.session.group_label(net.whose_turn))

    def clock_text(self) -> str:
        from ..classnet.seat import timer_line

        if self.net is None:
            return ""
        return timer_line(self.net, self.lang)

    def talk_targets(self) -> list[tuple[str, str]]:
        assert self.net is not None and self.session is not None
        labels = self.session.group_labels()
        others = [r for r in self.net.info.seats if r != self.me]
        targets = [(t("seat.talk_to_all", self.lang), "chat:all")]
        targets += [(t("seat.talk_to", self.lang, group=labels[r]), f"chat:{r}") for r in others]
        targets += [
            (t("seat.talk_note", self.lang, group=labels[r]), f"shared:{r}") for r in others
        ]
        return targets

    def talk_lines(self) -> list[str]:
        from ..classnet.talk import talk_text

        assert self.net is not None and self.session is not None
        labels = self.session.group_labels()
        return [talk_text(x, labels, self.lang) for x in self.net.talk if x.seen_by(self.me)]

    def send_talk(self, kind: str, to: str, text: str) -> bool:
        from ..classnet.talk import TalkFormatError

        assert self.net is not None
        try:
            outcome = self.net.say(self.me, kind, to, text)
        except TalkFormatError as exc:
            self.notify(t("classnet.talk_refused", self.lang, error=str(exc)), markup=False)
            return False
        self.poll()
        if outcome.status != "done":
            self.notify(t("classnet.game_ended_first", self.lang), markup=False)
            return False
        return True

    async def action_quit(self) -> None:
        """A group's seat leaves at once (its code brings it back); the trainer's console
        asks first, since a stray q there would leave the class without its controls."""
        from .screens.dialogs import ConfirmDialog

        if self.trainer_console is None or not self.trainer_console.is_attached:
            self.exit()
            return
        if isinstance(self.screen, ConfirmDialog):
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        question = self.tr("classnet.confirm_leave_console")
        self.push_screen(ConfirmDialog(question, quitting=True), answered)


def run_seat(db: str | Path, code: str | None, lang: str) -> int:
    app = SeatApp(db, code, lang)
    app.run()
    return app.return_code or 0
