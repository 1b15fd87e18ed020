"""A group's seat in plain mode: the plain-mode commands, played through the class log.

A group sees only what its role knows: every event is filtered for the seat's role, not
for whoever's turn it is. Before a command that reads or changes the game, the seat
waits for its group's turn (saying for whom it waits), showing what reaches the group
meanwhile; the turn is when the game's views are the group's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from ..classroom.class_debrief import class_debrief_markdown
from ..classroom.phases import clock_text
from ..engine import Action, Event
from ..engine.actions import Decide
from ..engine.decisions import VERDICTS, waiting_for
from ..i18n import t
from ..play import narrate
from ..play.plain import Command, CommandError, PlainGame, _printable
from .game import Applied, ClassGame
from .talk import EVERYONE, TalkFormatError, talk_markdown, talk_text

ANY_TIME = frozenset({"help", "codes", "lang", "quit", "save", "time", "chat", "chats", "shared"})
"""Commands that show nothing of the game, so they need not wait for the group's turn."""

STOP_CHECK_SECONDS = 1.0
"""How long a waiting seat goes without asking whether its screen is closing (its presence
is written as often: well within the 60 s others count it as connected)."""


class SeatGame(PlainGame):
    """One group's seat: reads commands, commits its actions to the class log."""

    def __init__(self, game: ClassGame, role: str, out: TextIO, *, lang: str, echo: bool) -> None:
        game.session.lang = lang
        super().__init__(game.session, out, autosave=False, echo=echo)
        self.game = game
        self.me = role
        self.waiting_for: str | None = None
        self.paused_said = False
        self.joined_at = 0  # the log's row when this device took the seat
        self.withdrawn = False  # the trainer withdrew this seat's code since
        self.stopping: Callable[[], bool] = lambda: False  # a screen closing: stop waiting
        usage = 'decide N grant|refuse|more [note="..."]'
        self.commands["decide"] = Command("decide", usage, self._decide)
        self.commands["time"] = Command("time", "time", self._time)
        self.commands["chat"] = Command("chat", "chat GROUP|all TEXT", self._chat)
        self.commands["chats"] = Command("chats", "chats", self._chats)
        self.commands["shared"] = Command("shared", "shared GROUP [TEXT]", self._shared)

    # --- what the group sees ------------------------------------------------------------------

    def show_events(self, events: Iterable[Event]) -> None:
        state = self.session.state
        names = self.session.group_labels()
        for event in events:
            for line in narrate.describe(
                event, self.content, state, self.lang, role=self.me, names=names
            ):
                self.say(line)

    def show_applied(self, applied: Iterable[Applied]) -> None:
        for item in applied:
            if item.control is not None:
                self.show_control(item.control)
            if item.talk is not None and item.talk.seen_by(self.me):
                self.say(talk_text(item.talk, self.session.group_labels(), self.lang))
            self.show_events(item.events)

    def show_control(self, control: dict[str, object]) -> None:
        if control["control"] in ("revoke", "reissue"):
            mine = control["role"] == self.me
            if mine and self.game.controls.left.get(self.me, 0) > self.joined_at:
                self.withdrawn = True
                self.say(self.tr("classnet.seat_withdrawn"))
            return
        line = control_line(self.game, control, self.lang)
        if line:
            self.say(line)

    def start(self) -> None:
        content = self.content
        scenario = content.scenario
        role = content.actors[self.me]
        self.say(scenario.title.get(self.lang), "")
        self.say(scenario.fiction_note.get(self.lang))
        if scenario.content_note is not None:
            self.say(self.tr("plain.content_note", note=scenario.content_note.get(self.lang)))
        self.say("", self.tr("plain.you_play", role=role.name.get(self.lang)))
        self.say(self.tr("classnet.seat_intro", group=self.session.group_label(self.me)))
        if role.special_task is not None:
            self.say(self.tr("plain.special_task", task=role.special_task.get(self.lang)))
        self.say(self.tr("plain.intro_help"), "")
        self.game.catch_up()
        self.joined_at = self.game.applied
        self.show_events(self.session.events)  # the game so far, as this group saw it
        if self.game.controls.input_paused and not self.game.over:
            self.paused_said = True
            self.say(self.tr("classnet.ctl.input_pause"))

    # --- the loop ------------------------------------------------------------------------------

    def run(self, lines: Iterable[str]) -> int:
        self.game.store.here(self.game.info.id, self.me)
        try:
            self.start()
            for raw in lines:
                line = _printable(raw).strip().lstrip("\ufeff")
                if not line or line.startswith("#"):
                    continue
                if self.echo:
                    self.say(f"> {line}")
                self.handle(line)
                if self.quit or self.game.over or self.withdrawn:
                    break
            if not (self.quit or self.game.over or self.withdrawn):
                self.say("", self.tr("classnet.input_ended"))
            if self.game.over and not self.withdrawn:
                self.say("", *self.summary())
                if self.game.controls.ended:
                    self.say("", class_debrief_markdown(self.session, self.lang))
                    labels = self.session.group_labels()
                    self.say(talk_markdown(self.game.talk, labels, self.lang))
                else:
                    self.say(self.tr("classnet.debrief_later"))
        finally:
            self.game.store.gone(self.game.info.id, self.me)
        return 0

    def handle(self, line: str) -> None:
        word = line.split(maxsplit=1)[0].lower()
        if word not in ANY_TIME:
            self.wait_for_turn()
            if self.game.over or self.withdrawn or self.quit:
                return
        super().handle(line)

    def wait_for_turn(self) -> None:
        """Until it is this group's turn (and the trainer lets groups play) or the game is
        over, show what reaches the group."""
        while True:
            self.show_applied(self.game.catch_up())
            state = self.session.state
            if self.game.over or self.withdrawn:
                return
            if state.role == self.me and not self.game.controls.input_paused:
                if self.waiting_for is not None or self.paused_said:
                    self.say(self.tr("classnet.your_turn", turn=state.turn))
                self.waiting_for = None
                self.paused_said = False
                return
            if self.game.controls.input_paused:
                self.paused_said = True  # (the control row itself said so)
            elif self.waiting_for != state.role:
                self.waiting_for = state.role
                self.say(self.tr("classnet.waiting", group=self.session.group_label(state.role)))
            if self.stopping():
                self.quit = True
                return
            self.game.store.here(self.game.info.id, self.me)
            self.game.store.wait_for_rows(self.game.info.id, self.game.applied, STOP_CHECK_SECONDS)

    def play(self, action: Action) -> None:
        seen: list[Applied] = []
        outcome = self.game.commit(self.me, action, seen)
        self.show_applied(seen)
        if outcome.status == "done":
            self.show_events(outcome.events)
        elif self.game.over:
            self.say(self.tr("classnet.game_ended_first"))
        elif self.game.controls.input_paused:
            self.say(self.tr("classnet.paused_first"))
        else:
            self.say(self.tr("classnet.turn_moved"))

    # --- requests made to this group's role ------------------------------------------------

    def _decide(self, args: list[str]) -> Action | None:
        """A group answers a request made to the role it plays; with no arguments, the
        requests waiting for its decision."""
        waiting = waiting_for(self.session.state, self.me)
        if not args:
            if not waiting:
                self.say(self.tr("classnet.no_decisions"))
            for message in waiting:
                self._messages([message])
            return None
        positional, options, _ = self._split(args)
        self._no_extra(options, {"note"})
        if len(positional) != 2 or not positional[0].lstrip("#").isdigit():
            raise CommandError(self.tr("plain.need_number"))
        verdict = positional[1].lower()
        if verdict not in VERDICTS:
            raise CommandError(self.tr("classnet.bad_verdict", value=verdict))
        return Decide(int(positional[0].lstrip("#")), verdict, options.get("note", ""))

    def _time(self, args: list[str]) -> None:
        self.game.catch_up()
        self.say(timer_line(self.game, self.lang))

    # --- talk between groups ------------------------------------------------------------------

    def _group(self, word: str, *, everyone: bool) -> str:
        seats = self.game.info.seats
        if (word in seats and word != self.me) or (everyone and word == EVERYONE):
            return word
        others = [r for r in seats if r != self.me] + ([EVERYONE] if everyone else [])
        raise CommandError(self.tr("classnet.talk_no_group", group=word, groups=", ".join(others)))

    def _say(self, kind: str, to: str, text: str) -> None:
        try:
            outcome = self.game.say(self.me, kind, to, text)
        except TalkFormatError as exc:
            raise CommandError(self.tr("classnet.talk_refused", error=str(exc))) from None
        self.show_applied(self.game.catch_up())
        if outcome.status != "done":
            self.say(self.tr("classnet.game_ended_first"))

    def _chat(self, args: list[str]) -> None:
        if len(args) < 2:
            raise CommandError(self.tr("classnet.talk_need_text"))
        self._say("chat", self._group(args[0], everyone=True), " ".join(args[1:]))

    def _chats(self, args: list[str]) -> None:
        self.show_applied(self.game.catch_up())
        mine = [x for x in self.game.talk if x.kind == "chat" and x.seen_by(self.me)]
        if not mine:
            self.say(self.tr("classnet.no_talk"))
        labels = self.session.group_labels()
        for line in mine:
            self.say(talk_text(line, labels, self.lang))

    def _shared(self, args: list[str]) -> None:
        if not args:
            raise CommandError(self.tr("classnet.talk_need_group"))
        other = self._group(args[0], everyone=False)
        if len(args) > 1:
            self._say("shared", other, " ".join(args[1:]))
            return
        self.show_applied(self.game.catch_up())
        labels = self.session.group_labels()
        self.say(self.tr("classnet.shared_heading", a=labels[self.me], b=labels[other]))
        lines = [
            x for x in self.game.talk if x.kind == "shared" and {x.author, x.to} == {self.me, other}
        ]
        if not lines:
            self.say(self.tr("classnet.shared_empty"))
        for line in lines:
            self.say(f"  {labels[line.author]}: {line.text}")

    # --- the class log is the save ------------------------------------------------------------

    def persist(self) -> None:
        return None

    def keep_finished(self) -> None:
        return None

    def _save(self, args: list[str]) -> None:
        self.say(self.tr("classnet.saved"))

    def _quit(self, args: list[str]) -> None:
        self.quit = True
        self.say(self.tr("classnet.bye"))


def timer_line(game: ClassGame, lang: str) -> str:
    """The session's phase and its time, the same on every device."""
    timer = game.controls.timer
    key = "classnet.timer_running" if timer.running else "classnet.timer_stopped"
    phase = t(f"phase.{timer.phase.id}", lang)
    return t(key, lang, phase=phase, left=clock_text(timer.remaining()))


def control_line(game: ClassGame, control: dict[str, object], lang: str) -> str:
    """What every group is told of a trainer's control ('' for one it is not told of)."""
    name = str(control["control"])
    if name in ("revoke", "reissue"):
        return ""
    timer = game.controls.timer
    phase = t(f"phase.{timer.phase.id}", lang)
    minutes = int(control.get("minutes", 0))  # type: ignore[call-overload]
    return t(
        f"classnet.ctl.{name}",
        lang,
        phase=phase,
        left=clock_text(timer.remaining()),
        minutes=abs(minutes),
    )
