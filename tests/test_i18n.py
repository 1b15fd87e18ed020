"""The program's words: gettext catalogues, every key in every language, plural forms right."""

from __future__ import annotations

import shutil
import string
from pathlib import Path

import pytest

from trafficking_sim import i18n
from trafficking_sim.i18n import LOCALE_DIR, languages, read_po, t, tn

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "catalog_to_po.py"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _po(lang: str, locale: Path = LOCALE_DIR) -> dict[str, list[str]]:
    """{key: [text] or [plural texts]} read from the .po file itself, header left out."""
    path = locale / lang / "LC_MESSAGES" / "trafficking_sim.po"
    return {key: forms or [text] for key, forms, text, _ in read_po(path) if key}


ENGLISH = _po("en")


def test_the_installed_languages_are_the_locale_folders() -> None:
    assert languages() == ("en", "sl")
    assert [i18n.language_name(lang) for lang in languages()] == ["English", "Slovenščina"]


@pytest.mark.parametrize("lang", ["sl"])
@pytest.mark.parametrize("key", sorted(ENGLISH))
def test_every_key_is_in_every_language_with_the_same_placeholders(key: str, lang: str) -> None:
    entry = _po(lang).get(key)
    assert entry is not None, f"{key} is missing from the {lang} catalogue"
    assert all(text.strip() for text in entry), f"{key} is empty in {lang}"
    for text in entry:
        assert _fields(text) == _fields(ENGLISH[key][0]), (key, lang, text)


def test_no_language_has_a_key_english_lacks() -> None:
    assert set(_po("sl")) - set(ENGLISH) == set()


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
    slovene = _po("sl")
    assert {k for k, v in ENGLISH.items() if slovene.get(k) == v} == SAME_IN_BOTH


def test_the_template_lists_every_key_with_no_translation() -> None:
    template = read_po(LOCALE_DIR / "trafficking_sim.pot")
    assert {key for key, _, _, _ in template if key} == set(ENGLISH)
    assert all(not text and not any(forms or []) for key, forms, text, _ in template if key)


def test_slovene_has_four_plural_forms_by_the_hundreds() -> None:
    header = read_po(LOCALE_DIR / "sl" / "LC_MESSAGES" / "trafficking_sim.po")[0][2]
    assert (
        "Plural-Forms: nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : "
        "n%100==3 || n%100==4 ? 2 : 3);" in header
    )
    assert [tn("n.turns", "sl", n) for n in (1, 2, 3, 5, 101, 102, 104, 111)] == [
        "1 poteza",
        "2 potezi",
        "3 poteze",
        "5 potez",
        "101 poteza",
        "102 potezi",
        "104 poteze",
        "111 potez",
    ]
    assert [tn("n.turns", "en", n) for n in (0, 1, 2)] == ["0 turns", "1 turn", "2 turns"]


@pytest.mark.parametrize("lang", ["en", "sl"])
def test_every_plural_entry_has_the_language_s_number_of_forms(lang: str) -> None:
    cat = i18n.catalogue(lang)
    assert cat.plurals, lang
    for key, forms in cat.plurals.items():
        assert len(forms) == len(cat.plural_names), (key, lang)
        assert all("{n}" in text for text in forms), (key, lang)


def test_translation_fills_placeholders() -> None:
    assert t("plain.turn_n", "sl", n=3) == "poteza 3"
    assert t("plain.turn_n", "en", n=3) == "turn 3"


def test_a_language_not_installed_falls_back_to_english() -> None:
    assert t("plain.turn_n", "xx", n=3) == "turn 3"
    assert tn("n.turns", "xx", 2) == "2 turns"


def test_a_fuzzy_translation_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "sl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    text = (LOCALE_DIR / "sl" / "LC_MESSAGES" / "trafficking_sim.po").read_text("utf-8")
    text = text.replace('msgid "plain.turn_n"', '#, fuzzy\nmsgid "plain.turn_n"')
    (folder / "trafficking_sim.po").write_text(text, "utf-8")
    monkeypatch.setenv(i18n.LOCALES_ENV, str(tmp_path))
    i18n.forget_loaded()
    try:
        assert t("plain.turn_n", "sl", n=3) == "turn 3"
        assert t("pillar.coordination", "sl") == "Usklajevanje"
    finally:
        monkeypatch.delenv(i18n.LOCALES_ENV)
        i18n.forget_loaded()


def test_a_compiled_catalogue_says_the_same_as_its_po(tmp_path: Path) -> None:
    """The wheel carries .mo files (compiled by Babel); they must read as the .po does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po as babel_read_po

    source = LOCALE_DIR / "sl" / "LC_MESSAGES" / "trafficking_sim.po"
    with source.open("rb") as handle:
        catalog = babel_read_po(handle, locale="sl")
    mo = tmp_path / "trafficking_sim.mo"
    with mo.open("wb") as handle:
        write_mo(handle, catalog)
    compiled, read = i18n._from_mo("sl", mo), i18n._from_po("sl", source)
    assert compiled.messages == read.messages and len(read.messages) > 500
    assert compiled.plurals == read.plurals


def test_every_key_the_code_asks_for_exists() -> None:
    """A typo in a key would show the key itself to a learner; find them all statically."""
    import re

    package = ROOT / "trafficking_sim"
    asked = re.compile(r"""\b(?:tr|t)\(\s*["']([a-z_]+\.[a-z_.0-9]+)["']""")
    bound = re.compile(r'binding\(\s*"[^"]+",\s*"[^"]+",\s*"([a-z_]+)"')
    used: set[str] = set()
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(asked.findall(text))
        used |= {f"key.{ident}" for ident in bound.findall(text)}
    assert len(used) > 150
    missing = sorted(key for key in used if key not in ENGLISH)
    assert missing == []


# --- the conversion script, for branches still written against the old dict -------------

OLD = """
LANGS = ("en", "sl")
CATALOG: dict[str, dict[str, str]] = {
    # --- a new group --------
    "demo.new_key": {"en": "A new text with {n}.", "sl": "Novo besedilo z {n}."},
    "pillar.coordination": {"en": "Coordination", "sl": "Usklajevanje med agencijami"},
}
PLURALS: dict[str, dict[str, dict[str, str]]] = {
    "n.groups": {
        "en": {"one": "{n} group", "other": "{n} groups"},
        "sl": {"one": "{n} skupina", "two": "{n} skupini",
               "few": "{n} skupine", "other": "{n} skupin"},
    },
}
PLURAL_FORMS = {"en": ("one", "other"), "sl": ("one", "two", "few", "other")}
"""


def _run_script(old: Path, locale: Path, *more: str) -> str:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(old), "--locale", str(locale), *more],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_the_script_merges_an_old_dict_into_the_catalogues(tmp_path: Path) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale, ignore=shutil.ignore_patterns("*.mo"))
    old = tmp_path / "old_i18n.py"
    old.write_text(OLD, encoding="utf-8")
    report = _run_script(old, locale).splitlines()
    assert sorted(report) == [
        "en: added demo.new_key",
        "en: added n.groups",
        "sl: added demo.new_key",
        "sl: added n.groups",
        "sl: updated pillar.coordination",
    ]
    sl = _po("sl", locale)
    assert sl["demo.new_key"] == ["Novo besedilo z {n}."]
    assert sl["n.groups"] == ["{n} skupina", "{n} skupini", "{n} skupine", "{n} skupin"]
    assert sl["pillar.coordination"] == ["Usklajevanje med agencijami"]
    assert _po("en", locale)["n.groups"] == ["{n} group", "{n} groups"]
    template = {k for k, _, _, _ in read_po(locale / "trafficking_sim.pot")}
    assert {"demo.new_key", "n.groups"} <= template
    # Nothing else moved, and a second run changes nothing.
    assert set(sl) - {"demo.new_key", "n.groups"} == set(_po("sl"))
    before = (locale / "sl" / "LC_MESSAGES" / "trafficking_sim.po").read_bytes()
    assert _run_script(old, locale).strip() == "nothing to merge: the catalogues have every key"
    assert (locale / "sl" / "LC_MESSAGES" / "trafficking_sim.po").read_bytes() == before


def test_the_script_leaves_the_shipped_catalogues_as_they_are(tmp_path: Path) -> None:
    """Re-reading and writing the catalogues is lossless: the files are the script's own."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale, ignore=shutil.ignore_patterns("*.mo"))
    empty = tmp_path / "old_i18n.py"
    empty.write_text("CATALOG = {}\nPLURALS = {}\n", encoding="utf-8")
    _run_script(empty, locale)
    for name in ("en/LC_MESSAGES/trafficking_sim.po", "sl/LC_MESSAGES/trafficking_sim.po"):
        assert (locale / name).read_text("utf-8") == (LOCALE_DIR / name).read_text("utf-8")
    pot = "trafficking_sim.pot"
    assert (locale / pot).read_text("utf-8") == (LOCALE_DIR / pot).read_text("utf-8")


def test_with_a_base_the_script_merges_only_what_the_branch_changed(tmp_path: Path) -> None:
    """A branch that did not touch a text must not undo the catalogue's newer wording, and
    a key the branch deleted goes from the catalogues too."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale, ignore=shutil.ignore_patterns("*.mo"))
    base = tmp_path / "base_i18n.py"
    base.write_text(
        'CATALOG = {"plain.need_lang": {"en": "Use en or sl.", "sl": "en ali sl."},'
        ' "pillar.standards": {"en": "Standards", "sl": "Standardi"},'
        ' "plain.bye": {"en": "Goodbye.", "sl": "Nasvidenje."}}\n',
        encoding="utf-8",
    )
    branch = tmp_path / "old_i18n.py"
    branch.write_text(
        'CATALOG = {"plain.need_lang": {"en": "Use en or sl.", "sl": "en ali sl."},'
        ' "pillar.standards": {"en": "Norms", "sl": "Standardi"},'
        ' "demo.more": {"en": "More.", "sl": "Več."}}\n',
        encoding="utf-8",
    )
    report = _run_script(branch, locale, "--base", str(base)).splitlines()
    assert sorted(report) == [
        "en: added demo.more",
        "en: removed plain.bye",  # the branch deleted it
        "en: updated pillar.standards",
        "sl: added demo.more",
        "sl: removed plain.bye",
    ]
    assert "plain.bye" not in _po("sl", locale)
    assert _po("en", locale)["plain.need_lang"] == _po("en")["plain.need_lang"]
    assert _po("en", locale)["pillar.standards"] == ["Norms"]


def test_each_language_writes_a_date_its_own_way() -> None:
    assert t("format.date", "en", year=2026, month=3, day=2) == "2026-03-02"
    assert t("format.date", "sl", year=2026, month=3, day=2) == "2. 3. 2026"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", ["en", "sl"])
def test_msgfmt_as_poedit_runs_it_finds_nothing_to_say(lang: str) -> None:
    import os
    import subprocess

    po = LOCALE_DIR / lang / "LC_MESSAGES" / "trafficking_sim.po"
    done = subprocess.run(
        ["msgfmt", "-c", "-o", os.devnull, str(po)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
