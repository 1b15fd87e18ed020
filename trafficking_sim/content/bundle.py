"""A scenario resolved with its role cards and agency profiles: what the engine plays."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .hashing import content_hash
from .logic import PLAYER
from .models import (
    AgencyProfile,
    Ending,
    Fact,
    Inject,
    Objective,
    ReplyDelay,
    RoleCard,
    Rule,
    Scenario,
    ScenarioAction,
    Service,
)
from .text import LocalText


@dataclass(frozen=True)
class Actor:
    """A role or an agency as it takes part in one scenario."""

    id: str
    kind: Literal["role", "agency"]
    name: LocalText
    short_name: LocalText
    state: str | None
    channels: frozenset[str]
    judicial: bool
    reply_delay: ReplyDelay
    default_reply: LocalText
    services: dict[str, Service]
    needs: frozenset[str]
    knows: tuple[str, ...]
    action_points: int = 0
    data_law: str = "law_enforcement"
    special_task: LocalText | None = None
    card: RoleCard | None = None
    profile: AgencyProfile | None = None

    def uses(self, channel: str) -> bool:
        return channel in self.channels


@dataclass
class GameContent:
    """Everything one game needs, indexed for the engine."""

    scenario: Scenario
    source: Path
    content_hash: str
    actors: dict[str, Actor]
    roles: list[str]
    facts: dict[str, Fact]
    actions: dict[str, ScenarioAction]
    rules: list[Rule]
    injects: dict[str, Inject]
    objectives: dict[str, Objective]
    endings: dict[str, Ending]
    texts: dict[str, LocalText]
    files: list[Path] = field(default_factory=list)
    rules_by_trigger: dict[str, list[Rule]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.scenario.id

    def text(self, text_id: str) -> LocalText:
        return self.texts[text_id]

    def actor(self, actor_id: str) -> Actor:
        return self.actors[actor_id]


def build_actor_for_role(entry_card: RoleCard, entry: object) -> Actor:
    from .models import ScenarioRole

    assert isinstance(entry, ScenarioRole)
    services = {s.id: s for s in entry_card.services}
    services.update({s.id: s for s in entry.services})
    return Actor(
        id=entry_card.id,
        kind="role",
        name=entry_card.name,
        short_name=entry_card.short_name,
        state=entry.state,
        channels=frozenset(entry_card.channels),
        judicial=False,
        reply_delay=entry_card.reply_delay,
        default_reply=entry_card.default_reply,
        services=services,
        needs=frozenset(entry.needs),
        knows=tuple(entry.knows),
        action_points=entry.action_points or entry_card.action_points,
        special_task=entry.special_task or entry_card.special_task,
        data_law=entry_card.data_law,
        card=entry_card,
    )


def build_actor_for_agency(profile: AgencyProfile, entry: object) -> Actor:
    from .models import ScenarioAgency

    assert isinstance(entry, ScenarioAgency)
    services = {s.id: s for s in profile.services}
    services.update({s.id: s for s in entry.services})
    return Actor(
        id=entry.id or profile.id,
        kind="agency",
        name=entry.name or profile.name,
        short_name=entry.short_name or entry.name or profile.short_name,
        state=entry.state,
        channels=frozenset(profile.channels),
        judicial=profile.judicial,
        reply_delay=entry.reply_delay or profile.reply_delay,
        default_reply=profile.default_reply,
        services=services,
        needs=frozenset(entry.needs),
        knows=tuple(entry.knows),
        data_law=profile.data_law,
        profile=profile,
    )


__all__ = ["PLAYER", "Actor", "GameContent", "content_hash"]
