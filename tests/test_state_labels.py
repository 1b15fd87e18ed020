"""Labels whose words depend on the game (which partner, which view of the inbox, a reply
or a new message) follow a language switch made in the middle of a game."""

from __future__ import annotations

from textual.widgets import OptionList

from trafficking_sim.i18n import t
from trafficking_sim.tui.screens.dialogs import ComposeDialog, RequestDialog
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.widgets.tlabel import TFieldLabel, TLabel

from .test_tui import SIZE, app_for, choose, settle, start_game


def shown(label: TLabel) -> str:
    return str(label.visual)


async def test_every_label_set_from_the_game_is_in_the_new_language_after_a_switch() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        game = app.screen
        assert isinstance(game, GameScreen)
        heading = game.query_one("#siena-mode", TLabel)
        assert heading.key == "tui.siena_inbox"
        assert shown(heading) == t("tui.siena_inbox", "en", n=heading.params["n"])
        # A request to the NGO from the Partners pane: the dialog's title names it.
        await pilot.press("2")
        await settle(pilot)
        await choose(pilot, game.query_one("#partners-list", OptionList), "ngo")
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RequestDialog)
        ngo = app.session.content.actors["ngo"]  # type: ignore[union-attr]
        title = dialog.query_one("#request-title", TLabel)
        assert shown(title) == t("tui.request_title", "en", actor=ngo.name.get("en"))
        await pilot.press("f2")
        await settle(pilot)
        assert app.lang == "sl"
        # The dialog: its title (with the partner's Slovene name) and every field's name.
        assert shown(title) == t("tui.request_title", "sl", actor=ngo.name.get("sl"))
        assert ngo.name.get("sl") in shown(title)
        fields = list(dialog.query(TFieldLabel))
        assert fields
        for field in fields:
            assert shown(field) == t(field.key, "sl") != t(field.key, "en")
        # Under it, the SIENA pane is hidden (the Partners pane is shown) and not redrawn,
        # yet its heading, with its count, is in Slovene too.
        assert shown(heading) == t("tui.siena_inbox", "sl", n=heading.params["n"])
        assert shown(heading) != t("tui.siena_inbox", "en", n=heading.params["n"])


async def test_a_reply_form_keeps_its_title_across_a_switch() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.push_screen(ComposeDialog(("europol",), reply_to=1))
        await settle(pilot)
        title = app.screen.query_one("#compose-title", TLabel)
        assert shown(title) == t("tui.compose_reply", "en", n=1)
        await pilot.press("f2")
        await settle(pilot)
        slovene = t("tui.compose_reply", "sl", n=1)
        assert shown(title) == slovene != t("tui.compose_reply", "en", n=1)
