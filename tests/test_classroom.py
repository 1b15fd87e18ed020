"""The classroom session: phases and their timer (with a fake clock)."""

from __future__ import annotations

import pytest

from trafficking_sim.classroom.phases import PHASES, PhaseClock, clock_text, session_plan


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_plan_follows_the_seed_and_takes_the_scenarios_length() -> None:
    plan = session_plan(simulation_minutes=40, reflection=20)
    assert [p.id for p in plan] == list(PHASES)
    assert [p.minutes for p in plan] == [10, 5, 5, 40, 20, 5]
    with pytest.raises(ValueError, match="no phase called lunch"):
        session_plan(lunch=30)
    with pytest.raises(ValueError, match="give 1 to 180"):
        session_plan(summary=0)


def test_only_running_time_counts_and_pause_stops_it() -> None:
    clock = FakeClock()
    timer = PhaseClock(session_plan(), clock)
    assert timer.remaining() == 600 and not timer.running
    clock.now += 100  # not started yet
    assert timer.remaining() == 600
    timer.start()
    clock.now += 120
    assert timer.remaining() == 480
    timer.toggle()  # pause
    clock.now += 300
    assert timer.remaining() == 480
    timer.toggle()
    clock.now += 30
    assert timer.remaining() == 450
    assert clock_text(timer.remaining()) == "07:30"


def test_extend_skip_and_overrun() -> None:
    clock = FakeClock()
    timer = PhaseClock(session_plan(), clock)
    timer.start()
    clock.now += 11 * 60  # the introduction runs a minute over
    assert timer.overrun() and clock_text(timer.remaining()) == "+01:00"
    timer.extend(5)
    assert timer.phase.minutes == 15 and clock_text(timer.remaining()) == "04:00"
    assert timer.skip() and timer.phase.id == "groups"
    assert timer.running and timer.remaining() == 300  # a fresh phase, still running
    timer.extend(-100)
    assert timer.phase.minutes == 1  # never below a minute
    timer.go_to("summary")
    assert timer.last and not timer.skip()
    assert timer.back() and timer.phase.id == "reflection"
