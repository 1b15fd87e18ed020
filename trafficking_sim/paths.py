"""Where bundled content and the player's own files live, on every platform."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "trafficking-sim"
HOME_ENV = "TRAFFICKING_SIM_HOME"


def bundled_root() -> Path:
    """The folder holding scenarios/, roles/ and agencies/.

    A wheel carries them inside the package (``_content``); a source checkout or an
    editable install finds them at the top of the repository.
    """
    package = Path(__file__).resolve().parent
    packaged = package / "_content"
    if packaged.is_dir():
        return packaged
    return package.parent


def bundled_dir(kind: str) -> Path:
    return bundled_root() / kind


def walkthroughs_dir() -> Path:
    """The tested walkthroughs (``tests/walkthroughs`` in a checkout, carried in a wheel):
    the debrief uses the best ones as known ways to the best ending."""
    root = bundled_root()
    packaged = root / "walkthroughs"
    return packaged if packaged.is_dir() else root / "tests" / "walkthroughs"


def user_data_dir() -> Path:
    """The player's data folder (saves, logs); ``TRAFFICKING_SIM_HOME`` overrides it."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def saves_dir() -> Path:
    return user_data_dir() / "saves"
