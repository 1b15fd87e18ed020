"""The title comes first: before its first frame the program reads only the title's own
stylesheet, no argument parser and no second catalogue; the rest follows just after, and
no other screen is ever shown without its rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from trafficking_sim import cli, i18n
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.scenarios import ScenarioScreen
from trafficking_sim.tui.screens.title import TitleScreen


def _screens_css_read(app: TraffickingApp) -> bool:
    return app.stylesheet.has_source(str(app.SCREENS_CSS), "")


async def test_the_title_is_drawn_with_its_own_rules_and_the_others_follow() -> None:
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert not _screens_css_read(app)  # the title waits for no rule it does not use
        panel = app.screen.query_one("#title-panel")
        assert panel.styles.width is not None and panel.styles.width.value == 56
        while app.catalogue is None:  # the background load reads the rest first
            await pilot.pause(0.05)
        assert _screens_css_read(app)
        assert isinstance(app.screen, TitleScreen)
        assert app.screen.query_one("#title-panel").styles.width == panel.styles.width


async def test_a_screen_shown_at_once_has_its_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    # As when a player presses "n" before the background load has begun.
    monkeypatch.setattr(TraffickingApp, "_start_preload", lambda self: None)
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not _screens_css_read(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ScenarioScreen)
        assert _screens_css_read(app)
        chooser = app.screen.query_one(".chooser-list")
        assert chooser.styles.width is not None and chooser.styles.width.value == 32


def test_starting_without_arguments_builds_no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parser() -> None:
        raise AssertionError("the parser of every command was built for the title")

    opened: list[bool] = []
    monkeypatch.setattr(cli, "_parser", no_parser)
    monkeypatch.setattr(cli, "_open_tui", lambda: opened.append(True) or cli.EXIT_OK)
    assert cli.main([]) == cli.EXIT_OK
    assert opened == [True]


@pytest.mark.parametrize("lang", i18n.languages())
def test_a_language_is_named_without_reading_its_whole_catalogue(lang: str) -> None:
    i18n.forget_loaded()
    try:
        name = i18n.language_name(lang)
        assert lang not in i18n._LOADED
        assert name == i18n.catalogue(lang).messages["language.name"]
    finally:
        i18n.forget_loaded()


def test_a_fuzzy_language_name_is_not_used_as_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As the full catalogue does: an unreviewed (fuzzy) name is not shown.
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "trafficking_sim.po").write_text(
        'msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy\nmsgid "language.name"\nmsgstr "Xish"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(i18n.LOCALES_ENV, str(tmp_path))
    i18n.forget_loaded()
    try:
        assert i18n.language_name("xx") == "xx"
    finally:
        monkeypatch.delenv(i18n.LOCALES_ENV)
        i18n.forget_loaded()
