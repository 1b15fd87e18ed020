"""The rule language as data: conditions, triggers and effects, validated at load time.

Each form is a YAML mapping with one distinguishing key (``all:``, ``knows:``, ``reveal:``
...). Nothing here is ever evaluated as code: the engine walks these objects.

The annotations are real types (no ``from __future__ import annotations``; see models.py),
so only the forward references of the recursive conditions are written in quotes.
"""

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from .text import Text

Pillar = Literal["information_exchange", "coordination", "victim_protection", "standards"]
PILLARS: tuple[Pillar, ...] = (
    "information_exchange",
    "coordination",
    "victim_protection",
    "standards",
)
HandlingCode = Literal["H0", "H1", "H2", "H3"]
SourceCode = Literal["A", "B", "C", "X"]
InfoCode = Literal["1", "2", "3", "4"]
Priority = Literal["normal", "urgent"]
Channel = Literal["siena", "i24_7", "direct", "judicial"]
CHANNELS: tuple[Channel, ...] = ("siena", "i24_7", "direct", "judicial")
Value = int | bool | str

PLAYER = "player"
"""In conditions and effects, the actor the learner is playing."""


def new_list() -> list[Any]:
    """An empty list, as a field's default (see the note below)."""
    return []


def new_dict() -> dict[Any, Any]:
    """An empty mapping, as a field's default."""
    return {}


# Defaults are made by small Python functions (these, or a lambda around a model), never
# by ``list``, ``dict`` or a model class itself: pydantic reads every default factory's
# signature while it builds the models, and a builtin's is parsed from text with the
# tokenizer and a model's is generated, about a tenth of building all the models (and so
# part of every full ``validate``). tests/test_content_models_build.py keeps it so.


class Strict(BaseModel):
    # defer_build: pydantic's validators are built at a model's first validation, not at
    # import; valid content is made without them (shapes.py), so a check of valid files
    # never pays for building them.
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True, defer_build=True)


def _tag(keys: tuple[str, ...], value: Any) -> str | None:
    """Which of ``keys`` names the form of ``value``: the one key a mapping uses, the form
    of an object built in code, or a bare word that is a key; None when none does."""
    if isinstance(value, dict):
        if len(value) == 1:  # the usual form (``knows: plate``): its one key, if it is one
            for key in value:
                return key if key in keys else None
        found = [k for k in keys if k in value]
        return found[0] if len(found) == 1 else None
    if isinstance(value, BaseModel):
        for k in keys:
            if k in type(value).model_fields or any(
                f.alias == k for f in type(value).model_fields.values()
            ):
                return k
    if isinstance(value, str) and value in keys:
        return value
    return None


def _tagger(keys: tuple[str, ...]) -> Callable[[Any], str | None]:
    """A discriminator that picks the form by which of its keys a mapping uses.

    The work is in the module-level ``_tag``, looked up at each call: this function runs
    while the module is imported, where a mutation test cannot reach its body."""

    def tag(value: Any) -> str | None:
        return _tag(keys, value)

    return tag


# --- message filters (shared by conditions and triggers) -------------------------------


class MessageFilter(Strict):
    """Fields a message must have; every field given must match."""

    to: str | None = Field(None, description="A recipient of the message (actor id).")
    sender: str | None = Field(None, alias="from", description="The sender (actor id).")
    channel: Channel | None = None
    handling: HandlingCode | None = None
    priority: Priority | None = None
    has_fact: str | None = Field(None, description="A fact attached to the message.")
    source_code: SourceCode | None = None
    info_code: InfoCode | None = None


# --- conditions ---------------------------------------------------------------------------


class AllOf(Strict):
    all: list["Condition"] = Field(min_length=1)


class AnyOf(Strict):
    any: list["Condition"] = Field(min_length=1)


class NotOf(Strict):
    not_: "Condition" = Field(alias="not")


class KnowsArgs(Strict):
    fact: str
    actor: str = PLAYER


def _fact_shorthand(value: Any) -> Any:
    return {"fact": value} if isinstance(value, str) else value


def _action_shorthand(value: Any) -> Any:
    return {"action": value} if isinstance(value, str) else value


def _inject_shorthand(value: Any) -> Any:
    return {"id": value} if isinstance(value, str) else value


class Knows(Strict):
    """The actor (the player by default) knows the fact."""

    knows: Annotated[
        KnowsArgs, BeforeValidator(_fact_shorthand, json_schema_input_type=KnowsArgs | str)
    ]


class VarCompare(Strict):
    """Compare a variable with a value: give exactly one of eq, ne, lt, le, gt, ge."""

    var: str
    eq: Value | None = None
    ne: Value | None = None
    lt: int | None = None
    le: int | None = None
    gt: int | None = None
    ge: int | None = None

    @model_validator(mode="after")
    def _one_comparison(self) -> "VarCompare":
        given = [op for op in ("eq", "ne", "lt", "le", "gt", "ge") if getattr(self, op) is not None]
        if len(given) != 1:
            raise ValueError(
                "a 'var' condition needs exactly one comparison of eq, ne, lt, le, gt, ge "
                f"(found {len(given)})"
            )
        return self

    @property
    def op(self) -> str:
        for op in ("eq", "ne", "lt", "le", "gt", "ge"):
            if getattr(self, op) is not None:
                return op
        raise AssertionError("validated")

    @property
    def value(self) -> Value:
        value: Value = getattr(self, self.op)
        return value


class TurnBounds(Strict):
    min: int | None = Field(None, ge=1)
    max: int | None = Field(None, ge=1)


class TurnIs(Strict):
    """The current turn lies in a range (both ends included)."""

    turn: TurnBounds


class RoleIs(Strict):
    """The learner plays this role."""

    role: str


class Fired(Strict):
    """A rule has fired at least once."""

    fired: str


class Injected(Strict):
    """An inject has happened."""

    injected: str


class DoneArgs(Strict):
    action: str
    times: int = Field(1, ge=1)


class Done(Strict):
    """A scenario action has been done (by the player) at least ``times`` times."""

    done: Annotated[
        DoneArgs,
        BeforeValidator(
            _action_shorthand,
            json_schema_input_type=DoneArgs | str,
        ),
    ]


class ObjectiveMet(Strict):
    objective: str


class Chance(Strict):
    """True with this percentage, drawn from the game's seeded random generator."""

    chance: int = Field(ge=1, le=99)


class MessageIs(Strict):
    """The message that triggered this rule has these fields."""

    message: MessageFilter


_CONDITION_KEYS = (
    "all",
    "any",
    "not",
    "knows",
    "var",
    "turn",
    "role",
    "fired",
    "injected",
    "done",
    "objective",
    "chance",
    "message",
)

Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")]
    | Annotated[Knows, Tag("knows")]
    | Annotated[VarCompare, Tag("var")]
    | Annotated[TurnIs, Tag("turn")]
    | Annotated[RoleIs, Tag("role")]
    | Annotated[Fired, Tag("fired")]
    | Annotated[Injected, Tag("injected")]
    | Annotated[Done, Tag("done")]
    | Annotated[ObjectiveMet, Tag("objective")]
    | Annotated[Chance, Tag("chance")]
    | Annotated[MessageIs, Tag("message")],
    Discriminator(
        _tagger(_CONDITION_KEYS),
        custom_error_type="condition",
        custom_error_message="expected a condition: a mapping with one of the keys "
        + ", ".join(_CONDITION_KEYS),
    ),
]

# --- triggers -------------------------------------------------------------------------------


class OnAction(Strict):
    """The player does a scenario action."""

    action: str


class RequestFilter(Strict):
    agency: str
    service: str
    fact: str | None = None


class OnRequest(Strict):
    """The player makes a request of an agency or role."""

    request: RequestFilter


class OnMessage(Strict):
    """The player sends a message (SIENA or another channel) matching the filter."""

    message: MessageFilter


class OnInject(Strict):
    inject: str


class OnPermission(Strict):
    """The player asks a provider for permission to pass on this fact."""

    permission: str


class OnTurnStart(Strict):
    turn_start: Literal[True] = True


class OnTurnEnd(Strict):
    turn_end: Literal[True] = True


def _trigger_shorthand(value: Any) -> Any:
    if value in ("turn_start", "turn_end"):
        return {value: True}
    return value


_TRIGGER_KEYS = ("action", "request", "message", "inject", "permission", "turn_start", "turn_end")

_TriggerUnion = Annotated[
    Annotated[OnAction, Tag("action")]
    | Annotated[OnRequest, Tag("request")]
    | Annotated[OnMessage, Tag("message")]
    | Annotated[OnInject, Tag("inject")]
    | Annotated[OnPermission, Tag("permission")]
    | Annotated[OnTurnStart, Tag("turn_start")]
    | Annotated[OnTurnEnd, Tag("turn_end")],
    Discriminator(
        _tagger(_TRIGGER_KEYS),
        custom_error_type="trigger",
        custom_error_message="expected a trigger: turn_start, turn_end, or a mapping with one "
        "of the keys action, request, message, inject, permission",
    ),
]
Trigger = Annotated[
    _TriggerUnion,
    BeforeValidator(
        _trigger_shorthand,
        json_schema_input_type=Literal["turn_start", "turn_end"] | _TriggerUnion,
    ),
]

# --- effects --------------------------------------------------------------------------------


class RevealArgs(Strict):
    facts: list[str] = Field(min_length=1)
    to: str = PLAYER
    sender: str | None = Field(None, alias="from", description="Who the facts come from.")
    handling: HandlingCode | None = None


class Reveal(Strict):
    """An actor learns facts at once (an NPC's own discovery, or another NPC telling it)."""

    reveal: RevealArgs


class ReplyArgs(Strict):
    sender: str | None = Field(
        None, alias="from", description="Default: the actor the triggering request went to."
    )
    after: int | None = Field(
        None, ge=0, description="Turns until it arrives; default: the sender's delay."
    )
    subject: Text | None = None
    text: Text
    facts: list[str] = Field(default_factory=new_list)
    handling: HandlingCode | None = None
    evaluation: str | None = Field(None, pattern=r"^[ABCX][1-4]$", description="e.g. B2")


class Reply(Strict):
    """A message to the player that arrives after a delay, possibly with facts attached."""

    reply: ReplyArgs


class SetArgs(Strict):
    var: str
    value: Value


class SetVar(Strict):
    set: SetArgs


class AddArgs(Strict):
    var: str
    value: int


class AddVar(Strict):
    add: AddArgs


class ScoreArgs(Strict):
    pillar: Pillar
    delta: int = Field(ge=-100, le=100)
    reason: Text
    source: Text | None = Field(
        None, description="The rule of practice it rests on: an article, a handbook."
    )


class Score(Strict):
    score: ScoreArgs


class InjectArgs(Strict):
    id: str
    after: int = Field(0, ge=0)


class TriggerInject(Strict):
    inject: Annotated[
        InjectArgs,
        BeforeValidator(
            _inject_shorthand,
            json_schema_input_type=InjectArgs | str,
        ),
    ]


class Say(Strict):
    """A line of narration for the player (what the other roles are seen doing)."""

    say: Text


class ForwardArgs(Strict):
    to: str


class Forward(Strict):
    """The recipient of the triggering message passes its facts on to another actor."""

    forward: ForwardArgs


class End(Strict):
    """End the game at once with this ending."""

    end: str


_EFFECT_KEYS = ("reveal", "reply", "forward", "set", "add", "score", "inject", "say", "end")

Effect = Annotated[
    Annotated[Reveal, Tag("reveal")]
    | Annotated[Reply, Tag("reply")]
    | Annotated[Forward, Tag("forward")]
    | Annotated[SetVar, Tag("set")]
    | Annotated[AddVar, Tag("add")]
    | Annotated[Score, Tag("score")]
    | Annotated[TriggerInject, Tag("inject")]
    | Annotated[Say, Tag("say")]
    | Annotated[End, Tag("end")],
    Discriminator(
        _tagger(_EFFECT_KEYS),
        custom_error_type="effect",
        custom_error_message="expected an effect: a mapping with one of the keys "
        + ", ".join(_EFFECT_KEYS),
    ),
]


def compare(left: Any, op: str, right: Any) -> bool:
    """How a 'var' condition compares; an order on anything but a number is false."""
    if op == "eq":
        return bool(left == right)
    if op == "ne":
        return bool(left != right)
    if not isinstance(left, int) or isinstance(left, bool):
        return False
    if op == "lt":
        return bool(left < right)
    if op == "le":
        return bool(left <= right)
    if op == "gt":
        return bool(left > right)
    return bool(left >= right)


def trigger_kind(trigger: BaseModel) -> str:
    """The key that names a trigger: 'action', 'message', 'turn_end' ..."""
    return next(iter(type(trigger).model_fields))
