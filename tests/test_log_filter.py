"""The Log pane: a list of entries on the list/detail base, the chosen entry in full, the
filters, and the filtered list shown on the frame of the key, not one later."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input, Select

from tests.test_tui import SIZE, app_for, settle, start_game, text_of
from trafficking_sim.engine import Do, Send
from trafficking_sim.i18n import t
from trafficking_sim.play import narrate
from trafficking_sim.tui.panes import log as log_pane
from trafficking_sim.tui.panes.list_detail import ListDetailPane
from trafficking_sim.tui.panes.log import LogPane
from trafficking_sim.tui.widgets.detail import DetailView
from trafficking_sim.tui.widgets.row_list import RowList


def _rows(app: Any) -> list[str]:
    options = app.screen.query_one("#log-list", RowList)
    return [str(option.prompt) for option in options.options]


async def _show_log(pilot: Any) -> None:
    await start_game(pilot)
    await pilot.press("5")
    await settle(pilot)


async def test_typing_in_the_log_filter_filters_within_the_keys_own_handler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Input.Changed arrives after the key has been handled; with its handler gone, only
    # a redraw inside the key's handling can filter the log.
    monkeypatch.setattr(LogPane, "on_input_changed", lambda self, event: None)
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await _show_log(pilot)
        everything = _rows(app)
        assert any(row.startswith(t("tui.turn_short", "en", n=1)) for row in everything)
        app.screen.query_one("#log-filter", Input).focus()
        await pilot.press(*"zzzq")
        await settle(pilot)
        assert _rows(app) == [t("tui.log_empty", "en")]  # the one row saying so
        assert text_of(app, "#log-detail") == t("tui.log_help", "en")
        for _ in range(4):
            await pilot.press("backspace")
        await settle(pilot)
        assert _rows(app) == everything


async def test_the_log_is_a_list_and_detail_pane_showing_the_chosen_entry_in_full() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))  # a step: who did it
        app.perform(Send(to=("europol",)))  # the newest entries: a message and its news
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        pane = app.screen.query_one(LogPane)
        assert isinstance(pane, ListDetailPane)
        options = app.screen.query_one("#log-list", RowList)
        assert app.focused is options, "shown by its key, the list takes the arrows at once"
        session = app.session
        assert session is not None
        newest = len(session.events) - 1
        assert options.highlighted == 0
        assert options.get_option_at_index(0).id == f"e{newest}"
        event = session.events[newest]
        said = narrate.describe(event, session.content, session.state, "en")
        detail = text_of(app, "#log-detail")
        date = narrate.date_text(session.content, event.turn, "en")
        assert t("tui.log_when", "en", turn=event.turn, date=date) in detail
        group = next(k for k, kinds in log_pane.LOG_KINDS.items() if kinds and event.kind in kinds)
        assert t("tui.log_kind", "en", kind=t(f"tui.log_{group}", "en")) in detail
        assert all(line.strip() in detail for line in said), "the whole text, not a row's"
        # Another entry chosen: the detail follows, and says who took part.
        learned = next(
            i
            for i, option in enumerate(options.options)
            if option.id and session.events[int(option.id[1:])].kind == "action_done"
        )
        options.highlighted = learned
        await settle(pilot)
        chosen = session.events[int(str(options.get_option_at_index(learned).id)[1:])]
        who = narrate.actor_name(session.content, chosen.data["by"], "en")
        assert t("tui.log_who", "en", who=who) in text_of(app, "#log-detail")


async def test_the_chosen_entry_stays_chosen_when_the_game_moves_on_and_the_filter_changes() -> (
    None
):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await _show_log(pilot)
        options = app.screen.query_one("#log-list", RowList)
        options.highlighted = options.option_count - 1  # the oldest entry
        await settle(pilot)
        oldest = options.get_option_at_index(options.highlighted).id
        app.perform(Do("check_vehicle", "minibus_plate"))  # new entries on top
        await settle(pilot)
        assert options.get_option_at_index(options.highlighted or 0).id == oldest
        # A filter by kind that keeps the entry keeps it chosen; one that drops it does not.
        app.screen.query_one("#log-kind", Select).value = "events"
        await settle(pilot)
        assert options.get_option_at_index(options.highlighted or 0).id == oldest
        app.screen.query_one("#log-kind", Select).value = "facts"
        await settle(pilot)
        shown = options.get_option_at_index(options.highlighted or 0).id
        assert shown != oldest
        assert app.session is not None
        assert app.session.events[int(str(shown)[1:])].kind in log_pane.LOG_KINDS["facts"]


async def test_log_entries_are_shown_as_written_never_as_markup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written = "[bold]Bold?[/bold] [@click=app.quit]quit[/] [red]"
    real = narrate.describe

    def describe(event: Any, *args: Any, **kwargs: Any) -> list[str]:
        lines = real(event, *args, **kwargs)
        return [written] if lines and event.kind == "turn_started" else lines

    monkeypatch.setattr(log_pane.narrate, "describe", describe)
    app = app_for()
    async with app.run_test(size=(120, 30)) as pilot:
        await _show_log(pilot)
        app.screen.query_one("#log-filter", Input).value = "bold?"
        await settle(pilot)
        rows = _rows(app)
        assert len(rows) == 1 and written in rows[0]
        assert written in text_of(app, "#log-detail")
        assert app.is_running, "a [@click=app.quit] in a text is not a link"


async def test_a_long_log_lists_the_newest_entries_and_says_how_many_more_there_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(log_pane, "MAX_LOG_ROWS", 3)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await _show_log(pilot)
        session = app.session
        assert session is not None
        rows = _rows(app)
        shown = [o for o in app.screen.query_one("#log-list", RowList).options if o.id]
        assert len(shown) == 3
        assert shown[0].id == f"e{len(session.events) - 1}", "newest first"
        assert rows[-1].startswith("…")


async def test_a_filter_change_that_keeps_the_rows_and_the_chosen_entry_redraws_neither(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A new text in the detail costs a drawing of it and new rows a drawing of the whole
    # list: a letter that changes neither (a space, or one that keeps every
    # entry listed) costs neither.
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await _show_log(pilot)
        detail = app.screen.query_one("#log-detail", DetailView)
        options = app.screen.query_one("#log-list", RowList)
        words = app.screen.query_one("#log-filter", Input)
        redrawn: list[str] = []
        real_update, real_set = detail.update, options.set_options
        monkeypatch.setattr(
            detail, "update", lambda *a, **k: redrawn.append("detail") or real_update(*a, **k)
        )
        monkeypatch.setattr(
            options, "set_options", lambda rows: redrawn.append("list") or real_set(rows)
        )
        before = (_rows(app), text_of(app, "#log-detail"))
        words.value = " "
        await settle(pilot)
        assert redrawn == []
        assert (_rows(app), text_of(app, "#log-detail")) == before
        words.value = "zzzq"
        await settle(pilot)
        assert sorted(redrawn) == ["detail", "list"]
        assert _rows(app) == [t("tui.log_empty", "en")]
        assert text_of(app, "#log-detail") == t("tui.log_help", "en")


async def test_a_filter_key_lays_out_nothing_when_no_scroll_bar_comes_or_goes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The filter's words, the list's rows and the detail's text change, none of them the
    # size of anything on screen: each used to lay out the whole screen (an Input sets its
    # scrollable width on every key, a list its height on new rows, the detail followed
    # its text), and a layout has every region of the screen composed again.
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await _show_log(pilot)
        app.screen.query_one("#log-filter", Input).focus()
        await settle(pilot)
        everything = _rows(app)
        laid_out: list[object] = []
        real = app.screen._refresh_layout
        monkeypatch.setattr(
            app.screen, "_refresh_layout", lambda *a, **k: laid_out.append(a) or real(*a, **k)
        )
        await pilot.press(*"zzq")
        await settle(pilot)
        assert _rows(app) == [t("tui.log_empty", "en")]
        assert text_of(app, "#log-detail") == t("tui.log_help", "en")
        for _ in range(3):
            await pilot.press("backspace")
        await settle(pilot)
        assert _rows(app) == everything
        assert laid_out == []


async def test_a_filter_key_makes_the_chosen_entrys_text_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The pane shows the entry it highlights at once; the list's message that the row is
    # highlighted then came back and made the whole text (sentence, date, glossary links)
    # a second time, within the same key's frame.
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await _show_log(pilot)
        words = app.screen.query_one("#log-filter", Input)
        words.value = "zzzq"
        await settle(pilot)
        shown: list[str] = []
        real = LogPane.show_item
        monkeypatch.setattr(
            LogPane, "show_item", lambda self, ident: shown.append(ident) or real(self, ident)
        )
        words.value = ""
        await settle(pilot)
        rows = app.screen.query_one("#log-list", RowList)
        assert rows.highlighted == 0
        newest = rows.get_option_at_index(0).id
        assert shown == [newest]
        await pilot.press("down")  # a move by the player shows the next one, once
        await settle(pilot)
        assert shown == [newest, rows.get_option_at_index(1).id]
