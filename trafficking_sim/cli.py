"""The ``trafficking-sim`` command line: playing, checking content, reviewing games, and
running a class (``trafficking-sim --help`` lists every command).

Every failure a user can cause ends in a message and an exit code, never a traceback;
an unexpected error is written to a log file in the user data folder.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import __version__, paths
from .i18n import languages

if TYPE_CHECKING:
    import argparse

    from .play.session import Session

# Modules are imported where a command needs them: every command starts with this file,
# and the title screen, `list` and `validate` should not wait for the whole catalogue of
# strings, JSON, secrets or tracebacks they never use.


def t(key: str, lang: str, **params: Any) -> str:
    """A catalogue string (see ``i18n.t``), the catalogue loaded on first use."""
    from .i18n import t as translate

    return translate(key, lang, **params)


def error_text(exc: BaseException, lang: str) -> str:
    """What an error says in ``lang`` (see ``i18n.error_text``)."""
    from .i18n import error_text as text_of

    return text_of(exc, lang)


EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


class UsageError(Exception):
    """Bad arguments or missing files: exit code 2 with a message."""


COMMANDS = (
    "list",
    "validate",
    "lint",
    "explore",
    "schema",
    "play",
    "debrief",
    "trainer",
    "demo",
    "cards",
    "guide",
    "map",
    "serve",
    "class",
    "join",
    "replay",
)


class _OneCommand:
    """Sub-parsers of which only the named command's is built; the others, and all their
    arguments, are not (building them all took about 6 ms of every command, the one 0.6)."""

    def __init__(self, sub: Any, wanted: str) -> None:
        self._sub = sub
        self._wanted = wanted

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        return self._sub.add_parser(name, **kwargs) if name == self._wanted else _Unbuilt()


class _Unbuilt:
    """Takes every call a parser is given, and builds nothing."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: _Unbuilt()


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, that command's and no other's."""
    import argparse  # not for the title screen: it starts without arguments

    # argparse makes a help formatter for every argument it is given (to check the
    # argument's metavar), and its formatter asks the terminal's width at once: importing
    # shutil, which loads the bz2 and lzma libraries, about 5 ms of every command. While
    # the parsers are built, a formatter of a fixed width does; once they are, help and
    # errors get argparse's own, at the terminal's width.
    built: list[argparse.ArgumentParser] = []

    class Parser(argparse.ArgumentParser):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(formatter_class=_building_formatter, **kwargs)
            built.append(self)

    parser = Parser(
        prog="trafficking-sim",
        description="A training game on international cooperation against trafficking in "
        "human beings. Run without a command to open the game.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub: Any = parser.add_subparsers(dest="command", metavar="COMMAND")
    if only is not None:
        sub = _OneCommand(sub, only)

    p = sub.add_parser("list", help="list the bundled scenarios")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--lang", choices=languages(), default="en")

    p = sub.add_parser("validate", help="check scenario, role-card and agency files")
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders (default: all bundled content)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file again, also those unchanged since they last passed",
    )

    p = sub.add_parser("lint", help="find unused, unreachable, untranslated or too long content")
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders (default: all bundled content)",
    )

    p = sub.add_parser("explore", help="search a scenario: endings, objectives, cooperation")
    p.add_argument("scenario", metavar="SCENARIO", help="a bundled id or a file")
    p.add_argument("--role", metavar="ID", help="one role (default: each role in turn)")
    p.add_argument("--max-turns", type=int, metavar="N", help="search up to this turn")
    p.add_argument(
        "--budget",
        type=int,
        default=200_000,
        metavar="STATES",
        help="the most distinct states to visit (default 200000)",
    )
    p.add_argument("--seed", type=int, default=1, help="the game's seed (default 1)")
    p.add_argument(
        "--cooperation", action="store_true", help="only the cooperation check (fast; what CI runs)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--walkthroughs",
        type=Path,
        metavar="DIR",
        help="write the shortest path to each ending as a plain-mode script",
    )

    p = sub.add_parser("schema", help="print the JSON Schema of a content file format")
    p.add_argument(
        "kind", nargs="?", choices=("scenario", "role", "agency", "codex"), default="scenario"
    )

    p = sub.add_parser("play", help="play a scenario")
    p.add_argument(
        "--scenario", metavar="ID|PATH", help="a bundled id or a file (default: flagship)"
    )
    p.add_argument("--role", metavar="ID", help="the role to play")
    p.add_argument("--lang", choices=languages(), help="language (default: en, or the save's)")
    p.add_argument("--seed", type=int, help="seed for the game's random events")
    p.add_argument(
        "--plain", action="store_true", help="line-by-line mode (screen readers, scripts)"
    )
    p.add_argument("--script", type=Path, metavar="FILE", help="read commands from FILE")
    p.add_argument("--save", type=Path, metavar="FILE", help="write the game to FILE as it goes")
    p.add_argument("--resume", type=Path, metavar="SAVE", help="continue a saved game")
    p.add_argument(
        "--force",
        action="store_true",
        help="let --save replace a save of another scenario or save format",
    )

    p = sub.add_parser("debrief", help="the after-action review of a saved game, as a report")
    p.add_argument("save", type=Path, metavar="SAVE")
    p.add_argument("--format", choices=("md", "html"), default="md")
    p.add_argument("--lang", choices=languages(), help="language (default: the save's)")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE (default: print)")
    p.add_argument(
        "--quick",
        action="store_true",
        help="skip the search for when the best ending was last within reach",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="report even if the scenario has changed since the save",
    )

    p = sub.add_parser("trainer", help="trainer mode: a class on one laptop, groups taking turns")
    p.add_argument("--scenario", metavar="ID", help="the scenario to choose first")
    p.add_argument("--lang", choices=languages(), help="language")

    p = sub.add_parser("demo", help="play back a save or a walkthrough, step by step")
    p.add_argument("file", type=Path, metavar="SAVE|WALKTHROUGH")
    p.add_argument("--scenario", metavar="ID", help="for a walkthrough outside its folder")
    p.add_argument("--role", metavar="ID", help="for a walkthrough outside its folder")
    p.add_argument("--seed", type=int, default=1, help="a walkthrough's seed (default 1)")
    p.add_argument(
        "--pace", type=float, default=2.0, metavar="SECONDS", help="seconds per step when playing"
    )
    p.add_argument("--lang", choices=languages(), help="language")

    p = sub.add_parser("cards", help="printable role cards for the preparation phase")
    p.add_argument(
        "--scenario", metavar="ID|PATH", help="a bundled id or a file (default: flagship)"
    )
    p.add_argument("--lang", choices=languages(), default="en")
    p.add_argument("--out", type=Path, metavar="DIR", required=True, help="the folder to write to")

    p = sub.add_parser("guide", help="the printable guide to protocols, conventions and bodies")
    p.add_argument("--lang", choices=languages(), default="en")
    p.add_argument("--out", type=Path, metavar="DIR", required=True, help="the folder to write to")

    p = sub.add_parser("map", help="the map of international cooperation in a scenario (SVG)")
    p.add_argument(
        "--scenario", metavar="ID|PATH", help="a bundled id or a file (default: flagship)"
    )
    p.add_argument("--lang", choices=languages(), default="en")
    p.add_argument("--out", type=Path, metavar="FILE", required=True, help="the .svg file")

    p = sub.add_parser("serve", help="serve the game to web browsers (the online variant)")
    p.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: this computer only)"
    )
    p.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the address participants open, when it differs from the one found "
        "(such as http://192.168.1.20:8000)",
    )
    p.add_argument("--lang", choices=languages(), help="the language the games start in")
    p.add_argument(
        "--max-connections",
        type=int,
        default=40,
        metavar="N",
        help="how many games may be open at once (default 40; each is a process)",
    )
    p.add_argument(
        "--code",
        metavar="CODE",
        help="the session code browsers must type (default: a new one when --host "
        "reaches beyond this computer, none on this computer only)",
    )

    p = sub.add_parser("class", help="a networked class: each group at its own device")
    class_sub = p.add_subparsers(dest="class_command", metavar="ACTION", required=True)
    db_help = (
        "the class database: a file (default: class.db in the data folder) or a postgresql:// URL"
    )
    q = class_sub.add_parser("create", help="set up a class and print each group's join code")
    q.add_argument("--scenario", metavar="ID", help="a bundled id or a file (default: flagship)")
    q.add_argument(
        "--groups",
        metavar="ROLE,ROLE...",
        help="the roles groups play, in turn order (default: every role)",
    )
    q.add_argument("--db", metavar="PATH|URL", help=db_help)
    q.add_argument("--seed", type=int, help="seed for the game's random events")
    q.add_argument("--json", action="store_true", help="print JSON")
    q = class_sub.add_parser("status", help="how the class's game stands and who is connected")
    q.add_argument("--db", metavar="PATH|URL", help=db_help)
    q.add_argument("--class", dest="class_id", metavar="ID", help="a class (default: the newest)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q = class_sub.add_parser("export", help="write the class's game as a save (replay, debrief)")
    q.add_argument("--db", metavar="PATH|URL", help=db_help)
    q.add_argument("--class", dest="class_id", metavar="ID", help="a class (default: the newest)")
    q.add_argument("--out", type=Path, metavar="SAVE", required=True, help="the save to write")

    q = class_sub.add_parser(
        "host", help="serve the class's seats to web browsers (each tab types its code)"
    )
    q.add_argument("--db", metavar="PATH|URL", help=db_help)
    q.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    q.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    q.add_argument(
        "--public-url",
        metavar="URL",
        help="the address the groups open, when it differs from the one found (such as "
        "https://class.example.org behind a TLS reverse proxy)",
    )
    q.add_argument("--lang", choices=languages(), default="en", help="the seats' language")

    p = sub.add_parser("join", help="take a group's seat in a networked class")
    p.add_argument("--db", metavar="PATH|URL", help=db_help)
    p.add_argument("--code", metavar="CODE", help="the group's join code (else asked for)")
    p.add_argument("--plain", action="store_true", help="line-by-line mode (else the full screen)")
    p.add_argument("--lang", choices=languages(), default="en", help="language")

    p = sub.add_parser("replay", help="replay a saved game and print its outcome")
    p.add_argument("save", type=Path, metavar="SAVE")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.add_argument(
        "--force",
        action="store_true",
        help="replay even if the scenario has changed since the save",
    )
    for each in built:  # the command's and its sub-commands' (see Parser above)
        each.formatter_class = argparse.HelpFormatter
    return parser


def _building_formatter(prog: str) -> argparse.HelpFormatter:
    """A help formatter that does not ask the terminal's width, for building parsers."""
    import argparse

    return argparse.HelpFormatter(prog, width=80)


def leave(code: int) -> NoReturn:
    """End the process with ``code`` now, without the interpreter's teardown.

    After a check, the teardown frees every module, pydantic's ~70 model classes and the
    data of every file, one object at a time: about 50 ms of CPU, more than a tenth of a
    ``validate`` after an edit, for memory the system takes back at once anyway. What an
    ordinary exit does first is done: the functions registered with ``atexit`` (coverage,
    logging) run, and the output is flushed.
    """
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        # None when the program was started with that stream closed (``2>&-``, pythonw);
        # a closed pipe: nothing to tell. Ending must not fail.
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    # Without arguments (the title screen, the most common start), there is nothing to
    # parse: building the parser of every command would only delay the first frame.
    # A command named first needs its own parser only (see _OneCommand).
    only = given[0] if given and given[0] in COMMANDS else None
    args = _parser(only).parse_args(given) if given else None
    _utf8_streams()
    try:
        if args is None or args.command is None:
            return _open_tui()
        handler = {
            "list": cmd_list,
            "validate": cmd_validate,
            "schema": cmd_schema,
            "lint": cmd_lint,
            "debrief": cmd_debrief,
            "cards": cmd_cards,
            "trainer": cmd_trainer,
            "demo": cmd_demo,
            "guide": cmd_guide,
            "map": cmd_map,
            "serve": cmd_serve,
            "explore": cmd_explore,
            "play": cmd_play,
            "replay": cmd_replay,
            "class": cmd_class,
            "join": cmd_join,
        }[args.command]
        code = handler(args)
        if argv is None and args.command == "validate":
            leave(code)  # the program's own run ends here; a call from Python returns
        return code
    except UsageError as exc:
        print(f"trafficking-sim: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130
    except PermissionError as exc:
        print(f"trafficking-sim: no permission to write {exc.filename}.", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader (such as `| head`) stopped reading; that is not an error of ours.
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # the disk or the file system said no: where, and why
        where = f" {exc.filename}" if exc.filename else ""
        print(f"trafficking-sim: cannot use{where}: {exc.strerror or exc}.", file=sys.stderr)
        return EXIT_USAGE
    except Exception:  # the last line of defence: a message and a log, not a traceback
        log = _write_crash_log()
        print(
            "trafficking-sim: something went wrong inside the program. Your saved games are "
            f"safe. The details were written to {log}; please send that file to the "
            "developers.",
            file=sys.stderr,
        )
        return EXIT_BUG


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _utf8_streams() -> None:
    # Windows consoles may default to a legacy code page; Slovene needs UTF-8.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def _write_crash_log() -> Path | str:
    """Log the error being handled; this never raises, whatever else is broken."""
    import traceback

    try:
        log = paths.user_data_dir() / "logs" / "error.log"
    except Exception:
        return "(no log: the data folder cannot be found)"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"--- trafficking-sim {__version__}, {sys.argv!r}\n")
            stream.write(traceback.format_exc())
    except Exception:
        pass
    return log


def _open_tui(
    scenario: str | None = None,
    role: str | None = None,
    lang: str | None = None,
    seed: int | None = None,
    resume: Path | None = None,
    trainer: bool = False,
    demo: Any = None,
    pace: float = 2.0,
) -> int:
    """Run the full-screen game; its own error dialog keeps tracebacks away from players."""
    in_browser = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")  # trafficking-sim serve
    if not in_browser and (not sys.stdout.isatty() or not sys.stdin.isatty()):
        print(
            "trafficking-sim: the full-screen game needs a terminal. To play line by line "
            "(for screen readers and scripts), use: trafficking-sim play --plain",
            file=sys.stderr,
        )
        return EXIT_USAGE
    term = os.environ.get("TERM", "")
    if not in_browser and os.name == "posix" and term in ("dumb", "unknown", ""):
        print(
            f"trafficking-sim: {t('cli.dumb_terminal', lang or 'en', term=term)}", file=sys.stderr
        )
        return EXIT_USAGE
    if not in_browser and (term in ("vt100", "vt102", "vt220", "ansi") or "NO_COLOR" in os.environ):
        print(t("cli.few_colours", lang or "en", term=term), file=sys.stderr)
    warning = paths.data_dir_warning(lang or "en")
    if warning:
        print(f"trafficking-sim: {warning}", file=sys.stderr)
    from .tui.app import AppConfig, TraffickingApp

    app = TraffickingApp(
        AppConfig(
            scenario=scenario,
            role=role,
            lang=lang,
            seed=seed,
            resume=resume,
            trainer=trainer,
            demo=demo,
            pace=pace,
        )
    )
    app.run()
    return EXIT_OK if app.return_code in (0, None) else EXIT_BUG


# --- list -----------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    import json

    from .content.cache import keep_listing, listing

    entries: list[dict[str, Any]] = []
    broken: list[str] = []
    lang = args.lang
    shared: list[Any] = []  # one loader for the scenarios checked now (made on first need)
    cards: dict[Path, dict[str, Any]] = {}  # the role cards read, for the next scenario
    for path in sorted(paths.bundled_dir("scenarios").glob("*.yaml")):
        # Listing checks nothing: a listing an earlier run kept is read from the content
        # cache, else the listing is read straight from the files (content/listing.py) and
        # kept. Only a file that does not give it plainly is checked in full, to say what
        # is wrong with it.
        summary = listing(path)
        if summary is None:
            from .content.listing import quick_summary  # (YAML, imported only to read)

            quick = quick_summary(path, cards)
            if quick is not None:
                summary, files = quick
                keep_listing(path, summary, files)
            else:
                summary = _checked_summary(path, shared)
        if summary is None:
            broken.append(path.name)
            continue

        def said(texts: dict[str, str]) -> str:
            # As the game itself does: the language asked for, else English, else any.
            return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")

        entries.append(
            {
                "id": summary["id"],
                "title": said(summary["title"]),
                "summary": said(summary["summary"]),
                "languages": summary["languages"],
                "difficulty": summary["difficulty"],
                "duration_minutes": summary["duration_minutes"],
                "flagship": summary["flagship"],
                "roles": [{"id": r["id"], "name": said(r["name"])} for r in summary["roles"]],
            }
        )
    if args.json:
        print(json.dumps({"scenarios": entries}, ensure_ascii=False, indent=2))
    else:
        for e in entries:
            print(
                f"{e['id']}: {e['title']} ({e['difficulty']}, ~{e['duration_minutes']} min, "
                f"{'/'.join(e['languages'])})"
            )
            print(f"    roles: {', '.join(r['id'] for r in e['roles'])}")
    for name in broken:
        print(f"warning: {name} has errors; run 'trafficking-sim validate'", file=sys.stderr)
    return EXIT_OK


def _checked_summary(path: Path, shared: list[Any]) -> dict[str, Any] | None:
    """A scenario's listing after checking it in full; None when it has errors.

    ``shared`` holds the one loader of this command once made, so the cards and agencies
    that scenarios have in common are read and checked once."""
    from .content import ContentError, load_game
    from .content.cache import summary_of
    from .content.loader import ContentLoader

    if not shared:
        shared.append(ContentLoader())
    try:
        return summary_of(load_game(path, shared[0]))
    except ContentError:
        return None


# --- validate -------------------------------------------------------------------------------


def _content_targets(given: list[Path]) -> list[Path]:
    """The files or folders to check: those given, or all the bundled content."""
    targets = list(given) or [
        paths.bundled_dir(k) for k in ("scenarios", "roles", "agencies", "codex")
    ]
    for target in targets:
        if not target.exists():
            raise UsageError(f"no such file or folder: {target}")
    return targets


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off for a short command that only builds up, back as it
    was after.

    A check imports pydantic, builds ~70 model classes and holds every file it reads: the
    collector's passes over that growing heap took about 15% of the CPU of ``validate``
    (edited flagship 524 -> 445 ms, everything 653 -> 570 ms) and freed next to nothing
    (peak memory on all the bundled content 50.4 MB with it, 51.0 MB without).
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_PLUGIN_LOADER = "pydantic.plugin._loader"


@contextlib.contextmanager
def without_pydantic_plugins() -> Iterator[None]:
    """pydantic told not to look for plugins (unless the user says otherwise), then as before.

    At its first model, pydantic imports its plugin loader, which imports
    ``importlib.metadata`` (with ``email``, ``zipfile``, ``csv``...: 25 to 30 ms of CPU), and
    then reads the metadata of every installed package (about 9 ms for 67 packages); a
    content check has no use for plugins. ``PYDANTIC_DISABLE_PLUGINS`` skips the reading
    but not the import, so for the check the loader is a module that finds none, which is
    what the real one does with that setting. Anything else asked of it (a newer pydantic)
    gets the real loader.
    """
    setting = "PYDANTIC_DISABLE_PLUGINS"
    if setting in os.environ:  # the user's own choice: theirs, untouched
        yield
        return
    os.environ[setting] = "__all__"
    stub = _no_plugins_loader()
    ours = sys.modules.setdefault(_PLUGIN_LOADER, stub) is stub
    try:
        yield
    finally:
        os.environ.pop(setting, None)
        if ours and sys.modules.get(_PLUGIN_LOADER) is stub:
            del sys.modules[_PLUGIN_LOADER]


def _no_plugins_loader() -> Any:
    import types

    stub = types.ModuleType(_PLUGIN_LOADER, "pydantic's plugin loader with plugins off")

    def get_plugins(*_: Any, **__: Any) -> tuple[()]:
        return ()

    def real(name: str) -> Any:
        import importlib

        if name.startswith("__"):
            raise AttributeError(name)  # what the import system asks of any module
        if sys.modules.get(_PLUGIN_LOADER) is stub:
            del sys.modules[_PLUGIN_LOADER]
        return getattr(importlib.import_module(_PLUGIN_LOADER), name)

    stub.get_plugins = get_plugins  # type: ignore[attr-defined]
    stub.__getattr__ = real  # type: ignore[method-assign]
    return stub


def cmd_validate(args: argparse.Namespace) -> int:
    # Files unchanged since they last passed are not parsed again (content/verdicts.py):
    # an author's validate after an edit checks in full what changed, and only that.
    from .content.verdicts import validate_changed

    targets = _content_targets(args.paths)
    with without_cycle_collection(), without_pydantic_plugins():
        problems, count, checked = validate_changed(targets, remember=not args.no_cache)
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.severity == "error")
    word = "file" if count == 1 else "files"
    unchanged = count - checked
    note = (
        f" {unchanged} of them unchanged since they last passed (--no-cache checks them again)."
        if unchanged
        else ""
    )
    if errors:
        print(
            f"{count} {word} checked: {errors} error{'s' if errors != 1 else ''}.{note}",
            file=sys.stderr,
        )
        return EXIT_INVALID
    print(f"{count} {word} checked: all valid.{note}", file=sys.stderr)
    return EXIT_OK


# --- lint and explore ------------------------------------------------------------------------


def cmd_lint(args: argparse.Namespace) -> int:
    from .explore.lint import lint_files

    targets = _content_targets(args.paths)
    problems, count = lint_files(targets)
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    print(
        f"{count} file{'s' if count != 1 else ''} checked: {errors} error(s), "
        f"{warnings} warning(s).",
        file=sys.stderr,
    )
    return EXIT_INVALID if errors else EXIT_OK


def cmd_explore(args: argparse.Namespace) -> int:
    import json

    from .content import ContentError, find_scenario, load_game
    from .explore.report import explore_report, print_explore_report, write_walkthroughs

    try:
        content = load_game(find_scenario(args.scenario))
    except LookupError as exc:
        raise UsageError(str(exc)) from None
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    roles = [args.role] if args.role else list(content.roles)
    for role in roles:
        if role not in content.roles:
            raise UsageError(
                f"'{role}' is not a role of '{content.id}'. Roles: {', '.join(content.roles)}."
            )
    if args.budget < 1:
        raise UsageError("--budget must be at least 1")
    report = explore_report(
        content,
        roles,
        seed=args.seed,
        budget=args.budget,
        max_turns=args.max_turns,
        cooperation_only=args.cooperation,
    )
    if args.walkthroughs is not None:
        write_walkthroughs(report, args.walkthroughs)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_explore_report(report)
    return EXIT_INVALID if report["errors"] else EXIT_OK


# --- schema ---------------------------------------------------------------------------------


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from .content.schema import json_schema

    print(json.dumps(json_schema(args.kind), indent=2, ensure_ascii=False))
    return EXIT_OK


# --- play -----------------------------------------------------------------------------------


def cmd_play(args: argparse.Namespace) -> int:
    import secrets

    from .play.saves import GameLock, SaveError, clean_stale_temps, is_save, read_save
    from .play.session import Session

    with contextlib.suppress(OSError):
        clean_stale_temps()
    if args.plain and (warning := paths.data_dir_warning(args.lang or "en")):
        print(f"trafficking-sim: {warning}", file=sys.stderr)
    if not args.plain:
        if args.script is not None:
            raise UsageError("--script plays line by line: add --plain")
        if args.save is not None:
            raise UsageError("the full-screen game saves by itself; --save works with --plain")
        return _open_tui(args.scenario, args.role, args.lang, args.seed, args.resume)
    if args.resume is not None:
        try:
            session = Session.resume(read_save(args.resume))
        except SaveError as exc:
            print(f"trafficking-sim: {error_text(exc, args.lang or 'en')}", file=sys.stderr)
            return EXIT_INVALID
        save_path = args.save or args.resume
    else:
        content = _playable(args.scenario)
        if content is None:
            return EXIT_INVALID
        role = _choose_role(content, args)
        seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
        if args.save is not None and args.save.exists() and not is_save(args.save):
            raise UsageError(
                f"{args.save} exists and is not a trafficking-sim save; "
                "choose another file name (it was not touched)"
            )
        session = Session.new(content, role, seed, args.lang or _remembered_lang())
        save_path = args.save
    if args.lang is not None:
        session.lang = args.lang
    lock = GameLock(save_path) if save_path is not None else None
    try:
        if args.save is not None and not args.force:
            _check_replaceable(args.save, session.content.id)
        if lock is not None:
            lock.acquire()
    except SaveError as exc:
        print(f"trafficking-sim: {error_text(exc, args.lang or 'en')}", file=sys.stderr)
        return EXIT_INVALID
    try:
        return _play_plain(args, session, save_path)
    finally:
        if lock is not None:
            lock.release()


def _check_replaceable(path: Path, scenario: str) -> None:
    """``--save`` replaces only a save of the same scenario and save format: another
    game (or one of a newer version) is somebody's work."""
    from .play.saves import SAVE_FORMAT, SaveError, peek

    info = peek(path)
    if info is None:
        return  # no file, or not a save (refused when writing)
    if info["scenario"] != scenario or info["format"] != SAVE_FORMAT:
        raise SaveError(
            "save.other_game",
            path=str(path),
            found=info["scenario"],
            format=info["format"],
            scenario=scenario,
        )


def _play_plain(args: argparse.Namespace, session: Any, save_path: Path | None) -> int:
    from .play.plain import PlainGame

    lines: TextIO
    if args.script is not None:
        try:
            lines = args.script.open(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read the script {args.script}: {exc.strerror}") from None
    else:
        lines = sys.stdin
    interactive = args.script is None and sys.stdin.isatty()
    game = PlainGame(session, sys.stdout, save_path=save_path, echo=not interactive)
    try:
        if interactive:
            return game.run(_prompted(sys.stdin))
        try:
            return game.run(lines)
        except UnicodeDecodeError:
            print("trafficking-sim: the commands are not UTF-8 text.", file=sys.stderr)
            return EXIT_USAGE
    finally:
        if lines is not sys.stdin:
            lines.close()


def _remembered_lang() -> str:
    """The language last chosen in the full-screen game (F2), as the plain mode's default."""
    from .settings import Settings

    return Settings.load().lang


def _prompted(stream: TextIO) -> Any:
    while True:
        try:
            yield input("> ")
        except EOFError:
            return


def _choose_role(content: Any, args: argparse.Namespace) -> str:
    from .content.errors import suggest

    roles: list[str] = content.roles
    if args.role is not None:
        if args.role not in roles:
            raise UsageError(
                f"'{args.role}' is not a role of '{content.id}'."
                f"{suggest(args.role, roles)} Roles: {', '.join(roles)}."
            )
        return str(args.role)
    if args.script is None and sys.stdin.isatty():
        from .i18n import t

        lang = args.lang or _remembered_lang()
        print(t("plain.choose_role", lang))
        for number, role in enumerate(roles, 1):
            print(f"  {number}. {content.actors[role].name.get(lang)}")
        while True:
            try:
                answer = input("> ").strip()
            except EOFError:
                break
            if answer.isdigit() and 1 <= int(answer) <= len(roles):
                return roles[int(answer) - 1]
            if answer in roles:
                return answer
    print(f"(Playing the role '{roles[0]}'; choose another with --role.)", file=sys.stderr)
    return roles[0]


# --- debrief --------------------------------------------------------------------------------


def _saved_game(args: argparse.Namespace) -> Session | None:
    """The game in ``args.save`` replayed (``--force``: even if its scenario changed), or
    None after saying why it cannot be (in ``--lang`` where the command has one)."""
    from .play.saves import SaveError, read_save
    from .play.session import Session

    try:
        return Session.resume(read_save(args.save), allow_changed=args.force)
    except SaveError as exc:
        lang = getattr(args, "lang", None) or "en"
        print(f"trafficking-sim: {error_text(exc, lang)}", file=sys.stderr)
        return None


def cmd_debrief(args: argparse.Namespace) -> int:
    from .review.debrief import build_debrief
    from .review.debrief_report import to_html, to_markdown, write_report

    session = _saved_game(args)
    if session is None:
        return EXIT_INVALID
    if session.state.seats:
        return _class_debrief(session, args)
    debrief = build_debrief(session, args.lang or session.lang, search=not args.quick)
    if args.out is not None:
        if args.out.exists() and args.out.is_dir():
            raise UsageError(f"{args.out} is a folder; give a file name")
        _keep_saves(args.out)
        write_report(debrief, args.out, args.format)
        print(f"Report written to {args.out}", file=sys.stderr)
    else:
        print(to_html(debrief) if args.format == "html" else to_markdown(debrief), end="")
    return EXIT_OK


def _class_debrief(session: Session, args: argparse.Namespace) -> int:
    """A class game's review: every group side by side, each group's own mistakes its own
    (one group's review alone would blame the whole class's moves on 'you')."""
    from .classroom.class_debrief import class_debrief_markdown
    from .i18n import t
    from .review.report_page import PRINTABLE, html_page

    lang = args.lang or session.lang
    session.lang = lang
    text = class_debrief_markdown(session, lang)
    if args.format == "html":
        title = f"{t('class.title', lang)}: {session.content.scenario.title.get(lang)}"
        text = html_page(text, title, lang)
    if args.out is not None:
        from .play.saves import atomic_write_text

        if args.out.exists() and args.out.is_dir():
            raise UsageError(f"{args.out} is a folder; give a file name")
        _keep_saves(args.out)
        atomic_write_text(args.out, text, mode=PRINTABLE)
        print(f"Report written to {args.out}", file=sys.stderr)
    else:
        print(text, end="")
    return EXIT_OK


# --- classroom materials ----------------------------------------------------------------------


def _playable(name: str | None) -> Any:
    """The scenario named (default: the flagship), loaded and checked; None, with its errors
    printed, when it has errors. An unknown name is a usage error."""
    from .content import ContentError, find_scenario, load_game

    try:
        path = find_scenario(name)
    except LookupError as exc:
        raise UsageError(str(exc)) from None
    try:
        return load_game(path)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        print("The scenario has errors and cannot be played.", file=sys.stderr)
        return None


def _scenario_for(args: argparse.Namespace) -> Any:
    """The scenario named by --scenario (default: the flagship), loaded and checked."""
    from .content import ContentError, find_scenario, load_game

    try:
        return load_game(find_scenario(args.scenario))
    except LookupError as exc:
        raise UsageError(str(exc)) from None
    except ContentError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(EXIT_INVALID) from None


def _out_folder(path: Path) -> Path:
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path} is a file; give a folder for --out")
    return path


def cmd_cards(args: argparse.Namespace) -> int:
    from .materials.cards import write_cards

    content = _scenario_for(args)
    written = write_cards(content, args.lang, _out_folder(args.out))
    print(f"{len(written)} files written to {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_guide(args: argparse.Namespace) -> int:
    from .content.loader import load_codex
    from .materials.guide import write_guide

    written = write_guide(load_codex(), args.lang, _out_folder(args.out))
    print(f"Written: {', '.join(str(p) for p in written)}", file=sys.stderr)
    return EXIT_OK


def cmd_map(args: argparse.Namespace) -> int:
    from .materials.coop_map import write_map

    content = _scenario_for(args)
    if args.out.is_dir():
        raise UsageError(f"{args.out} is a folder; give a file name such as map.svg")
    _keep_saves(args.out)
    write_map(content, args.lang, args.out)
    print(f"Written: {args.out}", file=sys.stderr)
    return EXIT_OK


def _keep_saves(out: Path) -> None:
    """A report or a picture never replaces a saved game (a slip in --out would lose it)."""
    from .play.saves import is_save

    if out.is_file() and is_save(out):
        raise UsageError(f"{out} is a saved game; give another file name for the output")


def cmd_demo(args: argparse.Namespace) -> int:
    from .play.demo import DemoError, load_playback

    if not args.file.is_file():
        raise UsageError(f"there is no file {args.file}")
    if not 0.2 <= args.pace <= 60:
        raise UsageError("--pace must be between 0.2 and 60 seconds")
    try:
        playback = load_playback(args.file, args.scenario, args.role, args.seed)
    except DemoError as exc:
        print(f"trafficking-sim: {error_text(exc, args.lang or 'en')}", file=sys.stderr)
        return EXIT_INVALID
    return _open_tui(lang=args.lang, demo=playback, pace=args.pace)


def cmd_trainer(args: argparse.Namespace) -> int:
    # A wrong id or a broken file is said here, not in the TUI.
    if args.scenario is not None and _playable(args.scenario) is None:
        return EXIT_INVALID
    return _open_tui(scenario=args.scenario, lang=args.lang, trainer=True)


# --- serve ----------------------------------------------------------------------------------


def _page_url(args: argparse.Namespace) -> str:
    """The address browsers open (``--public-url``, as behind a reverse proxy, or the one
    found): the served pages accept websockets only from its origin."""
    from .tui.serve import public_url

    url = str(args.public_url or public_url(args.host, args.port)).rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise UsageError("--public-url must start with http:// or https://")
    return url


def cmd_serve(args: argparse.Namespace) -> int:
    from .tui.serve import CannotListen, is_loopback, new_session_code, serve

    if not 1 <= args.port <= 65535:
        raise UsageError("--port must be between 1 and 65535")
    if args.max_connections < 1:
        raise UsageError("--max-connections must be at least 1")
    code = args.code.strip().upper() if args.code else None
    if code is None and not is_loopback(args.host):
        code = new_session_code()
    url = _page_url(args)
    if not is_loopback(args.host):
        print(
            f"WARNING: listening on {args.host}: anyone who can reach this computer on the "
            "network can open the page. Only those who type the session code can play. "
            "Use this only on a network you trust, for the length of the class.",
            file=sys.stderr,
        )
    if code is not None:
        print(
            f"Session code: {code}  (give it to the class; the page asks for it)", file=sys.stderr
        )
    print(
        f"Open {url} in a web browser; each tab is a game of its own. Press Ctrl+C here to stop.",
        file=sys.stderr,
    )
    if args.public_url and is_loopback(args.host):
        print(
            f"Note: {url} is for other computers, but the game listens on {args.host}, this "
            "computer only. Add --host 0.0.0.0 to let them in.",
            file=sys.stderr,
        )
    try:
        serve(args.host, args.port, args.lang, url, code, args.max_connections)
    except CannotListen as exc:
        raise UsageError(
            f"cannot listen on {args.host} port {args.port}: {exc}. "
            "Another program may be using that port: try another one, such as --port 8001."
        ) from exc
    return EXIT_OK


# --- a networked class ----------------------------------------------------------------------


def _class_db(args: argparse.Namespace) -> str | Path:
    from .classnet.pgstore import is_url

    if args.db is not None and is_url(args.db):
        return str(args.db)
    return Path(args.db) if args.db is not None else paths.user_data_dir() / "class.db"


def _open_class_store(args: argparse.Namespace, *, must_exist: bool = True) -> Any:
    from .classnet.pgstore import open_store

    path = _class_db(args)
    if isinstance(path, str):
        return open_store(path, create=not must_exist)
    if must_exist and not path.is_file():
        raise UsageError(
            f"there is no class database at {path}; create a class first "
            "(trafficking-sim class create --scenario ID), or give its file with --db"
        )
    return open_store(path, create=not must_exist)


def cmd_class(args: argparse.Namespace) -> int:
    from .classnet.store import ClassError

    command = {
        "create": _class_create,
        "status": _class_status,
        "export": _class_export,
        "host": _class_host,
    }
    try:
        return command[args.class_command](args)
    except ClassError as exc:
        print(f"trafficking-sim: {exc}", file=sys.stderr)
        return EXIT_INVALID


def _class_create(args: argparse.Namespace) -> int:
    import json
    import secrets

    from .content.errors import suggest
    from .play.session import scenario_reference

    content = _playable(args.scenario)
    if content is None:
        return EXIT_INVALID
    roles: list[str] = content.roles
    groups = [r.strip() for r in args.groups.split(",") if r.strip()] if args.groups else roles
    for role in groups:
        if role not in roles:
            raise UsageError(
                f"'{role}' is not a role of '{content.id}'."
                f"{suggest(role, roles)} Roles: {', '.join(roles)}."
            )
    if len(set(groups)) != len(groups):
        raise UsageError("--groups names a role twice; each group plays one role")
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    store = _open_class_store(args, must_exist=False)
    try:
        class_id = "class-" + secrets.token_hex(4)
        issued = store.create_class(
            class_id,
            scenario=content.id,
            scenario_path=scenario_reference(content.source),
            content_hash=content.content_hash,
            engine_version=__version__,
            seed=seed,
            seats=tuple(groups),
        )
    finally:
        store.close()
    from .classnet.store import TRAINER

    trainer = issued.pop(TRAINER)
    db = str(_class_db(args))
    if args.json:
        print(json.dumps({"class": class_id, "db": db, "codes": issued, "trainer": trainer}))
        return EXIT_OK
    print(f"Class {class_id} ({content.scenario.title.get('en')}), kept in {db}")
    print("Give each group its code (shown only now; only a hash is kept):")
    for role, code in issued.items():
        print(f"  {content.actors[role].name.get('en')}: {code}")
    print(f"Your trainer's code: {trainer}")
    print(f"Each group joins with: trafficking-sim join --plain --db {db} --code CODE")
    return EXIT_OK


def _class_game(args: argparse.Namespace) -> Any:
    """The class's game as the log has it, replayed here (any version may look)."""
    from .classnet.game import ClassGame

    store = _open_class_store(args)
    game = ClassGame(store, store.get_class(args.class_id))
    game.catch_up()
    return game


def _class_status(args: argparse.Namespace) -> int:
    import json

    game = _class_game(args)
    try:
        info = game.info
        connected = game.store.connected(info.id)
        status = {
            "class": info.id,
            "scenario": info.scenario,
            "seq": game.applied,
            "turn": game.session.state.turn,
            "whose_turn": None if game.over else game.whose_turn,
            "over": game.over,
            "ending": game.session.state.ending,
            "input_paused": game.controls.input_paused,
            "phase": game.controls.timer.phase.id,
            "phase_seconds_left": round(game.controls.timer.remaining()),
            "debrief_released": game.controls.ended,
            "groups": [{"role": r, "connected": connected.get(r, False)} for r in info.seats],
        }
    finally:
        game.store.close()
    if args.json:
        print(json.dumps(status, ensure_ascii=False))
        return EXIT_OK
    print(f"Class {status['class']} ({status['scenario']}): {status['seq']} actions logged")
    if status["over"]:
        print(f"The game is over (ending: {status['ending']}).")
    else:
        print(f"Turn {status['turn']}; playing now: {status['whose_turn']}")
    for group in status["groups"]:
        print(f"  {group['role']}: {'connected' if group['connected'] else 'not connected'}")
    return EXIT_OK


def _class_export(args: argparse.Namespace) -> int:
    from .classnet.talk import talk_markdown
    from .play.saves import SaveError, atomic_write_text, write_save

    game = _class_game(args)
    try:
        save = game.savegame()
    finally:
        game.store.close()
    # The talk between groups is no part of the game a save replays: it goes beside it.
    talk_path = args.out.with_name(args.out.stem + "-talk.md")
    try:
        write_save(args.out, save)
        atomic_write_text(talk_path, talk_markdown(game.talk, game.session.group_labels(), "en"))
    except (OSError, SaveError) as exc:
        print(f"trafficking-sim: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Wrote the class's game ({game.applied} actions) to {args.out}")
    print(f"Wrote the talk between groups to {talk_path}")
    return EXIT_OK


def host_command(db: str | Path, lang: str) -> str:
    """The command each browser tab of ``class host`` runs: a seat of this class."""
    import shlex

    where = db if isinstance(db, str) else str(Path(db).resolve())
    return shlex.join(
        [sys.executable, "-m", "trafficking_sim", "join", "--db", where, "--lang", lang]
    )


def _class_host(args: argparse.Namespace) -> int:
    """The class's seats in browsers: textual-serve running ``join``, the code typed in
    the app. Each browser has a data folder of its own, so the class's file is named."""
    from .tui.serve import MAX_CONNECTIONS, SERVED_ENV, CannotListen, is_loopback, make_server

    if not 1 <= args.port <= 65535:
        raise UsageError("--port must be between 1 and 65535")
    store = _open_class_store(args)  # a class must exist, and be readable, before serving
    info = store.get_class()
    store.close()
    url = _page_url(args)
    if not is_loopback(args.host):
        print(
            f"WARNING: listening on {args.host}: anyone who can reach this computer can open "
            "the page; only a group's join code opens a seat.",
            file=sys.stderr,
        )
    print(
        f"Class {info.id}: open {url} in each group's browser; each tab asks for its code. "
        "Join as the trainer with your code in a tab or a terminal "
        "(trafficking-sim join --code CODE: the trainer's console; add --plain for "
        "its line-by-line form). Ctrl+C here stops.",
        file=sys.stderr,
    )
    os.environ[SERVED_ENV] = "1"
    server = make_server(
        host_command(_class_db(args), args.lang),
        host=args.host,
        port=args.port,
        url=url,
        code=None,
        max_connections=MAX_CONNECTIONS,
        lang=args.lang,
    )
    try:
        server.serve()
    except OSError as exc:
        raise UsageError(f"cannot listen on {args.host} port {args.port}: {exc}") from None
    except CannotListen as exc:
        raise UsageError(f"cannot listen on {args.host} port {args.port}: {exc}") from None
    return EXIT_OK


def cmd_join(args: argparse.Namespace) -> int:
    from .classnet import codes
    from .classnet.game import ClassGame
    from .classnet.seat import SeatGame
    from .classnet.store import TRAINER, ClassError
    from .classnet.trainer import TrainerSeat

    lang = args.lang
    if not args.plain:  # the full screen: the code is typed in the app
        from .tui.seat import run_seat

        return run_seat(_class_db(args), args.code, lang)
    try:
        store = _open_class_store(args)
    except ClassError as exc:
        print(f"trafficking-sim: {error_text(exc, lang)}", file=sys.stderr)
        return EXIT_INVALID
    interactive = sys.stdin.isatty()
    try:
        found = None
        attempt = 0
        for attempt in range(1, codes.MAX_TRIES + 1):
            if args.code is not None and attempt == 1:
                code = args.code
            else:
                if args.code is not None:
                    break  # a code given on the command line is tried once
                print(t("classnet.ask_code", lang), flush=True)
                line = sys.stdin.readline()
                if not line:
                    attempt -= 1  # the input ended: that was no try
                    break
                code = line
            found = store.seat_for_code(code)
            if found is not None:
                break
            left = codes.MAX_TRIES - attempt
            print(f"trafficking-sim: {t('classnet.wrong_code', lang, left=left)}", file=sys.stderr)
        if found is None:
            if args.code is None and attempt >= codes.MAX_TRIES:
                print(f"trafficking-sim: {t('classnet.too_many_tries', lang)}", file=sys.stderr)
            return EXIT_INVALID
        info, role = found
        try:
            game = ClassGame(store, info)
            seat: SeatGame | TrainerSeat
            if role == TRAINER:  # the trainer's console: the class's controls
                seat = TrainerSeat(game, sys.stdout, lang=lang, echo=not interactive)
            else:
                seat = SeatGame(game, role, sys.stdout, lang=lang, echo=not interactive)
            lines = _prompted(sys.stdin) if interactive else sys.stdin
            try:
                return seat.run(lines)
            except UnicodeDecodeError:
                print("trafficking-sim: the commands are not UTF-8 text.", file=sys.stderr)
                return EXIT_USAGE
        except ClassError as exc:
            print(f"trafficking-sim: {error_text(exc, lang)}", file=sys.stderr)
            return EXIT_INVALID
    finally:
        store.close()


# --- replay ---------------------------------------------------------------------------------


def cmd_replay(args: argparse.Namespace) -> int:
    import json

    session = _saved_game(args)
    if session is None:
        return EXIT_INVALID
    outcome = outcome_of(session)
    if args.json:
        print(json.dumps(outcome, ensure_ascii=False, indent=2))
        return EXIT_OK
    content, lang = session.content, session.lang
    ending = content.endings.get(outcome["ending"]) if outcome["ending"] else None
    print(
        f"{content.scenario.title.get(lang)}: {content.actors[session.state.role].name.get(lang)}"
    )
    print(
        f"Turn {outcome['turn']}; ending: {ending.title.get(lang) if ending else 'not reached yet'}"
        + (f" (rated {outcome['rating']})" if outcome["rating"] else "")
    )
    for pillar, score in outcome["scores"].items():
        print(f"  {pillar}: {score}")
    for objective, met in outcome["objectives"].items():
        print(f"  [{'x' if met else ' '}] {objective}")
    return EXIT_OK


def outcome_of(session: Any) -> dict[str, Any]:
    from .engine.rating import own_exchanges, rate

    state = session.state
    rated = rate(session.content, state)
    return {
        "scenario": state.scenario,
        "role": state.role,
        "ending": state.ending,
        # The ending weighed against how it was reached (breaches, pillars, own exchanges).
        "rating": rated.rating if rated else None,
        "plot_rating": rated.plot if rated else None,
        "rating_costs": [key for key, _ in rated.costs] if rated else [],
        "turn": state.turn,
        "scores": dict(state.scores),
        "objectives": {o: o in state.objectives for o in session.content.objectives},
        "exchanges": own_exchanges(state),
        "breaches": [
            {"turn": b.turn, "kind": b.kind, "fact": b.fact, "to": b.recipient}
            for b in state.breaches
        ],
    }


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
