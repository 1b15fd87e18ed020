"""The plain mode: the whole game as lines of text, for screen readers and scripts.

Commands come from standard input or a script file; ``help`` lists them. A bad command
gets an explanation and the game goes on. Nothing here imports a terminal UI library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from ..content.bundle import GameContent
from ..content.errors import closest
from ..content.models import FACT_KINDS
from ..engine import Action, Event, Message
from ..engine.siena import HANDLING_CODES, INFO_CODES, SOURCE_CODES
from ..i18n import error_text, languages, t, tn
from . import narrate, notation
from .notation import NotationError
from .saves import (
    SaveError,
    archive_finished,
    autosave_path,
    finished_dir,
    forget_unfinished,
    write_save,
)
from .session import Session

_printable = notation.printable  # (the class seat reads its lines the same way)


class CommandError(Exception):
    """A command that cannot be understood; the message says what to type instead."""


@dataclass
class Command:
    name: str
    usage: str
    run: Callable[[list[str]], Action | None]


class PlainGame:
    """Reads commands, plays them through a Session, prints what happened."""

    def __init__(
        self,
        session: Session,
        out: TextIO,
        *,
        save_path: Path | None = None,
        autosave: bool = True,
        echo: bool = False,
    ) -> None:
        self.session = session
        self.out = out
        self.save_path = save_path
        self.autosave = autosave
        self.finished_kept = False
        self.echo = echo
        self.commands: dict[str, Command] = {}
        table: tuple[tuple[str, str, Callable[[list[str]], Action | None]], ...] = (
            ("help", "help [COMMAND]", self._help),
            ("status", "status", self._status),
            ("board", "board", self._board),
            ("fact", "fact FACT", self._fact),
            ("directory", "directory", self._directory),
            ("actor", "actor ACTOR", self._actor),
            ("actions", "actions", self._actions),
            ("inbox", "inbox", self._inbox),
            ("outbox", "outbox", self._outbox),
            ("read", "read N", self._read),
            ("objectives", "objectives", self._objectives),
            ("codes", "codes", self._codes),
            ("log", "log", self._log),
            *(
                (name, usage, partial(self._parse, name))
                for name, usage in notation.ACTION_USAGE.items()
            ),
            ("lang", "lang " + "|".join(languages()), self._lang),
            ("save", "save", self._save),
            ("quit", notation.STOP, self._quit),
        )
        for name, usage, run in table:
            self.commands[name] = Command(name, usage, run)
        self.quit = False

    # --- output -----------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.session.lang

    @property
    def content(self) -> GameContent:
        return self.session.content

    def say(self, *lines: str) -> None:
        for line in lines:
            self.out.write(line + "\n")
        self.out.flush()

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def show_events(self, events: Iterable[Event]) -> None:
        state = self.session.state
        for event in events:
            for line in narrate.describe(event, self.content, state, self.lang):
                self.say(line)

    # --- the loop ------------------------------------------------------------------------------

    def start(self) -> None:
        content = self.content
        role = content.actors[self.session.state.role]
        scenario = content.scenario
        self.say(scenario.title.get(self.lang), "")
        self.say(scenario.fiction_note.get(self.lang))
        if scenario.content_note is not None:
            self.say(self.tr("plain.content_note", note=scenario.content_note.get(self.lang)))
        self.say("", self.tr("plain.you_play", role=role.name.get(self.lang)))
        if role.special_task is not None:
            self.say(self.tr("plain.special_task", task=role.special_task.get(self.lang)))
        self.say(self.tr("plain.intro_help"), "")
        self.show_events(self.session.events)

    def run(self, lines: Iterable[str]) -> int:
        """Play commands until the game ends, input ends or the player quits; exit code 0."""
        self.start()
        for line in notation.script_lines(lines):
            if self.echo:
                self.say(f"> {line}")
            self.handle(line)
            if self.quit or self.session.state.over:
                break
        if self.session.state.over:
            self.say("", *self.summary())
        elif not self.quit:
            self.say("", self.tr("plain.input_ended"))
        return 0

    def handle(self, line: str) -> None:
        try:
            words = notation.split(line) or [""]  # a line of only "" is no command
        except NotationError as exc:
            self.say(exc.text(self.lang))
            return
        name, args = words[0].lower(), words[1:]
        command = self.commands.get(name)
        if command is None:
            hint = self._hint(name, self.commands)
            self.say(self.tr("plain.unknown_command", command=name, hint=hint))
            return
        try:
            action = command.run(args)
        except (CommandError, NotationError) as exc:
            self.say(error_text(exc, self.lang), self.tr("plain.usage", usage=command.usage))
            return
        if action is not None:
            self.play(action)

    def play(self, action: Action) -> None:
        """Take one action the player typed, show what happened and save."""
        was_over = self.session.state.over
        events = self.session.act(action)
        self.show_events(events)
        self.persist()
        if self.autosave and self.session.state.over and not was_over:
            self.keep_finished()

    def keep_finished(self) -> None:
        """A finished game is kept apart, to be reviewed (debriefed) later."""
        try:
            path = archive_finished(self.session.savegame())
        except (OSError, SaveError) as exc:
            self.say(
                self.tr(
                    "plain.save_failed", path=str(finished_dir()), error=error_text(exc, self.lang)
                )
            )
            return
        # Kept for review: it is no longer a game in progress to offer on "Continue".
        forget_unfinished(autosave_path())
        self.finished_kept = True
        self.say(self.tr("plain.kept_finished", path=str(path)))

    def persist(self) -> None:
        """Save after every action, so nothing is lost if the program stops."""
        game = self.session.savegame()
        targets = [self.save_path] if self.save_path else []
        if self.autosave and not self.finished_kept:
            targets.append(autosave_path())
        for target in targets:
            try:
                write_save(target, game)
            except (OSError, SaveError) as exc:
                self.say(
                    self.tr("plain.save_failed", path=str(target), error=error_text(exc, self.lang))
                )

    def summary(self) -> list[str]:
        state = self.session.state
        lines = [self.tr("plain.final_scores")]
        for pillar, score in state.scores.items():
            lines.append(f"  {self.tr('pillar.' + pillar)}: {score}")
        lines.append(self.tr("plain.thanks"))
        return lines

    # --- argument helpers --------------------------------------------------------------------

    def _hint(self, word: str, choices: Iterable[str]) -> str:
        match = closest(word, choices)
        return self.tr("plain.did_you_mean", word=match) if match else ""

    def _actor_id(self, word: str) -> str:
        actors = self.content.actors
        if word in actors:
            return word
        raise CommandError(
            self.tr(
                "plain.unknown_actor",
                actor=word,
                hint=self._hint(word, actors),
                actors=", ".join(actors),
            )
        )

    def _fact_id(self, word: str) -> str:
        if word in self.content.facts:
            return word
        known = self.session.state.knowledge.get(self.session.state.role, {})
        raise CommandError(self.tr("plain.unknown_fact", fact=word, hint=self._hint(word, known)))

    def _split(self, args: list[str]) -> tuple[list[str], dict[str, str], set[str]]:
        return notation.options_of(args)

    def _no_extra(self, options: dict[str, str], allowed: set[str]) -> None:
        notation.no_other_options(options, allowed, "")

    # --- game actions: the command notation ------------------------------------------------

    def _parse(self, name: str, args: list[str]) -> Action:
        state = self.session.state
        known = state.knowledge.get(state.role, {})
        return notation.parse_words(name, args, self.content, state.role, known)

    # --- information (costs nothing) -----------------------------------------------------------

    def _help(self, args: list[str]) -> None:
        if args and args[0] in self.commands:
            self.say(
                self.tr("plain.usage", usage=self.commands[args[0]].usage),
                self.tr(f"help.{args[0]}"),
            )
            return
        self.say(self.tr("plain.help_intro"))
        for command in self.commands.values():
            self.say(f"  {command.usage}")
            self.say(f"      {self.tr('help.' + command.name)}")

    def _status(self, args: list[str]) -> None:
        state = self.session.state
        content = self.content
        role = content.actors[state.role]
        self.say(
            self.tr(
                "plain.status",
                turn=state.turn,
                max=content.scenario.max_turns,
                date=narrate.date_text(content, state.turn, self.lang),
                ap=state.ap,
                role=role.name.get(self.lang),
            ),
        )
        for pillar, score in state.scores.items():
            self.say(f"  {self.tr('pillar.' + pillar)}: {score}")
        pending = sum(1 for p in state.pending if p.kind in ("reply", "grant"))
        self.say(self.tr("plain.pending", n=pending))

    def _board(self, args: list[str]) -> None:
        state = self.session.state
        mine = state.knowledge.get(state.role, {})
        if not mine:
            self.say(self.tr("plain.board_empty"))
            return
        for kind in FACT_KINDS:
            facts = [f for f in mine if self.content.facts[f].kind == kind]
            if not facts:
                continue
            self.say(f"{self.tr('kind.' + kind).upper()}:")
            for fact_id in facts:
                fact = self.content.facts[fact_id]
                how = mine[fact_id]
                origin = (
                    narrate.actor_name(self.content, how.source, self.lang)
                    if how.source
                    else self.tr("plain.own_work")
                )
                marks = [self.tr("plain.turn_n", n=how.turn), origin]
                if how.handling:
                    marks.append(how.handling)
                if fact.personal_data:
                    marks.append(self.tr("personal_data"))
                self.say(f"  [{fact_id}] {fact.label.get(self.lang)} ({'; '.join(marks)})")

    def _fact(self, args: list[str]) -> None:
        if len(args) != 1:
            raise CommandError(self.tr("plain.need_fact"))
        fact_id = self._fact_id(args[0])
        state = self.session.state
        if not state.knows(state.role, fact_id):
            self.say(self.tr("plain.fact_unknown", fact=fact_id))
            return
        fact = self.content.facts[fact_id]
        self.say(f"[{fact_id}] {fact.label.get(self.lang)}", fact.text.get(self.lang))

    def _directory(self, args: list[str]) -> None:
        me = self.session.state.role
        for actor in self.content.actors.values():
            if actor.id == me:
                continue
            channels = ", ".join(self.tr(f"channel.{c}") for c in sorted(actor.channels))
            self.say(f"[{actor.id}] {actor.name.get(self.lang)} ({channels})")
        self.say(self.tr("plain.directory_more"))

    def _actor(self, args: list[str]) -> None:
        if len(args) != 1:
            raise CommandError(self.tr("plain.need_actor"))
        actor = self.content.actors[self._actor_id(args[0])]
        self.say(f"[{actor.id}] {actor.name.get(self.lang)}")
        if actor.profile is not None:
            self.say(actor.profile.mandate.get(self.lang))
            for item in actor.profile.cannot:
                self.say(f"  - {item.get(self.lang)}")
            if actor.profile.ask_instead is not None:
                self.say(actor.profile.ask_instead.get(self.lang))
        elif actor.card is not None and actor.id == self.session.state.role:
            self.say(actor.card.who.get(self.lang))  # your own card speaks to you
            for item in actor.card.limits:
                self.say(f"  - {item.get(self.lang)}")
        elif actor.card is not None:
            # Another role: described from outside, as on the Partners pane.
            self.say((actor.card.about or actor.card.who).get(self.lang))
            self.say(self.tr("tui.played_by_rules"))
        channels = ", ".join(self.tr(f"channel_long.{c}") for c in sorted(actor.channels))
        self.say(self.tr("plain.channels", channels=channels))
        delay = actor.reply_delay
        self.say(
            self.tr(
                "plain.delays",
                normal=tn("n.turns", self.lang, delay.normal),
                urgent=tn("n.turns", self.lang, delay.urgent),
            )
        )
        for service in actor.services.values():
            kinds = ", ".join(self.tr(f"kind.{k}") for k in service.targets)
            self.say(
                f"  request {actor.id} {service.id}{' FACT' if service.targets else ''}"
                f" : {service.label.get(self.lang)}"
                f"{f' ({kinds})' if kinds else ''} [{self.tr('channel.' + service.channel)}]"
            )
            self.say(f"      {service.text.get(self.lang)}")

    def _actions(self, args: list[str]) -> None:
        from ..engine.steps import step_options

        options = step_options(self.session.engine, self.session.state)
        # The steps that can be taken now come first; the others say why not.
        for option in sorted(options, key=lambda o: not o.available):
            action = self.content.actions[option.action]
            kinds = ", ".join(self.tr(f"kind.{k}") for k in action.targets)
            target = " FACT" if action.targets else ""
            self.say(
                f"  do {action.id}{target} : {action.label.get(self.lang)}"
                f"{f' ({kinds})' if kinds else ''} - {self.tr('plain.cost', n=action.cost)}"
            )
            self.say(f"      {action.text.get(self.lang)}")
            if option.reason is not None:
                why = narrate.reason_text(self.content, option.reason, self.lang)
                self.say("      " + self.tr("plain.not_now", why=why))
        if not options:
            self.say(self.tr("plain.no_actions"))

    def _messages(self, messages: list[Message]) -> None:
        if not messages:
            self.say(self.tr("plain.no_messages"))
        for m in messages:
            subject = narrate.message_title(self.content, m, self.lang)
            sender = narrate.actor_name(self.content, m.sender, self.lang)
            to = ", ".join(narrate.actor_name(self.content, r, self.lang) for r in m.recipients)
            self.say(f"  #{m.id} {self.tr('plain.turn_n', n=m.turn)} {sender} -> {to}: {subject}")

    def _inbox(self, args: list[str]) -> None:
        state = self.session.state
        self._messages(list(state.inbox(state.role)))

    def _outbox(self, args: list[str]) -> None:
        state = self.session.state
        self._messages(list(state.outbox(state.role)))

    def _read(self, args: list[str]) -> None:
        if len(args) != 1 or not args[0].lstrip("#").isdecimal():
            raise CommandError(self.tr("plain.need_number"))
        number = int(args[0].lstrip("#"))
        state = self.session.state
        visible = [
            m for m in state.messages if m.sender == state.role or state.role in m.recipients
        ]
        message = next((m for m in visible if m.id == number), None)
        if message is None:
            self.say(self.tr("plain.no_such_message", n=number))
            return
        names = self.session.group_labels()
        self.say(*narrate.message_lines(self.content, message, self.lang, names, fact_ids=True))

    def _objectives(self, args: list[str]) -> None:
        state = self.session.state
        for objective in self.content.objectives.values():
            if objective.owner not in ("shared", state.role):
                continue
            done = objective.id in state.objectives
            mark = self.tr("plain.done") if done else self.tr("plain.open")
            owner = self.tr("shared") if objective.owner == "shared" else self.tr("you")
            star = " *" if objective.special_task else ""
            self.say(f"  [{mark}] ({owner}{star}) {objective.text.get(self.lang)}")
        self.say(self.tr("plain.star_note"))

    def _codes(self, args: list[str]) -> None:
        self.say(self.tr("plain.codes_handling"))
        for code in HANDLING_CODES:
            self.say(f"  {self.tr('handling.' + code)}")
        self.say(self.tr("plain.codes_eval"))
        for code in SOURCE_CODES:
            self.say(f"  {self.tr('source.' + code)}")
        for code in INFO_CODES:
            self.say(f"  {self.tr('info.' + code)}")

    def _log(self, args: list[str]) -> None:
        self.show_events(self.session.events)

    def _lang(self, args: list[str]) -> None:
        if len(args) != 1 or args[0] not in languages():
            raise CommandError(self.tr("plain.need_lang", langs=", ".join(languages())))
        self.session.lang = args[0]
        self.say(self.tr("plain.lang_set"))

    def _save(self, args: list[str]) -> None:
        self.persist()
        where = self.save_path or autosave_path()
        self.say(self.tr("plain.saved", path=str(where)))

    def _quit(self, args: list[str]) -> None:
        self.persist()
        self.quit = True
        self.say(self.tr("plain.bye"))
