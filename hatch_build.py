"""The wheel's build hook: compile the gettext catalogues (.po) into the .mo files it carries.

A wheel ships the compiled catalogues only; a source checkout or an editable install reads
the .po files directly (trafficking_sim/i18n.py), so nothing needs compiling there.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("trafficking_sim") / "locale"


class CompileCatalogues(BuildHookInterface):  # type: ignore[misc]  # hatchling is untyped
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        out = Path(tempfile.mkdtemp(prefix="trafficking-sim-mo-"))
        root = Path(self.root)
        for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
            lang = po.parent.parent.name
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=lang.replace("-", "_"), abort_invalid=True)
            mo = out / lang / po.with_suffix(".mo").name
            mo.parent.mkdir(parents=True)
            with mo.open("wb") as handle:
                write_mo(handle, catalog)
            target = LOCALE / lang / "LC_MESSAGES" / mo.name
            build_data["force_include"][str(mo)] = target.as_posix()
