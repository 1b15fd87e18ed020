"""Saves under conditions a Linux test run does not meet by itself: another platform's
flags and errors, two programs at once, and a damaged or hand-edited save.

Each condition is simulated (monkeypatch), the code under test is unchanged: a trainer
on Windows, a second window racing this one, or a save missing a field are all things a
player can meet, and each test checks what the player would notice.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from trafficking_sim.play import saves
from trafficking_sim.play.saves import (
    APP_TAG,
    MAX_SAVE_BYTES,
    SAVE_FORMAT,
    GameLock,
    SaveError,
    SaveGame,
    archive_finished,
    games_dir,
    peek,
    read_save,
    unfinished_games,
    write_save,
)


def _save_data(**fields: Any) -> dict[str, Any]:
    """A complete save of the tutorial with no actions; ``None`` leaves a field out."""
    data: dict[str, Any] = {
        "app": APP_TAG,
        "format": SAVE_FORMAT,
        "app_version": "1.0",
        "saved_at": "2026-12-01T10:00:00+00:00",
        "scenario": "tutorial",
        "content_hash": "abc",
        "role": "border_b",
        "seed": 5,
        "lang": "sl",
        "actions": [],
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _spy_open(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[int]:
    """Record the flags each ``os.open`` of ``target`` gets (the real call still runs,
    without a flag this platform does not know)."""
    real_open = os.open
    seen: list[int] = []

    def spying(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == target:
            seen.append(flags)
            flags &= ~0x8000  # a pretend Windows O_BINARY must not reach Linux's open
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", spying)
    return seen


# --- another platform ------------------------------------------------------------------------


def _gone_when_looked_at(monkeypatch: pytest.MonkeyPatch, gone: Path) -> None:
    """``gone`` vanishes between the folder's listing and a look at its details (another
    window finished that game); every other file is there as usual."""
    real_lstat = Path.lstat

    def vanishing(self: Path) -> os.stat_result:
        if self == gone:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(self))
        return real_lstat(self)

    monkeypatch.setattr(Path, "lstat", vanishing)


def _open_fails(monkeypatch: pytest.MonkeyPatch, target: Path, error: OSError) -> None:
    """``os.open`` of ``target`` fails with ``error`` (as another system's would); every
    other file opens as usual."""
    real_open = os.open

    def failing(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(name) == target:
            raise error
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing)


def test_on_windows_a_save_is_opened_in_binary_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows opens files in text mode unless told O_BINARY, which turns line ends and
    stops at a Ctrl-Z byte: a save would be read short or changed. The flag is asked for
    wherever the platform has it, beside the no-wait flag."""
    path = _write(tmp_path / "game.json", _save_data())
    monkeypatch.setattr(os, "O_BINARY", 0x8000, raising=False)
    seen = _spy_open(monkeypatch, path)
    assert read_save(path).role == "border_b"
    assert seen and all(flags & 0x8000 for flags in seen)
    assert all(
        flags & getattr(os, "O_NONBLOCK", 0) == getattr(os, "O_NONBLOCK", 0) for flags in seen
    )
    assert all(flags & (os.O_WRONLY | os.O_RDWR) == 0 for flags in seen)


def test_where_there_is_no_wait_flag_a_save_still_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A platform without O_NONBLOCK (Windows again) opens the save for reading only,
    and the game reads back whole."""
    path = _write(tmp_path / "game.json", _save_data())
    monkeypatch.delattr(os, "O_NONBLOCK", raising=False)
    seen = _spy_open(monkeypatch, path)
    game = read_save(path)
    assert (game.scenario, game.role, game.seed, game.lang) == ("tutorial", "border_b", 5, "sl")
    assert seen and all(flags == os.O_RDONLY for flags in seen)


def test_a_folder_is_refused_in_the_same_words_where_opening_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Linux a folder opens and is then found not to be a file; on Windows opening it
    fails at once (IsADirectoryError). The player reads the same message either way."""
    folder = tmp_path / "game.json"
    folder.mkdir()
    with pytest.raises(SaveError) as on_linux:
        read_save(folder)
    _open_fails(monkeypatch, folder, IsADirectoryError(errno.EISDIR, "Is a directory"))
    with pytest.raises(SaveError) as on_windows:
        read_save(folder)
    assert on_windows.value.key == on_linux.value.key == "save.not_a_file"
    assert str(on_windows.value) == str(on_linux.value)
    assert str(folder) in str(on_windows.value)


def test_a_folder_windows_refuses_to_open_reads_as_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows' os.open refuses a folder with "Permission denied" (EACCES): the player
    still reads that a folder is not a save, not that permission was denied."""
    folder = tmp_path / "game.json"
    folder.mkdir()
    _open_fails(monkeypatch, folder, PermissionError(errno.EACCES, "Permission denied"))
    with pytest.raises(SaveError) as refused:
        read_save(folder)
    assert refused.value.key == "save.not_a_file"


def test_a_save_whose_details_cannot_be_read_leaves_no_file_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error between opening a save and reading it closes the file again: a Continue
    list over many damaged files must not run out of open files."""
    path = _write(tmp_path / "game.json", _save_data())
    closed: list[int] = []
    real_close = os.close

    def failing_fstat(fd: int) -> Any:
        raise OSError(errno.EIO, "Input/output error")

    def spying_close(fd: int) -> None:
        closed.append(fd)
        real_close(fd)

    monkeypatch.setattr(os, "fstat", failing_fstat)
    monkeypatch.setattr(os, "close", spying_close)
    with pytest.raises(SaveError) as failed:
        read_save(path)
    assert failed.value.key == "save.unreadable"
    assert len(closed) == 1


def test_a_save_that_cannot_be_opened_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save the player may not read (another user's, say) is named, with the system's
    reason, not a traceback."""
    path = _write(tmp_path / "game.json", _save_data())
    _open_fails(monkeypatch, path, PermissionError(errno.EACCES, "Permission denied"))
    with pytest.raises(SaveError) as refused:
        read_save(path)
    assert refused.value.key == "save.unreadable"
    assert str(refused.value) == f"The save {path} cannot be read: Permission denied."


def test_a_disk_error_while_reading_a_save_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that opens but then fails (a disk or network-share error) is reported with
    the system's reason, not a traceback."""
    path = _write(tmp_path / "game.json", _save_data())
    real_fstat = os.fstat
    inode = path.stat().st_ino
    failed: list[int] = []

    def failing(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        if info.st_ino == inode:
            failed.append(fd)
            os.close(fd)
            raise OSError(errno.EIO, "Input/output error")
        return info

    monkeypatch.setattr(os, "fstat", failing)
    with pytest.raises(SaveError) as refused:
        read_save(path)
    assert failed
    assert refused.value.key == "save.unreadable"
    assert str(refused.value) == f"The save {path} cannot be read: Input/output error."


# --- two programs at once ----------------------------------------------------------------------


def _lying_fstat(monkeypatch: pytest.MonkeyPatch, path: Path, size: int) -> None:
    """``os.fstat`` reports ``size`` for ``path``: the file was that size when looked at,
    and another program wrote more before it was read."""
    real_fstat = os.fstat
    inode = path.stat().st_ino

    def lying(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        if info.st_ino != inode:
            return info
        fields = list(info)
        fields[stat.ST_SIZE] = size
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", lying)


def test_a_save_that_grows_past_the_limit_while_read_is_refused_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that was small when looked at and far too large by the time it is read is
    refused with the same clear message as any file too large: never read half."""
    path = tmp_path / "growing.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_SAVE_BYTES + 1)
    _lying_fstat(monkeypatch, path, 100)
    with pytest.raises(SaveError) as refused:
        read_save(path)
    assert refused.value.key == "save.too_large"
    assert str(path) in str(refused.value)
    assert "far too large" in str(refused.value)


def test_a_save_that_grows_to_exactly_the_limit_while_read_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The largest save allowed is read whole even when it reached that size after it was
    looked at."""
    path = tmp_path / "grown.json"
    text = json.dumps(_save_data()).encode("utf-8")
    path.write_bytes(b" " * (MAX_SAVE_BYTES - len(text)) + text)
    _lying_fstat(monkeypatch, path, 100)
    assert read_save(path).role == "border_b"


def test_a_damaged_file_gone_before_it_is_listed_is_left_out_and_the_rest_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another window may finish (and remove) a game while this one lists them: the file
    that vanished is left out, every other game is still offered, nothing crashes."""
    gone = games_dir() / "a-gone.json"
    gone.parent.mkdir(parents=True, exist_ok=True)
    gone.write_text("not a save", encoding="utf-8")  # damaged: its time comes from the file
    kept = _write(games_dir() / "b-kept.json", _save_data())
    _gone_when_looked_at(monkeypatch, gone)
    assert [path for path, _ in unfinished_games()] == [kept]


def test_a_game_gone_while_the_list_is_sorted_is_still_listed_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two games saved in the same second are ordered by their files' times; when one
    file vanishes meanwhile, both are still listed (the vanished one last), no crash."""
    when = "2026-12-01T10:00:00+00:00"
    gone = _write(games_dir() / "a.json", _save_data(saved_at=when, role="ngo"))
    kept = _write(games_dir() / "b.json", _save_data(saved_at=when))
    _gone_when_looked_at(monkeypatch, gone)
    assert [path for path, _ in unfinished_games()] == [kept, gone]


def _stale_lock_that_comes_back(
    monkeypatch: pytest.MonkeyPatch, lock: GameLock
) -> Callable[[], int]:
    """Every attempt to create the lock finds one (another program re-made it), and each
    one found is stale (it names this very process, which holds no lock)."""
    lock.path.parent.mkdir(parents=True, exist_ok=True)
    real_open = os.open
    tries = [0]

    def taken(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == lock.path:
            tries[0] += 1
            lock.path.write_text(lock._owner() + "\n", encoding="utf-8")
            raise FileExistsError(errno.EEXIST, "File exists", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", taken)
    return lambda: tries[0]


def test_a_stale_lock_that_comes_back_at_once_means_the_game_is_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stale lock is taken over; one that is back at once means another program is
    taking the game at this very moment. After a second try the player is told the game
    is in use (no process can be named), instead of both programs writing it."""
    lock = GameLock(tmp_path / "game.json")
    tries = _stale_lock_that_comes_back(monkeypatch, lock)
    with pytest.raises(SaveError) as refused:
        lock.acquire()
    assert tries() == 2
    assert not lock.held
    assert refused.value.key == "save.in_use"
    assert str(refused.value) == (
        f"The game {tmp_path / 'game.json'} is open in another window of trafficking-sim "
        "(process ?). "
        "Close it there first, or continue another game; it was not changed."
    )


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_lock_file_may_be_read_by_others_but_written_only_by_its_owner(
    tmp_path: Path,
) -> None:
    """In a shared folder another user's program reads the lock to say who holds the game
    (0644), and cannot overwrite it."""
    old = os.umask(0)
    try:
        lock = GameLock(tmp_path / "game.json")
        lock.acquire()
    finally:
        os.umask(old)
    assert stat.S_IMODE(lock.path.stat().st_mode) == 0o644
    lock.release()


# --- a damaged or hand-edited save -------------------------------------------------------------


def test_a_save_missing_its_names_shows_nothing_rather_than_none() -> None:
    """A hand-edited save without its scenario, role, language, time or actions appears in
    the Continue list; the missing parts show as nothing (and the language as English),
    never as 'None' or a made-up word."""
    path = _write(
        games_dir() / "edited.json",
        _save_data(scenario=None, role=None, lang=None, saved_at=None, actions=None),
    )
    info = peek(path)
    assert info is not None
    assert (info["scenario"], info["role"], info["lang"], info["saved_at"]) == ("", "", "en", "")
    assert (info["actions"], info["groups"]) == (0, 0)  # a solo game, not a class of one
    assert [entry for _, entry in unfinished_games()] == [info]


def test_a_peeked_save_tells_its_parts() -> None:
    """What the lists show of a whole save: scenario, role, language, time, actions, seed,
    groups and save format, as written."""
    data = _save_data(seats=["border_b", "ngo"], actions=[{"kind": "end_turn"}] * 3)
    info = peek(_write(games_dir() / "whole.json", data))
    assert info == {
        "scenario": "tutorial",
        "role": "border_b",
        "lang": "sl",
        "saved_at": "2026-12-01T10:00:00+00:00",
        "actions": 3,
        "seed": 5,
        "groups": 2,
        "format": SAVE_FORMAT,
    }


def test_a_save_without_its_time_or_version_reads_with_them_empty(tmp_path: Path) -> None:
    """A save missing when it was written and by which version still opens; the saves
    screen shows no time rather than 'None'."""
    game = read_save(_write(tmp_path / "old.json", _save_data(saved_at=None, app_version=None)))
    assert (game.saved_at, game.app_version) == ("", "")
    assert game.scenario_path is None


def test_a_damaged_game_is_listed_with_its_files_time_in_utc() -> None:
    """A file in the games folder that cannot be read is still listed (so the player hears
    of it), named after its file, at the time the file was last written, in UTC like any
    save, with no role, no actions and English as its language."""
    path = games_dir() / "broken-game.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ half a save", encoding="utf-8")
    written = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    os.utime(path, (written.timestamp(), written.timestamp()))
    [(listed, info)] = unfinished_games()
    assert listed == path
    assert info == {
        "scenario": "broken-game",
        "role": "",
        "lang": "en",
        "saved_at": "2026-11-30T23:30:00+00:00",
        "actions": 0,
        "seed": None,
        "groups": 0,
        "format": None,
        "damaged": True,
    }


def test_a_save_keeps_its_letters_readable_by_eye(tmp_path: Path) -> None:
    """A trainer may open a save in an editor: Slovene letters are written as letters in
    UTF-8, not as escape codes, and read back the same."""
    path = tmp_path / "game.json"
    game = SaveGame(scenario="tutorial", content_hash="abc", role="border_b", seed=5, lang="sl")
    game.group_names = {"border_b": "Skupina Čebela"}
    game.seats = ["border_b"]
    write_save(path, game)
    raw = path.read_bytes()
    assert "Skupina Čebela".encode() in raw
    assert b"\\u" not in raw
    assert read_save(path).group_names == {"border_b": "Skupina Čebela"}


# --- from the survivors of a fresh sample of play/saves.py (seed 21) -------------------------


def test_a_save_nested_too_deeply_is_called_damaged_in_plain_words(tmp_path: Path) -> None:
    """A file of endless brackets is refused as damaged, saying why in words, without
    any mark of a programming error."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000, encoding="utf-8")
    with pytest.raises(SaveError) as refused:
        read_save(path)
    assert str(refused.value) == (
        f"The save {path} is damaged and cannot be used (nested too deeply). "
        "The file has not been changed."
    )


@pytest.mark.parametrize("actions", [None, {"kind": "end_turn"}, "end_turn"])
def test_a_save_whose_actions_are_not_a_list_says_so(tmp_path: Path, actions: Any) -> None:
    """A hand-edited save whose actions are missing or not a list is refused as damaged,
    naming the part that is wrong."""
    path = _write(tmp_path / "edited.json", _save_data(actions=actions))
    with pytest.raises(SaveError) as refused:
        read_save(path)
    assert str(refused.value) == (
        f"The save {path} is damaged and cannot be used ('actions' is not a list). "
        "The file has not been changed."
    )


# --- from the survivors of a fresh sample of play/saves.py (seed 22) -------------------------


def test_a_save_that_is_not_json_is_named_in_the_message(tmp_path: Path) -> None:
    """The message about a save that is not valid JSON names the file, so the player knows
    which one to look at."""
    path = tmp_path / "broken.json"
    path.write_text("{ half a save", encoding="utf-8")
    with pytest.raises(SaveError) as refused:
        read_save(path)
    assert refused.value.key == "save.damaged"
    assert str(refused.value).startswith(
        f"The save {path} is damaged and cannot be used (not valid JSON: "
    )


def test_a_bad_action_is_counted_from_one(tmp_path: Path) -> None:
    """The message about a save with a bad action tells which action, counting as people
    do: the first action is action 1."""
    bad = {"type": "send", "to": ["europol"], "priority": "whenever"}
    path = _write(tmp_path / "edited.json", _save_data(actions=[{"type": "end_turn"}, bad]))
    with pytest.raises(SaveError) as refused:
        read_save(path)
    assert "action 2 has an unknown priority 'whenever'" in str(refused.value)


def test_finished_games_of_the_same_second_are_numbered_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Games of one scenario and role finished within the same second are all kept, the
    later ones numbered 2, 3 and on, so that their names sort in the order they were kept."""

    class FrozenClock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> FrozenClock:
            return cls(2026, 12, 6, 12, 0, 0, tzinfo=tz)

    monkeypatch.setattr(saves.dt, "datetime", FrozenClock)
    kept = []
    for seed in (1, 2, 3):
        game = SaveGame(scenario="tutorial", content_hash="abc", role="ngo", seed=seed, lang="en")
        kept.append(archive_finished(game).name)
    assert kept == [
        "tutorial-ngo-20261206-120000.json",
        "tutorial-ngo-20261206-120000-2.json",
        "tutorial-ngo-20261206-120000-3.json",
    ]


# --- from the survivors of a fresh sample of play/saves.py (seed 23) -------------------------


def _stale_temp(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{", encoding="utf-8")
    an_hour_ago = dt.datetime.now().timestamp() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    return path


def test_a_file_among_the_save_folders_does_not_stop_the_cleaning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The saves folder holds files as well as folders (an earlier version's autosave):
    the temporary files a stopped program left in the folders after it are still removed."""
    (saves.paths.saves_dir() / "autosave.json").parent.mkdir(parents=True, exist_ok=True)
    (saves.paths.saves_dir() / "autosave.json").write_text("{}", encoding="utf-8")
    left = _stale_temp(games_dir() / ".game-1.json.abc.tmp")
    real_glob = Path.glob

    def in_order(self: Path, pattern: str) -> list[Path]:
        return sorted(real_glob(self, pattern))  # the file comes before games/

    monkeypatch.setattr(Path, "glob", in_order)
    assert saves.clean_stale_temps() == 1
    assert not left.exists()


def test_a_temporary_file_gone_meanwhile_does_not_stop_the_cleaning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another program may finish its write (and its temporary file go) while the
    cleaning runs: the other stale temporary files of the folder are still removed."""
    temps = [_stale_temp(games_dir() / f".game-{n}.json.abc.tmp") for n in (1, 2, 3)]
    real_lstat = Path.lstat
    gone: list[Path] = []

    def first_one_gone(self: Path) -> os.stat_result:
        if self.suffix == ".tmp" and (not gone or gone == [self]):
            gone.append(self)
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(self))
        return real_lstat(self)

    monkeypatch.setattr(Path, "lstat", first_one_gone)
    assert saves.clean_stale_temps() == 2
    assert [path.exists() for path in temps].count(True) == 1
