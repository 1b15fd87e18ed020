"""What a player can do in a turn, as plain immutable data that a save can hold."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True)
class Send:
    """A SIENA message."""

    type: ClassVar[str] = "send"
    to: tuple[str, ...]
    facts: tuple[str, ...] = ()
    handling: str = "H0"
    handling_note: str = ""
    source_code: str | None = None
    info_code: str | None = None
    priority: str = "normal"
    subject: str = ""
    body: str = ""
    reply_to: int | None = None


@dataclass(frozen=True)
class Share:
    """Passing facts on directly (phone, e-mail, meeting): the channel of those without SIENA."""

    type: ClassVar[str] = "share"
    to: str
    facts: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Request:
    """Asking an agency (or another role) for one of its services."""

    type: ClassVar[str] = "request"
    agency: str
    service: str
    fact: str | None = None
    priority: str = "normal"
    note: str = ""


@dataclass(frozen=True)
class Do:
    """A domestic step defined by the scenario (interview, vehicle check, raid ...)."""

    type: ClassVar[str] = "do"
    action: str
    fact: str | None = None


@dataclass(frozen=True)
class AskPermission:
    """Asking the provider of H1/H2 information for permission to pass it on."""

    type: ClassVar[str] = "permission"
    fact: str


@dataclass(frozen=True)
class EndTurn:
    """End the turn; in a hot-seat game, pass it to the next group (the last group's
    end moves time on)."""

    type: ClassVar[str] = "end_turn"


@dataclass(frozen=True)
class TrainerInject:
    """The trainer brings in one of the scenario's events now."""

    type: ClassVar[str] = "trainer_inject"
    inject: str


@dataclass(frozen=True)
class TrainerReveal:
    """The trainer gives a fact to an actor (a group that is stuck, say). It scores nothing."""

    type: ClassVar[str] = "trainer_reveal"
    actor: str
    fact: str


@dataclass(frozen=True)
class TrainerNote:
    """A note from the trainer, kept for the debrief."""

    type: ClassVar[str] = "trainer_note"
    text: str


@dataclass(frozen=True)
class Decide:
    """In a class game, a group answers a request made to the role it plays: grant it,
    refuse it with a reason, or ask for more. The trainer may decide in the group's place
    (``trainer``), or let the scenario's script answer as if no group played the role."""

    type: ClassVar[str] = "decide"
    request: int  # the request message's number
    verdict: str  # 'grant' | 'refuse' | 'more' | 'script' (the trainer's only)
    note: str = ""  # the group's words to the asker; a refusal must give its reason
    trainer: bool = False


TRAINER_ACTIONS = (TrainerInject, TrainerReveal, TrainerNote)
Action = (
    Send
    | Share
    | Request
    | Do
    | AskPermission
    | EndTurn
    | TrainerInject
    | TrainerReveal
    | TrainerNote
    | Decide
)
ACTION_TYPES: dict[str, type[Any]] = {
    cls.type: cls
    for cls in (Send, Share, Request, Do, AskPermission, EndTurn, *TRAINER_ACTIONS, Decide)
}


class ActionFormatError(ValueError):
    """An action record (from a save or a script) that is not well formed."""


_DEFAULTS: dict[type[Any], tuple[tuple[str, Any], ...]] = {
    cls: tuple((f.name, f.default) for f in fields(cls)) for cls in ACTION_TYPES.values()
}


def action_to_dict(action: Action) -> dict[str, Any]:
    """The saved form of an action: its type and every field that is not the default."""
    data: dict[str, Any] = {"type": action.type}
    for name, default in _DEFAULTS[type(action)]:
        value = getattr(action, name)
        if value != default:
            data[name] = list(value) if isinstance(value, tuple) else value
    return data


_CHECKS: dict[str, Any] = {
    "tuple[str, ...]": lambda v: isinstance(v, tuple) and all(isinstance(x, str) for x in v),
    "str": lambda v: isinstance(v, str),
    "str | None": lambda v: v is None or isinstance(v, str),
    "int | None": lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
}


def action_from_dict(data: Any) -> Action:
    """Rebuild an action from its saved form, refusing anything unexpected."""
    if not isinstance(data, dict):
        raise ActionFormatError(f"an action must be a mapping, not {type(data).__name__}")
    kind = data.get("type")
    cls = ACTION_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ActionFormatError(f"unknown action type {kind!r}")
    known = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "type":
            continue
        spec = known.get(key)
        if spec is None:
            raise ActionFormatError(f"unknown field {key!r} in a {kind} action")
        if isinstance(value, list):
            value = tuple(value)
        if not _CHECKS[str(spec.type)](value):
            raise ActionFormatError(f"field {key!r} of a {kind} action has the wrong type")
        values[key] = value
    try:
        action: Action = cls(**values)
    except TypeError:
        missing = [n for n, f in known.items() if n not in values and f.default is MISSING]
        raise ActionFormatError(f"a {kind} action needs {', '.join(missing)}") from None
    return action
