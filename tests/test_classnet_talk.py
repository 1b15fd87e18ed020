"""Talk between groups in a networked class: chat and shared notes, each group seeing only
its own conversations; all of it in the class debrief and beside the exported game."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from trafficking_sim.classnet.seat import SeatGame
from trafficking_sim.classnet.store import ClassError, ClassStore
from trafficking_sim.classnet.trainer import TrainerSeat
from trafficking_sim.content import GameContent

from .classnet_support import THREE_SEATS, device, make_class

SEATS = THREE_SEATS
BORDER_TO_NGO = "plate B-417-KX seen at the crossing"
NGO_TO_ALL = "the shelter has two beds free tonight"
SHARED_C_NGO = "interpreter booked for Thursday"
TRAINER_TO_C = "look at your inbox again"


@pytest.fixture
def db(tmp_path: Path, tutorial: GameContent) -> Path:
    path = tmp_path / "class.db"
    make_class(path, tutorial, 3, seats=SEATS)
    return path


def seat(db: Path, role: str) -> tuple[SeatGame, io.StringIO]:
    out = io.StringIO()
    game = SeatGame(device(db), role, out, lang="en", echo=True)
    game.start()
    return game, out


def talk(db: Path) -> dict[str, tuple[SeatGame, io.StringIO]]:
    seats = {role: seat(db, role) for role in SEATS}
    seats["border_b"][0].handle(f"chat ngo {BORDER_TO_NGO}")
    seats["ngo"][0].handle(f'chat all "{NGO_TO_ALL}"')
    seats["authorities_c"][0].handle(f"shared ngo {SHARED_C_NGO}")
    console = TrainerSeat(device(db), io.StringIO(), lang="en", echo=False)
    console.handle(f"chat authorities_c {TRAINER_TO_C}")
    for game, _ in seats.values():
        game.handle("chats")
        game.handle("shared ngo" if game.me != "ngo" else "shared authorities_c")
    return seats


def test_each_group_sees_only_its_own_conversations(db: Path) -> None:
    seen = {role: out.getvalue() for role, (_, out) in talk(db).items()}
    assert BORDER_TO_NGO in seen["border_b"] and BORDER_TO_NGO in seen["ngo"]
    assert BORDER_TO_NGO not in seen["authorities_c"]
    assert all(NGO_TO_ALL in text for text in seen.values())
    assert SHARED_C_NGO in seen["ngo"] and SHARED_C_NGO in seen["authorities_c"]
    assert SHARED_C_NGO not in seen["border_b"]
    assert TRAINER_TO_C in seen["authorities_c"]
    assert TRAINER_TO_C not in seen["border_b"] and TRAINER_TO_C not in seen["ngo"]


def test_talk_changes_nothing_in_the_game_and_waits_for_no_turn(db: Path) -> None:
    before = device(db).digest()
    seats = talk(db)  # the NGO and the authorities wrote while it was not their turn
    assert device(db).digest() == before
    assert seats["ngo"][0].game.whose_turn == "border_b"


def test_the_class_debrief_and_the_export_hold_all_of_the_talk(db: Path, tmp_path: Path) -> None:
    from tests.test_cli import run

    talk(db)
    out = io.StringIO()
    TrainerSeat(device(db), out, lang="en", echo=False).handle("end")
    for text in (BORDER_TO_NGO, NGO_TO_ALL, SHARED_C_NGO, TRAINER_TO_C):
        assert text in out.getvalue()
    save = tmp_path / "class-game.json"
    done = run("class", "export", "--db", str(db), "--out", str(save), home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    transcript = (tmp_path / "class-game-talk.md").read_text(encoding="utf-8")
    for text in (BORDER_TO_NGO, NGO_TO_ALL, SHARED_C_NGO, TRAINER_TO_C):
        assert text in transcript.replace("\\", "")


def test_a_group_cannot_write_as_another_or_to_itself(db: Path) -> None:
    border, out = seat(db, "border_b")
    border.handle("chat border_b note to self")
    border.handle("chat europol hello")
    border.handle("shared all everyone")
    assert border.game.store.head("c1") == 0
    assert out.getvalue().count("is no other group of this class") == 3
    store = ClassStore(db)
    store.append("c1", 0, "x", "ngo", {"shared": {"with": "ngo", "text": "hi"}})
    with pytest.raises(ClassError, match="row 1"):
        device(db)


def test_the_trainer_reads_every_conversation(db: Path) -> None:
    talk(db)
    out = io.StringIO()
    TrainerSeat(device(db), out, lang="en", echo=False).handle("talk")
    for text in (BORDER_TO_NGO, NGO_TO_ALL, SHARED_C_NGO, TRAINER_TO_C):
        assert text in out.getvalue().replace("\\", "")
