"""The interface as a new user meets it: focus that never gets stuck, every command on a key
and in the palette, nothing cut at 80x24, counts that agree, words in the player's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, OptionList, Select, SelectionList, Static
from textual.widgets._footer import FooterKey

from trafficking_sim.engine import Do, EndTurn, Send
from trafficking_sim.i18n import PLURAL_FORMS, PLURALS, plural_form, t, tn
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.dialogs import (
    ActionDialog,
    ComposeDialog,
    ConfirmDialog,
    MessageDialog,
    PermissionDialog,
    RequestDialog,
    ShareDialog,
    StepDialog,
)
from trafficking_sim.tui.screens.game import BUTTON_ACTIONS, TABS, GameScreen
from trafficking_sim.tui.screens.help import HelpScreen
from trafficking_sim.tui.screens.too_small import TooSmallScreen
from trafficking_sim.tui.widgets.tab_row import TabRow

from .test_tui import app_for, on_screen, screen_text, settle, start_game, text_of

SIZE = (80, 24)


def focused_list(app: TraffickingApp) -> OptionList:
    focused = app.focused
    assert isinstance(focused, OptionList), f"the focus is on {focused!r}, not on a list"
    return focused


async def press(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


# --- 1. focus you can trust ----------------------------------------------------------------


async def check_keys_work(pilot: Any) -> None:
    """1-5 show each pane with its list focused; the arrows move the highlight."""
    app = pilot.app
    assert isinstance(app.screen, GameScreen)
    tabs = app.screen.query_one("#tabs", TabRow)
    for number, tab in enumerate(TABS, 1):
        await press(pilot, str(number))
        assert tabs.active == tab, f"key {number} did not show {tab}"
        assert app.focused is not None and app.screen.query_one(f"#{tab}") in (
            app.focused.ancestors
        ), f"key {number}: the focus stayed outside {tab}"
    await press(pilot, "2")
    partners = focused_list(app)
    before = partners.highlighted
    await press(pilot, "down")
    assert partners.highlighted == (before or 0) + 1, "the arrow keys move the selection"
    await press(pilot, "up")


async def test_every_dialog_from_every_pane_leaves_the_keys_working() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        await settle(pilot)
        await check_keys_work(pilot)
        for number in range(1, 6):
            await press(pilot, str(number))
            # Every dialog by its key, closed with escape.
            for key, dialog in (
                ("c", ComposeDialog),
                ("a", StepDialog),
                ("r", RequestDialog),
                ("d", ShareDialog),
                ("s", ComposeDialog),
                ("e", ConfirmDialog),
                ("b", MessageDialog),
            ):
                await press(pilot, key)
                assert isinstance(app.screen, dialog), (number, key, app.screen)
                await press(pilot, "escape")
                assert isinstance(app.screen, GameScreen), (number, key)
            await check_keys_work(pilot)
        # And every button of every pane, as the learner did it.
        for button_id in BUTTON_ACTIONS:
            pane = button_id.split("-")[0]
            await press(pilot, str({"siena": 1, "partner": 2, "fact": 3}[pane]))
            button = app.screen.query_one(f"#{button_id}", Button)
            if button.disabled:
                continue
            button.focus()
            await press(pilot, "enter")
            if not isinstance(app.screen, GameScreen):
                await press(pilot, "escape")
            assert isinstance(app.screen, GameScreen), button_id
            await check_keys_work(pilot)
        assert app.errors == []


async def test_the_arrow_keys_choose_the_partner_that_r_asks() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "2")
        partners = focused_list(app)
        await press(pilot, "home")
        while partners.highlighted is not None and (
            partners.get_option_at_index(partners.highlighted).id != "ngo"
        ):
            await press(pilot, "down")
        await press(pilot, "r")
        dialog = app.screen
        assert isinstance(dialog, RequestDialog)
        assert dialog.agency == "ngo"
        assert dialog.query_one("#partner", Select).value == "ngo"


async def test_a_panes_button_asks_for_its_selection_by_message_and_the_screen_acts() -> None:
    from trafficking_sim.tui.messages import RequestRequested
    from trafficking_sim.tui.panes.partners import PartnersPane

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "2")
        partners = focused_list(app)
        await press(pilot, "home")
        while partners.highlighted is not None and (
            partners.get_option_at_index(partners.highlighted).id != "ngo"
        ):
            await press(pilot, "down")
        game = app.screen
        posted: list[RequestRequested] = []
        pane = game.query_one(PartnersPane)
        original = pane.post_message

        def spy(message: Any) -> bool:
            if isinstance(message, RequestRequested):
                posted.append(message)
            return original(message)

        pane.post_message = spy  # type: ignore[method-assign]
        game.query_one("#partner-request", Button).focus()
        await press(pilot, "enter")
        assert [m.partner for m in posted] == ["ngo"]
        dialog = app.screen
        assert isinstance(dialog, RequestDialog)
        assert dialog.agency == "ngo", "the partner the pane showed, carried by its message"
        await press(pilot, "escape")
        # Another pane's button: the screen opens the dialog the player asked for.
        await press(pilot, "1")
        game.query_one("#siena-compose", Button).focus()
        await press(pilot, "enter")
        assert isinstance(app.screen, ComposeDialog)


async def test_a_list_that_gains_the_focus_shows_a_row_so_space_ticks_it() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "c")
        recipients = app.screen.query_one("#to", SelectionList)
        assert app.focused is recipients
        assert recipients.highlighted is not None
        await press(pilot, "space")
        assert len(recipients.selected) == 1, "the first Space ticks the row in view"


# --- 2. every command by key and in the palette --------------------------------------------


async def test_the_palette_has_every_button_by_its_name() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        labels = set()
        for number in (1, 2, 3):
            await press(pilot, str(number))
            for button in app.screen.query(".buttons Button").results(Button):
                label = str(button.label)
                labels.add(label.rsplit(" (", 1)[0])  # the key comes in brackets
        for mode_label in ("Show outbox", "Show threads", "Show inbox"):
            labels.discard(mode_label)  # one command, "Inbox/outbox/threads", cycles them
        assert labels <= titles, labels - titles
        assert any("contact" in title.lower() for title in titles)
        assert {"Briefing", "Glossary", "Help", "Language"} <= titles


async def test_the_palette_shows_the_catalogue_s_words_as_written_never_as_markup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual.command import CommandList, CommandPalette

    words = {"tui.tab_board": "[bold]Case[/bold] board", "cmd.tab": "Show [i]the[/i] pane"}
    tr = GameScreen.tr
    monkeypatch.setattr(
        GameScreen, "tr", lambda self, key, **p: words.get(key) or tr(self, key, **p)
    )
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"case")
        await settle(pilot, 0.3)
        shown = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert any("[bold]Case[/bold] board" in line for line in shown), shown
        assert any("Show [i]the[/i] pane" in line for line in shown), shown


async def test_sharing_from_the_case_board_asks_to_whom() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "2")  # a partner selected on the Partners pane ...
        await press(pilot, "3")  # ... is out of sight on the Case board
        await press(pilot, "d")
        dialog = app.screen
        assert isinstance(dialog, ShareDialog)
        assert dialog.to is None
        assert dialog.query_one("#partner", Select).value is Select.NULL
        assert set(dialog.query_one("#facts", SelectionList).selected) == {"minibus_plate"}
        assert app.focused is dialog.query_one("#partner")
        assert app.session is not None
        spent = app.session.state.ap
        await press(pilot, "ctrl+s")
        assert app.screen is dialog
        assert "Choose the partner first" in str(dialog.query_one(".dialog-status").render())
        assert app.session.state.ap == spent and app.session.actions == []
        dialog.query_one("#partner", Select).value = "authorities_c"
        await settle(pilot)
        assert "authorities of state C" in text_of(app, "#share-title")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, GameScreen)
        assert app.session.state.outbox("border_b")[-1].recipients == ("authorities_c",)


async def test_permission_from_anywhere_asks_which_fact() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        app.perform(
            Send(
                to=("europol",),
                facts=("driver_phone",),
                priority="urgent",
                source_code="A",
                info_code="1",
            )
        )
        app.perform(EndTurn())
        await settle(pilot)
        while not isinstance(app.screen, GameScreen):
            await press(pilot, "enter")
        await press(pilot, "1")
        await press(pilot, "p")
        dialog = app.screen
        assert isinstance(dialog, PermissionDialog)
        fact = dialog.query_one("#fact", Select)
        assert fact.value == "recruiter_alias", "the one fact that needs it is chosen"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, GameScreen)
        assert app.session is not None
        assert any(p.kind == "grant" for p in app.session.state.pending)


# --- 3. fits 80x24 in both languages -------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "sl"])
async def test_the_footer_shows_help_and_quit_whole_at_80_columns(lang: str) -> None:
    app = app_for(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        for screen_key in ("", "f1"):
            if screen_key:
                await press(pilot, screen_key)
            keys = {k.key: k for k in app.screen.query(FooterKey).results(FooterKey)}
            for key, ident in (("f1", "help"), ("f10", "quit")):
                assert key in keys, f"{key} is not in the footer ({lang}, {app.screen})"
                shown = keys[key]
                assert shown.region.right <= SIZE[0]
                text = str(shown.render())
                assert t(f"key.{ident}", lang) in text, f"{key} is cut: {text!r}"


async def test_the_end_of_turn_summary_keeps_its_ok_in_view() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        app.perform(Send(to=("europol",), facts=("driver_phone",), priority="urgent"))
        app.perform(EndTurn())
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, MessageDialog)
        ok = dialog.query_one("#close", Button)
        assert ok.region.bottom <= SIZE[1] and ok.region.height >= 1
        body = dialog.query_one(".dialog-body")
        assert body.region.bottom <= ok.region.y


async def test_a_refusal_sits_above_the_form_and_covers_none_of_it() -> None:
    app = app_for(role="ngo")
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "d")
        dialog = app.screen
        assert isinstance(dialog, ActionDialog)
        await press(pilot, "escape")
        await press(pilot, "c")
        dialog = app.screen
        assert isinstance(dialog, ComposeDialog)
        dialog.query_one("#to", SelectionList).select("europol")
        await press(pilot, "ctrl+s")
        status = dialog.query_one(".dialog-status", Static)
        body = dialog.query_one(".dialog-body")
        ok = dialog.query_one("#ok", Button)
        assert "SIENA" in str(status.render())
        assert status.region.bottom <= body.region.y, "the reason is above the form"
        assert status.region.height <= 6
        assert body.region.height >= 6, "the form keeps room to be put right"
        assert ok.region.bottom <= SIZE[1]


async def test_at_most_two_toasts_at_once() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        for n in range(5):
            app.notify(f"toast {n}")
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["toast 3", "toast 4"]


@pytest.mark.parametrize("key", ["f10", "q", "ctrl+c"])
async def test_the_too_small_notice_says_how_to_quit_and_its_keys_work(key: str) -> None:
    app = app_for()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot, 0.3)
        assert isinstance(app.screen, TooSmallScreen)
        assert "ctrl+q" in screen_text(app)
        await pilot.press(key)
        await settle(pilot)
        assert not app.is_running


async def test_dialogs_opened_while_too_small_wait_under_the_notice() -> None:
    app = app_for()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot, 0.3)
        await pilot.resize_terminal(80, 24)
        await settle(pilot, 0.2)
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)
        assert isinstance(app.screen, MessageDialog), "the briefing, once there is room"


# --- 4. words ------------------------------------------------------------------------------


def test_slovene_has_four_plural_forms_and_english_two() -> None:
    assert [plural_form(n, "sl") for n in (1, 2, 3, 4, 5, 11, 101, 102, 104, 111)] == [
        "one",
        "two",
        "few",
        "few",
        "other",
        "other",
        "one",
        "two",
        "few",
        "other",
    ]
    assert [plural_form(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [tn("n.turns", "sl", n) for n in (1, 2, 3, 5)] == [
        "1 poteza",
        "2 potezi",
        "3 poteze",
        "5 potez",
    ]
    assert tn("n.turns", "en", 1) == "1 turn" and tn("n.turns", "en", 2) == "2 turns"


@pytest.mark.parametrize("key", sorted(PLURALS))
def test_every_plural_entry_has_every_form(key: str) -> None:
    for lang, forms in PLURAL_FORMS.items():
        assert set(PLURALS[key][lang]) == set(forms), (key, lang)
        assert all("{n}" in text for text in PLURALS[key][lang].values())


def test_no_catalogue_text_counts_with_a_bracketed_plural() -> None:
    """'turn(s)' reads badly and has no Slovene equivalent: plural entries replace it."""
    from trafficking_sim.i18n import CATALOG

    used_by_the_game = [k for k in CATALOG if k.startswith(("tui.", "plain.", "key."))]
    assert [k for k in used_by_the_game if "(s)" in CATALOG[k]["en"]] == []


async def test_partners_and_the_end_of_turn_question_count_in_words() -> None:
    app = app_for(lang="sl")
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "2")
        detail = text_of(app, "#partner-detail")
        assert "(s)" not in detail and "Čas odgovora:" in detail
        await press(pilot, "e")
        assert "še 3 akcijske točke" in screen_text(app)


def test_a_refusal_names_no_command_word() -> None:
    for key in ("reason.handling_h1", "reason.handling_h2"):
        for lang in ("en", "sl"):
            text = t(key, lang, fact="x", provider="Europol")
            assert "(permission)" not in text and "ukaz" not in text


async def test_help_lists_only_what_works_in_this_game() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Trainer tools" not in text
        assert "Contact directly" in text and "Briefing" in text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("in a list the arrow keys", "PgUp and PgDn", "Enter chooses")),
        ("sl", ("na seznamu puščične tipke", "PgUp in PgDn", "Enter pa jo potrdi")),
    ],
)
async def test_help_names_the_keys_that_move_in_a_list(lang: str, words: tuple[str, ...]) -> None:
    """A list's keys are no binding of a screen, so F1 listed none of them: the help's
    keys for everywhere name them."""
    app = app_for(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(screen_text(app).split())
        for word in words:
            assert word in text


async def test_a_role_on_the_command_line_goes_straight_into_the_game() -> None:
    first = app_for()
    async with first.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        first.perform(Do("check_vehicle", "minibus_plate"))
    app = TraffickingApp(AppConfig(scenario="tutorial", role="ngo", lang="en", seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        assert app.session is not None and app.session.state.role == "ngo"


def test_the_plain_mode_speaks_the_remembered_language(
    _private_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from trafficking_sim.cli import main
    from trafficking_sim.settings import Settings

    Settings(lang="sl").save()
    script = tmp_path / "s.txt"
    script.write_text("status\n", encoding="utf-8")
    main(["play", "--plain", "--scenario", "tutorial", "--role", "ngo", "--script", str(script)])
    assert "Poteza 1" in capsys.readouterr().out


def test_the_plain_mode_describes_another_role_from_outside(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from trafficking_sim.cli import main

    script = tmp_path / "s.txt"
    script.write_text("actor ngo\nactor border_b\n", encoding="utf-8")
    args = ["--scenario", "tutorial", "--role", "border_b", "--lang", "en"]
    main(["play", "--plain", *args, "--script", str(script)])
    out = capsys.readouterr().out
    ngo = out.split("[ngo]", 1)[1].split("[border_b]", 1)[0]
    assert "You are" not in ngo and "played by the computer" in ngo
    assert "You are the border police" in out.split("[border_b]", 1)[1]


# --- 5. counts agree; time and cause in sight ----------------------------------------------


async def test_replies_on_their_way_show_with_the_turn_each_is_due() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        app.perform(Send(to=("europol",), facts=("driver_phone",), priority="urgent"))
        await settle(pilot)
        assert app.session is not None
        due = [p.due for p in app.session.state.pending if p.kind == "reply"]
        assert due
        status = text_of(app, "#status")
        assert f"Europol, turn {min(due)}" in status
        assert "On their way:" in status


async def test_a_reply_that_cannot_come_in_time_is_warned_about() -> None:
    import dataclasses

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        session = app.session
        assert session is not None
        app.perform(Send(to=("europol",), facts=("minibus_plate",)))
        # The reply is set off so that it would come after the last turn (6).
        session.state.pending = tuple(
            dataclasses.replace(p, due=7) if p.kind == "reply" else p for p in session.state.pending
        )
        app.clear_notifications()
        app.perform(Do("check_vehicle", "minibus_plate"))
        await settle(pilot)
        assert "Europol: too late (turn 7, after the last)" in text_of(app, "#status")
        warnings = [n.message for n in app._notifications if "will not arrive" in n.message]
        assert len(warnings) == 1
        app.perform(Do("check_vehicle", "minibus_plate"))
        await settle(pilot)
        warnings = [n.message for n in app._notifications if "will not arrive" in n.message]
        assert len(warnings) == 1, "said once"


async def test_the_last_turn_is_named_as_such() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        assert "5 turns left" in text_of(app, "#status")
        for _ in range(3):
            app.perform(EndTurn())
        await settle(pilot)
        game = next(s for s in app.screen_stack if isinstance(s, GameScreen))
        assert "2 turns left" in str(game.query_one("#status", Static).render())


async def test_a_done_step_is_ticked_even_when_it_can_be_repeated() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        await press(pilot, "a")
        steps = app.screen.query_one("#steps", OptionList)
        prompts = [str(o.prompt) for o in steps.options]
        assert any(p.startswith("✔ Check the vehicle") for p in prompts), prompts


async def test_the_export_toast_names_both_files_written(_private_home: Path) -> None:
    from trafficking_sim.tui.screens.debrief import DebriefScreen

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("fine_passengers"))  # a bad ending, on turn 1
        await settle(pilot, 0.2)
        while not isinstance(app.screen, DebriefScreen):
            await press(pilot, "enter")
        app.clear_notifications()
        await press(pilot, "x")
        written = sorted((_private_home / "reports").iterdir())
        toast = " ".join(n.message for n in app._notifications)
        assert len(written) == 2
        assert all(str(path) in toast for path in written)


def test_a_name_with_quotes_is_not_quoted_in_the_same_quotes() -> None:
    text = t("reason.handling_h2", "en", fact="Recruiter 'Teo' in state A", provider="Europol")
    assert "“Recruiter 'Teo' in state A”" in text


def test_the_debrief_map_names_every_way_facts_went_in_words(tmp_path: Path) -> None:
    from trafficking_sim.cli import main
    from trafficking_sim.play.saves import read_save
    from trafficking_sim.play.session import Session
    from trafficking_sim.review.debrief import build_debrief
    from trafficking_sim.review.debrief_map import map_lines

    walkthrough = Path(__file__).parent / "walkthroughs" / "tutorial" / "authorities_c-best.txt"
    save = tmp_path / "save.json"
    args = ["--scenario", "tutorial", "--role", "authorities_c", "--seed", "1"]
    assert main(["play", "--plain", *args, "--script", str(walkthrough), "--save", str(save)]) == 0
    lines = map_lines(build_debrief(Session.resume(read_save(save)), "sl", search=False))
    spokes = [line for line in lines if "┫" in line]
    assert not any("- ×" in line for line in spokes), spokes
    assert any("ob razvoju primera ×1" in line for line in spokes)


# --- the keys that work everywhere also work inside a dialog ----------------------------------


async def test_f1_inside_a_dialog_opens_help_and_escape_returns_to_the_dialog() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "c")
        dialog = app.screen
        assert isinstance(dialog, ComposeDialog)
        keys = {k.key for k in dialog.query(FooterKey).results(FooterKey)}
        assert {"f1", "f10"} <= keys, "the dialog's footer names help and quit"
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        assert app.screen is dialog


async def test_f3_inside_a_dialog_opens_the_glossary() -> None:
    from trafficking_sim.tui.screens.codex import CodexScreen

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "a")
        assert isinstance(app.screen, StepDialog)
        await press(pilot, "f3")
        assert isinstance(app.screen, CodexScreen)


@pytest.mark.parametrize("answer", ["n", "f10"])
async def test_f10_inside_a_dialog_asks_before_quitting(answer: str) -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "c")
        dialog = app.screen
        assert isinstance(dialog, ComposeDialog)
        await press(pilot, "f10")
        assert isinstance(app.screen, ConfirmDialog), "F10 asks first"
        assert app.is_running
        if answer == "n":
            await press(pilot, "escape")
            assert app.screen is dialog and app.is_running
        else:
            await press(pilot, "f10")  # F10 again: yes, quit
            assert not app.is_running


def test_the_debrief_map_wraps_what_a_spoke_carried_instead_of_cutting_it(tmp_path: Path) -> None:
    from trafficking_sim.cli import main
    from trafficking_sim.play.saves import read_save
    from trafficking_sim.play.session import Session
    from trafficking_sim.review.debrief import build_debrief
    from trafficking_sim.review.debrief_map import map_lines

    walkthrough = Path(__file__).parent / "walkthroughs" / "exercise" / "ngo-alone.txt"
    save = tmp_path / "save.json"
    args = ["--scenario", "exercise", "--role", "ngo", "--seed", "1"]
    assert main(["play", "--plain", *args, "--script", str(walkthrough), "--save", str(save)]) == 0
    d = build_debrief(Session.resume(read_save(save)), "sl", search=False)
    lines = map_lines(d, 60)
    assert all(len(line) <= 60 for line in lines), [line for line in lines if len(line) > 60]
    said = " ".join(line.split("┊ ", 1)[1] for line in lines if "┊ " in line)
    needed = {f for link in d.links if not link.used for f in link.facts}
    assert needed, "the lone game leaves links unused"
    for fact in needed:
        assert d.fact_names[fact] in said, f"{d.fact_names[fact]!r} is cut: {said!r}"


async def test_the_debrief_map_fits_the_screen_line_for_line() -> None:
    from trafficking_sim.tui.screens.debrief import DebriefScreen

    app = TraffickingApp(AppConfig(scenario="exercise", role="ngo", lang="sl", seed=1))
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        assert app.session is not None
        while not app.session.state.over:  # a game alone: the map has unused links to explain
            app.perform(EndTurn())
        await settle(pilot, 0.3)
        assert isinstance(app.screen, DebriefScreen)
        drawn = app.screen.query_one("#debrief-map", Static)
        lines = str(drawn.render()).splitlines()
        assert drawn.region.height == len(lines), "Textual wrapped a line of the map"


@pytest.mark.parametrize("where", ["top", "bottom"])
async def test_an_open_dropdown_never_covers_the_footer(where: str) -> None:
    from textual.containers import VerticalScroll
    from textual.widgets import Footer
    from textual.widgets._select import SelectOverlay

    from trafficking_sim.tui.screens.debrief import DebriefScreen

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("fine_passengers"))
        await settle(pilot, 0.3)
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        scroll = screen.query_one("#debrief-scroll", VerticalScroll)
        who = screen.query_one("#timeline-who", Select)
        place = who.virtual_region.y
        if where == "bottom":  # the Select on the last rows of the scroll
            place = who.virtual_region.bottom - scroll.scrollable_content_region.height
        scroll.scroll_to(y=place, animate=False)
        await settle(pilot)
        who.focus()
        await press(pilot, "enter")
        overlay = who.query_one(SelectOverlay)
        footer = screen.query_one(Footer)
        assert overlay.region.height >= 5, "the open list shows several names"
        assert overlay.region.bottom <= footer.region.y, "the list covers the footer"


async def test_messages_sent_and_received_agree_in_the_status_line_siena_pane_and_debrief() -> None:
    from trafficking_sim.tui.panes.siena import SienaPane
    from trafficking_sim.tui.screens.debrief import DebriefScreen

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        # One message to two partners is one message sent.
        app.perform(Send(to=("europol", "authorities_c"), facts=("minibus_plate",)))
        app.perform(EndTurn())
        await settle(pilot)
        while not isinstance(app.screen, GameScreen):
            await press(pilot, "escape")
        pane = app.screen.query_one(SienaPane)
        shown = {}
        for mode in ("inbox", "outbox"):
            pane.mode = mode
            pane.update_view()
            await settle(pilot)
            rows = len(pane.shown_messages())
            shown[mode] = rows
            assert f": {rows} (" in text_of(app, "#siena-mode"), (mode, rows)
        assert shown["outbox"] == 1
        assert shown["inbox"] >= 1
        # The status line above every pane counts them the same way.
        status = " ".join(text_of(app, "StatusBar").split())
        assert f"Messages: sent 1, received {shown['inbox']}" in status
        app.perform(Do("fine_passengers"))
        await settle(pilot, 0.3)
        assert isinstance(app.screen, DebriefScreen)
        assert app.session is not None
        sent = sum(1 for m in app.session.state.messages if m.sender == "border_b")
        received = sum(1 for m in app.session.state.messages if "border_b" in m.recipients)
        drawn = " ".join(text_of(app, "#debrief-map").split())
        assert tn("n.messages", "en", sent) == "1 message"
        assert f"You sent {tn('n.messages', 'en', sent)} and received" in drawn
        assert f"received {tn('n.messages', 'en', received)}" in drawn
        assert received >= shown["inbox"]


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "6 turns of 1 day each"), ("sl", "6 potez, vsaka traja 1 dan")]
)
def test_a_printed_role_card_counts_turns_and_days_in_words(lang: str, words: str) -> None:
    from trafficking_sim.content import find_scenario, load_game
    from trafficking_sim.materials.cards import card_markdown

    content = load_game(find_scenario("tutorial"))
    assert (content.scenario.max_turns, content.scenario.days_per_turn) == (6, 1)
    card = card_markdown(content, "border_b", lang)
    assert words in card
    assert "(s)" not in card


async def test_f2_inside_a_dialog_relabels_the_dialog_and_the_game_under_it() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await press(pilot, "c")
        dialog = app.screen
        assert isinstance(dialog, ComposeDialog)
        await press(pilot, "f2")
        assert text_of(app, "#compose-title") == t("tui.compose_title", "sl")
        await press(pilot, "escape")
        assert isinstance(app.screen, GameScreen)
        tabs = app.screen.query_one("#tabs", TabRow)
        assert tabs.label("partners") == "2 " + t("tui.tab_partners", "sl")
        assert "2 " + t("tui.tab_partners", "sl") in on_screen(app, tabs), "and on screen"


async def test_a_label_that_knows_its_key_follows_the_language_switch() -> None:
    from trafficking_sim.tui.widgets.tlabel import TLabel

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("2")  # the Partners pane is built when first shown
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        # The game screen under the briefing: a switch relabels screens out of sight too.
        game = next(s for s in app.screen_stack if isinstance(s, GameScreen))
        heading = game.query_one("#partners-heading", TLabel)

        def shown() -> str:
            return str(heading.visual)

        assert heading.key == "tui.partners_heading"
        assert shown() == t("tui.partners_heading", "en")
        app.set_language("sl")
        await settle(pilot)
        assert shown() == t("tui.partners_heading", "sl") != t("tui.partners_heading", "en")
        # Placeholders too: new values redraw the label in the language of the moment.
        heading.key = "tui.case_open"
        heading.set_params(met=1, total=3)
        await settle(pilot)
        assert shown() == t("tui.case_open", "sl", met=1, total=3)


def test_the_glossary_names_each_other_name_of_a_term_once() -> None:
    """The aliases that find a term in texts repeat it in other capitals ("liaison
    bureau", "Liaison bureau"); the glossary's "Also:" line names each once, not the term."""
    from trafficking_sim.content.loader import load_codex
    from trafficking_sim.tui.screens.codex import other_names

    for entry in load_codex().entries:
        for lang in ("en", "sl"):
            shown = other_names(entry, lang)
            folded = [name.casefold() for name in shown]
            assert len(folded) == len(set(folded)), (entry.id, lang, shown)
            assert entry.term.get(lang).casefold() not in folded, (entry.id, lang)
            every = {a.get(lang).casefold() for a in entry.also}
            assert set(folded) == every - {entry.term.get(lang).casefold()}, (entry.id, lang)
