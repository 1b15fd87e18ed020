"""The league table: points per group, the seed's competitive element.

Each group has a ledger of its own decisions: the score changes its actions earned (the
engine credits each change to the group that acted, and a reply or a follow-up to the
group that asked), taken at face value, plus a bonus for each of its objectives met, most
for its special task. A shared pillar that other groups already brought to 100 caps the
class's score, never a group's ledger: two correct shares earn two credits whoever shared
first. A refusal costs a group once: pressing the same refused action again teaches
nothing new and costs nothing more. What time moving on brings counts for no one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.logic import PILLARS
from ..engine.state import ScoreChange
from ..play.session import Session

SPECIAL_TASK_BONUS = 10
OBJECTIVE_BONUS = 5


@dataclass
class Standing:
    role: str
    name: str
    points: int = 0
    gained: int = 0
    lost: int = 0
    objectives: list[str] = field(default_factory=list)
    special_task: bool = False
    pillars: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PILLARS, 0))
    label: str = ""  # the group with its role: 'Group 2 (Border police of B)'


def entries(session: Session, role: str) -> list[ScoreChange]:
    """The score changes on a group's ledger: its own, each refusal once."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for change in session.state.score_log:
        if change.by != role:
            continue
        if change.origin.startswith("refusal:"):
            key = (change.origin, repr(change.reason))  # the same refusal, for the same reason
            if key in seen:
                continue
            seen.add(key)
        kept.append(change)
    return kept


def ledger(session: Session, role: str) -> Standing:
    """One group's standing, from its own ledger."""
    content, state = session.content, session.state
    row = Standing(role, session.group_name(role), label=session.group_label(role))
    for change in entries(session, role):
        row.pillars[change.pillar] = row.pillars.get(change.pillar, 0) + change.delta
        if change.delta > 0:
            row.gained += change.delta
        else:
            row.lost += change.delta
    for objective in content.objectives.values():
        if objective.owner == role and objective.id in state.objectives:
            row.objectives.append(objective.id)
            row.special_task = row.special_task or objective.special_task
    bonus = sum(
        SPECIAL_TASK_BONUS if content.objectives[o].special_task else OBJECTIVE_BONUS
        for o in row.objectives
    )
    row.points = row.gained + row.lost + bonus
    return row


def league(session: Session) -> list[Standing]:
    """The played groups, best first (ties keep the playing order)."""
    state = session.state
    rows = [ledger(session, role) for role in state.played]
    order = {role: i for i, role in enumerate(state.played)}
    return sorted(rows, key=lambda r: (-r.points, order[r.role]))
