"""The networked class from the command line: create a class, groups join by code and
play at their own processes, the trainer reads the status and exports the game."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.test_cli import console_script, run
from trafficking_sim.content import GameContent

from .classnet_support import no_process_left_behind, seat_env, spawn  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent

BORDER_SCRIPT = """\
do check_vehicle minibus_plate
send europol driver_phone urgent eval=A1 subject="Minibus B-417-KX: driver's phone"
end
status
end
end
end
end
end
end
"""
NGO_SCRIPT = "board\n" + "end\n" * 8


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def create(home: Path, *extra: str) -> dict[str, object]:
    done = run(
        "class", "create", "--scenario", "tutorial", "--seed", "4", "--json", *extra, home=home
    )
    assert done.returncode == 0, done.stderr
    created: dict[str, object] = json.loads(done.stdout)
    return created


def join(home: Path, *args: str, stdin: str) -> subprocess.Popen[str]:
    """A group's seat reading ``stdin`` as its commands, running beside the test."""
    commands = home.parent / f"commands-{len(list(home.parent.glob('commands-*')))}.txt"
    commands.write_text(stdin, encoding="utf-8")
    with commands.open(encoding="utf-8") as stream:
        return spawn(
            [*console_script(), "join", "--plain", *args],
            stdin=stream,
            env=seat_env(home),
            cwd=ROOT,
        )


def test_create_prints_a_code_per_group_and_the_trainers_in_the_data_folder(home: Path) -> None:
    created = create(home, "--groups", "border_b,ngo")
    assert created["db"] == str(home / "class.db")
    assert set(created["codes"]) == {"border_b", "ngo"}  # type: ignore[arg-type]
    assert isinstance(created["trainer"], str) and str(created["class"]).startswith("class-")


def test_create_refuses_a_role_the_scenario_does_not_have(home: Path) -> None:
    done = run("class", "create", "--scenario", "tutorial", "--groups", "ngo,europl", home=home)
    assert done.returncode == 2
    assert "'europl' is not a role of 'tutorial'" in done.stderr and "Traceback" not in done.stderr


def test_two_groups_play_a_scripted_game_and_status_export_and_replay_agree(
    home: Path, tmp_path: Path
) -> None:
    created = create(home, "--groups", "border_b,ngo")
    codes: dict[str, str] = created["codes"]  # type: ignore[assignment]
    border = join(home, "--code", codes["border_b"], stdin=BORDER_SCRIPT)
    ngo = join(home, "--code", codes["ngo"], stdin=NGO_SCRIPT)
    border_out, border_err = border.communicate(timeout=120)
    ngo_out, ngo_err = ngo.communicate(timeout=120)
    assert border.returncode == 0 and ngo.returncode == 0, border_err + ngo_err
    # Each group hears when it waits for the other, and both see the same end.
    assert "Waiting for Border police B" in ngo_out
    assert "Waiting for NGO" in border_out
    assert "THE END" in border_out and "THE END" in ngo_out
    # The NGO never sees what the border police found or sent to Europol.
    assert "Europol" in border_out
    assert "B-417-KX" not in ngo_out and "driver's phone" not in ngo_out

    status = run("class", "status", "--json", home=home)
    assert status.returncode == 0, status.stderr
    found = json.loads(status.stdout)
    assert found["over"] is True and found["whose_turn"] is None
    assert found["groups"] == [
        {"role": "border_b", "connected": False},
        {"role": "ngo", "connected": False},
    ]
    save = tmp_path / "class-game.json"
    exported = run("class", "export", "--out", str(save), home=home)
    assert exported.returncode == 0, exported.stderr
    replayed = run("replay", str(save), "--json", home=home)
    assert replayed.returncode == 0, replayed.stderr
    outcome = json.loads(replayed.stdout)
    assert outcome["turn"] == found["turn"] and outcome["ending"] == found["ending"]
    assert json.loads(save.read_text())["seats"] == ["border_b", "ngo"]
    assert len(json.loads(save.read_text())["actions"]) == found["seq"]
    debrief = run("debrief", str(save), "--quick", home=home)
    assert debrief.returncode == 0 and "Class debrief" in debrief.stdout, debrief.stderr


def test_status_shows_whose_turn_and_who_is_connected(home: Path) -> None:
    created = create(home, "--groups", "border_b,ngo")
    codes: dict[str, str] = created["codes"]  # type: ignore[assignment]
    # The NGO waits for its turn with a command pending, so it stays connected.
    ngo = join(home, "--code", codes["ngo"], stdin="board\n")
    try:
        assert ngo.stdout is not None
        for line in ngo.stdout:
            if "Waiting for" in line:
                break
        status = json.loads(run("class", "status", "--json", home=home).stdout)
        assert (status["seq"], status["turn"], status["whose_turn"]) == (0, 1, "border_b")
        assert status["over"] is False
        assert status["groups"] == [
            {"role": "border_b", "connected": False},
            {"role": "ngo", "connected": True},
        ]
    finally:
        ngo.kill()
        ngo.communicate(timeout=10)


def test_a_wrong_code_is_refused_without_a_traceback(home: Path) -> None:
    create(home)
    done = run("join", "--plain", "--code", "AAAAA-AAAAA", stdin="end\n", home=home)
    assert done.returncode == 1
    assert "opens no seat" in done.stderr and "Traceback" not in done.stderr
    assert run("class", "status", "--json", home=home).stdout.count('"seq": 0') == 1


def test_five_wrong_codes_end_the_process_even_before_a_right_one(home: Path) -> None:
    created = create(home)
    right = created["codes"]["ngo"]  # type: ignore[index]
    typed = "WRONG-00001\nWRONG-00002\nWRONG-00003\nWRONG-00004\nWRONG-00005\n" + right + "\n"
    done = run("join", "--plain", stdin=typed + "end\n", home=home)
    assert done.returncode == 1
    assert done.stderr.count("opens no seat") == 5
    assert "Too many wrong codes" in done.stderr
    assert "You play" not in done.stdout


def test_a_code_typed_after_a_wrong_one_opens_the_seat(home: Path) -> None:
    created = create(home)
    right = created["codes"]["ngo"]  # type: ignore[index]
    done = run("join", "--plain", stdin=f"nope\n{right.lower()}\nquit\n", home=home)
    assert done.returncode == 0, done.stderr
    assert "Tries left: 4" in done.stderr
    assert "You play: Victim-support NGO" in done.stdout


def test_a_class_of_another_version_is_refused_with_a_clear_message(home: Path) -> None:
    created = create(home)
    with sqlite3.connect(str(created["db"])) as db:
        db.execute("UPDATE class SET engine_version='0.0.1'")
    db.close()
    done = run("join", "--plain", "--code", created["codes"]["ngo"], stdin="end\n", home=home)  # type: ignore[index]
    assert done.returncode == 1
    assert "set up with trafficking-sim 0.0.1" in done.stderr and "Traceback" not in done.stderr


def test_the_trainers_code_opens_the_trainers_console_not_a_groups_seat(home: Path) -> None:
    created = create(home)
    done = run("join", "--plain", "--code", str(created["trainer"]), stdin="who\n", home=home)
    assert done.returncode == 0, done.stderr
    assert "Trainer's console" in done.stdout and "You play" not in done.stdout
    assert "NGO: not connected" in done.stdout


def test_status_without_a_class_says_how_to_make_one(home: Path) -> None:
    done = run("class", "status", "--json", home=home)
    assert done.returncode == 2
    assert "class create" in done.stderr and "Traceback" not in done.stderr


def test_a_seat_in_slovene(home: Path) -> None:
    created = create(home)
    done = run(
        "join",
        "--plain",
        "--lang",
        "sl",
        "--code",
        created["codes"]["border_b"],  # type: ignore[index]
        stdin="status\nquit\n",
        home=home,
    )
    assert done.returncode == 0, done.stderr
    assert "Vi ste " in done.stdout and "na svoji napravi" in done.stdout


def test_joining_through_another_programs_database_is_refused_untouched(
    home: Path, tmp_path: Path
) -> None:
    other = tmp_path / "contacts.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")
    db.close()
    before = other.read_bytes()
    done = run("join", "--plain", "--db", str(other), "--code", "AAAAA-AAAAA", home=home)
    assert done.returncode == 1
    assert "is not a class database" in done.stderr and "Traceback" not in done.stderr
    status = run("class", "status", "--db", str(other), home=home)
    assert status.returncode == 1 and "is not a class database" in status.stderr
    assert other.read_bytes() == before


def wait_for_line(process: subprocess.Popen[str], text: str) -> list[str]:
    """The lines ``process`` printed up to and with the first one holding ``text``."""
    assert process.stdout is not None
    seen = []
    for line in process.stdout:
        seen.append(line)
        if text in line:
            return seen
    raise AssertionError(f"{text!r} never came; the process said: {''.join(seen)}")


def test_the_trainers_console_pauses_play_ends_an_absent_groups_turn_and_ends_the_game(
    home: Path,
) -> None:
    created = create(home, "--groups", "border_b,ngo")
    codes: dict[str, str] = created["codes"]  # type: ignore[assignment]
    trainer = str(created["trainer"])

    def console(commands: str) -> str:
        done = run("join", "--plain", "--code", trainer, stdin=commands, home=home)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def status() -> dict[str, object]:
        found: dict[str, object] = json.loads(run("class", "status", "--json", home=home).stdout)
        return found

    console("freeze\nstart\n")
    # The border police's device waits while play is paused: its 'end' is not written.
    border = join(home, "--code", codes["border_b"], stdin="end\nboard\n")
    try:
        wait_for_line(border, "paused play for every group")
        assert status()["seq"] == 2 and status()["input_paused"] is True
        console("unfreeze\n")
        after = "".join(wait_for_line(border, "Waiting for NGO"))
        assert "resumed play" in after
    finally:
        border.kill()
        border.communicate(timeout=10)
    assert status()["whose_turn"] == "ngo"
    # The NGO's group is absent: the trainer ends its turn, and the next turn begins.
    said = console("endturn\nstatus\n")
    assert "Written to the class log" in said and "Turn 2; playing now: Border police B" in said
    assert status()["whose_turn"] == "border_b"
    # The end: every group that joins now reads the class debrief.
    console("end\n")
    found = status()
    assert found["over"] is True and found["debrief_released"] is True
    ngo = run("join", "--plain", "--code", codes["ngo"], stdin="board\n", home=home)
    assert ngo.returncode == 0, ngo.stderr
    assert "Class debrief" in ngo.stdout


def test_a_revoked_or_reissued_code_no_longer_opens_the_seat(home: Path) -> None:
    created = create(home, "--groups", "border_b,ngo")
    codes: dict[str, str] = created["codes"]  # type: ignore[assignment]
    trainer = str(created["trainer"])
    done = run(
        "join", "--plain", "--code", trainer, stdin="revoke ngo\nreissue border_b\n", home=home
    )
    assert done.returncode == 0, done.stderr
    new_code = done.stdout.split("New code for Border police B: ")[1].split()[0]
    for old in (codes["ngo"], codes["border_b"]):
        refused = run("join", "--plain", "--code", old, stdin="status\n", home=home)
        assert refused.returncode == 1 and "opens no seat" in refused.stderr
    joined = run("join", "--plain", "--code", new_code, stdin="status\n", home=home)
    assert joined.returncode == 0 and "You play: Border police" in joined.stdout
    # Only a hash of the new code is kept: not in the log, not anywhere in the file.
    db = Path(str(created["db"]))
    for kept in db.parent.glob(db.name + "*"):  # the file, its write-ahead log
        assert new_code.replace("-", "").encode() not in kept.read_bytes()


def test_class_host_builds_its_pages_for_the_public_address_behind_a_proxy(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tutorial: GameContent,
) -> None:
    """Behind a TLS reverse proxy the groups open https://..., and the served pages take
    websockets only from that origin: ``class host --public-url`` names it."""
    from tests.classnet_support import make_class
    from trafficking_sim.cli import main
    from trafficking_sim.tui.serve import SERVED_ENV

    db = tmp_path / "class.db"
    make_class(db, tutorial)
    urls: list[str] = []

    class Server:
        def serve(self) -> None:
            return None

    def make_server(command: str, **settings: object) -> Server:
        urls.append(str(settings["url"]))
        return Server()

    monkeypatch.setattr("trafficking_sim.tui.serve.make_server", make_server)
    monkeypatch.setenv("TRAFFICKING_SIM_HOME", str(tmp_path / "home"))
    # The command sets it for its tabs, in this process: put back as it was afterwards
    # (delenv of an unset variable records nothing to put back).
    monkeypatch.setenv(SERVED_ENV, "1")
    public = "https://class.example.org/"
    assert main(["class", "host", "--db", str(db), "--public-url", public]) == 0
    assert main(["class", "host", "--db", str(db)]) == 0
    assert urls == ["https://class.example.org", "http://127.0.0.1:8000"]
    assert "open https://class.example.org in each group's browser" in capsys.readouterr().err
    assert main(["class", "host", "--db", str(db), "--public-url", "class.example.org"]) == 2
    assert "must start with http:// or https://" in capsys.readouterr().err
