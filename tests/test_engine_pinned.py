"""The engine plays the same games as it did before a change: a pinned digest.

Seeded random games on every bundled scenario (each role solo, a hot-seat game, legal
actions mixed with refused ones, trainer actions and decisions on requests, and a lean
engine fed the solo games' actions) are digested after every step: a canonical JSON of
the state and the step's events. The digests are stored in ``pinned/engine_digests.json``.
Unlike ``tests/test_engine_indexes.py``, which compares two engines built from the same
tree, this notices any change in what the engine does, shared or not.

The stored digests were made with the engine before session 16's ``Engine.step`` speed-up
(f9d9579), so they pin the behaviour from before it. After a change meant to alter what
games do, regenerate with ``UPDATE_PINNED=1 pytest tests/test_engine_pinned.py`` and say
why in the commit. The file also runs as a script (``python tests/test_engine_pinned.py
OUT.json``) so that another tree on ``PYTHONPATH`` can write the digests it gives.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

from trafficking_sim.content import load_game
from trafficking_sim.engine import Engine
from trafficking_sim.engine.actions import (
    Action,
    Decide,
    Do,
    EndTurn,
    Request,
    Send,
    Share,
    TrainerInject,
    TrainerNote,
    TrainerReveal,
    action_to_dict,
)

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
PINNED = Path(__file__).resolve().parent / "pinned" / "engine_digests.json"
STEPS = 90  # per game: enough to reach replies, grants, injects and endings


def _plain(value: Any) -> Any:
    """Plain JSON data whatever the hash seed or platform: sets sorted, enums by value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _canonical(value: Any) -> bytes:
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=True).encode("ascii")


GROWING = ("messages", "score_log")  # (only appended to: a step digests what it added)


def _after_step(state: Any, before: Any) -> dict[str, Any]:
    """The state's fields, with only the messages and score changes added since ``before``
    (the whole state, those included, is digested again at the end of each game)."""
    data = {f.name: getattr(state, f.name) for f in dataclasses.fields(state)}
    for name in GROWING:
        old = len(getattr(before, name))
        data[name] = (old, data[name][old:])
    return data


def _odd_action(rng: random.Random, content: Any, state: Any, decide: bool = False) -> Action:
    """An action a player or trainer might try that the engine may well refuse."""
    actors = sorted(content.actors)
    facts = sorted(content.facts)
    pick = 7 if decide else rng.randrange(8)
    if pick == 0:
        return Share(to=rng.choice([*actors, state.role, "nobody"]), facts=(rng.choice(facts),))
    if pick == 1:
        return Send(to=(rng.choice(actors),), facts=(rng.choice(facts),), handling="H9")
    if pick == 2:
        return Do(action=rng.choice([*sorted(content.actions), "nosuch"]))
    if pick == 3:
        return TrainerInject(inject=rng.choice([*sorted(content.injects), "nosuch"]))
    if pick == 4:
        return TrainerReveal(actor=rng.choice([*actors, "nobody"]), fact=rng.choice(facts))
    if pick == 5:
        return TrainerNote(text=rng.choice(["", "well done"]))
    if pick == 6:  # (to a role a group plays, it waits for that group's decision)
        agency = content.actors[rng.choice([*state.seats, *actors])]
        services = sorted(agency.services) or ["nosuch"]
        return Request(agency=agency.id, service=rng.choice(services), fact=rng.choice(facts))
    requests = list(state.open_requests) or [1]
    return Decide(
        request=rng.choice(requests),
        verdict=rng.choice(["grant", "grant", "refuse", "more", "script", "bogus"]),
        note=rng.choice(["", "not enough to go on"]),
        trainer=rng.random() < 0.3,
    )


def _game(content: Any, name: str, role: str, seats: tuple[str, ...]) -> dict[str, Any]:
    """Plays one seeded game; returns the chained digests (full engine, and lean if solo)."""
    rng = random.Random(f"pinned-{name}")
    engine = Engine(content)
    lean = Engine(content, lean=True) if not seats else None
    seed = rng.randrange(10_000)
    full_hash, lean_hash = hashlib.sha256(), hashlib.sha256()
    state, events = engine.new_game(role, seed, seats)
    full_hash.update(_canonical([state, events]))
    if lean is not None:
        lean_state, lean_events = lean.new_game(role, seed, seats)
        lean_hash.update(_canonical([lean_state, lean_events]))
    steps = refused = 0
    seen = {str(e.kind) for e in events}
    while not state.over and steps < STEPS:
        roll = rng.random()
        action: Action
        if roll < 0.45:
            action = rng.choice([*engine.legal_actions(state), EndTurn()])
        elif roll < 0.7:
            action = rng.choice([*engine.candidate_actions(state), EndTurn()])
        else:  # (a group's decision on a request waiting for it, when one is)
            action = _odd_action(rng, content, state, decide=roll >= 0.85)
        before = state
        state, events = engine.step(state, action)
        full_hash.update(_canonical([action_to_dict(action), _after_step(state, before), events]))
        refused += sum(1 for e in events if e.kind == "action_refused")
        seen.update(str(e.kind) for e in events)
        if lean is not None:
            lean_before = lean_state
            lean_state, lean_events = lean.step(lean_state, action)
            lean_hash.update(_canonical([_after_step(lean_state, lean_before), lean_events]))
        steps += 1
    full_hash.update(_canonical(state))
    if lean is not None:
        lean_hash.update(_canonical(lean_state))
    played: dict[str, Any] = {
        "steps": steps,
        "refused": refused,
        "ending": state.ending,
        "seen": sorted(seen),
        "full": full_hash.hexdigest(),
    }
    if lean is not None:
        played["lean"] = lean_hash.hexdigest()
    return played


def digests() -> dict[str, dict[str, Any]]:
    """Every pinned game by name: solo for each role (twice), and a hot-seat game."""
    games: dict[str, dict[str, Any]] = {}
    for path in SCENARIOS:
        content = load_game(path)
        roles = list(content.roles)
        for role in roles:
            for n in range(2):
                name = f"{path.stem}-{role}-solo-{n}"
                games[name] = _game(content, name, role, ())
        if len(roles) > 1:
            for n, seats in enumerate([tuple(roles), tuple(reversed(roles[:2]))]):
                name = f"{path.stem}-hot-seat-{n}"
                games[name] = _game(content, name, seats[0], seats)
    return games


def test_seeded_games_play_as_pinned() -> None:
    played = digests()
    if os.environ.get("UPDATE_PINNED") == "1":
        PINNED.parent.mkdir(exist_ok=True)
        PINNED.write_text(json.dumps(played, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    changed = sorted(
        name for name in pinned.keys() | played.keys() if pinned.get(name) != played.get(name)
    )
    assert not changed, f"these games play otherwise than pinned: {changed}"


def test_the_pinned_games_cover_what_they_claim() -> None:
    """The games reach what the digest is meant to watch: refusals, endings, hot-seat."""
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert any("hot-seat" in name for name in pinned)
    assert sum(game["refused"] for game in pinned.values()) > 50
    assert any(game["ending"] for game in pinned.values())
    assert sum(1 for game in pinned.values() if "lean" in game) >= 8
    seen = {kind for game in pinned.values() for kind in game["seen"]}
    assert {
        "message_received", "permission_granted", "inject", "request_decided", "trainer_note",
        "objective_met", "game_ended", "seat_passed", "facts_learned", "score_changed",
    } <= seen  # fmt: skip


if __name__ == "__main__":  # another tree's digests: PYTHONPATH=OTHER python this.py OUT
    import trafficking_sim

    print("engine from", Path(trafficking_sim.__file__).parent, file=sys.stderr)
    Path(sys.argv[1]).write_text(json.dumps(digests(), indent=1, sort_keys=True) + "\n")
