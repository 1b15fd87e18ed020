"""What every screen shares: the app's language, translated bindings, the game session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual import events, on
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList

from ...i18n import t
from ..guard import Guarded
from ..localize import binding, localize_bindings, localize_widgets
from ..messages import LanguageChanged
from ..widgets.row_list import RowList

if TYPE_CHECKING:
    from ...play.session import Session
    from ..app import TraffickingApp

R = TypeVar("R")


class Localized(Guarded):
    """Mixin: translated strings, a hook to redraw labels when the language changes, and
    (through Guarded) an error dialog instead of a crash for any handler that fails."""

    @property
    def game(self) -> TraffickingApp:
        return cast("TraffickingApp", self.app)  # type: ignore[attr-defined]

    @property
    def session(self) -> Session:
        session = self.game.session
        assert session is not None, "no game in progress"
        return session

    @property
    def lang(self) -> str:
        return self.game.lang

    def tr(self, key: str, **params: Any) -> str:
        return t(key, self.game.lang, **params)

    ready = False
    """True once mounted: before that there is nothing to relabel (compose uses the
    current language anyway)."""

    def refresh_language(self) -> None:
        """Set every label from the catalogue; called on mount and on a language switch."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        highlight_a_row(event.widget)

    def say(self, text: str, **options: Any) -> None:
        """A toast; its text is shown literally (content may contain '[')."""
        self.game.notify(text, markup=False, **options)


class BaseScreen(Localized, Screen[R]):
    @on(LanguageChanged)
    def _language_changed(self) -> None:
        if self.ready:
            self.refresh_language()

    def on_mount(self) -> None:
        localize_bindings(self, self.game.lang)
        localize_widgets(self, self.game.lang)
        self.ready = True
        self.refresh_language()

    def on_resize(self) -> None:
        self.game.call_later(self.game.check_size)


class BaseModal(Localized, ModalScreen[R]):
    """A dialog. Textual stops the app's keys at a modal screen, so a dialog carries the
    ones a player needs anywhere (help, glossary, language, quit) and a footer naming them."""

    BINDINGS = [
        binding("f1", "app.help", "help"),
        binding("f2", "app.toggle_language", "language", show=False),
        binding("f3", "app.codex", "codex", show=False),
        binding("f10", "ask_quit", "quit"),
    ]

    FOOTER = True
    """False for a notice that names its keys in its own text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The dialog's own keys first in its footer, the keys of everywhere after them.
        mapping = self._bindings.key_to_bindings
        for key in ("f1", "f2", "f3", "f10"):
            mapping[key] = mapping.pop(key)

    @on(LanguageChanged)
    def _language_changed(self) -> None:
        if self.ready:
            self.refresh_language()

    def on_mount(self) -> None:
        if self.FOOTER:
            from textual.widgets import Footer  # the title has none: loaded when first used

            self.mount(Footer())
        localize_bindings(self, self.game.lang)
        localize_widgets(self, self.game.lang)
        self.ready = True
        self.refresh_language()

    def action_ask_quit(self) -> None:
        """F10 in a dialog: what is typed in it is not saved, so ask before leaving."""
        game = self.game
        if game.classroom is not None and game.session is not None:
            game.call_later(game.action_quit)  # a class asks its own question
            return
        from .dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                game.call_later(game.action_quit)

        game.push_screen(ConfirmDialog(self.tr("tui.confirm_quit_dialog"), quitting=True), answered)


def highlight_a_row(widget: object) -> None:
    """A list that gains the focus shows a highlighted row, so the first Space or Enter
    acts on something the player can see (Textual leaves a fresh list without one)."""
    if not isinstance(widget, OptionList | RowList) or widget.highlighted is not None:
        return
    for index, option in enumerate(widget.options):
        if not option.disabled:
            widget.highlighted = index
            return
