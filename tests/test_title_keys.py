"""The title: its keys in one line of text, in the player's language, without a Footer;
its choices in one list, opened by arrows and enter, by a click, or by their keys."""

from __future__ import annotations

from textual.widgets import Footer, OptionList

from trafficking_sim.play.saves import games_dir
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.codex import CodexScreen
from trafficking_sim.tui.screens.dialogs import MessageDialog
from trafficking_sim.tui.screens.help import HelpScreen
from trafficking_sim.tui.screens.title import TitleScreen


async def test_the_title_names_its_keys_in_one_line_and_follows_the_language() -> None:
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, TitleScreen)
        assert not app.screen.query(Footer)  # a widget per key made the start slower
        keys = str(app.screen.query_one("#title-keys").render())
        for shown in ("n New game", "f1 Help", "f10 Quit", "^p Commands"):
            assert shown in keys
        await pilot.press("l")
        await pilot.pause(0.2)
        keys = str(app.screen.query_one("#title-keys").render())
        for shown in ("n Nova igra", "f1 Pomoč", "f10 Izhod", "^p Ukazi"):
            assert shown in keys


# --- the choices: one list, by keyboard and by mouse -------------------------------------

CHOICES = ["new-game", "trainer-mode", "glossary", "help", "language", "quit"]
WORDS = [
    "New game",
    "Trainer mode (a class)",
    "Glossary and legal instruments",
    "Help: how to play",
    "Language: Slovenščina",
    "Quit",
]


def _menu(app: TraffickingApp) -> OptionList:
    return app.screen.query_one("#title-menu", OptionList)


async def test_the_choices_are_one_list_walked_with_the_arrows_and_opened_with_enter() -> None:
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        menu = _menu(app)
        assert [o.id for o in menu.options] == CHOICES
        assert [str(o.prompt) for o in menu.options] == WORDS
        assert menu.has_focus and menu.highlighted == 0  # New game, ready for enter
        await pilot.press("down", "down", "enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, CodexScreen)
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert isinstance(app.screen, TitleScreen)
        assert _menu(app).has_focus
        await pilot.press("end", "up", "enter")  # the language, one above Quit
        await pilot.pause(0.2)
        assert app.lang == "sl"
        assert str(_menu(app).get_option("new-game").prompt) == "Nova igra"


async def test_a_click_on_a_choice_opens_it() -> None:
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert await pilot.click("#title-menu", offset=(20, CHOICES.index("help")))
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)


async def test_a_game_in_progress_is_the_first_choice_with_its_line() -> None:
    games_dir().mkdir(parents=True)
    (games_dir() / "game-1.json").write_text("[" * 50, encoding="utf-8")  # damaged
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        menu = _menu(app)
        assert [o.id for o in menu.options] == ["continue", *CHOICES]
        first = str(menu.options[0].prompt)
        assert first.startswith("Continue the last game\n") and "damaged" in first
        assert menu.highlighted == 0
        await pilot.press("enter")  # continuing it says why it cannot be
        await pilot.pause(0.2)
        assert isinstance(app.screen, MessageDialog)


async def test_back_on_the_title_a_game_saved_meanwhile_is_offered_to_continue() -> None:
    """The choices are drawn once at the first show, and again whenever the title comes
    back from another screen: a game may have been saved while it was covered."""
    app = TraffickingApp(AppConfig(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert [o.id for o in _menu(app).options] == CHOICES
        await pilot.press("f1")
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)
        title = app.screen_stack[0]
        assert isinstance(title, TitleScreen)
        title.refresh_language()  # as the scenarios loaded in the background do, covered
        games_dir().mkdir(parents=True)
        (games_dir() / "game-1.json").write_text("[" * 50, encoding="utf-8")
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert isinstance(app.screen, TitleScreen)
        assert [o.id for o in _menu(app).options] == ["continue", *CHOICES]
