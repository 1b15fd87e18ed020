"""Saves that cannot hurt: every bad file is refused as such, quickly, with a message.

The corpus in tests/corpus/saves holds files an unlucky user or an attacker could give
the game; each goes through replay, debrief, demo and resume, and none may crash, hang
or be accepted.
"""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

import pytest

from trafficking_sim import cli
from trafficking_sim.content import GameContent
from trafficking_sim.engine import Do, EndTurn, Engine
from trafficking_sim.engine.actions import TrainerNote, TrainerReveal
from trafficking_sim.play.demo import DemoError, load_playback
from trafficking_sim.play.saves import MAX_SAVE_ACTIONS, SaveError, peek, read_save, write_save
from trafficking_sim.play.session import Session, engine_for

CORPUS = Path(__file__).parent / "corpus" / "saves"
BAD_SAVES = sorted(CORPUS.glob("*.json"))


def test_the_corpus_is_there() -> None:
    assert len(BAD_SAVES) >= 15


@pytest.mark.parametrize("path", BAD_SAVES, ids=lambda p: p.stem)
def test_a_bad_save_is_refused_with_a_message(path: Path) -> None:
    with pytest.raises(SaveError) as caught:
        Session.resume(read_save(path))
    assert "Traceback" not in str(caught.value)
    assert peek(path) is None or isinstance(peek(path), dict)  # never raises


@pytest.mark.parametrize("command", ["replay", "debrief", "demo", "resume"])
@pytest.mark.parametrize("path", BAD_SAVES, ids=lambda p: p.stem)
def test_every_command_refuses_a_bad_save_politely(
    path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [command, str(path)]
    if command == "resume":
        argv = ["play", "--plain", "--resume", str(path)]
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith("trafficking-sim: ")
    assert "something went wrong inside" not in err


def _within(seconds: float, work: object) -> object:
    """Run ``work`` in a thread; fail if it has not finished in time (a hang)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())  # type: ignore[operator]
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still waiting after {seconds} s"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "game.json"
    os.mkfifo(fifo)
    error = _within(5, lambda: read_save(fifo))
    assert isinstance(error, SaveError) and error.key == "save.not_a_file"
    assert _within(5, lambda: peek(fifo)) is None
    demo = _within(5, lambda: load_playback(fifo))
    assert isinstance(demo, DemoError) and demo.key == "save.not_a_file"
    walkthrough = tmp_path / "ngo-best.txt"
    os.mkfifo(walkthrough)
    assert isinstance(_within(5, lambda: load_playback(walkthrough)), DemoError)


def test_a_folder_is_not_a_save(tmp_path: Path) -> None:
    folder = tmp_path / "game.json"
    folder.mkdir()
    with pytest.raises(SaveError) as caught:
        read_save(folder)
    assert caught.value.key == "save.not_a_file"
    assert "not an ordinary file" in str(caught.value)


def test_deep_nesting_is_damaged_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000, encoding="utf-8")
    with pytest.raises(SaveError, match=r"damaged.*nested too deeply"):
        read_save(path)
    assert peek(path) is None


def _base(tutorial: GameContent) -> dict[str, object]:
    session = Session.new(tutorial, "border_b", seed=5, lang="en")
    session.act(Do("check_vehicle", "minibus_plate"))
    return session.savegame().to_dict()


def test_more_actions_than_any_game_is_refused(tutorial: GameContent, tmp_path: Path) -> None:
    data = _base(tutorial)
    data["actions"] = [{"type": "end_turn"}] * (MAX_SAVE_ACTIONS + 1)
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=r"more than any game takes"):
        read_save(path)


def test_trainer_actions_are_refused_in_a_solo_game_and_kept_in_a_class(
    tutorial: GameContent, tmp_path: Path
) -> None:
    data = _base(tutorial)
    data["actions"] = [*data["actions"], {"type": "trainer_note", "text": "well done"}]  # type: ignore[list-item]
    path = tmp_path / "solo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="trainer's, in a game without a trainer"):
        read_save(path)
    # A class of one group keeps its trainer's actions: the save says a trainer ran it.
    session = Session.new(tutorial, "ngo", 3, "en", ("ngo",), {"ngo": "Group 1"})
    session.act(TrainerReveal("ngo", "driver_phone"))
    session.act(TrainerNote("a good start"))
    write_save(tmp_path / "class.json", session.savegame())
    resumed = Session.resume(read_save(tmp_path / "class.json"))
    assert resumed.state.to_dict() == session.state.to_dict()


@pytest.mark.parametrize(
    ("fields", "what"),
    [
        ({"handling": "H9"}, "handling code 'H9'"),
        ({"source_code": "Z"}, "source evaluation code 'Z'"),
        ({"info_code": "0"}, "information evaluation code '0'"),
        ({"priority": "flash"}, "priority 'flash'"),
    ],
)
def test_codes_outside_siena_are_refused_as_damaged(
    tutorial: GameContent, tmp_path: Path, fields: dict[str, str], what: str
) -> None:
    data = _base(tutorial)
    data["actions"] = [{"type": "send", "to": ["europol"], **fields}]
    path = tmp_path / "codes.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=rf"damaged.*{re.escape(what)}"):
        read_save(path)


def test_a_game_is_replayed_with_one_engine(
    tutorial: GameContent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session.new(tutorial, "border_b", seed=5, lang="en")
    for _ in range(30):
        session.act(EndTurn())
    write_save(tmp_path / "game.json", session.savegame())
    built: list[Engine] = []
    original = Engine.__init__

    def counting(self: Engine, *args: object, **kwargs: object) -> None:
        built.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Engine, "__init__", counting)
    resumed = Session.resume(read_save(tmp_path / "game.json"))
    resumed.act(EndTurn())
    # At most one: none at all when this content already has its engine (engine_for).
    assert len(built) <= 1
    assert resumed.engine is engine_for(resumed.content)
    assert resumed.state.to_dict()["turn"] == session.state.to_dict()["turn"]


# --- saves whose scenario file is bad content --------------------------------------------

BAD_CONTENT = sorted((Path(__file__).parent / "corpus" / "content").glob("*.yaml"))


@pytest.mark.parametrize("command", ["replay", "debrief", "demo", "resume"])
@pytest.mark.parametrize("scenario", BAD_CONTENT, ids=lambda p: p.stem)
def test_a_save_of_bad_content_is_refused_politely(
    scenario: Path,
    command: str,
    tutorial: GameContent,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _base(tutorial)
    data["scenario_path"] = str(scenario)
    path = tmp_path / "game.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    argv = [command, str(path)]
    if command == "resume":
        argv = ["play", "--plain", "--resume", str(path)]
    code = _within(20, lambda: cli.main(argv))
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith("trafficking-sim: ")
    assert "something went wrong inside" not in err and "pwned" not in err
