"""A scripted group (or trainer) for the networked-class tests, run as its own process.

    python classnet_player.py DB CODE[,CODE...] SEED [PAUSE]   (DB: a file or a postgresql:// URL)

It joins with CODE, plays random legal actions on its group's turns (the trainer's code:
writes a few notes while the game runs) until the game ends, then prints one JSON line:
its role, the last row it applied and the digest of its state. With several codes (one
per class in DB) it plays those classes' games one after another, one line for each.
"""

from __future__ import annotations

import json
import random
import sys
import time

from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.pgstore import open_store
from trafficking_sim.classnet.store import TRAINER
from trafficking_sim.engine.actions import EndTurn, TrainerNote


def main() -> int:
    db, codes, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])  # a file or a postgresql URL
    pause = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    rng = random.Random(seed)
    for code in codes.split(","):
        if play(db, code, rng, pause):
            return 1
    return 0


def play(db: str, code: str, rng: random.Random, pause: float) -> int:
    """One class's game, to its end."""
    store = open_store(db)
    found = store.seat_for_code(code)
    if found is None:
        print("wrong code", file=sys.stderr)
        return 1
    info, role = found
    game = ClassGame(store, info)
    store.here(info.id, role)
    game.catch_up()  # a rejoining group starts where the class is
    print(json.dumps({"joined": role, "seq": game.applied}), flush=True)
    notes = 0
    steps_this_turn = 0
    while True:
        game.catch_up()
        if game.over:
            break
        if role == TRAINER:
            if notes < 3 and rng.random() < 0.2:
                notes += 1
                game.commit(TRAINER, TrainerNote(f"note {notes} from the trainer"))
            game.wait(0.05)
            continue
        if not game.may_act(role):
            steps_this_turn = 0
            game.wait(1.0)
            continue
        if pause:
            time.sleep(pause)
        state = game.session.state
        choices = [a for a in game.session.engine.legal_actions(state) if a != EndTurn()]
        if choices and steps_this_turn < 3 and rng.random() < 0.6:
            action = rng.choice(choices)
            steps_this_turn += 1
        else:
            action = EndTurn()
        outcome = game.commit(role, action)
        if isinstance(action, EndTurn) and outcome.status == "done":
            steps_this_turn = 0
    store.gone(info.id, role)
    result = {"role": role, "class": info.id, "seq": game.applied, "digest": game.digest()}
    print(json.dumps(result), flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
