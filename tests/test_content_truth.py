"""What the content teaches about the law, checked by playing it (issue #12).

Each test plays a few commands of a bundled scenario and asserts what a learner would see:
the lawful path is offered and rewarded, and a lawful step is not scored as a pure mistake.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml

from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.content.models import AgencyProfile, Codex
from trafficking_sim.paths import bundled_dir
from trafficking_sim.play.plain import PlainGame
from trafficking_sim.play.session import Session


def play(scenario: str, role: str, commands: list[str], lang: str = "en") -> tuple[Session, str]:
    content = load_game(find_scenario(scenario))
    session = Session.new(content, role, 1, lang)
    out = io.StringIO()
    PlainGame(session, out, autosave=False, echo=True).run(commands)
    return session, out.getvalue()


def changes(session: Session, origin: str) -> list[tuple[str, int]]:
    return [(c.pillar, c.delta) for c in session.state.score_log if c.origin.endswith(origin)]


# --- item 8: passports withheld by the driver -------------------------------------------------


@pytest.mark.parametrize("scenario", ["exercise", "tutorial"])
def test_securing_the_passports_is_offered_and_leaves_the_arrest_to_the_prosecutor(
    scenario: str,
) -> None:
    session, out = play(scenario, "border_b", ["do secure_passports", "do arrest_driver"])
    assert "duty prosecutor" in out and "passport again" in out
    assert session.state.variables["passports_secured"] is True
    assert ("victim_protection", 4) in changes(session, "secure_passports")
    # The prosecutor has deferred the arrest, so a lone arrest is no longer on offer, and
    # nothing warned the network.
    assert changes(session, "arrest_driver") == []
    assert session.state.variables["network_alert"] == 0


@pytest.mark.parametrize("scenario", ["exercise", "tutorial"])
def test_a_lone_arrest_is_explained_as_acting_alone_not_as_an_unlawful_arrest(
    scenario: str,
) -> None:
    session, out = play(scenario, "border_b", ["do arrest_driver"])
    lost = changes(session, "arrest_driver")
    assert lost == [("coordination", -6)], lost
    assert "the arrest was lawful" in out
    assert "duty prosecutor decides whether to act now or defer" in out
    assert "113(3)" in out  # withholding documents is an offence: the source says which


# --- items 17 and 19: the reflection questions and where they come from ----------------------

# The seed's reflection questions (section 7.5, step 5 and the debrief themes) and its
# discussion questions (section 7.6), by the ids the scenarios give them.
SEED_QUESTIONS = {
    "hardest": "7.5",
    "tools": "7.5",
    "approaches": "7.5",
    "benefits": "7.5",
    "key_information": "7.5",
    "effectiveness": "7.6",
    "communication": "7.6",
    "roles_lessons": "7.6",
}


@pytest.mark.parametrize("scenario", ["tutorial", "exercise"])
def test_the_debrief_asks_the_manuals_reflection_questions(scenario: str) -> None:
    questions = {
        q.id: q.section for q in load_game(find_scenario(scenario)).scenario.debrief.questions
    }
    assert {q: questions.get(q) for q in SEED_QUESTIONS} == SEED_QUESTIONS


@pytest.mark.parametrize("lang", ["en", "sl"])
def test_a_question_of_the_scenarios_own_is_not_passed_off_as_the_manuals(lang: str) -> None:
    from trafficking_sim.i18n import t
    from trafficking_sim.review.debrief import build_debrief
    from trafficking_sim.review.debrief_report import to_markdown

    content = load_game(find_scenario("advanced"))
    questions = {q.id: q for q in content.scenario.debrief.questions}
    assert questions["undercover_limits"].section is None
    assert questions["key_information"].section == "7.5"
    session, _ = play("advanced", "police_a", ["end"], lang)
    report = to_markdown(build_debrief(session, lang, search=False))
    undercover = questions["undercover_limits"].text.get(lang)
    line = next(x for x in report.splitlines() if undercover.split(",")[0] in x)
    assert line.endswith(f"({t('debrief.own_question', lang)})")
    assert t("debrief.from_section", lang, section="7.6") not in line


# --- every legal claim in the codex and the agency profiles carries its source -----------------

CITES = {
    "en": re.compile(
        r"\bArts?\b|Regulation|Directive|Convention|Decision|Protocol|Manual|manual|"
        r"handbook|Constitution|\.int\b|\.ro\b|\.org\b|\.eu\b|\.si\b|Report|Indicators"
    ),
    "sl": re.compile(
        r"člen|Uredb|Direktiv|Konvencij|[Ss]klep|Protokol|priročnik|statut|\.int\b|\.ro\b|"
        r"\.org\b|\.eu\b|\.si\b|poročil|Kazalnik"
    ),
}


def _agency_profiles() -> list[AgencyProfile]:
    folder = bundled_dir("agencies")
    return [
        AgencyProfile.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted(folder.glob("*.yaml"))
    ]


@pytest.mark.parametrize("agency", _agency_profiles(), ids=lambda a: a.id)
def test_every_claim_of_an_agency_profile_names_its_source_in_both_languages(
    agency: AgencyProfile,
) -> None:
    claims = [("mandate", agency.mandate)] + [
        (f"cannot {i}", c) for i, c in enumerate(agency.cannot)
    ]
    claims += [
        (f"refusal {s.id}", s.refuse.source)
        for s in agency.services
        if s.refuse is not None and s.refuse.source is not None
    ]
    assert all(s.refuse.source is not None for s in agency.services if s.refuse), agency.id
    for where, text in claims:
        for lang, cites in CITES.items():
            assert cites.search(text.get(lang) if getattr(text, lang) else ""), (where, lang)


def test_every_codex_source_is_given_in_both_languages() -> None:
    codex = Codex.model_validate(
        yaml.safe_load((bundled_dir("codex") / "codex.yaml").read_text(encoding="utf-8"))
    )
    for entry in codex.entries:
        if entry.category in ("instrument", "agency", "tool", "principle"):
            assert entry.sources, f"{entry.id}: a legal claim without a source"
        for source in entry.sources:
            assert source.en and source.sl, f"{entry.id}: a source in one language only"


def test_the_slovene_guide_lists_its_sources_in_slovene(tmp_path: Path) -> None:
    from trafficking_sim.cli import main

    assert main(["guide", "--lang", "sl", "--out", str(tmp_path)]) == 0
    guide = (tmp_path / "guide-sl.md").read_text(encoding="utf-8")
    sources = [line for line in guide.splitlines() if line.startswith("Viri:")]
    assert sources
    english = ("Regulation", "Directive", "Source manual", " Art ", "Convention")
    assert [s for s in sources if any(word in s for word in english)] == []
