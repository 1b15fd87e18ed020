"""A third language is data: a locale folder and content texts, and no change to the code."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from trafficking_sim import i18n
from trafficking_sim.content.loader import load_game

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "lang-xx"
LOCALES = FIXTURE / "locale"
SCENARIO = FIXTURE / "scenarios" / "mini_xx.yaml"


@pytest.fixture
def with_xx(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(i18n.LOCALES_ENV, str(LOCALES))
    i18n.forget_loaded()
    yield
    monkeypatch.delenv(i18n.LOCALES_ENV)
    i18n.forget_loaded()


def play(stdin: str, *args: str, home: Path) -> str:
    env = {
        **os.environ,
        "TRAFFICKING_SIM_HOME": str(home),
        "TRAFFICKING_SIM_LOCALES": str(LOCALES),
        "PYTHONIOENCODING": "utf-8",
    }
    cmd = [sys.executable, "-m", "trafficking_sim", "play", "--plain", "--scenario", str(SCENARIO)]
    done = subprocess.run(
        [*cmd, "--role", "ngo", "--seed", "1", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_locale_folder_in_the_environment_adds_a_language(with_xx: None) -> None:
    assert i18n.languages() == ("en", "sl", "xx")
    assert i18n.LANGS == ("en", "sl", "xx")
    assert i18n.language_name("xx") == "Xx-lingvo"
    # The language switch goes round all three.
    assert [i18n.next_language(code) for code in ("en", "sl", "xx")] == ["sl", "xx", "en"]
    from trafficking_sim.content import text

    assert text.LANGUAGE_NAMES == {"en": "English", "sl": "Slovenščina", "xx": "Xx-lingvo"}


def test_without_the_folder_there_is_no_third_language() -> None:
    assert os.environ.get(i18n.LOCALES_ENV) is None
    assert i18n.languages() == ("en", "sl")


def test_the_third_language_has_its_own_plural_rule_and_falls_back_to_english(
    with_xx: None,
) -> None:
    assert [i18n.tn("n.turns", "xx", n) for n in (0, 1, 2)] == [
        "XX neniu vico",
        "XX 1 vico",
        "XX 2 vicoj",
    ]
    assert i18n.plural_form(0, "xx") == "zero"
    assert i18n.t("pillar.coordination", "xx") == "XX Kunordigo"
    # Not translated yet, or only a fuzzy draft: the English text.
    assert i18n.t("plain.bye", "xx") == i18n.t("plain.bye", "en")
    assert i18n.t("plain.pending", "xx", n=0) == "Replies on their way: 0."
    assert i18n.tn("n.action_points", "xx", 2) == "2 action points"


def test_content_written_in_the_third_language_loads(with_xx: None) -> None:
    game = load_game(SCENARIO)
    assert game.scenario.title.get("xx") == "[xx] Mini"
    assert game.scenario.title.get("sl") == "Mini"  # no Slovene: English
    assert game.scenario.title.languages() == {"en", "xx"}


def test_a_game_is_played_in_the_third_language(tmp_path: Path) -> None:
    out = play("status\nend\nstatus\n", "--lang", "xx", home=tmp_path / "home")
    # The scenario's and the role card's texts are the fixture's xx texts ...
    assert out.startswith("[xx] Mini\n\n[xx] Izmišljeno.\n")
    assert "XX Vi ludas: [xx] Victim-support NGO." in out
    # ... and so are the program's own words, from the fixture's catalogue.
    assert "XX Vico 1 komenciĝas: 2026-01-05." in out
    assert "XX Vico 1 el 3 (2026-01-05). Restantaj agpoentoj: 3." in out
    assert "  XX Protekto de viktimoj: 60\n" in out
    assert "XX Vico 2 komenciĝas: 2026-01-06." in out
    assert "Turn 1" not in out and "Victim protection" not in out


def test_plain_mode_switches_to_the_third_language_and_names_all_three(tmp_path: Path) -> None:
    out = play("lang de\nlang xx\nstatus\n", home=tmp_path / "home")
    assert "Use 'lang' and a language's code: en, sl, xx." in out
    assert "XX Lingvo: Xx-lingvo." in out
    assert "  XX Kunordigo: 60\n" in out


def test_the_command_line_offers_the_installed_languages(tmp_path: Path) -> None:
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path), "TRAFFICKING_SIM_LOCALES": ""}
    cmd = [sys.executable, "-m", "trafficking_sim", "play", "--plain", "--lang", "xx"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2
    assert "invalid choice: 'xx' (choose from en, sl)" in done.stderr.replace(
        "'en', 'sl'", "en, sl"
    )


async def test_f2_goes_round_every_installed_language(with_xx: None) -> None:
    from trafficking_sim.tui.app import AppConfig, TraffickingApp

    from .test_tui import SIZE, settle, start_game, text_of

    app = TraffickingApp(AppConfig(scenario=str(SCENARIO), role="ngo", lang="en", seed=1))
    seen = []
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        for _ in range(3):
            await pilot.press("f2")
            await settle(pilot)
            seen.append((app.lang, text_of(app, "#status").split(" · ")[0]))
    assert seen == [("sl", "Poteza 1/3"), ("xx", "XX Vico 1/3"), ("en", "Turn 1/3")]


@pytest.mark.parametrize(
    "broken",
    [
        'msgid "pillar.coordination"\nmsgstr "an unfinished text\n',
        'msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=(n !!! 1);\\n"\n',
        'msgid "pillar.coordination"\nmsgtext "a misspelt keyword"\n',
    ],
    ids=["quote", "plural", "keyword"],
)
def test_a_broken_translation_speaks_english_and_says_why(
    broken: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "yy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "trafficking_sim.po").write_text(broken, encoding="utf-8")
    monkeypatch.setenv(i18n.LOCALES_ENV, str(tmp_path))
    i18n.forget_loaded()
    try:
        assert "yy" in i18n.languages()
        assert i18n.t("pillar.coordination", "yy") == "Coordination"
        assert i18n.tn("n.turns", "yy", 2) == "2 turns"
        assert "trafficking_sim.po" in i18n.problems()["yy"] or "yy" in i18n.problems()["yy"]
    finally:
        monkeypatch.delenv(i18n.LOCALES_ENV)
        i18n.forget_loaded()


def test_a_content_text_is_keyed_by_any_language_code() -> None:
    from pydantic import ValidationError

    from trafficking_sim.content.text import LocalText

    text = LocalText.model_validate({"en": "The minibus", "xx": "[xx] The minibus"})
    assert text.texts == {"en": "The minibus", "xx": "[xx] The minibus"}
    assert (text.xx, text.sl) == ("[xx] The minibus", None)  # no Slovene: None, as before
    assert text.get("xx") == "[xx] The minibus" and text.get("sl") == "The minibus"
    with pytest.raises(ValidationError, match="'English' is not a language code"):
        LocalText.model_validate({"en": "The minibus", "English": "The minibus"})
    with pytest.raises(ValidationError):
        LocalText.model_validate({"en": 7})
