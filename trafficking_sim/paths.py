"""Where bundled content and the player's own files live, on every platform."""

from __future__ import annotations

import os
from pathlib import Path

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


_temporary: Path | None = None
"""The temporary data folder in use, when the usual one cannot be found."""


def user_data_dir() -> Path:
    """The player's data folder (saves, logs); ``TRAFFICKING_SIM_HOME`` overrides it.

    Without a home folder (HOME unset and the user missing from the system's list of
    users, as in some containers) the usual place cannot be found; a temporary folder is
    used then, and ``data_dir_warning()`` says so, rather than the game failing.
    """
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    # Here, not at the top: a check of content never needs it. Outside the try: a broken
    # install must fail, not quietly put the player's saves in a folder that may vanish.
    import platformdirs

    try:
        found = platformdirs.user_data_path(APP_NAME, appauthor=False)
    except (KeyError, RuntimeError, OSError, ImportError):
        return _temporary_dir()
    if not found.is_absolute() or str(found).startswith("~"):
        return _temporary_dir()  # "~" could not be expanded: there is no home folder
    return found


def _temporary_dir() -> Path:
    global _temporary
    if _temporary is None:
        import tempfile

        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
        _temporary = Path(tempfile.gettempdir()) / f"{APP_NAME}-{user}"
        try:
            _temporary.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            _temporary = Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-"))
    return _temporary


def data_dir_warning(lang: str = "en") -> str | None:
    """What to tell the player when their data lives in a temporary folder, else None."""
    user_data_dir()
    if _temporary is None:
        return None
    from .i18n import t

    return t("paths.temporary", lang, path=str(_temporary), env=HOME_ENV)


def saves_dir() -> Path:
    return user_data_dir() / "saves"
