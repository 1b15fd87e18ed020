"""The title screen: continue, new game, glossary, help, language, quit."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult, SystemCommand
from textual.containers import Center, Vertical
from textual.widgets import Button, Footer, Static

from ..localize import binding
from ..text import plain
from .base import BaseScreen


class TitleScreen(BaseScreen[None]):
    BINDINGS = [
        binding("n", "new_game", "new_game"),
        binding("c", "continue_game", "continue", show=False),
        binding("r", "review", "review", show=False),
        binding("m", "trainer_mode", "trainer_mode", show=False),
        binding("g", "app.codex", "codex_short", show=False),
        binding("l", "app.toggle_language", "language_short", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Center(id="title-box"), Vertical(id="title-panel"):
            yield Static("trafficking-sim", id="title-name")
            yield Static(id="title-tagline")
            yield Button(id="continue", variant="primary")
            yield Static(id="continue-detail")
            yield Button(id="new-game")
            yield Button(id="review")
            yield Button(id="trainer-mode")
            yield Button(id="glossary")
            yield Button(id="help")
            yield Button(id="language")
            yield Button(id="quit", variant="error")
            yield Static(id="title-note")
        yield Footer()

    def on_screen_resume(self) -> None:
        self.refresh_language()

    def refresh_language(self) -> None:
        self.query_one("#title-tagline", Static).update(plain(self.tr("tui.tagline")))
        saved = self.game.has_autosave()
        cont = self.query_one("#continue", Button)
        cont.label = plain(self.tr("tui.continue"))
        cont.display = saved is not None
        detail = self.query_one("#continue-detail", Static)
        detail.display = saved is not None
        if saved is not None:
            if saved.get("groups"):  # a class game comes back as a class
                text = self.tr(
                    "tui.continue_class",
                    scenario=saved["scenario"],
                    groups=saved["groups"],
                    actions=saved["actions"],
                )
            else:
                text = self.tr(
                    "tui.continue_detail",
                    scenario=saved["scenario"],
                    role=saved["role"],
                    actions=saved["actions"],
                )
            detail.update(plain(text))
        self.query_one("#new-game", Button).label = plain(self.tr("tui.new_game"))
        review = self.query_one("#review", Button)
        review.label = plain(self.tr("tui.review"))
        review.display = self._has_saves()
        self.query_one("#trainer-mode", Button).label = plain(self.tr("trainer.mode"))
        self.query_one("#glossary", Button).label = plain(self.tr("tui.glossary"))
        self.query_one("#help", Button).label = plain(self.tr("tui.help"))
        other = "Slovenščina" if self.lang == "en" else "English"
        self.query_one("#language", Button).label = plain(self.tr("tui.switch_to", language=other))
        self.query_one("#quit", Button).label = plain(self.tr("tui.quit"))
        self.query_one("#title-note", Static).update(plain(self.tr("tui.title_note")))
        if saved is not None:
            cont.focus()
        else:
            self.query_one("#new-game", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "continue": self.action_continue_game,
            "new-game": self.action_new_game,
            "review": self.action_review,
            "trainer-mode": self.action_trainer_mode,
            "glossary": self.game.action_codex,
            "help": self.game.action_help,
            "language": self.game.action_toggle_language,
        }
        if event.button.id == "quit":
            self.game.exit()
        elif event.button.id in actions:
            actions[event.button.id]()

    def screen_commands(self) -> Iterable[SystemCommand]:
        """The title's choices, for the command palette."""
        yield SystemCommand(self.tr("key.new_game"), self.tr("cmd.new_game"), self.action_new_game)
        if self.game.has_autosave() is not None:
            yield SystemCommand(
                self.tr("key.continue"), self.tr("cmd.continue"), self.action_continue_game
            )
        if self._has_saves():
            yield SystemCommand(self.tr("key.review"), self.tr("cmd.review"), self.action_review)
        yield SystemCommand(
            self.tr("key.trainer_mode"), self.tr("cmd.trainer"), self.action_trainer_mode
        )

    def action_trainer_mode(self) -> None:
        self.game.open_trainer_mode()

    def _has_saves(self) -> bool:
        from ...saves import known_saves

        return bool(known_saves())

    def action_review(self) -> None:
        from .saves import SavesScreen

        self.app.push_screen(SavesScreen())

    def action_new_game(self) -> None:
        from .scenarios import ScenarioScreen

        self.app.push_screen(ScenarioScreen())

    def action_continue_game(self) -> None:
        if self.game.has_autosave() is not None:
            self.game.resume_game()
