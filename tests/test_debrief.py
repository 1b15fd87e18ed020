"""The debrief says what really happened in a game, in both languages and every format.

Every walkthrough is played to its save, and the review built from it is checked
against the game's own state and events: the scores, the reasons behind them, who talked
to whom, and what the player missed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from trafficking_sim.cli import main
from trafficking_sim.engine.rating import rate
from trafficking_sim.i18n import t
from trafficking_sim.play.saves import read_save, write_save
from trafficking_sim.play.session import Session
from trafficking_sim.review.debrief import Debrief, build_debrief
from trafficking_sim.review.debrief_map import map_lines
from trafficking_sim.review.debrief_report import to_markdown

WALKTHROUGHS = sorted((Path(__file__).parent / "walkthroughs").glob("*/*.txt"))
SECTIONS = ("s_ending", "s_pillars", "s_map", "s_missed", "s_questions", "s_timeline")


def _expected_ending(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return first.split("ending=", 1)[1].split()[0]


@cache
def _played(walkthrough: Path) -> Session:
    """The walkthrough's game, saved by plain mode and read back as a player's save."""
    import tempfile

    folder = Path(tempfile.mkdtemp())
    save = folder / "save.json"
    code = main(
        [
            "play",
            "--plain",
            "--scenario",
            walkthrough.parent.name,
            "--role",
            walkthrough.stem.split("-")[0],
            "--seed",
            "1",
            "--script",
            str(walkthrough),
            "--save",
            str(save),
        ]
    )
    assert code == 0
    return Session.resume(read_save(save))


@pytest.mark.parametrize("walkthrough", WALKTHROUGHS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_review_matches_what_happened(
    walkthrough: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = _played(walkthrough)
    capsys.readouterr()
    state, content = session.state, session.content
    d = build_debrief(session, "en", search=False)

    ending = content.endings[_expected_ending(walkthrough)]
    rated = rate(session.content, session.state)
    assert rated is not None
    assert d.ending_title == ending.title.en and d.ending_rating == rated.rating
    assert d.plot_rating == ending.rating
    # A lowered rating always says why; an earned one has nothing to explain.
    assert bool(d.rating_costs) == (rated.rating != ending.rating)
    assert d.reached_best == (ending.rating == "best")
    start = content.scenario.scoring.start
    for pillar in d.pillars:
        # Every point gained or lost is listed, with a reason, and adds up to the score.
        assert pillar.score == state.scores[pillar.id]
        assert start + sum(c.delta for c in pillar.changes) == pillar.score
        assert all(c.reason.strip() for c in pillar.changes)
        assert all(1 <= c.turn <= state.turn for c in pillar.changes)
    # The map shows every exchange the player's messages made, and nothing invented.
    sent = {tuple(sorted((m.sender, r))) for m in state.messages for r in m.recipients}
    used = {(link.a, link.b) for link in d.links if link.used}
    assert sent <= used
    for link in d.links:
        if not link.used:
            assert link.count == 0 and link.facts
    # What was missed really was missed.
    mine = state.knowledge.get(state.role, {})
    for fact_id in content.actors[state.role].needs:
        label = content.facts[fact_id].label.en
        assert (label in d.never_found) == (fact_id not in mine)
    # The timeline is in turn order and ends on the ending's turn.
    turns = [m.turn for m in d.timeline]
    assert turns == sorted(turns) and turns[-1] == state.turn


def test_a_good_and_a_bad_game_get_different_reviews(capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(__file__).parent / "walkthroughs" / "tutorial"
    good = build_debrief(_played(folder / "border_b-best.txt"), "en", search=False)
    bad_path = next(p for p in sorted(folder.glob("border_b-*.txt")) if p.stem != "border_b-best")
    bad = build_debrief(_played(bad_path), "en", search=False)
    capsys.readouterr()
    assert good.ending_rating == "best" and bad.ending_rating in ("bad", "mixed")
    assert good.ending_title != bad.ending_title
    assert sum(p.score for p in good.pillars) > sum(p.score for p in bad.pillars)
    met = [lo.verdict for lo in good.learning].count("met")
    assert met > [lo.verdict for lo in bad.learning].count("met")
    good_md, bad_md = to_markdown(good), to_markdown(bad)
    assert t("debrief.best_reached", "en") in good_md
    assert t("debrief.best_reached", "en") not in bad_md


def test_after_a_bad_game_the_review_says_until_when_the_best_was_possible(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = Path(__file__).parent / "walkthroughs" / "tutorial"
    bad_path = next(p for p in sorted(folder.glob("border_b-*.txt")) if p.stem != "border_b-best")
    session = _played(bad_path)
    capsys.readouterr()
    d = build_debrief(session, "en", search=True)
    assert d.best_reachable_until is not None
    assert 1 <= d.best_reachable_until <= session.state.turn
    assert t("debrief.best_until", "en", turn=d.best_reachable_until) in to_markdown(d)


def _every_section(d: Debrief, text: str) -> None:
    for key in SECTIONS:
        assert t(f"debrief.{key}", d.lang) in text, key
    assert d.ending_title in text
    for pillar in d.pillars:
        assert pillar.name in text


@pytest.mark.parametrize("lang", ["en", "sl"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_exports_carry_every_section_in_both_languages(
    lang: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walkthrough = Path(__file__).parent / "walkthroughs" / "tutorial" / "border_b-best.txt"
    session = _played(walkthrough)
    capsys.readouterr()
    save = tmp_path / "game.json"
    write_save(save, session.savegame())
    out = tmp_path / f"report.{fmt}"
    assert main(["debrief", str(save), "--format", fmt, "--lang", lang, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    d = build_debrief(session, lang, search=False)
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in text
        assert "<script" not in text and "http" not in text  # self-contained and offline
        plain = re.sub(r"<[^>]+>", "", text)
        import html

        _every_section(d, html.unescape(plain))
    else:
        _every_section(d, text)
    if lang == "sl":
        assert "Zemljevid sodelovanja" in text


def test_the_cooperation_map_shows_the_links_used(capsys: pytest.CaptureFixture[str]) -> None:
    walkthrough = Path(__file__).parent / "walkthroughs" / "tutorial" / "border_b-best.txt"
    session = _played(walkthrough)
    capsys.readouterr()
    d = build_debrief(session, "en", search=False)
    drawn = "\n".join(map_lines(d))
    partners = {m_r for m in session.state.messages for m_r in (m.sender, *m.recipients)}
    partners.discard(session.state.role)
    assert partners, "the best game exchanges messages"
    for actor in partners:
        assert d.actor_names[actor][:12] in drawn, actor
    assert all(len(line) <= 80 for line in map_lines(d)), "the map fits an 80-column screen"


@pytest.mark.parametrize("lang", ["en", "sl"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_exported_review_counts_messages_sent_and_received_as_the_game_does(
    lang: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The map in the game says "You sent N messages and received M"; the exported
    report says the same, with the same counts (and the language's plural forms)."""
    import html

    from trafficking_sim.review.debrief_map import counts_line, message_counts

    walkthrough = Path(__file__).parent / "walkthroughs" / "tutorial" / "border_b-best.txt"
    session = _played(walkthrough)
    capsys.readouterr()
    state = session.state
    sent, received = message_counts(state, state.role)
    assert sent and received, "the best game both sends and receives"
    save = tmp_path / "game.json"
    write_save(save, session.savegame())
    out = tmp_path / f"report.{fmt}"
    assert main(["debrief", str(save), "--format", fmt, "--lang", lang, "--out", str(out)]) == 0
    text = html.unescape(re.sub(r"<[^>]+>", "", out.read_text(encoding="utf-8")))
    line = counts_line(state, state.role, lang)
    assert line in text
    shown = "\n".join(map_lines(build_debrief(session, lang, search=False), 200, state))
    assert line in shown, "the same words as the map the game shows"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"{not json", "not valid JSON"),
        (b'{"app": "something-else"}', "not a trafficking-sim save"),
        (b"\xff\xfe\x00", "not text"),
    ],
)
def test_a_damaged_or_foreign_save_gets_a_clear_error(
    content: bytes, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save = tmp_path / "save.json"
    save.write_bytes(content)
    assert main(["debrief", str(save)]) != 0
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_missing_save_gets_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["debrief", str(tmp_path / "nowhere.json")]) != 0
    assert "There is no save" in capsys.readouterr().err


def test_the_tested_walkthroughs_tell_until_when_the_flagship_best_was_possible(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The flagship is too large to search in time; a tested best walkthrough, replayed
    from each turn of the player's game, is a witness that the best was still possible."""
    from trafficking_sim.review.debrief import best_courses, best_reach_key

    folder = Path(__file__).parent / "walkthroughs" / "exercise"
    session = _played(folder / "police_a-lone-search.txt")
    capsys.readouterr()
    courses = best_courses(session.content, "police_a", session.seed)
    assert courses  # police_a-best.txt, checked by replaying it with this game's seed
    d = build_debrief(session, "en", search=True)
    assert d.best_reachable_until == 1  # the lone search on turn 1 warned the network
    assert best_reach_key(d) in ("debrief.best_until", "debrief.best_until_unsure")
    assert "turn 1" in to_markdown(d)
    # A walkthrough of another role is never used as a course for this one.
    assert not best_courses(session.content, "no_such_role", session.seed)
