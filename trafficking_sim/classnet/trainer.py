"""The trainer's seat in plain mode: the class's controls, line by line.

The trainer joins with the trainer's code and types commands; each becomes a row of the
class log, so every device sees it. What the groups do scrolls by as they do it (each
action as the acting group saw it). Nothing here imports a terminal UI library.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable
from typing import TextIO

from ..classroom.class_debrief import class_debrief_markdown
from ..content.errors import closest
from ..engine import Action
from ..engine.actions import EndTurn, TrainerInject, TrainerNote, TrainerReveal
from ..i18n import t
from ..play import narrate
from ..play.plain import _printable
from .controls import ControlFormatError
from .game import Applied, ClassGame, Outcome
from .seat import control_line, timer_line
from .store import TRAINER
from .talk import TalkFormatError, talk_markdown, talk_text

WATCH_SECONDS = 0.2
"""How long the trainer's seat waits for the groups' rows between two commands."""

USAGE = {
    "help": "help",
    "who": "who",
    "status": "status",
    "time": "time",
    "start": "start",
    "pause": "pause",
    "extend": "extend MINUTES",
    "skip": "skip",
    "freeze": "freeze",
    "unfreeze": "unfreeze",
    "endturn": "endturn",
    "inject": "inject INJECT",
    "reveal": "reveal ACTOR FACT",
    "note": "note TEXT",
    "chat": "chat GROUP|all TEXT",
    "talk": "talk",
    "end": "end",
    "revoke": "revoke ROLE",
    "reissue": "reissue ROLE",
    "watch": "watch SECONDS",
    "present": "present ROLE",
    "quit": "quit",
}


class TrainerSeat:
    """The trainer's console of a networked class, reading commands line by line."""

    def __init__(self, game: ClassGame, out: TextIO, *, lang: str, echo: bool) -> None:
        self.game = game
        self.out = out
        self.lang = lang
        self.echo = echo
        self.quit = False
        game.session.lang = lang
        self.commands: dict[str, Callable[[list[str]], object]] = {
            "help": self._help,
            "who": self._who,
            "status": self._status,
            "time": self._time,
            "start": lambda a: self._control(a, "phase_start"),
            "pause": lambda a: self._control(a, "phase_pause"),
            "extend": self._extend,
            "skip": lambda a: self._control(a, "phase_skip"),
            "freeze": lambda a: self._control(a, "input_pause"),
            "unfreeze": lambda a: self._control(a, "input_resume"),
            "endturn": self._end_turn,
            "inject": self._inject,
            "reveal": self._reveal,
            "note": self._note,
            "chat": self._chat,
            "talk": self._talk,
            "end": self._end,
            "revoke": lambda a: self._code(a, "revoke"),
            "reissue": lambda a: self._code(a, "reissue"),
            "watch": self._watch,
            "present": self._present,
            "quit": self._quit,
        }

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def say(self, *lines: str) -> None:
        for line in lines:
            self.out.write(line + "\n")
        self.out.flush()

    # --- what the trainer sees -------------------------------------------------------------

    def show(self, applied: Iterable[Applied]) -> None:
        session = self.game.session
        names = session.group_labels()
        for item in applied:
            author = item.row.author
            if item.talk is not None:
                self.say(f"[{item.row.seq}] {talk_text(item.talk, names, self.lang)}")
                continue
            if item.control is not None:
                line = control_line(self.game, item.control, self.lang)
                if item.control["control"] in ("revoke", "reissue"):
                    role = str(item.control["role"])
                    line = self.tr(f"classnet.trainer_{item.control['control']}", group=names[role])
                self.say(f"[{item.row.seq}] {line}")
                continue
            who = (
                self.tr("classnet.trainer_you") if author == TRAINER else names.get(author, author)
            )
            self.say(f"[{item.row.seq}] {who}:")
            view = author if author in names else None
            for event in item.events:
                for line in narrate.describe(
                    event, session.content, session.state, self.lang, role=view, names=names
                ):
                    self.say(f"    {line}")

    def catch_up(self) -> None:
        self.show(self.game.catch_up())

    # --- the loop ------------------------------------------------------------------------------

    def run(self, lines: Iterable[str]) -> int:
        game = self.game
        game.store.here(game.info.id, TRAINER)
        try:
            self.say(
                self.tr(
                    "classnet.trainer_intro",
                    title=game.session.content.scenario.title.get(self.lang),
                ),
                self.tr("classnet.trainer_help_hint"),
                "",
            )
            game.catch_up()  # the game so far is summed up by 'status', not repeated
            self._status([])
            for raw in lines:
                line = _printable(raw).strip().lstrip("\ufeff")
                if not line or line.startswith("#"):
                    continue
                if self.echo:
                    self.say(f"> {line}")
                self.handle(line)
                if self.quit:
                    break
        finally:
            game.store.gone(game.info.id, TRAINER)
        return 0

    def handle(self, line: str) -> None:
        self.catch_up()
        try:
            words = shlex.split(line, posix=True)
        except ValueError:
            self.say(self.tr("plain.bad_quotes"))
            return
        name, args = words[0].lower(), words[1:]
        command = self.commands.get(name)
        if command is None:
            match = closest(name, self.commands)
            hint = self.tr("plain.did_you_mean", word=match) if match else ""
            self.say(self.tr("classnet.trainer_unknown", command=name, hint=hint))
            return
        try:
            command(args)
        except ControlFormatError as exc:
            self.say(str(exc), self.tr("plain.usage", usage=USAGE[name]))
        except _Usage:
            self.say(self.tr("plain.usage", usage=USAGE[name]))

    # --- commands ------------------------------------------------------------------------------

    def _help(self, args: list[str]) -> None:
        for name, usage in USAGE.items():
            meaning = self.tr(f"classnet.trainer_cmd.{name}")
            self.say(f"  {usage:<20} {meaning}")

    def _who(self, args: list[str]) -> None:
        game = self.game
        connected = game.store.connected(game.info.id)
        names = game.session.group_labels()
        for role in game.info.seats:
            key = "classnet.connected" if connected.get(role) else "classnet.not_connected"
            self.say(f"  {names[role]}: {self.tr(key)}")

    def _status(self, args: list[str]) -> None:
        game = self.game
        state = game.session.state
        if game.over:
            self.say(self.tr("classnet.trainer_over", seq=game.applied))
        else:
            group = game.session.group_label(state.role)
            self.say(
                self.tr("classnet.trainer_turn", turn=state.turn, group=group, seq=game.applied)
            )
        if game.controls.input_paused:
            self.say(self.tr("classnet.trainer_frozen"))
        self.say(timer_line(game, self.lang))
        self._who([])

    def _time(self, args: list[str]) -> None:
        self.say(timer_line(self.game, self.lang))

    def _control(self, args: list[str], name: str, **fields: object) -> Outcome:
        if args and name != "phase_extend":
            raise _Usage
        outcome = self.game.control(name, **fields)
        if outcome.status == "done":
            body = {"control": name, **fields}
            if name in ("revoke", "reissue"):
                group = self.game.session.group_label(str(fields["role"]))
                self.say(self.tr(f"classnet.trainer_{name}", group=group))
            else:
                self.say(control_line(self.game, body, self.lang))
        else:
            self.report(outcome)
        return outcome

    def _extend(self, args: list[str]) -> None:
        if len(args) != 1 or not args[0].lstrip("+-").isdigit():
            raise _Usage
        self._control(args, "phase_extend", minutes=int(args[0]))

    def _code(self, args: list[str], name: str) -> None:
        if len(args) != 1:
            raise _Usage
        role = args[0]
        if role not in self.game.info.seats:
            self.say(
                self.tr(
                    "classnet.trainer_no_seat", role=role, roles=", ".join(self.game.info.seats)
                )
            )
            return
        outcome = self._control([], name, role=role)
        if outcome.code is not None:
            group = self.game.session.group_label(role)
            self.say(self.tr("classnet.trainer_new_code", group=group, code=outcome.code))

    def _end_turn(self, args: list[str]) -> None:
        """End the turn of the group whose turn it is (one that is absent, say)."""
        if args:
            raise _Usage
        if self.game.over:
            self.say(self.tr("classnet.trainer_over", seq=self.game.applied))
            return
        self._act(EndTurn(), turn_of=self.game.whose_turn)

    def _inject(self, args: list[str]) -> None:
        if len(args) != 1:
            raise _Usage
        self._act(TrainerInject(args[0]))

    def _reveal(self, args: list[str]) -> None:
        if len(args) != 2:
            raise _Usage
        self._act(TrainerReveal(args[0], args[1]))

    def _note(self, args: list[str]) -> None:
        if not args:
            raise _Usage
        self._act(TrainerNote(" ".join(args)))

    def _end(self, args: list[str]) -> None:
        if args:
            raise _Usage
        if self.game.controls.ended:
            self.say(self.tr("classnet.trainer_already_ended"))
            return
        self._control([], "end_game")
        self.say("", class_debrief_markdown(self.game.session, self.lang))
        labels = self.game.session.group_labels()
        self.say(talk_markdown(self.game.talk, labels, self.lang))

    def _chat(self, args: list[str]) -> None:
        if len(args) < 2:
            raise _Usage
        try:
            outcome = self.game.say(TRAINER, "chat", args[0], " ".join(args[1:]))
        except TalkFormatError as exc:
            self.say(self.tr("classnet.talk_refused", error=str(exc)))
            return
        self.catch_up()
        self.report(outcome)

    def _talk(self, args: list[str]) -> None:
        """Everything the groups said to each other, and their shared notes."""
        self.catch_up()
        labels = self.game.session.group_labels()
        self.say(talk_markdown(self.game.talk, labels, self.lang))

    def _watch(self, args: list[str]) -> None:
        """Show what the groups do for a while (a script's way to let the class play)."""
        try:
            seconds = float(args[0]) if len(args) == 1 else -1.0
        except ValueError:
            seconds = -1.0
        if not 0 < seconds <= 3600:
            raise _Usage
        self.show(self.game.wait(seconds))

    def _present(self, args: list[str]) -> None:
        """One group's cooperation map and decisions, for the projector (the main room)."""
        from ..review.debrief import build_debrief
        from ..review.debrief_map import map_lines

        game = self.game
        if len(args) != 1 or args[0] not in game.info.seats:
            raise _Usage
        role = args[0]
        self.catch_up()
        review = build_debrief(game.session, self.lang, search=False, role=role)
        names = game.session.group_labels()
        self.say("", self.tr("classnet.present_heading", group=names[role]), "")
        self.say(*map_lines(review), "", self.tr("classnet.present_decisions"))
        moments = [m for m in review.timeline if role in m.actors]
        for moment in moments:
            self.say(f"  {self.tr('classnet.present_turn', turn=moment.turn)} {moment.text}")
        if not moments:
            self.say(f"  {self.tr('classnet.present_none')}")

    def _quit(self, args: list[str]) -> None:
        self.quit = True
        self.say(self.tr("classnet.trainer_bye"))

    # --- writing to the log --------------------------------------------------------------------

    def _act(self, action: Action, *, turn_of: str | None = None) -> None:
        seen: list[Applied] = []
        outcome = self.game.commit(TRAINER, action, seen, turn_of=turn_of)
        self.show(seen)
        if outcome.status == "done":
            self.say(self.tr("classnet.trainer_written", seq=self.game.applied))
            session = self.game.session
            for event in outcome.events:
                for line in narrate.describe(
                    event, session.content, session.state, self.lang, names=session.group_labels()
                ):
                    self.say(f"    {line}")
        self.report(outcome)

    def report(self, outcome: Outcome) -> None:
        """Why the trainer's row was not written (nothing to say when it was)."""
        if outcome.status == "done":
            return
        if self.game.over:
            self.say(self.tr("classnet.trainer_over", seq=self.game.applied))
        else:
            self.say(self.tr("classnet.trainer_turn_moved"))


class _Usage(Exception):
    """A command typed with the wrong arguments: its usage is shown."""
