"""The trainer's controls of a networked class, written as rows of the class log.

A control row's body is ``{"control": NAME, ...}`` (an engine action's body has a
``type`` instead). Every process replays the controls with the log, so one timer, one
pause and one end of the game hold on every screen. Only the trainer writes them.

Controls: the session timer (``phase_start``, ``phase_pause``, ``phase_extend``,
``phase_skip``), all groups' input (``input_pause``, ``input_resume``), ``end_game``
(the game ends and the class debrief is released to every group), and a group's code
(``revoke``, ``reissue``: the group's current device leaves; only the hash of a new code
is kept, in the seats table, never in the log).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..classroom.phases import MAX_MINUTES, PhaseClock, session_plan

CONTROLS: dict[str, tuple[str, ...]] = {
    "phase_start": (),
    "phase_pause": (),
    "phase_extend": ("minutes",),
    "phase_skip": (),
    "input_pause": (),
    "input_resume": (),
    "end_game": (),
    "revoke": ("role",),
    "reissue": ("role",),
}
"""Each control and the fields its row holds."""


class ControlFormatError(ValueError):
    """A control row this program cannot apply."""


def check_control(body: dict[str, Any], seats: tuple[str, ...]) -> dict[str, Any]:
    """``body`` as a control, or ControlFormatError: the name, its fields and their values."""
    name = body.get("control")
    if not isinstance(name, str) or name not in CONTROLS:
        raise ControlFormatError(f"unknown control {name!r}")
    fields = set(body) - {"control"}
    if fields != set(CONTROLS[name]):
        raise ControlFormatError(f"a {name} control holds {sorted(fields)}")
    if "minutes" in body:
        minutes = body["minutes"]
        if not isinstance(minutes, int) or isinstance(minutes, bool):
            raise ControlFormatError("minutes must be a whole number")
        if not -MAX_MINUTES <= minutes <= MAX_MINUTES or minutes == 0:
            raise ControlFormatError(f"extend by 1 to {MAX_MINUTES} minutes (or back by as many)")
    if "role" in body and body["role"] not in seats:
        raise ControlFormatError(f"{body['role']!r} is no group's seat in this class")
    return body


@dataclass
class ClassControls:
    """What the trainer's controls have made of the class, rows 1..n applied."""

    simulation_minutes: int
    clock: Callable[[], float] = time.time
    input_paused: bool = False
    ended: bool = False
    left: dict[str, int] = field(default_factory=dict)
    """For each group sent away from its seat (its code revoked or reissued), the row."""
    timer: PhaseClock = field(init=False)
    _at: float | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        plan = session_plan(simulation_minutes=max(1, min(MAX_MINUTES, self.simulation_minutes)))
        # The timer counts from the times written in the log while replaying it, then from
        # this computer's clock: every process shows the same time left.
        self.timer = PhaseClock(plan, self._now)

    def _now(self) -> float:
        return self._at if self._at is not None else self.clock()

    def apply(self, body: dict[str, Any], seq: int, at: float) -> None:
        name = body["control"]
        self._at = at
        try:
            if name == "phase_start":
                self.timer.start()
            elif name == "phase_pause":
                self.timer.pause()
            elif name == "phase_extend":
                self.timer.extend(int(body["minutes"]))
            elif name == "phase_skip":
                self.timer.skip()
            elif name == "input_pause":
                self.input_paused = True
            elif name == "input_resume":
                self.input_paused = False
            elif name == "end_game":
                self.ended = True
            elif name in ("revoke", "reissue"):
                self.left[str(body["role"])] = seq
        finally:
            self._at = None
