"""A label that knows its catalogue key, instead of one composed empty and filled by id."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from ...i18n import t
from ..text import plain


class TLabel(Static):
    """Shows ``t(key, **params)`` as plain text in the app's language, and sets itself
    again when the language changes (``localize_widgets``, run for every screen on a
    switch, relabels each one)."""

    def __init__(
        self, key: str, *, id: str | None = None, classes: str | None = None, **params: Any
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.key = key
        self.params = params

    def on_mount(self) -> None:
        self.relabel(getattr(self.app, "lang", "en"))

    def relabel(self, lang: str) -> None:
        self.update(plain(t(self.key, lang, **self.params)))

    def set_params(self, **params: Any) -> None:
        """New values for the placeholders; the label is redrawn with them."""
        self.params = params
        self.relabel(getattr(self.app, "lang", "en"))
