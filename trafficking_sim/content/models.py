"""The file formats: scenario, role card and agency profile, as validated models.

These models describe what an author writes. The JSON Schema that editors use is
generated from them (``trafficking-sim schema``), so a field documented here is
documented there too.

No ``from __future__ import annotations`` here or in logic.py: with it every annotation
is a string that pydantic evaluates again while it builds the models, about a tenth of
building them (and so of every full ``validate``).
"""

import datetime as dt
import typing
from typing import Annotated, Literal

from pydantic import Field, field_validator

from .logic import (
    Channel,
    Condition,
    Effect,
    Pillar,
    Strict,
    Trigger,
    Value,
    new_dict,
    new_list,
)
from .text import LANGUAGE_CODE, Text

FORMAT_VERSION = 1

Id = str
FactKind = Literal[
    "person",
    "vehicle",
    "place",
    "document",
    "victim",
    "money",
    "communication",
    "organisation",
    "other",
]
FACT_KINDS: tuple[str, ...] = typing.get_args(FactKind)
StateCode = Literal["A", "B", "C"]
Language = Annotated[str, Field(pattern=LANGUAGE_CODE)]
"""A language code; the installed ones are the locale folders (i18n.languages())."""
ALL_LANGUAGES: tuple[str, ...] = ("en", "sl")
"""The languages a content file is written in when it does not say (``languages:``)."""
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
DataLaw = Literal["law_enforcement", "gdpr", "un"]


class Penalty(Strict):
    pillar: Pillar
    delta: int = Field(le=0, ge=-100)


class Refusal(Strict):
    """Why an agency will not do this, and who can help instead."""

    reason: Text
    source: Text | None = Field(None, description="The article or handbook it rests on.")
    penalty: Penalty | None = None


class FactGuard(Strict):
    """A fact may be passed on only while this holds (for example, the victim's consent)."""

    if_: Condition = Field(alias="if")
    reason: Text
    source: Text | None = Field(None, description="The article or handbook it rests on.")
    penalty: Penalty | None = None


class Service(Strict):
    """A request an agency (or a role played by rules) accepts."""

    id: Id = Field(pattern=ID_PATTERN)
    label: Text
    text: Text = Field(description="What the service is, shown in the directory.")
    channel: Channel = Field(description="How the request travels; the requester must have it.")
    cost: int = Field(1, ge=0, le=5)
    targets: list[FactKind] = Field(
        default_factory=new_list, description="Kinds of fact the request is about; empty for none."
    )
    after: int | None = Field(None, ge=0, description="Turns until the default reply.")
    reply: Text | None = Field(None, description="Default reply when no scenario rule answers.")
    refuse: Refusal | None = Field(None, description="Set when the request is outside the mandate.")
    requires: FactGuard | None = Field(
        None,
        description="The request is refused, with this reason, while 'if' does not hold "
        "(a Red Notice without a national arrest warrant, for example).",
    )


class ReplyDelay(Strict):
    normal: int = Field(2, ge=0, le=20)
    urgent: int = Field(1, ge=0, le=20)


# --- agency profile -----------------------------------------------------------------------


class AgencyProfile(Strict):
    """A non-playable actor that answers requests (agencies/*.yaml)."""

    kind: Literal["agency"]
    format: Literal[1] = 1
    id: Id = Field(pattern=ID_PATTERN)
    languages: list[Language] = Field(default_factory=lambda: list(ALL_LANGUAGES))
    name: Text
    short_name: Text
    mandate: Text
    cannot: list[Text] = Field(default_factory=new_list, description="What it cannot do.")
    ask_instead: Text | None = Field(None, description="Whom to ask for what it cannot do.")
    channels: list[Channel] = Field(min_length=1)
    judicial: bool = Field(False, description="Receives information for judicial proceedings (H1).")
    data_law: DataLaw = Field(
        "law_enforcement", description="The data-protection law that binds it when it passes data."
    )
    reply_delay: ReplyDelay = Field(default_factory=lambda: ReplyDelay.model_construct())
    default_reply: Text
    services: list[Service] = Field(default_factory=new_list)
    texts: dict[Id, Text] = Field(default_factory=new_dict)


# --- role card ------------------------------------------------------------------------------


class RoleCard(Strict):
    """A playable role, reusable across scenarios (roles/*.yaml)."""

    kind: Literal["role"]
    format: Literal[1] = 1
    id: Id = Field(pattern=ID_PATTERN)
    languages: list[Language] = Field(default_factory=lambda: list(ALL_LANGUAGES))
    name: Text
    short_name: Text
    who: Text = Field(description="Who you are (to the player of this role).")
    about: Text | None = Field(
        None, description="The role as others see it, in the third person (the directory)."
    )
    powers: list[Text] = Field(min_length=1, description="What you can do.")
    limits: list[Text] = Field(min_length=1, description="What you cannot do, and whom to ask.")
    channels: list[Channel] = Field(min_length=1)
    data_law: DataLaw = Field(
        description="The data-protection law that binds this role when it passes personal "
        "data on: law_enforcement (Directive (EU) 2016/680), gdpr (Regulation (EU) "
        "2016/679), or un (the UN's own data-protection principles)."
    )
    special_task: Text
    why_others: Text = Field(description="Why you will need the others.")
    hints: list[Text] = Field(default_factory=new_list)
    action_points: int = Field(3, ge=1, le=10)
    reply_delay: ReplyDelay = Field(
        default_factory=lambda: ReplyDelay.model_construct(normal=1, urgent=1)
    )
    default_reply: Text
    services: list[Service] = Field(default_factory=new_list)
    texts: dict[Id, Text] = Field(default_factory=new_dict)


# --- scenario ---------------------------------------------------------------------------------


class StateInfo(Strict):
    name: Text
    part: Literal["origin", "transit", "destination"]
    text: Text | None = None


class ScenarioRole(Strict):
    """A role card taking part in this scenario."""

    card: Id
    state: StateCode | None = None
    special_task: Text | None = Field(None, description="Overrides the card's special task.")
    needs: list[Id] = Field(default_factory=new_list, description="Facts this role needs.")
    knows: list[Id] = Field(default_factory=new_list, description="Facts it knows at the start.")
    action_points: int | None = Field(None, ge=1, le=10)
    services: list[Service] = Field(default_factory=new_list)


class ScenarioAgency(Strict):
    """An agency profile taking part in this scenario, with local adjustments."""

    profile: Id
    id: Id | None = Field(
        None,
        pattern=ID_PATTERN,
        description="The actor's id in this scenario (default: the profile's), so one profile "
        "can serve twice, such as the liaison officers of two states.",
    )
    name: Text | None = Field(None, description="Replaces the profile's name here.")
    short_name: Text | None = None
    state: StateCode | None = None
    needs: list[Id] = Field(default_factory=new_list)
    knows: list[Id] = Field(default_factory=new_list)
    reply_delay: ReplyDelay | None = None
    services: list[Service] = Field(
        default_factory=new_list,
        description="Added to the profile's, replacing any with the same id.",
    )


class Consent(Strict):
    """Whom a victim agreed their account may go to, and for what.

    Passing the fact before the person agreed, or to anyone outside ``to``, is a breach of
    their consent for every role, cited with the law that binds the role that does it.
    """

    person: Text = Field(description="Whose account it is: 'Mira', 'the caller'.")
    to: list[Id] = Field(
        min_length=1, description="The roles and agencies the person agrees to, once asked."
    )
    purpose: Text = Field(description="What the person agreed it may be used for.")
    asked: Condition | None = Field(
        None,
        description="Holds once the person has been asked and agreed; omit when the person "
        "agreed before the game starts.",
    )
    ask_first: Text | None = Field(
        None, description="Why passing it on is refused while 'asked' does not hold: what to do."
    )
    penalty: Penalty = Field(
        default_factory=lambda: Penalty.model_construct(pillar="victim_protection", delta=-5),
        description="What a breach costs.",
    )


class Grade(Strict):
    """The evaluation a fact's holder should give it when passing it on (4x4 scheme)."""

    source: Literal["A", "B", "C", "X"] = Field(description="How reliable the source is.")
    info: Literal["1", "2", "3", "4"] = Field(description="How the information is known.")
    why: Text = Field(description="Why this grade fits: shown when the grade given differs.")


class Fact(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    kind: FactKind
    label: Text = Field(description="A short name for lists, such as 'Minibus plate'.")
    text: Text = Field(description="The fact itself, as the case board shows it.")
    personal_data: bool = False
    guard: FactGuard | None = None
    consent: Consent | None = Field(
        None, description="For a victim's account: whom they agreed it may go to."
    )
    grade: Grade | None = Field(
        None,
        description="The evaluation code that fits this fact when the role that found it "
        "sends it on through SIENA (a victim met once: X2; what your officers saw: A1).",
    )


class Variable(Strict):
    initial: Value
    min: int | None = None
    max: int | None = None
    label: Text | None = None


class ScenarioAction(Strict):
    """A domestic step a role can take (interview, vehicle check, surveillance, raid...)."""

    id: Id = Field(pattern=ID_PATTERN)
    by: list[Id] = Field(min_length=1, description="Roles that can take it.")
    label: Text
    text: Text
    cost: int = Field(1, ge=0, le=5)
    targets: list[FactKind] = Field(
        default_factory=new_list, description="Kinds of fact it is done on; empty for none."
    )
    if_: Condition | None = Field(None, alias="if", description="When it is available.")
    reason: Text | None = Field(
        None, description="Why it is not available while 'if' does not hold (shown to the player)."
    )
    visible: Condition | None = Field(
        None,
        description="Hidden from the player's list until this holds (a step that only makes "
        "sense after an event). Omit to always list it.",
    )
    repeatable: bool = False
    then: list[Effect] = Field(default_factory=new_list)


class Rule(Strict):
    """When something happens and a condition holds, apply effects."""

    id: Id = Field(pattern=ID_PATTERN)
    when: Trigger
    if_: Condition | None = Field(None, alias="if")
    then: list[Effect] = Field(min_length=1)
    once: bool = True
    plays: Id | None = Field(
        None, description="The role this rule plays; skipped when the learner has that role."
    )


class Inject(Strict):
    """A scheduled or triggered event (from exercise design's master events list)."""

    id: Id = Field(pattern=ID_PATTERN)
    at_turn: int | None = Field(None, ge=1)
    if_: Condition | None = Field(None, alias="if")
    audience: list[Id] = Field(
        default_factory=new_list, description="Roles that learn of it; empty for everyone."
    )
    title: Text
    text: Text
    then: list[Effect] = Field(default_factory=new_list)


class Objective(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    owner: Id = Field(description="A role id, or 'shared'.")
    text: Text
    when: Condition
    special_task: bool = Field(False, description="This is the owner's special task.")


class Ending(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    rating: Literal["best", "good", "mixed", "bad"]
    title: Text
    text: Text
    when: Condition | None = Field(None, description="Omit for an ending reached only by 'end:'.")
    meaning: list[Text] = Field(
        default_factory=new_list,
        description="What it means for the victims, the network and the case, in a few "
        "plain sentences (shown in the debrief).",
    )


class Evidence(Strict):
    if_: Condition = Field(alias="if")
    text: Text


class LearningObjective(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    seed: str = Field(description="The seed's section, e.g. 7.2.1.")
    text: Text
    evidence: list[Evidence] = Field(default_factory=new_list)


class Question(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    section: Literal["7.5", "7.6"] | None = Field(
        None,
        description="The section of the source manual the question comes from; leave it "
        "out for a question of this scenario's own, which the debrief then says it is.",
    )
    text: Text


class Debrief(Strict):
    learning_objectives: list[LearningObjective] = Field(default_factory=new_list)
    questions: list[Question] = Field(default_factory=new_list)


class Scoring(Strict):
    start: int = Field(
        60,
        ge=0,
        le=100,
        description="Where every pillar starts. The best rating needs every pillar at 60 or "
        "more at the end, so with the default a loss on any pillar must be made good.",
    )
    need_met: int = Field(4, ge=0, le=20, description="Gain when a needed fact reaches its actor.")
    need_to_know: int = Field(-4, le=0, ge=-20, description="Personal data sent without need.")
    wrong_channel: int = Field(-3, le=0, ge=-20)
    handling_breach: int = Field(-6, le=0, ge=-20)
    grading: int = Field(
        2,
        ge=0,
        le=10,
        description="Standards gained for grading a message as its facts deserve, and lost "
        "for a grade that does not fit them.",
    )
    min_exchanges: int = Field(
        5,
        ge=0,
        le=50,
        description="The player's own exchanges (messages, shares, requests, permissions) "
        "that the best rating needs: the player's cooperation, not the scripted partners', "
        "decides the outcome.",
    )


class Case(Strict):
    reference: str = Field(description="The case's reference, shown on SIENA messages.")
    title: Text


class Scenario(Strict):
    """One exercise: its states, actors, facts, rules, injects, objectives and endings."""

    kind: Literal["scenario"]
    format: Literal[1] = 1
    id: Id = Field(pattern=ID_PATTERN)
    flagship: bool = Field(False, description="The scenario played by default.")
    title: Text
    summary: Text
    fiction_note: Text = Field(description="Says what in the case is fictional.")
    content_note: Text | None = None
    difficulty: Literal["tutorial", "standard", "advanced"]
    duration_minutes: int = Field(ge=5, le=240)
    languages: list[Language] = Field(min_length=1)
    start_date: dt.date
    days_per_turn: int = Field(1, ge=1, le=30)
    max_turns: int = Field(ge=1, le=100)
    case: Case
    states: dict[StateCode, StateInfo]
    roles: list[ScenarioRole] = Field(min_length=1)
    agencies: list[ScenarioAgency] = Field(default_factory=new_list)
    facts: list[Fact] = Field(default_factory=new_list)
    variables: dict[Id, Variable] = Field(default_factory=new_dict)
    actions: list[ScenarioAction] = Field(default_factory=new_list)
    rules: list[Rule] = Field(default_factory=new_list)
    injects: list[Inject] = Field(default_factory=new_list)
    objectives: list[Objective] = Field(default_factory=new_list)
    endings: list[Ending] = Field(min_length=1)
    timeout_ending: Id
    scoring: Scoring = Field(default_factory=lambda: Scoring.model_construct())
    debrief: Debrief = Field(default_factory=lambda: Debrief.model_construct())
    trainer_notes: Text | None = None
    phase_notes: dict[
        Literal["introduction", "groups", "preparation", "simulation", "reflection", "summary"],
        Text,
    ] = Field(
        default_factory=new_dict,
        description="What the trainer says in each session phase of this scenario (trainer "
        "mode shows it beside the general guidance).",
    )
    texts: dict[Id, Text] = Field(default_factory=new_dict)

    @field_validator("start_date", mode="before")
    @classmethod
    def _parse_date(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(
                    f"expected a real date written as YYYY-MM-DD, not '{value}'"
                ) from None
        return value


# --- codex (glossary) -------------------------------------------------------------------


class CodexEntry(Strict):
    """A term, agency or legal instrument, explained for learners."""

    id: Id = Field(pattern=ID_PATTERN)
    category: Literal["term", "agency", "organisation", "instrument", "tool", "principle"]
    term: Text = Field(description="The name as the entry's heading shows it.")
    also: list[Text] = Field(
        default_factory=new_list,
        description="Other names and abbreviations; any of them in a text links here.",
    )
    text: Text
    sources: list[Text] = Field(
        default_factory=new_list,
        description="Where the facts come from (act, article, page), in every language.",
    )
    see: list[Id] = Field(default_factory=new_list, description="Related entries.")


class Codex(Strict):
    """The glossary and guide to the legal instruments (codex/*.yaml)."""

    kind: Literal["codex"]
    format: Literal[1] = 1
    id: Id = Field(pattern=ID_PATTERN)
    languages: list[Language] = Field(default_factory=lambda: list(ALL_LANGUAGES))
    entries: list[CodexEntry] = Field(min_length=1)
    texts: dict[Id, Text] = Field(default_factory=new_dict)
