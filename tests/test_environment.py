"""A robust environment: no home folder, a broken data folder, a terminal that cannot
draw the full screen. The game says what is wrong and what to do, and never crashes."""

from __future__ import annotations

import pwd
import sys
import tempfile
from pathlib import Path

import pytest

from trafficking_sim import cli, paths
from trafficking_sim.tui.app import TraffickingApp

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def no_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME unset and the user missing from the list of users (as in some containers)."""
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)

    def unknown(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", unknown)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(paths, "_temporary", None)
    return tmp_path


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX home folder")
def test_without_a_home_folder_plain_mode_plays_in_a_temporary_folder_and_says_so(
    no_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = ROOT / "tests" / "walkthroughs" / "tutorial" / "ngo-best.txt"
    argv = ["play", "--plain", "--scenario", "tutorial", "--role", "ngo", "--seed", "1"]
    assert cli.main([*argv, "--script", str(script)]) == 0
    err = capsys.readouterr().err
    assert "home folder cannot be found" in err and paths.HOME_ENV in err
    assert "Traceback" not in err
    folder = paths.user_data_dir()
    assert folder.parent == no_home
    assert list((folder / "saves" / "finished").glob("*.json"))


def test_a_broken_install_is_not_taken_for_a_missing_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without platformdirs the game fails at once; it does not quietly keep the player's
    # saves in a temporary folder that may vanish.
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(paths, "_temporary", None)
    monkeypatch.setitem(sys.modules, "platformdirs", None)  # import platformdirs fails
    with pytest.raises(ImportError):
        paths.user_data_dir()
    assert paths._temporary is None and list(tmp_path.iterdir()) == []


def test_the_crash_logger_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> Path:
        raise RuntimeError("no data folder at all")

    monkeypatch.setattr(paths, "user_data_dir", broken)
    try:
        raise ValueError("the error being reported")
    except ValueError as error:
        assert "cannot be found" in str(cli._write_crash_log())
        assert TraffickingApp.write_error_log(error) is not None


def test_a_crash_log_in_an_unwritable_place_is_no_second_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(paths.HOME_ENV, str(blocker))  # logs/ cannot be made inside a file
    try:
        raise ValueError("boom")
    except ValueError as error:
        cli._write_crash_log()
        TraffickingApp.write_error_log(error)


def _a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)


@pytest.mark.skipif(sys.platform == "win32", reason="TERM is a POSIX setting")
@pytest.mark.parametrize("term", ["dumb", ""])
def test_a_terminal_that_cannot_draw_the_game_suggests_the_plain_mode(
    term: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _a_terminal(monkeypatch)
    monkeypatch.setenv("TERM", term)
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    assert cli.main([]) == 2
    err = capsys.readouterr().err
    assert "cannot draw the full-screen game" in err and "play --plain" in err


def test_a_terminal_without_colours_is_told_about_the_plain_mode(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _a_terminal(monkeypatch)
    monkeypatch.setenv("TERM", "vt100")
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    started: list[bool] = []
    monkeypatch.setattr(TraffickingApp, "run", lambda self: started.append(True))
    assert cli.main([]) == 0
    assert started  # the game still starts: it is only a hint
    assert "play --plain" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX home folder")
async def test_without_a_home_folder_the_full_screen_game_says_where_games_go(
    no_home: Path,
) -> None:
    app = TraffickingApp()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause(0.2)
        said = [n.message for n in app._notifications]
        assert any("home folder cannot be found" in m for m in said)
        assert app.errors == []
