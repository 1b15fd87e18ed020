"""The log's word filter shows the filtered log on the frame of the key, not one later."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Log

from tests.test_tui import app_for, settle, start_game
from trafficking_sim.tui.panes.progress import LogPane


def _log_lines(app: object) -> list[str]:
    log = app.screen.query_one(LogPane).query_one(Log)  # type: ignore[attr-defined]
    return [str(line) for line in log.lines]


async def test_typing_in_the_log_filter_filters_within_the_keys_own_handler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Input.Changed arrives after the key has been handled; with its handler gone, only
    # a redraw inside the key's handling can filter the log.
    monkeypatch.setattr(LogPane, "on_input_changed", lambda self, event: None)
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_game(pilot)
        await pilot.press("5")
        await settle(pilot)
        everything = _log_lines(app)
        assert any("Turn" in line or "turn" in line for line in everything)
        app.screen.query_one("#log-filter", Input).focus()
        await pilot.press(*"zzzq")
        await settle(pilot)
        filtered = _log_lines(app)
        assert filtered != everything
        assert not any("zzzq" in line.lower() for line in filtered)
        assert len(filtered) == 1  # only the line saying nothing matches
        for _ in range(4):
            await pilot.press("backspace")
        await settle(pilot)
        assert _log_lines(app) == everything
