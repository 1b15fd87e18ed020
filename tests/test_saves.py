"""Saves: exact, atomic, and never lost or overwritten by mistake."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from trafficking_sim import paths
from trafficking_sim.content import GameContent
from trafficking_sim.engine import Do, EndTurn, Send
from trafficking_sim.play.saves import (
    MAX_SAVE_BYTES,
    GameLock,
    SaveError,
    ScenarioChanged,
    atomic_write_text,
    finished_dir,
    games_dir,
    peek,
    read_save,
    unfinished_games,
    write_save,
)
from trafficking_sim.play.session import Session


def _session(tutorial: GameContent) -> Session:
    session = Session.new(tutorial, "border_b", seed=5, lang="sl")
    for action in (
        Do("check_vehicle", "minibus_plate"),
        Send(to=("europol",), facts=("driver_phone",), subject="Kombi č. 1", priority="urgent"),
        EndTurn(),
    ):
        session.act(action)
    return session


def test_a_save_replays_to_the_identical_game(tutorial: GameContent, tmp_path: Path) -> None:
    session = _session(tutorial)
    path = tmp_path / "game.json"
    write_save(path, session.savegame())
    resumed = Session.resume(read_save(path))
    assert resumed.state.to_dict() == session.state.to_dict()
    assert resumed.events == session.events
    assert resumed.lang == "sl"
    assert resumed.state.messages[0].subject == "Kombi č. 1"


def test_writing_leaves_no_temporary_files(tutorial: GameContent, tmp_path: Path) -> None:
    write_save(tmp_path / "a.json", _session(tutorial).savegame())
    write_save(tmp_path / "a.json", _session(tutorial).savegame())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_a_file_that_is_not_a_save_is_never_overwritten(
    tutorial: GameContent, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    with pytest.raises(SaveError, match="not a trafficking-sim save"):
        write_save(notes, _session(tutorial).savegame())
    assert notes.read_text(encoding="utf-8") == "my notes"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"app": "trafficking-sim", "format": 1, "scenario": "tut', "damaged"),
        ("\xff\xfe binary", "damaged"),
        ('{"hello": "world"}', "not a trafficking-sim save"),
        ("[1, 2, 3]", "not a trafficking-sim save"),
        ('{"app": "trafficking-sim", "format": 99}', "save format 99"),
        (
            '{"app": "trafficking-sim", "format": 1, "scenario": "tutorial", "content_hash": "x",'
            ' "role": "ngo", "seed": "one", "lang": "en", "actions": []}',
            "'seed' is missing or has the wrong type",
        ),
        (
            '{"app": "trafficking-sim", "format": 1, "scenario": "tutorial", "content_hash": "x",'
            ' "role": "ngo", "seed": 1, "lang": "en", "actions": [{"type": "teleport"}]}',
            "unknown action type 'teleport'",
        ),
        (
            '{"app": "trafficking-sim", "format": 1, "scenario": "tutorial", "content_hash": "x",'
            ' "role": "ngo", "seed": 1, "lang": "en", "seats": "ngo", "actions": []}',
            "'seats' is not a list of roles",
        ),
        (
            '{"app": "trafficking-sim", "format": 1, "scenario": "tutorial", "content_hash": "x",'
            ' "role": "ngo", "seed": 1, "lang": "en", "actions": "end_turn"}',
            "'actions' is not a list",
        ),
    ],
)
def test_a_damaged_or_foreign_save_gets_a_clear_message_and_is_kept(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "save.json"
    path.write_bytes(content.encode("latin-1") if content.startswith("\xff") else content.encode())
    before = path.read_bytes()
    with pytest.raises(SaveError, match=message):
        read_save(path)
    assert path.read_bytes() == before


def test_a_missing_save_is_named(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="There is no save at"):
        read_save(tmp_path / "nothing.json")


def test_a_changed_scenario_is_detected_and_the_save_kept(
    tutorial: GameContent, tmp_path: Path
) -> None:
    scenario = tmp_path / "scenarios" / "tutorial.yaml"
    scenario.parent.mkdir()
    scenario.write_text(tutorial.source.read_text(encoding="utf-8"), encoding="utf-8")
    from trafficking_sim.content import load_game

    local = load_game(scenario)
    session = Session.new(local, "ngo", 1, "en")
    session.act(EndTurn())
    save = tmp_path / "game.json"
    write_save(save, session.savegame())
    assert json.loads(save.read_text(encoding="utf-8"))["scenario_path"] == str(scenario.resolve())

    scenario.write_text(
        scenario.read_text(encoding="utf-8").replace("max_turns: 6", "max_turns: 7"),
        encoding="utf-8",
    )
    before = save.read_bytes()
    with pytest.raises(ScenarioChanged, match="has changed since this game was saved"):
        Session.resume(read_save(save))
    assert save.read_bytes() == before
    resumed = Session.resume(read_save(save), allow_changed=True)
    assert resumed.state.turn == 2


async def test_a_damaged_save_is_explained_in_the_players_language(tmp_path: Path) -> None:
    from trafficking_sim.tui.app import AppConfig, TraffickingApp
    from trafficking_sim.tui.screens.dialogs import MessageDialog

    broken = tmp_path / "game.json"
    broken.write_text('{"app": "trafficking', encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        read_save(broken)
    assert "is damaged" in str(caught.value)  # the command line and logs: English
    assert "je poškodovana" in caught.value.text("sl")
    app = TraffickingApp(AppConfig(lang="sl"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        app.resume_game(broken)
        await pilot.pause(0.1)
        assert isinstance(app.screen, MessageDialog)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "je poškodovana" in shown and "is damaged" not in shown


# --- written from the survivors of a mutation sample of play/saves.py (seed 18) -------------


def test_unfinished_games_are_kept_in_the_games_folder_and_a_served_tabs_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Games in progress and finished games are found where earlier versions kept them
    (the saves folder's 'games' and 'finished'); a game served to a browser tab is kept
    apart ('served'), so that a served session's games are not offered on the desktop."""
    monkeypatch.delenv("TRAFFICKING_SIM_SERVED", raising=False)
    assert games_dir() == paths.saves_dir() / "games"
    assert finished_dir() == paths.saves_dir() / "finished"
    monkeypatch.setenv("TRAFFICKING_SIM_SERVED", "1")
    assert games_dir() == paths.saves_dir() / "served"


def test_the_game_an_earlier_version_left_is_still_offered(tutorial: GameContent) -> None:
    """Earlier versions kept the one game in progress as autosave.json in the saves
    folder: it is listed with the unfinished games."""
    legacy = paths.saves_dir() / "autosave.json"
    legacy.parent.mkdir(parents=True, exist_ok=True)
    write_save(legacy, _session(tutorial).savegame())
    assert [path for path, _ in unfinished_games()] == [legacy]


def test_a_class_games_save_tells_how_many_groups_played(
    tutorial: GameContent, tmp_path: Path
) -> None:
    """The list of unfinished games says how many groups a class game has."""
    session = Session.new(tutorial, "border_b", 5, "en", ("border_b", "ngo"))
    path = tmp_path / "class.json"
    write_save(path, session.savegame())
    info = peek(path)
    assert info is not None and info["groups"] == 2


def test_a_lock_whose_file_is_gone_is_released_quietly(tmp_path: Path) -> None:
    """Closing a game whose lock file someone removed meanwhile is no error."""
    lock = GameLock(tmp_path / "game.json")
    lock.acquire()
    lock.path.unlink()
    lock.release()
    assert not lock.held


def test_a_save_of_the_largest_size_allowed_is_read_whole(
    tutorial: GameContent, tmp_path: Path
) -> None:
    """A save may be up to MAX_SAVE_BYTES long: one of exactly that size (here padded
    with spaces in front, ending in its closing brace) opens, not cut short into a
    'damaged' file."""
    path = tmp_path / "big.json"
    write_save(path, _session(tutorial).savegame())
    text = path.read_bytes().rstrip()
    path.write_bytes(b" " * (MAX_SAVE_BYTES - len(text)) + text)
    assert path.stat().st_size == MAX_SAVE_BYTES
    assert read_save(path).role == "border_b"


# --- from the survivors of a fresh sample of play/saves.py (seed 20) -------------------------


def test_a_save_records_when_it_was_written_in_utc(tutorial: GameContent, tmp_path: Path) -> None:
    """The list of unfinished games shows, and sorts by, when each was saved: the time is
    written in UTC with its offset, so it reads the same in any time zone."""
    path = tmp_path / "save.json"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    write_save(path, _session(tutorial).savegame())
    saved = dt.datetime.fromisoformat(read_save(path).saved_at)
    assert saved.utcoffset() == dt.timedelta(0)
    assert before <= saved <= dt.datetime.now(dt.UTC)


def test_a_json_file_that_is_not_a_save_is_never_overwritten(
    tutorial: GameContent, tmp_path: Path
) -> None:
    """Only a trafficking-sim save may be replaced by a save: another program's JSON
    file of the same name is left as it was."""
    other = tmp_path / "settings.json"
    other.write_text('{"theme": "dark"}', encoding="utf-8")
    with pytest.raises(SaveError, match="not a trafficking-sim save"):
        write_save(other, _session(tutorial).savegame())
    assert other.read_text(encoding="utf-8") == '{"theme": "dark"}'


def test_a_save_far_too_large_is_named_in_the_message(tmp_path: Path) -> None:
    """A file larger than any save is refused, and the message names the file."""
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_SAVE_BYTES + 1)
    with pytest.raises(SaveError, match="far too large") as refused:
        read_save(path)
    assert str(path) in str(refused.value)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_file_written_for_others_to_read_gets_that_mode(tmp_path: Path) -> None:
    """Printouts and reports are written with the mode asked for (0644: others may read
    them), whatever the temporary file was made with."""
    path = tmp_path / "report.md"
    atomic_write_text(path, "# Report\n", mode=0o644)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
