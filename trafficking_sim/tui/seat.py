"""A seat of a networked class on a full screen: the group types its join code in the app
(a browser tab served by ``class host`` has no command line), then plays.

The seat is the plain-mode seat (the trainer's code: the trainer's console), run in a
thread of its own, with its lines shown in a log and its commands typed in a field: the
same rules, the same privacy (a group sees only what its role knows), tested once. The
class log's connection lives in that thread; the screen only shows text, never markup.
"""

from __future__ import annotations

import io
import queue
import threading
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Input, Log

from ..i18n import error_text, t

_STOP = object()


class _Lines(io.TextIOBase):
    """What the seat writes, line by line, onto the screen's log (from the seat's thread)."""

    def __init__(self, app: SeatApp) -> None:
        self.app = app
        self.partial = ""

    def write(self, text: str) -> int:
        self.partial += text
        *lines, self.partial = self.partial.split("\n")
        for line in lines:
            self.app.call_from_thread(self.app.show_line, line)
        return len(text)


class SeatApp(App[int]):
    """One group's (or the trainer's) seat in a networked class."""

    TITLE = "trafficking-sim"
    CSS = "Log { height: 1fr; } Input { dock: bottom; }"
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def __init__(self, db: str | Path, code: str | None, lang: str) -> None:
        super().__init__()
        self.db = db
        self.code = code
        self.lang = lang
        self.commands: queue.Queue[object] = queue.Queue()
        self.seated = False
        self.closing = False
        self.finished = threading.Event()  # the seat's thread has ended

    def compose(self) -> ComposeResult:
        yield Log(id="seat-log", highlight=False)
        yield Input(id="seat-input")
        yield Footer()

    def show_line(self, line: str) -> None:
        self.query_one(Log).write_line(line)  # Log shows text as written: no markup

    def on_mount(self) -> None:
        self.query_one(Input).placeholder = t("classnet.ask_code", self.lang)
        self.query_one(Input).focus()
        if self.code is not None:
            self.commands.put(self.code)
        else:
            self.show_line(t("classnet.ask_code", self.lang))
        self.run_worker(self._seat, thread=True, exclusive=True)

    def on_input_submitted(self, message: Input.Submitted) -> None:
        typed = message.value
        message.input.value = ""
        if typed.strip():
            self.commands.put(typed)

    def on_unmount(self) -> None:
        self.closing = True
        self.commands.put(_STOP)

    def _lines(self) -> object:
        while True:
            item = self.commands.get()
            if item is _STOP:
                return
            yield str(item)

    def _seat(self) -> None:
        """The seat's thread: the code, then the seat's commands until the end."""
        from ..classnet import codes
        from ..classnet.game import ClassGame
        from ..classnet.pgstore import open_store
        from ..classnet.seat import SeatGame
        from ..classnet.store import TRAINER, ClassError
        from ..classnet.trainer import TrainerSeat

        out = _Lines(self)
        say = self.call_from_thread
        try:
            store = open_store(self.db)
        except ClassError as exc:
            say(self.show_line, error_text(exc, self.lang))
            self.finished.set()
            return
        lines = self._lines()
        try:
            found = None
            for attempt in range(1, codes.MAX_TRIES + 1):
                code = next(lines, None)  # type: ignore[call-overload]
                if code is None:
                    return
                found = store.seat_for_code(code)
                if found is not None:
                    break
                left = codes.MAX_TRIES - attempt
                say(self.show_line, t("classnet.wrong_code", self.lang, left=left))
            if found is None:
                say(self.show_line, t("classnet.too_many_tries", self.lang))
                say(self.exit, 1)
                return
            info, role = found
            self.seated = True
            say(self._seated)
            try:
                game = ClassGame(store, info)
                seat: SeatGame | TrainerSeat
                if role == TRAINER:
                    seat = TrainerSeat(game, out, lang=self.lang, echo=True)
                else:
                    seat = SeatGame(game, role, out, lang=self.lang, echo=True)
                    seat.stopping = lambda: self.closing
                seat.run(lines)  # type: ignore[arg-type]
            except ClassError as exc:
                say(self.show_line, error_text(exc, self.lang))
        finally:
            store.close()
            self.finished.set()

    def _seated(self) -> None:
        self.query_one(Input).placeholder = t("classnet.seat_prompt", self.lang)


def run_seat(db: str | Path, code: str | None, lang: str) -> int:
    return SeatApp(db, code, lang).run() or 0
