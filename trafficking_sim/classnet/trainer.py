"""The trainer's seat in plain mode: the class's controls, line by line.

The trainer joins with the trainer's code and types commands; each becomes a row of the
class log, so every device sees it. What the groups do scrolls by as they do it (each
action as the acting group saw it). Nothing here imports a terminal UI library.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable
from typing import TextIO

from ..content.errors import closest
from ..i18n import t
from ..play.plain import _printable
from .controls import ControlFormatError
from .desk import Reply, TrainerDesk
from .game import Applied, ClassGame
from .store import TRAINER

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
        self.desk = TrainerDesk(game, lang)
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
        self.say(*self.desk.describe(applied))

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

    # --- commands (each a call of the desk, which the full-screen console calls too) ----------

    def _help(self, args: list[str]) -> None:
        for name, usage in USAGE.items():
            meaning = self.tr(f"classnet.trainer_cmd.{name}")
            self.say(f"  {usage:<20} {meaning}")

    def _who(self, args: list[str]) -> None:
        self.say(*self.desk.who())

    def _status(self, args: list[str]) -> None:
        self.say(*self.desk.status())

    def _time(self, args: list[str]) -> None:
        self.say(self.desk.timer())

    def _control(self, args: list[str], name: str, **fields: object) -> None:
        if args and name != "phase_extend":
            raise _Usage
        self.reply(self.desk.control(name, **fields))

    def _extend(self, args: list[str]) -> None:
        if len(args) != 1 or not args[0].lstrip("+-").isdigit():
            raise _Usage
        self._control(args, "phase_extend", minutes=int(args[0]))

    def _code(self, args: list[str], name: str) -> None:
        if len(args) != 1:
            raise _Usage
        self.reply(self.desk.code(name, args[0]))

    def _end_turn(self, args: list[str]) -> None:
        if args:
            raise _Usage
        self.reply(self.desk.end_turn())

    def _inject(self, args: list[str]) -> None:
        if len(args) != 1:
            raise _Usage
        self.reply(self.desk.inject(args[0]))

    def _reveal(self, args: list[str]) -> None:
        if len(args) != 2:
            raise _Usage
        self.reply(self.desk.reveal(args[0], args[1]))

    def _note(self, args: list[str]) -> None:
        if not args:
            raise _Usage
        self.reply(self.desk.note(" ".join(args)))

    def _end(self, args: list[str]) -> None:
        if args:
            raise _Usage
        self.reply(self.desk.end())

    def _chat(self, args: list[str]) -> None:
        if len(args) < 2:
            raise _Usage
        self.reply(self.desk.chat(args[0], " ".join(args[1:])))

    def _talk(self, args: list[str]) -> None:
        self.catch_up()
        self.say(*self.desk.talk())

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
        if len(args) != 1 or args[0] not in self.game.info.seats:
            raise _Usage
        self.catch_up()
        self.say("", *self.desk.present(args[0]))

    def _quit(self, args: list[str]) -> None:
        self.quit = True
        self.say(self.tr("classnet.trainer_bye"))

    def reply(self, reply: Reply) -> None:
        self.say(*reply.lines)


class _Usage(Exception):
    """A command typed with the wrong arguments: its usage is shown."""
