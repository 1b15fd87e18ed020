"""The command notation: a game action written as one line of text, and read back.

Plain mode, scripts and walkthroughs, the explorer's reports, the debrief and the demo all
write actions this way (``send europol minibus_plate handling=H2 eval=B2``). ``parse``
reads a line into an action, checked against the scenario; ``format`` writes an action as
the line that ``parse`` reads back into the same action. ``play_script`` plays a script's
lines on a game, one action at a time, through the engine. Nothing here prints.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Iterator
from typing import Any

from ..content.bundle import GameContent
from ..content.errors import closest
from ..engine import Action, AskPermission, Do, EndTurn, Request, Send, Share
from ..engine.siena import HANDLING_CODES, INFO_CODES, SOURCE_CODES
from ..i18n import TranslatedError, t
from .session import Session

ACTION_USAGE: dict[str, str] = {
    "send": "send TO[,TO...] [FACT[,FACT...]] [handling=H0..H3] [eval=B2] "
    '[urgent] [subject="..."] [body="..."] [reply=N] [note="..."]',
    "share": 'share TO [FACT[,FACT...]] [note="..."]',
    "request": 'request AGENCY SERVICE [FACT] [urgent] [note="..."]',
    "do": "do ACTION [FACT]",
    "permission": "permission FACT",
    "end": "end",
}
"""The commands that are game actions (they cost a turn's points or end it), with usage."""

LOOK_COMMANDS = frozenset(
    {
        "help",
        "status",
        "board",
        "fact",
        "directory",
        "actor",
        "actions",
        "inbox",
        "outbox",
        "read",
        "objectives",
        "codes",
        "log",
        "lang",
        "save",
    }
)
"""Plain mode's commands that show or keep the game and change nothing in it: a script
may contain them, and a replay passes over them."""

STOP = "quit"
"""The command that ends a script: what follows it is not played."""

_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])")


class NotationError(TranslatedError):
    """A line that is no action the game understands; the message says what to type.

    ``usage_of`` names the command whose usage helps (None when the command itself is
    unknown). ``did_you_mean`` fills a ``{hint}`` with the closest known word, if any.
    """

    def __init__(
        self,
        key: str,
        *,
        usage_of: str | None = None,
        did_you_mean: tuple[str, Iterable[str]] | None = None,
        **params: Any,
    ) -> None:
        self.usage_of = usage_of
        self.suggestion: str | None = None
        if did_you_mean is not None:
            self.suggestion = closest(did_you_mean[0], did_you_mean[1])
        self.key = key
        self.params = params
        Exception.__init__(self, self.text("en"))

    def text(self, lang: str) -> str:
        params = dict(self.params)
        if "hint" not in params and self.key in _HINTED:
            params["hint"] = (
                t("plain.did_you_mean", lang, word=self.suggestion) if self.suggestion else ""
            )
        return t(self.key, lang, **params)


_HINTED = frozenset(
    {
        "plain.unknown_command",
        "plain.unknown_actor",
        "plain.unknown_fact",
        "plain.unknown_service",
        "plain.unknown_my_action",
    }
)


# --- reading ---------------------------------------------------------------------------------


def printable(line: str) -> str:
    """The line without terminal escape sequences (arrow or End keys) and control characters."""
    return "".join(ch for ch in _ESCAPE.sub("", line) if ch == "\t" or ch >= " ")


def script_lines(lines: Iterable[str]) -> Iterator[str]:
    """The commands of a script or of typed input: blank lines and # comments left out."""
    for raw in lines:
        line = printable(raw).strip().lstrip("\ufeff")  # (a BOM: Notepad's UTF-8)
        if line and not line.startswith("#"):
            yield line


def split(line: str) -> list[str]:
    """A line's words, with "quoted text" kept as one word."""
    try:
        return shlex.split(line, posix=True)
    except ValueError:
        raise NotationError("plain.bad_quotes") from None


def options_of(args: list[str]) -> tuple[list[str], dict[str, str], set[str]]:
    """Positional words, ``key=value`` options and the ``urgent`` flag, apart."""
    positional: list[str] = []
    options: dict[str, str] = {}
    flags: set[str] = set()
    for arg in args:
        if "=" in arg:
            key, _, value = arg.partition("=")
            options[key.lower()] = value
        elif arg.lower() in ("urgent",):
            flags.add(arg.lower())
        else:
            positional.append(arg)
    return positional, options, flags


def no_other_options(options: dict[str, str], allowed: set[str], command: str) -> None:
    extra = set(options) - allowed
    if extra:
        raise NotationError(
            "plain.unknown_option",
            usage_of=command,
            option=sorted(extra)[0],
            allowed=", ".join(sorted(allowed)) or "-",
        )


def parse(line: str, content: GameContent, role: str, known: Iterable[str] | None = None) -> Action:
    """The action a line of the notation stands for, played by ``role``.

    Raises NotationError for a line that is no game action or names what the scenario
    does not have (its message says what to type instead). A misspelt fact is matched
    only against ``known``, the facts the role holds (by default those it starts with),
    so a hint never gives away a fact still to be found.
    """
    words = split(line)
    if not words:
        raise NotationError("plain.unknown_command", command="", hint="")
    return parse_words(words[0].lower(), words[1:], content, role, known)


def parse_words(
    name: str,
    args: list[str],
    content: GameContent,
    role: str,
    known: Iterable[str] | None = None,
) -> Action:
    """The action of one command, its words already split."""
    reader = _READERS.get(name)
    if reader is None:
        raise NotationError(
            "plain.unknown_command",
            command=name,
            did_you_mean=(name, [*ACTION_USAGE, *LOOK_COMMANDS, STOP]),
        )
    return reader(_Reader(content, role, name, known), args)


class _Reader:
    """Checks the ids a command names against the scenario, for one role."""

    def __init__(
        self, content: GameContent, role: str, command: str, known: Iterable[str] | None
    ) -> None:
        self.content = content
        self.role = role
        self.command = command
        if known is None:
            actor = content.actors.get(role)
            known = actor.knows if actor is not None else ()
        self.known = list(known)

    def error(self, key: str, **params: Any) -> NotationError:
        return NotationError(key, usage_of=self.command, **params)

    def actor(self, word: str) -> str:
        actors = self.content.actors
        if word in actors:
            return word
        raise self.error(
            "plain.unknown_actor",
            actor=word,
            did_you_mean=(word, actors),
            actors=", ".join(actors),
        )

    def fact(self, word: str) -> str:
        if word in self.content.facts:
            return word
        raise self.error("plain.unknown_fact", fact=word, did_you_mean=(word, self.known))

    def facts(self, word: str) -> tuple[str, ...]:
        return tuple(self.fact(f) for f in word.split(",") if f)


def _send(r: _Reader, args: list[str]) -> Action:
    positional, options, flags = options_of(args)
    no_other_options(options, {"handling", "eval", "subject", "body", "reply", "note"}, "send")
    if not positional:
        raise r.error("plain.need_recipient")
    to = tuple(r.actor(a) for a in positional[0].split(",") if a)
    if not to:
        raise r.error("plain.need_recipient")
    facts = r.facts(positional[1]) if len(positional) > 1 else ()
    if len(positional) > 2:
        raise r.error("plain.too_many")
    handling = options.get("handling", "H0").upper()
    if handling not in HANDLING_CODES:
        raise r.error("plain.bad_handling", value=handling)
    source = info = None
    if "eval" in options:
        grade = options["eval"].upper()
        if len(grade) != 2 or grade[0] not in SOURCE_CODES or grade[1] not in INFO_CODES:
            raise r.error("plain.bad_eval", value=grade)
        source, info = grade[0], grade[1]
    reply = options.get("reply")
    if reply is not None and not (reply.isascii() and reply.isdigit()):
        raise r.error("plain.bad_number", value=reply)
    return Send(
        to=to,
        facts=facts,
        handling=handling,
        handling_note=options.get("note", ""),
        source_code=source,
        info_code=info,
        priority="urgent" if "urgent" in flags else "normal",
        subject=options.get("subject", ""),
        body=options.get("body", ""),
        reply_to=int(reply) if reply is not None else None,
    )


def _share(r: _Reader, args: list[str]) -> Action:
    positional, options, _ = options_of(args)
    no_other_options(options, {"note"}, "share")
    if not positional:
        raise r.error("plain.need_recipient")
    if len(positional) > 2:
        raise r.error("plain.too_many")
    facts = r.facts(positional[1]) if len(positional) > 1 else ()
    return Share(to=r.actor(positional[0]), facts=facts, note=options.get("note", ""))


def _request(r: _Reader, args: list[str]) -> Action:
    positional, options, flags = options_of(args)
    no_other_options(options, {"note"}, "request")
    if len(positional) < 2:
        raise r.error("plain.need_service")
    if len(positional) > 3:
        raise r.error("plain.too_many")
    agency = r.actor(positional[0])
    service = positional[1]
    services = r.content.actors[agency].services
    if service not in services:
        raise r.error(
            "plain.unknown_service",
            service=service,
            did_you_mean=(service, services),
            services=", ".join(services) or "-",
        )
    fact = r.fact(positional[2]) if len(positional) > 2 else None
    return Request(
        agency,
        service,
        fact,
        "urgent" if "urgent" in flags else "normal",
        options.get("note", ""),
    )


def _do(r: _Reader, args: list[str]) -> Action:
    if not args or len(args) > 2:
        raise r.error("plain.need_action")
    actions = [a.id for a in r.content.actions.values() if r.role in a.by]
    if args[0] not in actions:
        raise r.error(
            "plain.unknown_my_action",
            action=args[0],
            did_you_mean=(args[0], actions),
            actions=", ".join(actions) or "-",
        )
    return Do(args[0], r.fact(args[1]) if len(args) > 1 else None)


def _permission(r: _Reader, args: list[str]) -> Action:
    if len(args) != 1:
        raise r.error("plain.need_fact")
    return AskPermission(r.fact(args[0]))


def _end(r: _Reader, args: list[str]) -> Action:
    return EndTurn()


_READERS = {
    "send": _send,
    "share": _share,
    "request": _request,
    "do": _do,
    "permission": _permission,
    "end": _end,
}


# --- writing ---------------------------------------------------------------------------------


def _quoted(key: str, value: str) -> str:
    """``key="value"``, escaped so that ``split`` gives the value back exactly."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{key}="{escaped}"'


def format(action: Action) -> str:
    """The line of the notation that ``parse`` reads back into this same action.

    Only game actions have a line; a trainer's steps and a class's decisions do not.
    """
    if isinstance(action, EndTurn):
        return "end"
    if isinstance(action, Do):
        return f"do {action.action}" + (f" {action.fact}" if action.fact else "")
    if isinstance(action, AskPermission):
        return f"permission {action.fact}"
    words: list[str]
    if isinstance(action, Share):
        words = ["share", action.to]
        if action.facts:
            words.append(",".join(action.facts))
        if action.note:
            words.append(_quoted("note", action.note))
        return " ".join(words)
    if isinstance(action, Request):
        words = ["request", action.agency, action.service]
        if action.fact:
            words.append(action.fact)
        if action.priority == "urgent":
            words.append("urgent")
        if action.note:
            words.append(_quoted("note", action.note))
        return " ".join(words)
    if isinstance(action, Send):
        words = ["send", ",".join(action.to)]
        if action.facts:
            words.append(",".join(action.facts))
        if action.handling != "H0":
            words.append(f"handling={action.handling}")
        if action.source_code and action.info_code:
            words.append(f"eval={action.source_code}{action.info_code}")
        if action.priority == "urgent":
            words.append("urgent")
        if action.subject:
            words.append(_quoted("subject", action.subject))
        if action.body:
            words.append(_quoted("body", action.body))
        if action.reply_to is not None:
            words.append(f"reply={action.reply_to}")
        if action.handling_note:
            words.append(_quoted("note", action.handling_note))
        return " ".join(words)
    raise TypeError(f"not an action a player writes: {action!r}")


def as_script(actions: Iterable[Action]) -> list[str]:
    """Actions as the lines of a script that ``play --script`` accepts."""
    return [format(a) for a in actions]


# --- playing a script --------------------------------------------------------------------------


def play_script(session: Session, lines: Iterable[str]) -> list[str]:
    """Play a script's actions on a game, each through the engine, until the game ends,
    the script ends or says ``quit``. Commands that only show the game are passed over.

    Returns the lines that are no action of this scenario and role (then the file is
    not a script for this game); those lines are not played.
    """
    not_understood: list[str] = []
    for line in script_lines(lines):
        if session.state.over:
            break
        try:
            words = split(line) or [""]  # a line of only "" is no command
            name = words[0].lower()
            if name == STOP:
                break
            if name in LOOK_COMMANDS:
                continue
            state = session.state
            known = state.knowledge.get(state.role, {})
            action = parse_words(name, words[1:], session.content, state.role, known)
        except NotationError:
            not_understood.append(line)
            continue
        session.act(action)
    return not_understood
