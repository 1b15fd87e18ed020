"""The player's remembered choices (language, theme), kept in the user data folder."""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from . import paths
from .i18n import languages
from .play.saves import atomic_write_text


@dataclass
class Settings:
    lang: str = "en"
    theme: str = "textual-dark"

    @classmethod
    def path(cls) -> Path:
        return paths.user_data_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        """The saved settings; defaults when there are none or the file is unreadable."""
        try:
            data = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        settings = cls()
        if data.get("lang") in languages():
            settings.lang = data["lang"]
        if isinstance(data.get("theme"), str) and data["theme"]:
            settings.theme = data["theme"]
        return settings

    def save(self) -> None:
        # Remembering a preference is not worth interrupting the game for.
        with contextlib.suppress(OSError):
            atomic_write_text(self.path(), json.dumps(asdict(self), indent=1) + "\n")
