"""A label that knows its catalogue key, instead of one composed empty and filled by id."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from ...i18n import t
from ..text import plain


class TLabel(Static):
    """Shows ``t(key, **params)`` as plain text in the app's language, and sets itself
    again when the language changes (``localize_widgets``, run for every screen on a
    switch, relabels each one).

    A label whose words depend on the game (which view of the inbox, how many messages,
    which partner) is given its key and values with ``show``, from the code that knows
    them: a later language switch redraws it from the catalogue, with the same values.
    An empty key shows nothing.
    """

    def __init__(
        self, key: str = "", *, id: str | None = None, classes: str | None = None, **params: Any
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.key = key
        self.params = params

    def on_mount(self) -> None:
        self.relabel(getattr(self.app, "lang", "en"))

    def relabel(self, lang: str) -> None:
        # A value that is itself in the player's language (a partner's name) is given as
        # a function of the language, and asked again in the new one.
        params = {k: v(lang) if callable(v) else v for k, v in self.params.items()}
        self.update(plain(t(self.key, lang, **params)) if self.key else "")

    def set_params(self, **params: Any) -> None:
        """New values for the placeholders; the label is redrawn with them."""
        self.show(self.key, **params)

    def show(self, key: str, **params: Any) -> None:
        """Show another catalogue entry (or the same with new values), in the language
        of the moment and in every language switched to later. A value in the player's
        language is passed as a function of the language (``actor=actor.name.get``)."""
        if key == self.key and params == self.params and self.is_mounted:
            return  # nothing new: no redraw
        self.key = key
        self.params = params
        self.relabel(getattr(self.app, "lang", "en"))


class TFieldLabel(TLabel):
    """A TLabel sized like Textual's Label: the name of a form's field."""

    DEFAULT_CSS = """
    TFieldLabel {
        width: auto;
        height: auto;
        min-height: 1;
    }
    """
