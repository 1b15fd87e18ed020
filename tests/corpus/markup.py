"""Content whose every text carries markup, to prove the screen shows text literally.

The tutorial, its role cards and its agencies are copied to a folder with each English
and Slovene text wrapped in tags that Rich or Textual would act on if they were read as
markup: a click that quits, a link to a local file, a closing tag with no opening one and
bold. Shown literally, the tags are visible; read as markup, they vanish (or crash).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "[@click=app.quit]Q[/] [link=file:///etc/passwd]L[/link] [/nope] [b]"
"""What every text starts with; each tag appears literally when text is plain."""
SUFFIX = " [/b]"
MARKS = ("[@click=app.quit]", "[link=file:///etc/passwd]", "[/nope]", "[b]")


def _mark(node: Any) -> Any:
    if isinstance(node, dict):
        texts = [v for k, v in node.items() if k in ("en", "sl")]
        if "en" in node and all(isinstance(v, str) for v in texts):
            return {
                k: (PREFIX + v + SUFFIX if k in ("en", "sl") and isinstance(v, str) else v)
                for k, v in node.items()
            }
        return {k: _mark(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_mark(v) for v in node]
    return node


def write_markup_content(folder: Path, scenario: str = "tutorial") -> Path:
    """The scenario with markup in every text, with its role cards and agencies beside it;
    returns the scenario file."""
    for kind in ("roles", "agencies"):
        (folder / kind).mkdir(parents=True, exist_ok=True)
        for source in (ROOT / kind).glob("*.yaml"):
            data = yaml.safe_load(source.read_text(encoding="utf-8"))
            (folder / kind / source.name).write_text(
                yaml.safe_dump(_mark(data), allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    data = yaml.safe_load((ROOT / "scenarios" / f"{scenario}.yaml").read_text(encoding="utf-8"))
    path = folder / f"{scenario}.yaml"
    text = yaml.safe_dump(_mark(data), allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path
