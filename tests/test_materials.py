"""Classroom materials: role cards, the printable guide and the cooperation map."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from trafficking_sim.cli import main
from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.content.loader import load_codex
from trafficking_sim.i18n import t
from trafficking_sim.materials.cards import CHALLENGES
from trafficking_sim.materials.coop_map import HUBS, map_svg

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("lang", ["en", "sl"])
def test_cards_for_every_role_in_both_languages(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cards", "--scenario", "exercise", "--lang", lang, "--out", str(tmp_path)]) == 0
    content = load_game(find_scenario("exercise"))
    for role in content.roles:
        actor = content.actors[role]
        md = (tmp_path / f"exercise-{role}-{lang}.md").read_text(encoding="utf-8")
        page = (tmp_path / f"exercise-{role}-{lang}.html").read_text(encoding="utf-8")
        assert md.startswith(f"# {actor.name.get(lang)}")
        assert (actor.special_task or actor.card.special_task).get(lang) in md  # type: ignore[union-attr]
        for key in CHALLENGES:
            assert t(key, lang) in md
        assert f'<html lang="{lang}">' in page and "<script" not in page
        # The card tells what the role starts with, never what only others hold.
        for fact_id, fact in content.facts.items():
            label = re.escape(fact.label.get(lang))
            listed = re.search(rf"^- {label}$", md, re.MULTILINE) is not None
            assert listed == (fact_id in actor.knows), fact_id


def test_the_guide_has_every_codex_entry(tmp_path: Path) -> None:
    codex = load_codex()
    for lang in ("en", "sl"):
        assert main(["guide", "--lang", lang, "--out", str(tmp_path)]) == 0
        md = (tmp_path / f"guide-{lang}.md").read_text(encoding="utf-8")
        for entry in codex.entries:
            assert f"### {entry.term.get(lang)}" in md.replace("\\", ""), entry.id
        assert t("guide.cat_instrument", lang) in md
        assert (
            (tmp_path / f"guide-{lang}.html")
            .read_text(encoding="utf-8")
            .startswith("<!DOCTYPE html>")
        )


@pytest.mark.parametrize("scenario", ["tutorial", "exercise", "labour", "advanced"])
def test_the_cooperation_map_draws_every_actor_and_hub_link(scenario: str) -> None:
    content = load_game(find_scenario(scenario))
    root = ET.fromstring(map_svg(content, "en"))
    texts = [el.text or "" for el in root.iter(f"{SVG}text")]
    for actor in content.actors.values():
        assert any(actor.short_name.en[:20] == text for text in texts), actor.id
    expected = sum(
        1
        for actor in content.actors.values()
        for channel, hub in HUBS.items()
        if channel in actor.channels and actor.id != hub and hub in content.actors
    )
    roles = [content.actors[r] for r in content.roles]
    direct_only = [a for a in roles if not a.channels & HUBS.keys() and "direct" in a.channels]
    expected += sum(
        1 for a in direct_only for b in roles if b.id != a.id and "direct" in b.channels
    )
    drawn = [line for line in root.iter(f"{SVG}line") if line.find(f"{SVG}title") is not None]
    assert len(drawn) == expected
    # Every group finds its own lines, the NGO and UNODC (direct contact only) too.
    for actor in roles:
        assert any(actor.short_name.en in (line.findtext(f"{SVG}title") or "") for line in drawn)
    # One A4 page, landscape, and a legend naming every kind of line.
    assert (root.get("width"), root.get("height")) == ("297mm", "210mm")
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert abs(width / height - 297 / 210) < 0.01
    for channel in (*HUBS, "direct"):
        assert t(f"channel.{channel}", "en") in texts
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.get("x", "0")) + float(rect.get("width", "0")) <= width
        assert float(rect.get("y", "0")) + float(rect.get("height", "0")) <= height


def test_map_and_cards_refuse_bad_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cards", "--scenario", "nowhere", "--out", str(tmp_path)]) == 2
    assert "no bundled scenario 'nowhere'" in capsys.readouterr().err
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main(["cards", "--out", str(a_file)]) == 2
    assert "is a file" in capsys.readouterr().err
    assert main(["map", "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["map", "--out", str(tmp_path / "map.svg")]) == 0
    assert (tmp_path / "map.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")
