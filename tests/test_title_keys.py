"""The title shows its keys in one line of text, in the player's language, without a Footer."""

from __future__ import annotations

from textual.widgets import Footer

from trafficking_sim.tui.app import AppConfig, TraffickingApp
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
