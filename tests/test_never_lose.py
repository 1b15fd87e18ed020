"""Never lose a game: games in progress live in files of their own, nothing replaces one
without asking, two programs never write the same file, and a write is all or nothing."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, Static

from trafficking_sim import cli
from trafficking_sim.content import GameContent
from trafficking_sim.engine import Do, EndTurn
from trafficking_sim.play import saves
from trafficking_sim.play.saves import (
    GameLock,
    SaveError,
    atomic_write_text,
    clean_stale_temps,
    games_dir,
    read_save,
    unfinished_games,
    write_save,
)
from trafficking_sim.play.session import Session
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.dialogs import MessageDialog
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.screens.title import ContinueScreen, TitleScreen

SIZE = (100, 40)
ROOT = Path(__file__).resolve().parent.parent


async def settle(pilot: Any, delay: float = 0.05) -> None:
    await pilot.pause(delay)
    for _ in range(200):
        if pilot.app.catalogue is not None:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def dismiss(pilot: Any) -> None:
    while isinstance(pilot.app.screen, MessageDialog):
        await pilot.press("enter")
        await settle(pilot)


@pytest.fixture
def other_process() -> Any:
    """A live process that is not this one, to hold a lock."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    process.kill()
    process.wait()


# --- games in progress --------------------------------------------------------------------


async def test_a_new_game_never_replaces_one_in_progress_and_continue_lists_both() -> None:
    app = TraffickingApp(AppConfig(scenario="tutorial", role="border_b", lang="en", seed=1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        await dismiss(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        first = app.save_path
        first_state = app.session.state.to_dict()  # type: ignore[union-attr]
        assert app.catalogue is not None
        tutorial = next(g for g in app.catalogue if g.id == "tutorial")
        app.start_game(tutorial, "ngo", 2)  # a second game, while the first is unfinished
        await settle(pilot, 0.2)
        await dismiss(pilot)
        app.perform(EndTurn())
        assert first is not None and app.save_path != first
        assert len(unfinished_games()) == 2
    later = TraffickingApp(AppConfig(lang="en"))
    async with later.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        assert isinstance(later.screen, TitleScreen)
        detail = str(
            later.screen.query_one("#title-menu", OptionList).get_option("continue").prompt
        )
        assert "Games in progress: 2" in detail
        assert detail.startswith("Continue a game\n")
        assert "Victim-support NGO" in detail  # the newest comes first, by its names
        assert "tutorial ·" not in detail and "ngo ·" not in detail  # never raw ids
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(later.screen, ContinueScreen)
        options = later.screen.query_one("#continue-list", OptionList)
        assert options.option_count == 2
        assert "Border police of state B" in str(options.get_option_at_index(1).prompt)
        options.highlighted = 1
        await pilot.press("enter")
        await settle(pilot, 0.2)
        await dismiss(pilot)
        assert isinstance(later.screen, GameScreen)
        assert later.session is not None
        assert later.session.state.to_dict() == first_state
        assert later.save_path == first
        assert later.errors == []


async def test_a_damaged_game_in_progress_is_listed_and_explained(tmp_path: Path) -> None:
    games_dir().mkdir(parents=True)
    (games_dir() / "game-1.json").write_text("[" * 50_000, encoding="utf-8")
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        choice = app.screen.query_one("#title-menu", OptionList).get_option("continue")
        assert "damaged" in str(choice.prompt)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        assert app.errors == []


def test_an_earlier_versions_autosave_is_still_offered(tutorial: GameContent) -> None:
    session = Session.new(tutorial, "ngo", 1, "en")
    write_save(saves.legacy_autosave_path(), session.savegame())
    assert [p for p, _ in unfinished_games()] == [saves.legacy_autosave_path()]


# --- one writer per game ---------------------------------------------------------------


def _lock_for(game: Path, pid: int) -> None:
    game.parent.mkdir(parents=True, exist_ok=True)
    game.with_name(game.name + ".lock").write_text(f"{pid} {socket.gethostname()}\n")


async def test_a_game_open_in_another_program_is_not_resumed_and_the_player_is_told(
    tutorial: GameContent, other_process: Any
) -> None:
    game = games_dir() / "game-x.json"
    write_save(game, Session.new(tutorial, "ngo", 1, "en").savegame())
    _lock_for(game, other_process.pid)
    before = game.read_bytes()
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        text = "\n".join(str(w.visual) for w in app.screen.query(Static))
        assert "open in another window" in text and str(other_process.pid) in text
        assert app.session is None
    assert game.read_bytes() == before


def test_a_stale_lock_is_taken_over_and_a_live_one_refused(
    tmp_path: Path, other_process: Any
) -> None:
    game = tmp_path / "game.json"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    _lock_for(game, dead.pid)
    lock = GameLock(game)
    lock.acquire()  # its program has ended: the lock is stale
    assert lock.held
    assert lock.path.read_text().split()[0] == str(os.getpid())
    lock.release()
    assert not lock.path.exists()
    _lock_for(game, other_process.pid)
    with pytest.raises(SaveError, match=str(other_process.pid)):
        GameLock(game).acquire()


def test_plain_mode_refuses_a_save_another_program_is_writing(
    tutorial: GameContent, tmp_path: Path, other_process: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    game = tmp_path / "game.json"
    write_save(game, Session.new(tutorial, "ngo", 1, "en").savegame())
    _lock_for(game, other_process.pid)
    code = cli.main(["play", "--plain", "--resume", str(game)])
    assert code == 1
    assert "open in another window" in capsys.readouterr().err


# --- --save replaces only the same game ------------------------------------------------------


def _script(tmp_path: Path) -> Path:
    script = tmp_path / "script.txt"
    script.write_text("quit\n", encoding="utf-8")
    return script


@pytest.mark.parametrize(
    ("change", "why"), [({"scenario": "exercise"}, "exercise"), ({"format": 2}, "format 2")]
)
def test_save_does_not_replace_another_game_without_force(
    tutorial: GameContent,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, Any],
    why: str,
) -> None:
    other = tmp_path / "other.json"
    data = Session.new(tutorial, "ngo", 1, "en").savegame().to_dict()
    other.write_text(json.dumps({**data, **change}), encoding="utf-8")
    before = other.read_bytes()
    argv = ["play", "--plain", "--scenario", "tutorial", "--role", "ngo", "--save", str(other)]
    argv += ["--script", str(_script(tmp_path))]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert "was not replaced" in err and why in err and "--force" in err
    assert other.read_bytes() == before
    assert cli.main([*argv, "--force"]) == 0
    assert read_save(other).scenario == "tutorial"


def test_save_replaces_a_save_of_the_same_scenario(tutorial: GameContent, tmp_path: Path) -> None:
    same = tmp_path / "same.json"
    write_save(same, Session.new(tutorial, "border_b", 9, "en").savegame())
    argv = ["play", "--plain", "--scenario", "tutorial", "--role", "ngo", "--seed", "3"]
    assert cli.main([*argv, "--save", str(same), "--script", str(_script(tmp_path))]) == 0
    assert read_save(same).role == "ngo"


# --- temporary files and the atomic write -------------------------------------------------


def test_stale_temporary_files_are_cleaned_and_fresh_ones_kept() -> None:
    for folder in (saves.paths.saves_dir(), games_dir()):
        folder.mkdir(parents=True, exist_ok=True)
    old = games_dir() / ".game-1.json.abc.tmp"
    older = saves.paths.saves_dir() / ".autosave.json.xyz.tmp"
    fresh = games_dir() / ".game-2.json.def.tmp"
    mine = games_dir() / "game-1.json"
    for path in (old, older, fresh, mine):
        path.write_text("{", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    for path in (old, older, mine):
        os.utime(path, (an_hour_ago, an_hour_ago))
    assert clean_stale_temps() == 2
    assert not old.exists() and not older.exists()
    assert fresh.exists() and mine.exists()


def test_the_atomic_write_writes_syncs_renames_and_syncs_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "game.json"
    target.write_text("old", encoding="utf-8")
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        if kind == "file":
            # What is synced is the whole new text, and the old file is still in place.
            assert os.pread(fd, 100, 0) == b"new text"
            assert target.read_text(encoding="utf-8") == "old"
        steps.append(f"fsync {kind}")
        real_fsync(fd)

    def replace(source: Any, destination: Any) -> None:
        assert Path(source).parent == tmp_path and Path(source).name.endswith(".tmp")
        steps.append("rename")
        real_replace(source, destination)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write_text(target, "new text")
    if os.name == "posix":
        assert steps == ["fsync file", "rename", "fsync folder"]
    else:
        assert steps == ["fsync file", "rename"]
    assert target.read_text(encoding="utf-8") == "new text"
    assert [p.name for p in tmp_path.iterdir()] == ["game.json"]


def test_a_failed_rename_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "game.json"
    target.write_text("old", encoding="utf-8")

    def broken(source: Any, destination: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["game.json"]


def test_two_games_saved_in_the_same_second_are_listed_newest_first(
    tutorial: GameContent,
) -> None:
    """A save names its time to the second; a new game started right after another's
    autosave shares that second. Continue must still list the newer one first, whatever
    the files' names (here they sort the other way)."""
    games_dir().mkdir(parents=True, exist_ok=True)
    older, newer = games_dir() / "game-a.json", games_dir() / "game-b.json"
    write_save(older, Session.new(tutorial, "border_b", 1, "en").savegame())
    write_save(newer, Session.new(tutorial, "ngo", 2, "en").savegame())
    for path, written in ((older, 1_000_000_000_000), (newer, 1_000_000_000_500)):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["saved_at"] = "2026-12-06T10:00:00+00:00"
        path.write_text(json.dumps(data), encoding="utf-8")
        os.utime(path, ns=(written, written))
    assert [path for path, _ in unfinished_games()] == [newer, older]
    assert [info["role"] for _, info in unfinished_games()] == ["ngo", "border_b"]
