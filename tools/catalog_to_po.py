"""Merge the strings of an old dict-format i18n.py into the gettext catalogues.

Until issue 17 the program's own words lived in ``trafficking_sim/i18n.py`` as a dict
``CATALOG = {key: {"en": ..., "sl": ...}}`` (and ``PLURALS`` for counted nouns). Branches
written against that format still add keys there. This script reads such a file *without
running it* (the dicts are read with ``ast.literal_eval``) and merges its entries into
``trafficking_sim/locale/<lang>/LC_MESSAGES/trafficking_sim.po``, then rewrites the template
``trafficking_sim/locale/trafficking_sim.pot``:

- a key the .po files lack is added (at the end, with its section comment);
- a key whose text differs is updated to the old file's text, and reported;
- a key the old file lacks is kept, unless ``--base`` shows the branch deleted it.

It is safe to run again: a second run changes nothing. Give ``--base`` the i18n.py the
branch started from, so that only the branch's own additions and edits are merged (a text
the branch did not touch must not undo a later edit of the catalogues). Usage::

    git show "$(git merge-base main some-branch)":trafficking_sim/i18n.py > /tmp/base_i18n.py
    git show some-branch:trafficking_sim/i18n.py > /tmp/old_i18n.py
    python tools/catalog_to_po.py /tmp/old_i18n.py --base /tmp/base_i18n.py

Only the Python standard library is needed.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "trafficking_sim" / "locale"
DOMAIN = "trafficking_sim"

# Plural-Forms and the CLDR names of the forms, for the languages the old format knew.
PLURAL_HEADERS = {
    "en": ("nplurals=2; plural=(n != 1);", "one other"),
    "sl": (
        "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
        "one two few other",
    ),
}
LANGUAGE_NAMES = {"en": "English", "sl": "Slovenščina"}


@dataclass
class Entry:
    """One message of a .po file: a key and its text (or its plural texts)."""

    key: str
    text: str = ""
    plurals: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # "#." lines, without the marker
    flags: list[str] = field(default_factory=list)


# --- reading the old file ---------------------------------------------------------------


def _section_comments(lines: list[str], start: int, end: int) -> list[str]:
    """The ``# ...`` comment lines between two entries of the dict (lines are 1-based)."""
    found = []
    for line in lines[start : end - 1]:
        stripped = line.strip()
        if stripped.startswith("#"):
            found.append(stripped.lstrip("#").strip(" -"))
    return [c for c in found if c]


def read_old(path: Path) -> tuple[dict[str, dict[str, Entry]], list[str]]:
    """{lang: {key: Entry}} from an old i18n.py, and the keys in the file's order."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines()
    per_lang: dict[str, dict[str, Entry]] = {}
    order: list[str] = []
    plural_names: dict[str, list[str]] = {}
    assignments: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
            name = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
            if isinstance(name, ast.Name):
                assignments[name.id] = node.value
    if "PLURAL_FORMS" in assignments:
        forms = ast.literal_eval(assignments["PLURAL_FORMS"])
        plural_names = {k: list(v) for k, v in forms.items()}
    for kind in ("CATALOG", "PLURALS"):
        value = assignments.get(kind)
        if value is None:
            continue
        if not isinstance(value, ast.Dict):
            raise ValueError(f"{kind} is not written as a dict")
        table = value
        previous_end = table.lineno
        for key_node, value_node in zip(table.keys, table.values, strict=True):
            if not isinstance(key_node, ast.Constant):
                raise ValueError(f"a key of {kind} is not a plain string")
            key = str(key_node.value)
            comments = _section_comments(lines, previous_end, key_node.lineno)
            trailing = lines[key_node.lineno - 1].split("#", 1)
            if kind == "PLURALS" and len(trailing) == 2 and "{" in trailing[0]:
                comments.append(trailing[1].strip())
            previous_end = value_node.end_lineno or key_node.lineno
            value = ast.literal_eval(value_node)
            order.append(key)
            for lang, text in value.items():
                entry = Entry(key, comments=list(comments))
                if kind == "PLURALS":
                    names = plural_names.get(lang) or list(text)
                    entry.plurals = [text.get(name) or text["other"] for name in names]
                else:
                    entry.text = text
                per_lang.setdefault(lang, {})[key] = entry
    return per_lang, order


# --- reading and writing .po files ------------------------------------------------------


def _unquote(token: str) -> str:
    body = token.strip()[1:-1]
    out, i = [], 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def read_po(path: Path) -> tuple[str, list[Entry]]:
    """The header's text and the entries of a .po file this script (or a tool) wrote."""
    header = ""
    entries: list[Entry] = []
    current: dict[str, str] = {}
    comments: list[str] = []
    flags: list[str] = []
    last = ""

    def flush() -> None:
        nonlocal header, current, comments, flags
        if "msgid" in current:
            if current["msgid"] == "":
                header = current.get("msgstr", "")
            else:
                plurals = [current[k] for k in sorted(current) if k.startswith("msgstr[")]
                entries.append(
                    Entry(current["msgid"], current.get("msgstr", ""), plurals, comments, flags)
                )
        current, comments, flags = {}, [], []

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#."):
            if "msgid" in current:
                flush()
            comments.append(line[2:].strip())
        elif line.startswith("#,"):
            if "msgid" in current:
                flush()
            flags += [f.strip() for f in line[2:].split(",") if f.strip()]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[last] += _unquote(line)
        else:
            word, _, rest = line.partition(" ")
            if word == "msgid" and "msgid" in current:
                flush()
            last = word
            current[word] = _unquote(rest)
    flush()
    return header, entries


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + escaped.replace("\n", "\\n") + '"'


def _field(word: str, text: str) -> list[str]:
    if "\n" in text.rstrip("\n"):
        parts = text.splitlines(keepends=True)
        return [f'{word} ""'] + [_quote(p) for p in parts]
    return [f"{word} {_quote(text)}"]


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M+0000")


def header_text(lang: str | None, old_header: str = "") -> str:
    """The header: kept as it was when the file exists, else a new one."""
    if old_header:
        return old_header
    plural = PLURAL_HEADERS.get(lang or "en", PLURAL_HEADERS["en"])[0]
    lines = [
        "Project-Id-Version: trafficking-sim",
        "Report-Msgid-Bugs-To: the project's issue tracker",
        "PO-Revision-Date: " + _now(),
        "Last-Translator: trafficking-sim contributors",
        "Language-Team: " + (f"{lang} translators" if lang else "the language's translators"),
        f"Language: {lang}" if lang else "Language: ",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
        f"Plural-Forms: {plural}",
    ]
    return "\n".join(lines) + "\n"


def write_po(
    path: Path, header: str, entries: list[Entry], english: dict[str, Entry] | None, pot: bool
) -> None:
    out = [
        "# The program's own words"
        + (" (template)." if pot else f" in {path.parent.parent.name}.")
        + " The msgid is a stable key; see docs/translating.md.",
        *_field("msgid", ""),
        *_field("msgstr", header),
        "",
    ]
    for entry in entries:
        source = english.get(entry.key) if english else None
        comments = list(entry.comments)
        if source is not None and not pot:
            comments = [c for c in comments if not c.startswith("English: ")]
            shown = source.text or " | ".join(source.plurals)
            comments.append("English: " + shown.replace("\n", " "))
        out += [f"#. {c}" for c in comments]
        # No format flag: the msgid is a key without placeholders, so msgfmt -c (which
        # Poedit runs on save) would report every placeholder; the tests check them instead.
        flags = [f for f in dict.fromkeys(entry.flags) if f != "python-brace-format"]
        if flags:
            out.append("#, " + ", ".join(flags))
        out += _field("msgid", entry.key)
        if entry.plurals:
            out += _field("msgid_plural", entry.key)
            for i, text in enumerate(entry.plurals):
                out += _field(f"msgstr[{i}]", "" if pot else text)
        else:
            out += _field("msgstr", "" if pot else entry.text)
        out.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")


# --- merging ----------------------------------------------------------------------------


def merge(old_file: Path, locale: Path = LOCALE, base: Path | None = None) -> list[str]:
    """Merge ``old_file`` into the catalogues under ``locale``; return what changed.

    With ``base`` (the old i18n.py the branch started from), only what the branch added,
    changed or deleted is merged: a text the branch left as it was does not undo a later
    edit of the catalogues.
    """
    per_lang, order = read_old(old_file)
    before, before_order = read_old(base) if base is not None else ({}, [])
    # A key the branch deleted from the dict is deleted from the catalogues too.
    removed = set(before_order) - set(order)
    report: list[str] = []
    catalogues: dict[str, tuple[str, list[Entry]]] = {}
    langs = sorted(
        set(per_lang)
        | {p.name for p in locale.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").exists()}
        if locale.is_dir()
        else set(per_lang)
    )
    for lang in langs:
        po = locale / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        header, entries = read_po(po) if po.exists() else ("", [])
        by_key = {e.key: e for e in entries}
        if not entries:
            name = Entry("language.name", LANGUAGE_NAMES.get(lang, lang))
            name.comments = ["The language's name in itself, as the language switch shows it."]
            forms = Entry("language.plural_forms", PLURAL_HEADERS.get(lang, ("", "one other"))[1])
            forms.comments = [
                "The CLDR names of the plural forms, in the order of the Plural-Forms header."
            ]
            entries += [name, forms]
            by_key.update({e.key: e for e in entries})
        gone = [e for e in entries if e.key in removed]
        for entry in gone:
            entries.remove(entry)
            del by_key[entry.key]
            report.append(f"{lang}: removed {entry.key}")
        for key in order:
            new = per_lang.get(lang, {}).get(key)
            if new is None:
                continue
            was = before.get(lang, {}).get(key)
            if was is not None and (was.text, was.plurals) == (new.text, new.plurals):
                continue  # untouched by the branch
            have = by_key.get(key)
            if have is None:
                entries.append(new)
                by_key[key] = new
                report.append(f"{lang}: added {key}")
            elif (have.text, have.plurals) != (new.text, new.plurals):
                have.text, have.plurals = new.text, new.plurals
                have.flags = new.flags
                report.append(f"{lang}: updated {key}")
        catalogues[lang] = (header_text(lang, header), entries)
    english = {e.key: e for e in catalogues.get("en", ("", []))[1]}
    for lang, (header, entries) in catalogues.items():
        po = locale / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        write_po(po, header, entries, english if lang != "en" else None, pot=False)
    if "en" in catalogues:
        template = [
            Entry(e.key, "", [""] * len(e.plurals) if e.plurals else [], e.comments, e.flags)
            for e in catalogues["en"][1]
        ]
        for entry, source in zip(template, catalogues["en"][1], strict=True):
            shown = source.text or " | ".join(source.plurals)
            entry.comments = [*entry.comments, "English: " + shown.replace("\n", " ")]
            if source.plurals:
                entry.plurals = ["", ""]
        pot = locale / f"{DOMAIN}.pot"
        pot_header = read_po(pot)[0] if pot.exists() else ""
        write_po(pot, header_text(None, pot_header), template, None, pot=True)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old_i18n", type=Path, help="an i18n.py with the old CATALOG dict")
    parser.add_argument("--locale", type=Path, default=LOCALE, help="the locale folder")
    parser.add_argument(
        "--base",
        type=Path,
        help="the old i18n.py the branch started from: merge only what the branch changed",
    )
    args = parser.parse_args(argv)
    for given in (args.old_i18n, args.base):
        if given is not None and not given.is_file():
            print(f"{given}: no such file", file=sys.stderr)
            return 2
    try:
        report = merge(args.old_i18n, args.locale, args.base)
    except (SyntaxError, ValueError, AssertionError) as exc:
        print(f"{args.old_i18n} is not an old-format i18n.py: {exc}", file=sys.stderr)
        return 2
    print("\n".join(report) if report else "nothing to merge: the catalogues have every key")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
