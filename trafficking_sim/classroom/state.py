"""A class session in trainer mode: the phases and their timer, and the league's display.

The game itself (seats, groups, trainer actions) lives in the Session and its action
log; this holds only what the trainer's screen needs beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .phases import PhaseClock, session_plan


@dataclass
class Classroom:
    clock: PhaseClock
    show_league: bool = False
    # Projector-safe: the scenario's trainer notes (expected course, common mistakes)
    # stay hidden on the dashboard until the trainer reveals them.
    show_notes: bool = False
    seen: dict[str, int] = field(default_factory=dict)  # role -> events already shown

    @classmethod
    def for_scenario(
        cls, simulation_minutes: int, clock: Callable[[], float] | None = None
    ) -> Classroom:
        plan = session_plan(simulation_minutes=max(1, min(180, simulation_minutes)))
        return cls(PhaseClock(plan, clock) if clock else PhaseClock(plan))
