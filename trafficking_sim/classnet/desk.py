"""The trainer's desk: every trainer control of a networked class, for any console.

The plain console (trainer.py, a line per command) and the full-screen console
(tui/screens/trainer_console.py, keys and dialogs) both call this class: it writes the
control or the trainer's action as the log's next row and returns what to tell the trainer,
as lines of plain text. It never prints and imports no terminal UI library.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..classroom.class_debrief import class_debrief_markdown
from ..engine import Action
from ..engine.actions import EndTurn, TrainerInject, TrainerNote, TrainerReveal
from ..i18n import t
from ..play import narrate
from .game import Applied, ClassGame
from .seat import control_line, timer_line
from .store import TRAINER
from .talk import TalkFormatError, talk_markdown, talk_text


@dataclass(frozen=True)
class GroupPresence:
    """One line of the presence list: the group, whether a device holds its seat, and
    whether it is the group's turn."""

    role: str
    name: str
    connected: bool
    turn: bool


@dataclass
class Reply:
    """What a control or action of the trainer's came to: the lines to show, whether the
    row was written, and a reissued join code (shown once, kept nowhere)."""

    lines: list[str] = field(default_factory=list)
    done: bool = False
    code: str | None = None


class TrainerDesk:
    """The trainer's controls of one class, in the trainer's language."""

    def __init__(self, game: ClassGame, lang: str) -> None:
        self.game = game
        self.lang = lang
        game.session.lang = lang

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    @property
    def names(self) -> dict[str, str]:
        return self.game.session.group_labels()

    # --- what the trainer sees -------------------------------------------------------------

    def describe(self, applied: Iterable[Applied]) -> list[str]:
        """The rows as the trainer sees them: every group's actions, chat and the controls."""
        session = self.game.session
        names = self.names
        out: list[str] = []
        for item in applied:
            seq = item.row.seq
            if item.talk is not None:
                out.append(f"[{seq}] {talk_text(item.talk, names, self.lang)}")
                continue
            if item.control is not None:
                out.append(f"[{seq}] {self.control_text(item.control)}")
                continue
            author = item.row.author
            you = self.tr("classnet.trainer_you")
            who = you if author == TRAINER else names.get(author, author)
            out.append(f"[{seq}] {who}:")
            view = author if author in names else None
            for event in item.events:
                out += [
                    f"    {line}"
                    for line in narrate.describe(
                        event, session.content, session.state, self.lang, role=view, names=names
                    )
                ]
        return out

    def control_text(self, control: dict[str, object]) -> str:
        name = str(control["control"])
        if name in ("revoke", "reissue"):
            return self.tr(f"classnet.trainer_{name}", group=self.names[str(control["role"])])
        return control_line(self.game, control, self.lang)

    def presence(self) -> list[GroupPresence]:
        game = self.game
        connected = game.store.connected(game.info.id)
        names = self.names
        turn = None if game.over else game.whose_turn
        return [
            GroupPresence(role, names[role], bool(connected.get(role)), role == turn)
            for role in game.info.seats
        ]

    def who(self) -> list[str]:
        keys = {True: "classnet.connected", False: "classnet.not_connected"}
        return [f"  {g.name}: {self.tr(keys[g.connected])}" for g in self.presence()]

    def turn_line(self) -> str:
        game = self.game
        if game.over:
            return self.tr("classnet.trainer_over", seq=game.applied)
        group = game.session.group_label(game.whose_turn)
        return self.tr(
            "classnet.trainer_turn", turn=game.session.state.turn, group=group, seq=game.applied
        )

    def timer(self) -> str:
        return timer_line(self.game, self.lang)

    def status(self) -> list[str]:
        out = [self.turn_line()]
        if self.game.controls.input_paused:
            out.append(self.tr("classnet.trainer_frozen"))
        return [*out, self.timer(), *self.who()]

    # --- the controls ------------------------------------------------------------------------

    def control(self, name: str, **fields: object) -> Reply:
        """A control as the log's next row (ControlFormatError for fields it cannot hold)."""
        outcome = self.game.control(name, **fields)
        if outcome.status != "done":
            return Reply(self.refused())
        reply = Reply([self.control_text({"control": name, **fields})], True, outcome.code)
        if outcome.code is not None:
            group = self.game.session.group_label(str(fields["role"]))
            reply.lines.append(self.tr("classnet.trainer_new_code", group=group, code=outcome.code))
        return reply

    def code(self, name: str, role: str) -> Reply:
        """Revoke or reissue a group's code ('revoke', 'reissue')."""
        if role not in self.game.info.seats:
            seats = ", ".join(self.game.info.seats)
            return Reply([self.tr("classnet.trainer_no_seat", role=role, roles=seats)])
        return self.control(name, role=role)

    def end_turn(self) -> Reply:
        """End the turn of the group whose turn it is (one that is absent, say)."""
        if self.game.over:
            return Reply([self.tr("classnet.trainer_over", seq=self.game.applied)])
        return self.act(EndTurn(), turn_of=self.game.whose_turn)

    def inject(self, inject: str) -> Reply:
        return self.act(TrainerInject(inject))

    def reveal(self, actor: str, fact: str) -> Reply:
        return self.act(TrainerReveal(actor, fact))

    def note(self, text: str) -> Reply:
        return self.act(TrainerNote(text))

    def act(self, action: Action, *, turn_of: str | None = None) -> Reply:
        seen: list[Applied] = []
        outcome = self.game.commit(TRAINER, action, seen, turn_of=turn_of)
        reply = Reply(self.describe(seen))
        if outcome.status == "done":
            reply.done = True
            reply.lines.append(self.tr("classnet.trainer_written", seq=self.game.applied))
            session = self.game.session
            for event in outcome.events:
                reply.lines += [
                    f"    {line}"
                    for line in narrate.describe(
                        event, session.content, session.state, self.lang, names=self.names
                    )
                ]
        else:
            reply.lines += self.refused()
        return reply

    def end(self) -> Reply:
        """End the game and release the class debrief to every group."""
        if self.game.controls.ended:
            return Reply([self.tr("classnet.trainer_already_ended")])
        reply = self.control("end_game")
        if reply.done:
            reply.lines += ["", *self.debrief().splitlines()]
        return reply

    def debrief(self) -> str:
        """The class debrief and the class's talk, as Markdown."""
        session = self.game.session
        return class_debrief_markdown(session, self.lang) + talk_markdown(
            self.game.talk, self.names, self.lang
        )

    def chat(self, to: str, text: str) -> Reply:
        """A chat line to one group or to all ('all')."""
        try:
            outcome = self.game.say(TRAINER, "chat", to, text)
        except TalkFormatError as exc:
            return Reply([self.tr("classnet.talk_refused", error=str(exc))])
        reply = Reply(self.describe(self.game.catch_up()), outcome.status == "done")
        if not reply.done:
            reply.lines += self.refused()
        return reply

    def talk(self) -> list[str]:
        """Everything the groups said to each other, and their shared notes."""
        return talk_markdown(self.game.talk, self.names, self.lang).splitlines()

    def present(self, role: str) -> list[str]:
        """One group's cooperation map and decisions, for the projector (the main room)."""
        from ..review.debrief import build_debrief
        from ..review.debrief_map import map_lines

        review = build_debrief(self.game.session, self.lang, search=False, role=role)
        out = [self.tr("classnet.present_heading", group=self.names[role]), ""]
        out += [*map_lines(review), "", self.tr("classnet.present_decisions")]
        moments = [m for m in review.timeline if role in m.actors]
        out += [f"  {self.tr('classnet.present_turn', turn=m.turn)} {m.text}" for m in moments]
        if not moments:
            out.append(f"  {self.tr('classnet.present_none')}")
        return out

    def refused(self) -> list[str]:
        """Why the trainer's row was not written."""
        if self.game.over:
            return [self.tr("classnet.trainer_over", seq=self.game.applied)]
        return [self.tr("classnet.trainer_turn_moved")]
