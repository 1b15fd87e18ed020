"""The session phases of the seed's exercise, with a timer a trainer can pause, extend
and skip.

The seed plans a 60-90 minute session: introduction (10 min), forming groups (5),
preparation (5), simulation (30-40), reflection (15-20) and summary (5). The simulation
takes the scenario's own length. Time comes from an injected clock, so the timer can be
tested without waiting and never depends on the wall clock going forwards.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

PHASES = ("introduction", "groups", "preparation", "simulation", "reflection", "summary")
DEFAULT_MINUTES = {
    "introduction": 10,
    "groups": 5,
    "preparation": 5,
    "simulation": 35,
    "reflection": 15,
    "summary": 5,
}
MAX_MINUTES = 180


@dataclass
class Phase:
    id: str
    minutes: int


def session_plan(simulation_minutes: int | None = None, **minutes: int) -> list[Phase]:
    """The six phases with their lengths: defaults, the scenario's simulation length,
    then any the trainer sets (``reflection=20``)."""
    unknown = set(minutes) - set(PHASES)
    if unknown:
        raise ValueError(
            f"no phase called {', '.join(sorted(unknown))}; phases: {', '.join(PHASES)}"
        )
    lengths = dict(DEFAULT_MINUTES)
    if simulation_minutes is not None:
        lengths["simulation"] = simulation_minutes
    lengths.update(minutes)
    for phase, length in lengths.items():
        if not 1 <= length <= MAX_MINUTES:
            raise ValueError(f"{phase}: {length} minutes; give 1 to {MAX_MINUTES}")
    return [Phase(p, lengths[p]) for p in PHASES]


@dataclass
class PhaseClock:
    """Where the session is: which phase, how long it has run, whether it is paused.

    Only time while running counts. Overrunning is allowed (the trainer decides when to
    move on): ``remaining`` then goes negative.
    """

    plan: list[Phase]
    clock: Callable[[], float] = time.monotonic
    index: int = 0
    running: bool = False
    _spent: float = 0.0  # seconds counted in this phase before the current run
    _since: float = field(default=0.0, repr=False)

    @property
    def phase(self) -> Phase:
        return self.plan[self.index]

    @property
    def last(self) -> bool:
        return self.index == len(self.plan) - 1

    def elapsed(self) -> float:
        """Seconds counted in the current phase."""
        return self._spent + (self.clock() - self._since if self.running else 0.0)

    def remaining(self) -> float:
        return self.phase.minutes * 60 - self.elapsed()

    def overrun(self) -> bool:
        return self.remaining() < 0

    def start(self) -> None:
        if not self.running:
            self._since = self.clock()
            self.running = True

    def pause(self) -> None:
        if self.running:
            self._spent += self.clock() - self._since
            self.running = False

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def extend(self, minutes: int) -> None:
        """Give the current phase more (or, negative, less) time, within 1..MAX minutes."""
        self.phase.minutes = max(1, min(MAX_MINUTES, self.phase.minutes + minutes))

    def skip(self) -> bool:
        """Move to the next phase, its timer starting as this one's was; False at the end."""
        if self.last:
            return False
        self._move(self.index + 1)
        return True

    def back(self) -> bool:
        if self.index == 0:
            return False
        self._move(self.index - 1)
        return True

    def go_to(self, phase_id: str) -> None:
        self._move(next(i for i, p in enumerate(self.plan) if p.id == phase_id))

    def _move(self, index: int) -> None:
        running = self.running
        self.index = index
        self._spent = 0.0
        self.running = False
        if running:
            self.start()


def clock_text(seconds: float) -> str:
    """'12:05', or '+01:30' once a phase runs over."""
    sign = "+" if seconds < 0 else ""
    whole = int(abs(seconds) + (0 if seconds < 0 else 0.999))
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
