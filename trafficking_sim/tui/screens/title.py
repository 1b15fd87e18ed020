"""The title screen: continue, new game, glossary, help, language, quit."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import ComposeResult, SystemCommand
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import language_name, next_language
from ..localize import binding
from ..text import plain
from ..widgets.tlabel import TLabel
from .base import BaseScreen


class KeyLine(Static):
    """The keys a footer would show, as one line of text.

    Textual's Footer is a widget per key, rebuilt whenever the bindings change; on the
    title, the first thing a player sees, that cost a noticeable part of the start. The
    title's keys are few and fixed, so one Static shows them (the list above does the
    clicking).
    """

    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def show_keys(self, palette: str) -> None:
        key_style = "bold $footer-key-foreground on $footer-key-background"
        parts: list[Content] = []
        for active in self.screen.active_bindings.values():
            shown = active.binding
            if not shown.show:
                continue
            parts.append(Content.styled(f" {self.app.get_key_display(shown)} ", key_style))
            parts.append(Content(f"{shown.description} "))
        parts.append(Content.styled(" ^p ", key_style))
        parts.append(Content(palette))
        self.update(Content("").join(parts))


class TitleMenu(OptionList):
    """The title's choices as one list: arrows and enter, a click, or each choice's key.

    One widget instead of a button per choice: the title is the first thing drawn, and
    eight buttons cost a noticeable part of the start.
    """


class TitleScreen(BaseScreen[None]):
    TITLE_CSS_ONLY = True
    """Its rules are in title.tcss, read before the first frame without the others."""

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
            yield TLabel("tui.tagline", id="title-tagline")
            yield TitleMenu(id="title-menu")
            yield TLabel("tui.title_note", id="title-note")
        yield KeyLine(id="title-keys")

    covered = False
    """True from the moment another screen covers the title until it is back on top."""

    def on_screen_suspend(self) -> None:
        self.covered = True

    def on_screen_resume(self) -> None:
        # Back from another screen, a game may have been started, saved or finished: draw
        # the choices again. Not on the first show, which the mount has just drawn (twice
        # before the first frame was a millisecond and a half of the start).
        # (``covered`` is cleared here, not by a redraw: the scenarios loaded in the
        # background redraw the title while another screen covers it)
        if self.covered or not self.ready:
            self.refresh_language()
        self.covered = False

    def refresh_language(self) -> None:
        from ...play.saves import unfinished_games

        games = unfinished_games()
        choices: list[Option] = []
        if games:
            label = self.tr("tui.continue" if len(games) == 1 else "tui.continue_title")
            detail = game_line(self, games[0][1])
            if len(games) > 1:
                detail += "\n" + self.tr("tui.continue_more", n=len(games))
            prompt = (
                plain(label).stylize("bold").append(plain("\n" + detail).stylize("$text-muted"))
            )
            choices.append(Option(prompt, id="continue"))
        choices.append(Option(plain(self.tr("tui.new_game")), id="new-game"))
        if self._has_saves():
            choices.append(Option(plain(self.tr("tui.review")), id="review"))
        other = language_name(next_language(self.lang))
        for option_id, words in (
            ("trainer-mode", self.tr("trainer.mode")),
            ("glossary", self.tr("tui.glossary")),
            ("help", self.tr("tui.help")),
            ("language", self.tr("tui.switch_to", language=other)),
            ("quit", self.tr("tui.quit")),
        ):
            choices.append(Option(plain(words), id=option_id))
        menu = self.query_one("#title-menu", TitleMenu)
        menu.set_options(choices)
        menu.highlighted = 0  # Continue when there is a game in progress, else New game
        menu.focus()
        self.query_one("#title-keys", KeyLine).show_keys(self.tr("key.palette"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        actions = {
            "continue": self.action_continue_game,
            "new-game": self.action_new_game,
            "review": self.action_review,
            "trainer-mode": self.action_trainer_mode,
            "glossary": self.game.action_codex,
            "help": self.game.action_help,
            "language": self.game.action_toggle_language,
            "quit": self.game.exit,
        }
        chosen = actions.get(event.option.id or "")
        if chosen is not None:
            chosen()

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
        from ...play.saves import known_saves

        return bool(known_saves())

    def action_review(self) -> None:
        from .saves import SavesScreen

        self.app.push_screen(SavesScreen())

    def action_new_game(self) -> None:
        from .scenarios import ScenarioScreen

        self.app.push_screen(ScenarioScreen())

    def action_continue_game(self) -> None:
        """The one game in progress at once; with several, the list to choose from."""
        from ...play.saves import unfinished_games

        games = unfinished_games()
        if len(games) == 1:
            self.game.resume_game(games[0][0])
        elif games:
            self.app.push_screen(ContinueScreen())


def game_line(screen: BaseScreen[Any], info: dict[str, Any]) -> str:
    """One game in progress in words: scenario, role or groups, actions so far. Names
    come from the bundled content where the save's scenario is one of it (the save's own
    ids are shown only for a scenario the game does not have)."""
    if info.get("damaged"):
        return screen.tr("tui.continue_damaged", name=info["scenario"])
    scenario, role = str(info["scenario"]), str(info.get("role", ""))
    lang = screen.game.lang
    for content in screen.game.catalogue or []:
        if content.id == scenario:
            scenario = content.scenario.title.get(lang)
            actor = content.actors.get(role)
            role = actor.name.get(lang) if actor is not None else role
            break
    if info.get("groups"):  # a class game comes back as a class
        return screen.tr(
            "tui.continue_class",
            scenario=scenario,
            groups=info["groups"],
            actions=info["actions"],
        )
    return screen.tr(
        "tui.continue_detail",
        scenario=scenario,
        role=role,
        actions=info["actions"],
    )


class ContinueScreen(BaseScreen[None]):
    """The games in progress, newest first: none is ever replaced by another."""

    BINDINGS = [
        binding("escape", "app.pop_screen", "back"),
        binding("enter", "choose", "continue", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.games: list[tuple[Path, dict[str, Any]]] = []

    def compose(self) -> ComposeResult:
        from textual.widgets import Footer  # not on the title: imported when first shown

        yield TLabel("tui.continue_title", id="screen-title", classes="screen-title")
        with Horizontal(classes="chooser"):
            yield OptionList(id="continue-list", classes="chooser-list")
            with Vertical(classes="chooser-detail"), Horizontal(classes="buttons"):
                yield Button(id="choose", variant="primary")
                yield Button(id="back")
        yield Footer()

    def on_screen_resume(self) -> None:
        self.refresh_language()

    def refresh_language(self) -> None:
        from ...play.saves import unfinished_games

        self.query_one("#choose", Button).label = plain(self.tr("tui.continue_open"))
        self.query_one("#back", Button).label = plain(self.tr("tui.back"))
        self.games = unfinished_games()
        options = self.query_one("#continue-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for path, info in self.games:
            when = info["saved_at"][:16].replace("T", " ")
            options.add_option(Option(plain(f"{when}\n{game_line(self, info)}"), id=str(path)))
        if self.games:
            options.highlighted = min(highlighted or 0, len(self.games) - 1)
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "choose":
            self.action_choose()
        elif event.button.id == "back":
            self.app.pop_screen()

    def action_choose(self) -> None:
        index = self.query_one("#continue-list", OptionList).highlighted
        if index is not None and index < len(self.games):
            self.game.resume_game(self.games[index][0])
