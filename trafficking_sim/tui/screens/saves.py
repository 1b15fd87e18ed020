"""Reviewing a past game: the finished games (and the one in progress), each opening its
debrief. A trainer can go back to any group's game in the reflection phase."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import error_text
from ...play.saves import SaveError, is_unfinished, known_saves, read_save
from ..localize import binding
from ..text import lines, plain
from .chooser import ChooserScreen


class SavesScreen(ChooserScreen):
    LIST_ID, DETAIL_ID, TITLE_KEY = "save-list", "save-detail", "tui.review_title"
    BUTTONS = (("choose", "choose"), ("playback", "playback"))

    BINDINGS = [
        binding("escape", "app.pop_screen", "back"),
        binding("enter", "choose", "review", show=False),
        binding("p", "playback", "demo_play"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.saves: list[tuple[Path, dict[str, Any]]] = []

    def on_screen_resume(self) -> None:
        self.refresh_language()

    def _title(self, info: dict[str, Any]) -> str:
        catalogue = {game.id: game for game in self.game.catalogue or []}
        game = catalogue.get(info["scenario"])
        if game is None:
            return f"{info['scenario']} · {info['role']}"
        role = game.actors.get(info["role"])
        role_name = role.short_name.get(self.lang) if role else info["role"]
        return f"{game.scenario.title.get(self.lang)} · {role_name}"

    def refresh_language(self) -> None:
        self.query_one("#choose", Button).label = plain(self.tr("tui.review_open"))
        self.query_one("#back", Button).label = plain(self.tr("tui.back"))
        self.query_one("#playback", Button).label = plain(self.tr("tui.review_playback"))
        self.saves = known_saves()
        options = self.query_one("#save-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for path, info in self.saves:
            when = info["saved_at"][:16].replace("T", " ")
            mark = "▶ " if is_unfinished(path) else ""
            options.add_option(Option(plain(f"{mark}{when}\n{self._title(info)}"), id=str(path)))
        if not self.saves:
            options.add_option(Option(plain(self.tr("tui.review_none")), disabled=True))
        else:
            options.highlighted = min(highlighted or 0, len(self.saves) - 1)
            options.focus()
        self.show(options.highlighted)

    def show(self, index: int | None) -> None:
        detail = self.query_one("#save-detail", Static)
        if index is None or index >= len(self.saves):
            detail.update(plain(self.tr("tui.review_hint")))
            return
        path, info = self.saves[index]
        state = (
            self.tr("tui.review_in_progress")
            if is_unfinished(path)
            else self.tr("tui.review_finished")
        )
        detail.update(
            lines(
                self._title(info),
                "",
                state,
                self.tr("tui.review_actions", n=info["actions"]),
                "",
                self.tr("tui.review_file", path=str(path)),
            )
        )

    def action_choose(self) -> None:
        """Replay the save and open its debrief (the save itself is left as it is)."""
        from ...play.session import Session
        from .debrief import DebriefScreen

        index = self.query_one("#save-list", OptionList).highlighted
        if index is None or index >= len(self.saves):
            return
        path = self.saves[index][0]
        try:
            session = Session.resume(read_save(path))
        except SaveError as exc:
            self.game.show_problem(self.tr("tui.review_cannot"), error_text(exc, self.lang))
            return
        if session.state.seats:  # a class game: every group's review together
            from .trainer import ClassDebriefScreen

            self.app.push_screen(ClassDebriefScreen(session))
            return
        self.app.push_screen(DebriefScreen(session))

    def action_playback(self) -> None:
        """Step through the chosen game, to show a class how it unfolded."""
        from ...play.demo import DemoError, load_playback
        from .demo import DemoScreen

        index = self.query_one("#save-list", OptionList).highlighted
        if index is None or index >= len(self.saves):
            return
        try:
            playback = load_playback(self.saves[index][0])
        except DemoError as exc:
            self.game.show_problem(self.tr("tui.review_cannot"), error_text(exc, self.lang))
            return
        self.app.push_screen(DemoScreen(playback))
