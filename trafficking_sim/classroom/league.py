"""The league table: points per group, the seed's competitive element.

A group earns what its own actions earned (score changes are credited to the group that
acted), plus a bonus for each of its objectives met, most for its special task. What
time moving on brings is shared and counts for no one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..debrief import counted_deltas
from ..session import Session

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


def league(session: Session) -> list[Standing]:
    """The played groups, best first (ties keep the playing order)."""
    content, state = session.content, session.state
    counted = counted_deltas(content, state)  # what each change really made of the score
    rows = []
    for role in state.played:
        row = Standing(role, session.group_name(role))
        for change, delta in zip(state.score_log, counted, strict=True):
            if change.by == role:
                if delta > 0:
                    row.gained += delta
                else:
                    row.lost += delta
        for objective in content.objectives.values():
            if objective.owner == role and objective.id in state.objectives:
                row.objectives.append(objective.id)
                row.special_task = row.special_task or objective.special_task
        bonus = sum(
            SPECIAL_TASK_BONUS if content.objectives[o].special_task else OBJECTIVE_BONUS
            for o in row.objectives
        )
        row.points = row.gained + row.lost + bonus
        rows.append(row)
    order = {role: i for i, role in enumerate(state.played)}
    return sorted(rows, key=lambda r: (-r.points, order[r.role]))
