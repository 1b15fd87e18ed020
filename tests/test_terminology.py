"""The terminology rule: the wordings a review found wrong are flagged, wherever they appear.

docs/terminology.md lists the banned variants; the linter's BANNED_TERMS flags them in any
text of any content file, and the same check runs over the program's own catalogue.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trafficking_sim.explore.lint import BANNED_TERMS, banned_terms, lint_files
from trafficking_sim.i18n import CATALOG
from trafficking_sim.paths import bundled_dir

from .test_explore_and_lint import BASE, findings, write

DOC = Path(__file__).resolve().parent.parent / "docs" / "terminology.md"


def _doc_variants() -> list[tuple[str, str]]:
    """(language, banned wording) for every row of the doc's table of banned variants."""
    section = DOC.read_text(encoding="utf-8").split("## Banned variants", 1)[1]
    section = section.split("\n## ", 1)[0]
    variants = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] in ("en", "sl"):
            variants += [(cells[0], v) for v in re.findall(r"`([^`]+)`", cells[1])]
    return variants


DOC_VARIANTS = _doc_variants()


@pytest.mark.parametrize(("lang", "wording"), DOC_VARIANTS, ids=lambda v: str(v))
def test_every_banned_wording_in_the_doc_is_flagged(lang: str, wording: str) -> None:
    assert banned_terms(wording, lang), f"docs/terminology.md bans '{wording}', lint does not"


def test_every_lint_rule_is_in_the_doc() -> None:
    for term in BANNED_TERMS:
        examples = [w for lang, w in DOC_VARIANTS if lang == term.lang and term.pattern.search(w)]
        assert examples, f"no row of docs/terminology.md shows the rule {term.pattern.pattern}"


@pytest.mark.parametrize(
    ("lang", "right"),
    [
        ("sl", "Objavljena je rdeča tiralica; za rdečo tiralico zaprosi sodnik."),
        ("sl", "Modro obvestilo je objavljeno; rumeno obvestilo za Emila."),
        ("sl", "Nacionalni centralni biro (NCB) je urad v vsaki državi."),
        ("sl", "Prek svojega nacionalnega centralnega biroja."),
        ("sl", "Delavci brez urejenega statusa; prijave pod lažnimi davčnimi številkami."),
        ("sl", "IOM je prejel sporočilo; Frontex je pripravil analizo."),
        ("sl", "Učni cilji (razdelek 7.2); vaš tožilec je zadevo posredoval naprej."),
        ("sl", "Kazalniki prisilnega dela ILO; telefon za pomoč."),
        ("en", "Victims should not be punished for that."),
        ("en", "A Red Notice is not an arrest warrant; IOM received the message."),
    ],
)
def test_right_wording_is_not_flagged(lang: str, right: str) -> None:
    assert banned_terms(right, lang) == []


def test_lint_flags_a_banned_wording_in_a_scenario_text(tmp_path: Path) -> None:
    text = BASE.replace(
        "text: {en: A phone number., sl: Telefonska številka.}",
        "text: {en: A phone number., sl: Številka iz modre tiralice.}",
    )
    assert findings(write(tmp_path, text)) == [
        "warning: the sl text 'facts.phone.text' says 'tiralice': use »rdeča tiralica« only "
        "for the Red Notice; »modro/rumeno/črno ... obvestilo« for the other notices (a "
        "»tiralica« is a wanted-person notice; docs/terminology.md)"
    ]


def test_the_english_text_is_checked_against_the_english_rules(tmp_path: Path) -> None:
    text = BASE.replace(
        "text: {en: Time ran out., sl: Čas je potekel.}",
        "text: {en: Victims must not be punished., sl: Čas je potekel.}",
    )
    found = findings(write(tmp_path, text))
    assert len(found) == 1 and "says 'must not be punished'" in found[0]


def test_the_bundled_content_uses_none_of_the_banned_wordings() -> None:
    kinds = ("scenarios", "roles", "agencies", "codex")
    problems, _ = lint_files([bundled_dir(k) for k in kinds])
    assert [str(p) for p in problems if "docs/terminology.md" in p.message] == []


def test_the_catalogue_uses_none_of_the_banned_wordings() -> None:
    found = [
        (key, lang, words)
        for key, entry in CATALOG.items()
        for lang, text in entry.items()
        for words, _ in banned_terms(text, lang)
    ]
    assert found == []
