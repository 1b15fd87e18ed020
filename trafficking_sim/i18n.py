"""The program's own words, read from gettext catalogues, one language at a time.

The texts live in ``trafficking_sim/locale/<lang>/LC_MESSAGES/trafficking_sim.po`` (English
is a catalogue like any other); the msgid of each message is a stable key such as
``pillar.coordination``. A wheel carries them compiled to ``.mo`` (the build hook in
``hatch_build.py``); a source checkout reads the ``.po`` directly. Both are read with the
standard library only, and only for the language in use. Further locale folders (a new
language being translated) are named in the environment variable ``TRAFFICKING_SIM_LOCALES``.
docs/translating.md says how to translate; content texts (scenarios, roles, agencies)
live in the YAML files.
"""

from __future__ import annotations

import gettext
import os
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DOMAIN = "trafficking_sim"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LOCALES_ENV = "TRAFFICKING_SIM_LOCALES"
SOURCE_LANG = "en"
"""The language every other falls back to, message by message."""


@dataclass
class Catalogue:
    """One language's messages, as read from its .mo or .po file."""

    lang: str
    messages: dict[str, str] = field(default_factory=dict)
    plurals: dict[str, list[str]] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    plural: Callable[[int], int] = field(default=lambda n: int(n != 1))

    @property
    def plural_names(self) -> tuple[str, ...]:
        """The names of the plural forms (CLDR's "one", "few", ...), in the header's order."""
        named = self.messages.get("language.plural_forms", "").split()
        count = _nplurals(self.headers.get("plural-forms", "")) or len(named) or 2
        return tuple(named) if len(named) == count else tuple(f"form{i}" for i in range(count))


class CatalogueError(Exception):
    """A catalogue file that cannot be read; the message says which and why."""


# --- finding the installed languages ----------------------------------------------------


def locale_dirs() -> list[Path]:
    """The bundled locale folder, then any named in TRAFFICKING_SIM_LOCALES."""
    extra = os.environ.get(LOCALES_ENV, "")
    return [LOCALE_DIR, *(Path(p) for p in extra.split(os.pathsep) if p.strip())]


def _files(lang: str) -> tuple[Path | None, Path | None]:
    """The .mo and .po for ``lang``: the last locale folder that has the language wins."""
    found: tuple[Path | None, Path | None] = (None, None)
    for folder in locale_dirs():
        base = folder / lang / "LC_MESSAGES" / DOMAIN
        mo, po = base.with_suffix(".mo"), base.with_suffix(".po")
        if mo.is_file() or po.is_file():
            found = (mo if mo.is_file() else None, po if po.is_file() else None)
    return found


@cache
def _languages(dirs: tuple[Path, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for sub in sorted(folder.iterdir()):
            base = sub / "LC_MESSAGES" / DOMAIN
            has_file = base.with_suffix(".mo").is_file() or base.with_suffix(".po").is_file()
            if has_file and sub.name not in found:
                found.append(sub.name)
    # English first (the fallback), the rest in alphabetical order of their codes.
    return tuple(sorted(found, key=lambda code: (code != SOURCE_LANG, code)))


def languages() -> tuple[str, ...]:
    """The codes of every installed language, English first: the one list of languages."""
    return _languages(tuple(locale_dirs()))


def language_name(lang: str) -> str:
    """The language's name in itself ("Slovenščina"), from its catalogue.

    A catalogue not read yet is not read in full for its name alone: the title names the
    other language on its button, and should not wait for that language's every message.
    """
    cat = _LOADED.get(lang)
    if cat is None:
        name = _name_only(lang)
        if name is not None:
            return name
        cat = catalogue(lang)
    return cat.messages.get("language.name") or lang


_NAME_ENTRY = '\nmsgid "language.name"\n'


def _name_only(lang: str) -> str | None:
    """``language.name`` from the entry of ``lang``'s .po alone; None when the catalogue
    must be read in full to know it (a .mo, no such entry, a fuzzy or empty one)."""
    mo, po = _files(lang)
    if po is None or (mo is not None and mo.stat().st_mtime >= po.stat().st_mtime):
        return None  # the .mo is what load() reads, and it reads fast
    try:
        text = po.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    at = text.find(_NAME_ENTRY)
    if at < 0:
        return None
    start = text.rfind("\n\n", 0, at) + 1  # the entry's comments and flags, if any
    end = text.find("\n\n", at)
    block = text[start : end if end >= 0 else len(text)]
    try:
        entries = _parse_po(block.splitlines(), str(po))
    except CatalogueError:
        return None
    for msgid, forms, message, flags in entries:
        if msgid == "language.name" and forms is None and message and "fuzzy" not in flags:
            return message
    return None


def next_language(lang: str) -> str:
    """The language after ``lang`` in the list, round again after the last (the F2 key)."""
    langs = languages()
    return langs[(langs.index(lang) + 1) % len(langs)] if lang in langs else langs[0]


# --- reading catalogues -----------------------------------------------------------------


def _nplurals(header: str) -> int:
    for part in header.split(";"):
        name, _, value = part.partition("=")
        if name.strip() == "nplurals" and value.strip().isdigit():
            return int(value)
    return 0


def _plural_function(header: str) -> Callable[[int], int]:
    for part in header.split(";"):
        name, _, value = part.partition("=")
        if name.strip() == "plural" and value.strip():
            return gettext.c2py(value.strip())
    return lambda n: int(n != 1)


def _parse_headers(text: str) -> dict[str, str]:
    headers = {}
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers


_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r"}


def _unescape(quoted: str, where: str) -> str:
    text = quoted.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise CatalogueError(f"{where}: expected a text in double quotes, found {text!r}")
    body = text[1:-1]
    if "\\" not in body:
        return body  # the common case, and the fast one
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), body)


def read_po(path: Path) -> list[tuple[str, list[str] | None, str, set[str]]]:
    """The entries of a .po file: (msgid, [msgstr[0], ...] or None, msgstr, flags).

    The header is the entry whose msgid is empty. Obsolete entries (``#~``) are skipped.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot be read ({exc})") from exc
    return _parse_po(lines, str(path))


def _parse_po(lines: list[str], path: str) -> list[tuple[str, list[str] | None, str, set[str]]]:
    """The entries of the lines of a .po file (see ``read_po``)."""
    entries: list[tuple[str, list[str] | None, str, set[str]]] = []
    fields: dict[str, str] = {}
    flags: set[str] = set()
    last = ""

    def flush() -> None:
        nonlocal fields, flags
        if "msgid" in fields:
            forms = None
            if "msgid_plural" in fields:
                count = len([k for k in fields if k.startswith("msgstr[")])
                forms = [fields.get(f"msgstr[{i}]", "") for i in range(count)]
            entries.append((fields["msgid"], forms, fields.get("msgstr", ""), flags))
        fields, flags = {}, set()

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        where = f"{path}, line {number}"
        if not line or line.startswith("#~"):
            if not line:
                flush()
            continue
        if line.startswith("#"):
            if any(k.startswith("msgstr") for k in fields):
                flush()
            if line.startswith("#,"):
                flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith('"'):
            if not last:
                raise CatalogueError(f"{where}: a text with no msgid or msgstr before it")
            fields[last] += _unescape(line, where)
            continue
        word, _, rest = line.partition(" ")
        if word not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not (
            word.startswith("msgstr[") and word.endswith("]")
        ):
            raise CatalogueError(f"{where}: '{word}' is not a .po keyword")
        if word in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in fields):
            flush()
        last = word
        fields[word] = _unescape(rest, where)
    flush()
    return entries


def _from_po(lang: str, path: Path) -> Catalogue:
    cat = Catalogue(lang)
    for msgid, forms, text, flags in read_po(path):
        if msgid == "":
            cat.headers = _parse_headers(text)
        elif "fuzzy" in flags:
            continue  # as msgfmt does: a fuzzy translation is not used until reviewed
        elif forms is not None:
            if forms and all(forms):
                cat.plurals[msgid] = forms
        elif text:
            cat.messages[msgid] = text
    return cat


def _from_mo(lang: str, path: Path) -> Catalogue:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot be read ({exc})") from exc
    try:
        magic = struct.unpack("<I", data[:4])[0]
        if magic not in (0x950412DE, 0xDE120495):
            raise CatalogueError(f"{path} is not a compiled gettext catalogue (.mo)")
        order = "<" if magic == 0x950412DE else ">"
        _, count, originals, translations = struct.unpack(order + "4I", data[4:20])
        cat = Catalogue(lang)
        for i in range(count):
            at, to = originals + 8 * i, translations + 8 * i
            olen, ooff = struct.unpack(order + "2I", data[at : at + 8])
            tlen, toff = struct.unpack(order + "2I", data[to : to + 8])
            msgid = data[ooff : ooff + olen].decode("utf-8")
            text = data[toff : toff + tlen].decode("utf-8")
            if msgid == "":
                cat.headers = _parse_headers(text)
            elif "\0" in msgid:
                cat.plurals[msgid.split("\0")[0]] = text.split("\0")
            else:
                cat.messages[msgid] = text
    except (struct.error, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path} is not a compiled catalogue ({exc})") from exc
    return cat


def load(lang: str) -> Catalogue:
    """Read ``lang``'s catalogue: the .mo when it is at least as new as the .po, else the .po."""
    mo, po = _files(lang)
    if mo is not None and (po is None or mo.stat().st_mtime >= po.stat().st_mtime):
        cat = _from_mo(lang, mo)
    elif po is not None:
        cat = _from_po(lang, po)
    else:
        raise CatalogueError(
            f"there is no catalogue for the language '{lang}' (installed: {', '.join(languages())})"
        )
    try:
        cat.plural = _plural_function(cat.headers.get("plural-forms", ""))
    except ValueError as exc:
        raise CatalogueError(
            f"the Plural-Forms header of the '{lang}' catalogue cannot be read ({exc})"
        ) from exc
    return cat


_LOADED: dict[str, Catalogue] = {}


_PROBLEMS: dict[str, str] = {}


def catalogue(lang: str) -> Catalogue:
    """``lang``'s catalogue, read the first time it is asked for.

    A translation that cannot be read does not stop a game: its language then speaks
    English, and :func:`problems` says what is wrong (English itself must be readable).
    """
    cat = _LOADED.get(lang)
    if cat is None:
        try:
            cat = load(lang)
        except CatalogueError as exc:
            if lang == SOURCE_LANG:
                raise
            _PROBLEMS[lang] = str(exc)
            cat = Catalogue(lang)
        _LOADED[lang] = cat
    return cat


def problems() -> dict[str, str]:
    """{language: what is wrong with its catalogue}, for the catalogues read so far."""
    return dict(_PROBLEMS)


def forget_loaded() -> None:
    """Drop the catalogues read so far and the language list (tests, a new locale folder)."""
    _LOADED.clear()
    _PROBLEMS.clear()
    _languages.cache_clear()


# --- the public API ---------------------------------------------------------------------


def _installed(lang: str) -> Catalogue | None:
    """``lang``'s catalogue when the language is installed; fast once it has been read."""
    cat = _LOADED.get(lang)
    if cat is None and lang in languages():
        cat = catalogue(lang)
    return cat


def _lookup(key: str, lang: str) -> str:
    if lang != SOURCE_LANG:
        cat = _installed(lang)
        text = cat.messages.get(key) if cat is not None else None
        if text:
            return text
    return (_LOADED.get(SOURCE_LANG) or catalogue(SOURCE_LANG)).messages[key]


def t(key: str, lang: str, **params: Any) -> str:
    """The string ``key`` in ``lang`` (English when missing), with params filled in."""
    template = _lookup(key, lang)
    return template.format(**params) if params else template


def has(key: str) -> bool:
    return key in catalogue(SOURCE_LANG).messages


def plural_form(n: int, lang: str) -> str:
    """The name of the plural form of ``n`` in ``lang`` ("one", "two", "few", "other")."""
    cat = _installed(lang) or catalogue(SOURCE_LANG)
    names = cat.plural_names
    return names[min(cat.plural(abs(n)), len(names) - 1)]


def tn(key: str, lang: str, n: int, **params: Any) -> str:
    """The plural entry ``key`` for the count ``n`` in ``lang``, with params filled in."""
    cat = _installed(lang)
    forms = cat.plurals.get(key) if cat is not None else None
    if cat is None or not forms:
        cat = catalogue(SOURCE_LANG)
        forms = cat.plurals[key]
    template = forms[min(cat.plural(abs(n)), len(forms) - 1)]
    return template.format(n=n, **params)


class TranslatedError(Exception):
    """An error a player reads. Its message is a catalogue entry, so the interface can say
    it in the player's language; ``str()`` is the English (the command line, logs)."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


def error_text(exc: BaseException, lang: str) -> str:
    """What an error says, in ``lang`` when it is one of ours, else as it is."""
    return exc.text(lang) if isinstance(exc, TranslatedError) else str(exc)


# --- the old dict views, built on demand ------------------------------------------------


def _catalog_view() -> dict[str, dict[str, str]]:
    """{key: {lang: text}} over every installed language (the pre-gettext ``CATALOG``)."""
    view: dict[str, dict[str, str]] = {}
    for lang in languages():
        for key, text in catalogue(lang).messages.items():
            if not key.startswith("language."):
                view.setdefault(key, {})[lang] = text
    return view


def _plurals_view() -> dict[str, dict[str, dict[str, str]]]:
    """{key: {lang: {form name: text}}} (the pre-gettext ``PLURALS``)."""
    view: dict[str, dict[str, dict[str, str]]] = {}
    for lang in languages():
        cat = catalogue(lang)
        for key, forms in cat.plurals.items():
            view.setdefault(key, {})[lang] = dict(zip(cat.plural_names, forms, strict=False))
    return view


def __getattr__(name: str) -> Any:
    # LANGS and the old dicts are computed when asked for, so a locale folder added to the
    # environment is seen, and importing this module reads no catalogue.
    if name == "LANGS":
        return languages()
    if name == "CATALOG":
        return _catalog_view()
    if name == "PLURALS":
        return _plurals_view()
    if name == "PLURAL_FORMS":
        return {lang: catalogue(lang).plural_names for lang in languages()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
