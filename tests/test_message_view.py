"""One rendering of a message: plain mode's ``read`` and the TUI's SIENA pane say the
same lines, with the case, the handling code and the evaluation in words."""

from __future__ import annotations

import io

from trafficking_sim.content import GameContent
from trafficking_sim.engine import Send, Share
from trafficking_sim.play import narrate
from trafficking_sim.play.plain import PlainGame
from trafficking_sim.play.session import Session

from .test_tui import SIZE, app_for, compose_send, settle, start_game, text_of


def _sent(tutorial: GameContent, action: Send | Share) -> Session:
    session = Session.new(tutorial, "border_b", 1, "en")
    session.act(action)
    return session


def test_a_siena_message_says_its_case_codes_and_facts(tutorial: GameContent) -> None:
    session = _sent(
        tutorial,
        Send(("europol",), ("minibus_plate",), "H1", "for the case only", subject="Minibus"),
    )
    (message,) = session.state.outbox("border_b")
    lines = narrate.message_lines(tutorial, message, "en")
    assert lines[:4] == [
        "From: Border police B",
        "To: Europol",
        "Date: 2026-03-02 (turn 1)",
        "Channel: SIENA, Europol's secure network for law enforcement",
    ]
    assert "crime area: Trafficking in human beings" in lines[4]
    assert "Subject: Minibus" in lines
    assert any(line.startswith("Handling code H1") for line in lines)
    assert "    for the case only" in lines
    # Facts sent without an evaluation are said to be ungraded, not left silent.
    assert "Evaluation: not graded" in lines
    assert lines[-2:] == ["Attached facts:", f"  ◆ {_fact(tutorial, 'minibus_plate')}"]
    with_ids = narrate.message_lines(tutorial, message, "en", fact_ids=True)
    assert with_ids[-1] == f"  [minibus_plate] {_fact(tutorial, 'minibus_plate')}"


def test_a_graded_message_spells_out_both_codes(tutorial: GameContent) -> None:
    graded = Send(("europol",), ("minibus_plate",), source_code="B", info_code="2")
    session = _sent(tutorial, graded)
    (message,) = session.state.outbox("border_b")
    lines = narrate.message_lines(tutorial, message, "sl")
    at = lines.index("Ocena: B2")
    assert lines[at + 1].startswith("    B")
    assert lines[at + 2].startswith("    2")


def test_a_direct_exchange_has_no_siena_case_or_grade(tutorial: GameContent) -> None:
    session = _sent(tutorial, Share("authorities_c", ("minibus_plate",)))
    (message,) = session.state.outbox("border_b")
    text = "\n".join(narrate.message_lines(tutorial, message, "en"))
    assert "Case:" not in text
    assert "Evaluation" not in text


def test_plain_read_prints_the_one_rendering(tutorial: GameContent) -> None:
    session = Session.new(tutorial, "border_b", 1, "sl")
    out = io.StringIO()
    PlainGame(session, out, autosave=False).run(
        ['send europol minibus_plate handling=H2 note="samo za primer"', "read 1"]
    )
    (message,) = session.state.outbox("border_b")
    expected = narrate.message_lines(tutorial, message, "sl", fact_ids=True)
    printed = out.getvalue().splitlines()
    at = printed.index(expected[0])
    assert printed[at : at + len(expected)] == expected
    assert any("področje kriminalitete" in line for line in expected)


async def test_the_siena_pane_shows_the_one_rendering() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await compose_send(pilot, ["europol"], ["minibus_plate"], grade="A1")
        await pilot.press("v")  # the outbox
        await settle(pilot)
        assert app.session is not None
        (message,) = app.session.state.outbox("border_b")
        expected = narrate.message_lines(app.session.content, message, "en")
        assert text_of(app, "#siena-message") == "\n".join(expected)


def _fact(content: GameContent, fact_id: str) -> str:
    fact = content.facts[fact_id]
    return f"{fact.label.get('en')}: {fact.text.get('en')}"
