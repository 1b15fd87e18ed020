"""The application: owns the game session, the language and the screens.

Attributes go down (screens read ``app.session`` and ``app.lang``), actions come up
(screens call ``app.perform(action)``). Every action is saved at once, so a crash, a
closed laptop or a pulled plug never loses a game.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.events import Resize
from textual.notifications import Notify
from textual.screen import Screen
from textual.theme import Theme

from .. import __version__, paths
from ..i18n import error_text, next_language, t
from ..play.saves import GameLock, SaveError, write_save
from ..settings import Settings
from .localize import binding, localize_bindings, localize_widgets
from .messages import GameUpdated, LanguageChanged
from .text import EMPTY_INDEX, TermIndex, palette_text

if TYPE_CHECKING:
    from ..classroom.state import Classroom
    from ..content import GameContent
    from ..content.models import Codex
    from ..engine import Action, Event
    from ..play.session import Session

MIN_WIDTH, MIN_HEIGHT = 80, 24

PRELOAD_DELAY = 0.4
"""Seconds after the title's first frame before the content loads in the background."""

MAX_TOASTS = 2
"""Toasts on screen at once; more would cover the panes (everything is in the Log too)."""


def classroom_path(game: Path) -> Path:
    """Where a class's timer and trainer code are kept: beside the class's own game file
    (not a '.json', so the list of games in progress never takes it for a game)."""
    return game.with_suffix(".classroom")


PROJECTOR_THEME = Theme(
    name="projector",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FF8800",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF4040",
    dark=True,
)
"""High contrast for projectors and bright rooms."""


@dataclass
class AppConfig:
    """How the app starts: at the title screen, or straight into a game."""

    scenario: str | None = None
    role: str | None = None
    lang: str | None = None
    seed: int | None = None
    resume: Path | None = None
    trainer: bool = False  # open trainer mode (a class on one laptop)
    demo: Any = None  # a Playback to show at once (trafficking-sim demo)
    pace: float = 2.0


class TraffickingApp(App[None]):
    TITLE = "trafficking-sim"
    # The title's few rules alone before the first frame; every other screen's rules
    # (app.tcss) just after it, or before another screen is shown (``_load_screen_css``).
    CSS_PATH = Path(__file__).parent / "title.tcss"
    SCREENS_CSS = Path(__file__).parent / "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    # The footer keeps F1 and F10 in view at 80 columns in both languages; F2 and F3 are in
    # Help and in the palette (ctrl+p), which the footer names in the player's language.
    BINDINGS = [
        binding("f1", "help", "help"),
        binding("f2", "toggle_language", "language", show=False),
        binding("f3", "codex", "codex", show=False),
        binding("f10", "quit", "quit"),
        binding("ctrl+p", "command_palette", "palette", show=False, priority=True),
        binding("q", "quit", "quit_q", show=False),
        binding("ctrl+t", "toggle_contrast", "contrast", show=False),
        binding("f6", "trainer_tools", "trainer_tools", show=False),
    ]

    def __init__(self, config: AppConfig | None = None) -> None:
        super().__init__()
        self.config = config or AppConfig()
        self.settings = Settings.load()
        self.lang = self.config.lang or self.settings.lang
        self.session: Session | None = None
        self.catalogue: list[GameContent] | None = None
        self.catalogue_errors: list[str] = []
        self.codex: Codex | None = None
        self._indexes: dict[str, TermIndex] = {}
        self.errors: list[str] = []
        self.classroom: Classroom | None = None  # trainer mode
        self.save_path: Path | None = None  # the file of the game in progress
        self._lock: GameLock | None = None
        self._finished_kept = False

    # --- start-up ------------------------------------------------------------------------

    def on_mount(self) -> None:
        from ..play.saves import clean_stale_temps

        with contextlib.suppress(OSError):
            clean_stale_temps()
        warning = paths.data_dir_warning(self.lang)
        if warning:  # the games of this run may not outlive the computer's next start
            self.notify(warning, severity="warning", timeout=20, markup=False)
        self.register_theme(PROJECTOR_THEME)
        try:
            self.theme = self.settings.theme
        except Exception:
            self.theme = "textual-dark"
        localize_bindings(self, self.lang)
        # Content loads in the background a moment after the first frame is drawn, so that
        # the title reaches the terminal first and at full speed: Textual's writer is a
        # thread too, and the loading one holds the interpreter for a while (imports, the
        # models). A learner is still reading the title.
        self.call_after_refresh(self.set_timer, PRELOAD_DELAY, self._start_preload)
        if self.config.demo is not None:
            from .screens.demo import DemoScreen

            self.call_after_refresh(
                self.push_screen, DemoScreen(self.config.demo, self.config.pace)
            )
        elif self.config.trainer:
            self.call_after_refresh(self.open_trainer_mode)
        elif self.config.resume is not None:
            self.call_after_refresh(self.resume_game, self.config.resume)
        elif self.config.scenario is not None or self.config.role is not None:
            self.call_after_refresh(self._start_from_config)
        self.call_after_refresh(self.check_size)

    def get_default_screen(self) -> Screen[Any]:
        """The title screen is the bottom of the stack: the first thing drawn, once."""
        from .screens.title import TitleScreen

        return TitleScreen()

    def _start_preload(self) -> None:
        self.load_screens_css()
        self.run_worker(self._preload, thread=True, exclusive=True, group="preload")

    def load_screens_css(self) -> None:
        """Read the stylesheet of the screens after the title, once (see ``CSS_PATH``)."""
        path = str(self.SCREENS_CSS)
        if self.stylesheet.has_source(path, ""):
            return
        self.stylesheet.read(self.SCREENS_CSS)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def _load_screen_css(self, screen: Screen[Any]) -> None:
        # Textual calls this before it shows any screen (pushed, switched or installed):
        # every screen but the title gets its rules even when shown before the preload.
        if not getattr(screen, "TITLE_CSS_ONLY", False):
            self.load_screens_css()
        super()._load_screen_css(screen)

    def _preload(self) -> None:
        """Load scenarios and the glossary in the background while the title is shown."""
        from ..content import ContentError, bundled_scenarios, load_game
        from ..content.loader import ContentLoader, load_codex

        games: list[GameContent] = []
        errors: list[str] = []
        shared = ContentLoader()  # (the cards and agencies they share, read once)
        for path in bundled_scenarios():
            try:
                # From the checked-content cache when an earlier run checked these files.
                games.append(load_game(path, shared))
            except ContentError as exc:
                errors.append(str(exc))
        games.sort(
            key=lambda g: (not g.scenario.flagship, g.scenario.difficulty != "tutorial", g.id)
        )
        try:
            codex = load_codex()
        except ContentError as exc:
            errors.append(str(exc))
            codex = None
        self.call_from_thread(self._preloaded, games, errors, codex)

    def _preloaded(self, games: list[GameContent], errors: list[str], codex: Codex | None) -> None:
        self.catalogue = games
        self.catalogue_errors = errors
        self.codex = codex
        self._indexes.clear()
        # Redraw what is on screen: lists of scenarios, and glossary links in every text.
        for screen in list(self.screen_stack):
            if getattr(screen, "ready", False):
                screen.refresh_language()  # type: ignore[attr-defined]

    def _start_from_config(self) -> None:
        from ..content import ContentError, find_scenario, load_game

        try:
            content = load_game(find_scenario(self.config.scenario))
        except (LookupError, ContentError) as exc:
            self.show_problem(t("tui.cannot_open_scenario", self.lang), str(exc))
            return
        role = self.config.role
        if role is None or role not in content.roles:
            from .screens.roles import RoleScreen

            self.push_screen(RoleScreen(content))
            return
        self.start_game(content, role, self.config.seed)

    # --- the game --------------------------------------------------------------------------

    def start_game(self, content: GameContent, role: str, seed: int | None = None) -> None:
        import secrets

        from ..play.session import Session

        self.session = Session.new(
            content, role, seed if seed is not None else secrets.randbelow(2**31), self.lang
        )
        self.classroom = None  # a game of one's own after a class is not a class game
        self._use_file(None)
        self.autosave()
        self._show_game()

    def _use_file(self, path: Path | None) -> None:
        """Save the game from now on to ``path`` (a new file of its own when None),
        holding its lock so that no other program writes it too."""
        from ..play.saves import new_game_path

        self.release_game()
        target = path or new_game_path()
        lock = GameLock(target)
        lock.acquire()
        self.save_path, self._lock, self._finished_kept = target, lock, False

    def release_game(self) -> None:
        if self._lock is not None:
            self._lock.release()
        self._lock = None

    def resume_game(self, path: Path | None = None) -> None:
        """Continue a game: one in progress (the newest when ``path`` is None), or a save
        given on the command line (then saved to a file of its own, the save untouched)."""
        from ..play.saves import is_unfinished, read_save, unfinished_games
        from ..play.session import Session

        if path is None:
            games = unfinished_games()
            if not games:
                return
            path = games[0][0]
        try:
            session = Session.resume(read_save(path))
            own = is_unfinished(path)
            if own:  # the lock first: another window may be playing this very game
                self._use_file(path)
        except SaveError as exc:
            self.show_problem(t("tui.cannot_resume", self.lang), error_text(exc, self.lang))
            return
        self.session = session
        if not own:
            self._use_file(None)
        if self.session.lang != self.lang:
            self.session.lang = self.lang
        self.classroom = None
        if self.session.state.seats and not self.session.state.over:
            # A class game cut short (the laptop closed, a crash): the trainer gets the
            # class back, with the timer at the simulation, where the game was.
            self.classroom = self._kept_classroom()
            self.show_trainer()
            return
        if self.session.state.over:
            self.keep_finished()  # it goes to the finished games, out of "Continue"
        self._show_game()

    # --- trainer mode ----------------------------------------------------------------------

    def open_trainer_mode(self) -> None:
        from .screens.trainer import TrainerSetupScreen

        self.push_screen(TrainerSetupScreen())

    def start_class(
        self,
        content: GameContent,
        seats: tuple[str, ...],
        names: dict[str, str],
        seed: int,
        code: str = "",
        turn_minutes: int = 0,
    ) -> None:
        """A class game: the groups' roles in turn order, the timer on its first phase,
        the trainer's code for F6 and each group's minutes at the laptop per turn."""
        from ..classroom.state import Classroom
        from ..play.session import Session

        self.session = Session.new(content, seats[0], seed, self.lang, seats, names)
        self.classroom = Classroom.for_scenario(content.scenario.duration_minutes)
        self._use_file(None)
        if code:
            self.classroom.set_code(code)
        self.classroom.turn_minutes = turn_minutes
        self.autosave()
        self.show_trainer()

    def _kept_classroom(self) -> Classroom:
        """The class as it was kept beside the autosave (timer, code, display); a fresh
        one at the simulation phase when none was kept or it cannot be read."""
        import json

        from ..classroom.state import Classroom

        assert self.session is not None
        try:
            if self.save_path is None:
                raise OSError("no game file")
            data = json.loads(classroom_path(self.save_path).read_text(encoding="utf-8"))
            return Classroom.from_dict(data)
        except (OSError, ValueError):
            classroom = Classroom.for_scenario(self.session.content.scenario.duration_minutes)
            classroom.clock.go_to("simulation")
            return classroom

    def keep_classroom(self) -> None:
        """Keep the class's timer and code beside the autosave (Continue restores them)."""
        import json

        from ..play.saves import atomic_write_text

        if self.classroom is None or self.save_path is None:
            return
        # (If it cannot be written, the game itself is still saved; only the timer would
        # start again at the simulation.)
        with contextlib.suppress(OSError):
            atomic_write_text(classroom_path(self.save_path), json.dumps(self.classroom.to_dict()))

    def show_trainer(self) -> None:
        from .screens.game import GameScreen
        from .screens.trainer import TrainerScreen

        if self.classroom is None or self.session is None:
            return
        self.pop_to_title()
        self.push_screen(GameScreen())
        self.push_screen(TrainerScreen())

    def show_class_game(self) -> None:
        """Back to the game from the trainer's screen, behind a hand-over screen."""
        from .screens.trainer import HandOverScreen, TrainerScreen

        if isinstance(self.screen, TrainerScreen):
            self.pop_screen()
        if self.session is not None and self.session.state.seats:
            self.push_screen(HandOverScreen(self.session.state.role), self._handed_over)

    def _handed_over(self, _: None = None) -> None:
        from .screens.game import GameScreen

        if self.classroom is not None:
            self.classroom.sit_down()
        for screen in self.screen_stack:
            if isinstance(screen, GameScreen):
                screen.show_unseen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Trainer tools exist only in a class game; elsewhere F6 is neither shown nor run.
        if action == "trainer_tools":
            return self.classroom is not None and self.session is not None
        return True

    def action_trainer_tools(self) -> None:
        """F6: the trainer's tools, behind the trainer's code (the groups use this laptop)."""
        from .screens.trainer import TrainerCodeDialog, TrainerToolsDialog

        if self.classroom is None or self.session is None:
            return
        if isinstance(self.screen, TrainerToolsDialog | TrainerCodeDialog):
            return
        if not self.classroom.code_hash:
            self.push_screen(TrainerToolsDialog())
            return

        def opened(code: str | None) -> None:
            if code is None:
                return
            if self.classroom is not None and self.classroom.code_ok(code):
                self.push_screen(TrainerToolsDialog())
            else:
                self.notify(self.tr("trainer.wrong_code"), severity="error", markup=False)

        self.push_screen(TrainerCodeDialog(), opened)

    def _show_game(self) -> None:
        from .screens.game import GameScreen

        self.pop_to_title()
        self.push_screen(GameScreen())
        if self.session is not None and self.session.state.over:
            self.show_debrief()

    def pop_to_title(self) -> None:
        from .screens.title import TitleScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, TitleScreen):
            self.pop_screen()

    def perform(self, action: Action) -> list[Event]:
        """Take one action in the game, save, and tell the screens what happened."""
        from .screens.game import GameScreen

        assert self.session is not None
        was_over = self.session.state.over
        events = self.session.act(action)
        self.autosave()
        ended = self.session.state.over and not was_over
        for screen in list(self.screen_stack):
            screen.post_message(
                GameUpdated(
                    events,
                    role=self.session.state.role,
                    seen=len(self.session.events),
                    ended=ended,
                )
            )
        if ended:
            if self.classroom is not None:
                self.classroom.game_over()  # the simulation is over: reflection begins
                self.keep_classroom()
            self.keep_finished()
            if not any(isinstance(s, GameScreen) for s in self.screen_stack):
                self.call_after_refresh(self.show_debrief)
            # else the game screen shows it, after its own news of this action
        return events

    def show_debrief(self) -> None:
        from .screens.debrief import DebriefScreen
        from .screens.trainer import ClassDebriefScreen

        if isinstance(self.screen, DebriefScreen | ClassDebriefScreen):
            return
        if self.session is not None and self.session.state.seats:
            # Every group's review together; one group's alone would read as the class's.
            self.push_screen(ClassDebriefScreen())
        else:
            self.push_screen(DebriefScreen())

    def autosave(self) -> None:
        if self.session is None or self.save_path is None or self._finished_kept:
            return  # a finished game kept for review is no longer a game in progress
        self.keep_classroom()
        try:
            write_save(self.save_path, self.session.savegame())
        except (OSError, SaveError) as exc:
            self.notify(
                t("tui.autosave_failed", self.lang, error=error_text(exc, self.lang)),
                severity="error",
                markup=False,
            )

    def keep_finished(self) -> None:
        """Keep the finished game apart from the autosave, for a later review."""
        from ..play.saves import archive_finished, forget_unfinished

        if self.session is None:
            return
        try:
            archive_finished(self.session.savegame())
            if self.save_path is not None:
                forget_unfinished(self.save_path)
                with contextlib.suppress(OSError):
                    classroom_path(self.save_path).unlink(missing_ok=True)
                self._finished_kept = True
        except (OSError, SaveError) as exc:
            self.notify(
                t("tui.autosave_failed", self.lang, error=error_text(exc, self.lang)),
                severity="error",
                markup=False,
            )

    def _on_notify(self, event: Notify) -> None:
        super()._on_notify(event)
        toasts = list(self._notifications)
        for oldest in toasts[: max(0, len(toasts) - MAX_TOASTS)]:
            self._unnotify(oldest)

    def has_autosave(self) -> dict[str, Any] | None:
        """What the newest game in progress is, or None when there is none."""
        from ..play.saves import unfinished_games

        games = unfinished_games()
        return games[0][1] if games else None

    # --- language, theme, glossary, help ------------------------------------------------------

    def tr(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.settings.lang = lang
        self.settings.save()
        if self.session is not None:
            self.session.lang = lang
            self.autosave()
        localize_bindings(self, lang)
        for screen in list(self.screen_stack):
            localize_bindings(screen, lang)
            localize_widgets(screen, lang)
            screen.post_message(LanguageChanged(lang))
        self.refresh_bindings()

    def action_toggle_language(self) -> None:
        self.set_language(next_language(self.lang))
        self.notify(self.tr("tui.language_set"), timeout=2, markup=False)

    def action_toggle_contrast(self) -> None:
        self.theme = "textual-dark" if self.theme == "projector" else "projector"

    def watch_theme(self, theme: str) -> None:
        if getattr(self, "settings", None) is not None and self.settings.theme != theme:
            self.settings.theme = theme
            self.settings.save()

    def term_index(self) -> TermIndex:
        """Glossary terms of the current language, for links in texts."""
        if self.codex is None:
            return EMPTY_INDEX
        index = self._indexes.get(self.lang)
        if index is None:
            pairs: list[tuple[str, str]] = []
            for entry in self.codex.entries:
                pairs.append((entry.term.get(self.lang), entry.id))
                pairs += [(alias.get(self.lang), entry.id) for alias in entry.also]
            index = self._indexes[self.lang] = TermIndex(pairs)
        return index

    def action_codex(self, entry: str | None = None) -> None:
        from .screens.codex import CodexScreen

        if isinstance(self.screen, CodexScreen):
            if entry:
                self.screen.show_entry(entry)
            return
        self.push_screen(CodexScreen(entry))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        if self.classroom is not None and self.session is not None:
            # A class: one stray q or F10 from a group must not end it for everyone.
            from .screens.dialogs import ConfirmDialog

            if isinstance(self.screen, ConfirmDialog):
                return

            def answered(yes: bool | None) -> None:
                if yes:
                    self.autosave()
                    self.exit()

            self.push_screen(ConfirmDialog(self.tr("trainer.confirm_quit")), answered)
            return
        self.autosave()
        self.release_game()
        self.exit()

    def on_unmount(self) -> None:
        self.release_game()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        ours = [
            SystemCommand(self.tr("key.help"), self.tr("cmd.help"), self.action_help),
            SystemCommand(self.tr("key.codex"), self.tr("cmd.codex"), self.action_codex),
            SystemCommand(
                self.tr("key.language"), self.tr("cmd.language"), self.action_toggle_language
            ),
            SystemCommand(
                self.tr("key.contrast"), self.tr("cmd.contrast"), self.action_toggle_contrast
            ),
        ]
        commands = getattr(screen, "screen_commands", None)
        if commands is not None:
            ours += commands()
        # Our names and help are the catalogue's words: shown as written, never as markup.
        for command in ours:
            yield command._replace(
                title=palette_text(command.title), help=palette_text(command.help)
            )

    # --- size ---------------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self.check_size()

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Push a screen; while the window is too small, its notice stays on top (a dialog
        opened meanwhile waits under it instead of burying it)."""
        from .screens.too_small import TooSmallScreen

        if isinstance(self.screen, TooSmallScreen) and not isinstance(screen, TooSmallScreen):
            self.pop_screen()
            result = super().push_screen(screen, *args, **kwargs)
            self.call_after_refresh(self.check_size)
            return result
        return super().push_screen(screen, *args, **kwargs)

    def check_size(self) -> None:
        from .screens.too_small import TooSmallScreen

        small = self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()

    # --- problems -----------------------------------------------------------------------------

    def show_problem(self, title: str, detail: str) -> None:
        from .screens.dialogs import MessageDialog

        self.push_screen(MessageDialog(title, detail))

    def report_error(self, error: BaseException) -> None:
        """An unexpected error in the interface: log it, keep the game, show a dialog."""
        log = self.write_error_log(error)
        self.errors.append(repr(error))
        with contextlib.suppress(Exception):
            self.autosave()
        from .screens.error import ErrorScreen

        if len(self.errors) >= 5:
            # Something keeps failing: stop cleanly rather than loop through dialogs.
            self.exit(message=t("tui.fatal", self.lang, log=str(log)))
        elif not isinstance(self.screen, ErrorScreen):
            self.push_screen(ErrorScreen(log))

    def _handle_exception(self, error: Exception) -> None:
        """The last resort, outside our guarded handlers: log, save, and leave politely."""
        self.write_error_log(error)
        with contextlib.suppress(Exception):
            self.autosave()
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        # In place of Textual's traceback: what happened and what to do, for a learner.
        try:
            log = paths.user_data_dir() / "logs" / "error.log"
        except Exception:
            log = Path("error.log")
        self.bell()
        self._exit_renderables.append(t("tui.fatal", self.lang, log=str(log)))
        self._close_messages_no_wait()

    @staticmethod
    def write_error_log(error: BaseException) -> Path:
        """Log an error; this never raises, since it runs when something already failed."""
        try:
            log = paths.user_data_dir() / "logs" / "error.log"
        except Exception:
            return Path("error.log")
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as stream:
                stream.write(
                    f"--- trafficking-sim {__version__} TUI, "
                    f"{dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}\n"
                )
                stream.write("".join(traceback.format_exception(error)))
        except Exception:
            pass
        return log
