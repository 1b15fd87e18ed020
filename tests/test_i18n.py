"""Every string of the program exists in English and Slovene, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from trafficking_sim.i18n import CATALOG, LANGS, t


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_string_has_every_language_and_the_same_placeholders(key: str) -> None:
    entry = CATALOG[key]
    assert set(entry) == set(LANGS), f"{key} lacks {set(LANGS) - set(entry)}"
    for lang in LANGS:
        assert entry[lang].strip(), f"{key} is empty in {lang}"
    assert _fields(entry["en"]) == _fields(entry["sl"]), key


# Strings that are the same in both languages on purpose: a name, or only placeholders.
SAME_IN_BOTH = {
    "channel.siena",
    "event.score",
    "event.score_short",
    "key.tab_siena",
    "map.short_i24_7",
    "map.short_siena",
    "tui.tab_siena",
}


def test_no_string_is_left_untranslated() -> None:
    identical = {k for k, v in CATALOG.items() if v["en"] == v["sl"]}
    assert identical == SAME_IN_BOTH


def test_translation_fills_placeholders() -> None:
    assert t("plain.turn_n", "sl", n=3) == "poteza 3"
    assert t("plain.turn_n", "en", n=3) == "turn 3"


def test_every_key_the_code_asks_for_exists() -> None:
    """A typo in a key would show the key itself to a learner; find them all statically."""
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "trafficking_sim"
    asked = re.compile(r"""\b(?:tr|t)\(\s*["']([a-z_]+\.[a-z_.0-9]+)["']""")
    bound = re.compile(r'binding\(\s*"[^"]+",\s*"[^"]+",\s*"([a-z_]+)"')
    used: set[str] = set()
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(asked.findall(text))
        used |= {f"key.{ident}" for ident in bound.findall(text)}
    assert len(used) > 150
    missing = sorted(key for key in used if key not in CATALOG)
    assert missing == []
