"""Turning an unexpected error in the interface into a dialog, with the game kept.

Textual stops the message loop of a widget whose handler raises, so the app catches
errors at its own boundaries instead: every event handler, action and redraw of our
screens and panes is wrapped once, when its class is defined.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

GUARDED_NAMES = ("refresh_language", "update_view", "game_update", "confirm", "submit", "redraw")


SHOWING = frozenset({"on_mount", "on_screen_resume"})
"""The handlers of a screen being shown: skipped for one that will never be."""


def _shown_as_the_app_closes(node: Any) -> bool:
    """A screen pushed in the moment the app closes (the window shut as a key opened it)
    is mounted and resumed but never composed nor shown: its handlers for being shown
    would look for widgets that were never built, and report an error on the way out."""
    return not (node.app.is_running and node.is_attached)


def _guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    if getattr(method, "__guarded__", False):
        return method
    showing = method.__name__ in SHOWING

    if _is_coroutine(method):

        @functools.wraps(method)
        async def async_wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            if showing and _shown_as_the_app_closes(self):
                return None
            try:
                return await method(self, *args, **kwargs)
            except Exception as error:
                self.app.report_error(error)
                return None

        async_wrapper.__guarded__ = True  # type: ignore[attr-defined]
        return async_wrapper

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        if showing and _shown_as_the_app_closes(self):
            return None
        try:
            return method(self, *args, **kwargs)
        except Exception as error:
            self.app.report_error(error)
            return None

    wrapper.__guarded__ = True  # type: ignore[attr-defined]
    return wrapper


def _is_coroutine(method: Callable[..., Any]) -> bool:
    import inspect

    return inspect.iscoroutinefunction(method)


class Guarded:
    """Mixin: wraps the handlers a class defines so that errors reach ``app.report_error``."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if not callable(value) or isinstance(value, type):
                continue
            if name.startswith(("on_", "action_", "_on_")) or name in GUARDED_NAMES:
                setattr(cls, name, _guarded(value))
