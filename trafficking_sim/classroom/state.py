"""A class session in trainer mode: the phases and their timer, each group's turn clock,
the trainer's code and the dashboard's display.

The game itself (seats, groups, trainer actions) lives in the Session and its action
log; this holds only what the trainer's screens need beside it. It is kept next to the
autosave (``to_dict``), so that Continue brings the class back with its timer as it was.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .phases import MAX_MINUTES, PHASES, Phase, PhaseClock, session_plan

MIN_CODE = 3
"""The shortest trainer code: enough that a group does not open the tools by chance."""


def _digest(salt: str, code: str) -> str:
    return hashlib.sha256(f"{salt}:{code.strip()}".encode()).hexdigest()


@dataclass
class Classroom:
    clock: PhaseClock
    show_league: bool = False
    # Projector-safe: the scenario's trainer notes (expected course, common mistakes)
    # stay hidden on the dashboard until the trainer reveals them.
    show_notes: bool = False
    seen: dict[str, int] = field(default_factory=dict)  # role -> events already shown
    turn_minutes: int = 0  # a group's time at the laptop each turn; 0: no limit
    turn_started: float | None = None  # when the group at the laptop sat down
    turn_warned: bool = False  # the group was told its time is up
    salt: str = ""
    code_hash: str = ""  # the trainer code, hashed: F6 asks for it

    @classmethod
    def for_scenario(
        cls, simulation_minutes: int, clock: Callable[[], float] | None = None
    ) -> Classroom:
        plan = session_plan(simulation_minutes=max(1, min(180, simulation_minutes)))
        return cls(PhaseClock(plan, clock) if clock else PhaseClock(plan))

    # --- the trainer's code ----------------------------------------------------------------

    def set_code(self, code: str) -> None:
        self.salt = secrets.token_hex(8)
        self.code_hash = _digest(self.salt, code)

    def code_ok(self, code: str) -> bool:
        """No code set lets anyone in (a class from before codes existed)."""
        return not self.code_hash or secrets.compare_digest(
            self.code_hash, _digest(self.salt, code)
        )

    # --- a group's turn at the laptop --------------------------------------------------------

    def sit_down(self) -> None:
        """The group at the laptop starts its turn: its own clock starts."""
        self.turn_started = self.clock.clock()
        self.turn_warned = False

    def turn_remaining(self) -> float | None:
        """Seconds left of the group's turn (negative once over); None without a limit."""
        if not self.turn_minutes or self.turn_started is None:
            return None
        return self.turn_minutes * 60 - (self.clock.clock() - self.turn_started)

    def game_over(self) -> None:
        """The game ended: the simulation phase is over, reflection starts."""
        if self.clock.index <= PHASES.index("simulation"):
            self.clock.go_to("reflection")
        self.turn_started = None

    # --- kept beside the autosave ----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        clock = self.clock
        return {
            "phases": {p.id: p.minutes for p in clock.plan},
            "phase": clock.phase.id,
            "elapsed": clock.elapsed(),
            "running": clock.running,
            "show_league": self.show_league,
            "turn_minutes": self.turn_minutes,
            "salt": self.salt,
            "code_hash": self.code_hash,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Callable[[], float] | None = None) -> Classroom:
        """A class as it was kept; a ValueError for data that is not one."""
        try:
            phases = data["phases"]
            plan = [Phase(p, max(1, min(MAX_MINUTES, int(phases.get(p, 5))))) for p in PHASES]
            timer = PhaseClock(plan, clock) if clock else PhaseClock(plan)
            timer.go_to(str(data["phase"]))
            timer._spent = max(0.0, float(data.get("elapsed", 0.0)))
            if data.get("running"):
                timer.start()
            return cls(
                timer,
                show_league=bool(data.get("show_league")),
                turn_minutes=max(0, min(MAX_MINUTES, int(data.get("turn_minutes", 0)))),
                salt=str(data.get("salt", "")),
                code_hash=str(data.get("code_hash", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError, StopIteration) as exc:
            raise ValueError(f"not a kept class: {exc}") from None
