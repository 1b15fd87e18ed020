"""Finding, reading and fully checking content files; the only way content enters the game."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import paths
from .bundle import GameContent, build_actor_for_agency, build_actor_for_role, content_hash
from .crossref import check_scenario
from .errors import ContentError, Problem, display_path, suggest
from .logic import trigger_kind
from .models import AgencyProfile, Codex, RoleCard, Scenario
from .places import companion_dirs
from .text import LocalText
from .validation import resolve_texts, validate_model
from .verdicts import content_files
from .yamlsafe import Located, load

KINDS = ("scenario", "role", "agency", "codex")
_MODELS: dict[str, type[Any]] = {
    "scenario": Scenario,
    "role": RoleCard,
    "agency": AgencyProfile,
    "codex": Codex,
}
_FOLDERS = {"role": "roles", "agency": "agencies", "scenario": "scenarios"}


@dataclass
class Loaded:
    """One validated file with its texts."""

    path: Path
    located: Located
    model: Any
    texts: dict[str, LocalText]


def _kind_of(located: Located) -> str:
    data = located.data
    if not isinstance(data, dict):
        type_name = type(data).__name__
        shown = {"list": "a list", "str": "a single text", "int": "a number"}.get(
            type_name, type_name
        )
        raise ContentError(
            [
                located.problem(
                    (), f"expected a mapping (key: value lines) at the top of the file, not {shown}"
                )
            ]
        )
    kind: Any = data.get("kind")
    if kind not in KINDS:
        if kind is None:
            message = (
                "the file has no 'kind:' line; start it with 'kind: scenario', "
                "'kind: role', 'kind: agency' or 'kind: codex'"
            )
        else:
            message = f"unknown kind '{kind}'; expected scenario, role, agency or codex." + suggest(
                str(kind), KINDS
            )
        raise ContentError([located.problem(("kind",), message.rstrip("."))])
    return str(kind)


class ContentLoader:
    """Loads content files once each, remembering results (and failures) per path."""

    def __init__(self) -> None:
        self._cache: dict[Path, Loaded | ContentError] = {}
        self._dirs: dict[tuple[Path, str], list[Path]] = {}
        self._resolved: dict[Path, Path] = {}

    def _key(self, path: Path) -> Path:
        """``path`` resolved, once per path this loader is given: resolving is slow next to
        the rest (a system call per folder on the way), and a check asks for the same
        files again and again (a scenario's cards and agencies, for each scenario)."""
        key = self._resolved.get(path)
        if key is None:
            key = self._resolved[path] = path.resolve()
        return key

    def load_file(self, path: Path, expect: str | None = None) -> Loaded:
        key = self._key(path)
        cached = self._cache.get(key)
        if cached is None:
            try:
                cached = self._load_file(path, expect)
            except ContentError as exc:
                cached = exc
            self._cache[key] = cached
        if isinstance(cached, ContentError):
            raise cached
        return cached

    def _read(self, path: Path) -> Located:
        """The file's data with positions (the content cache gives stored data instead)."""
        return load(path)

    def _load_file(self, path: Path, expect: str | None) -> Loaded:
        located = self._read(path)
        kind = _kind_of(located)
        if expect is not None and kind != expect:
            raise ContentError(
                [located.problem(("kind",), f"expected a {expect} file here, but this is a {kind}")]
            )
        model = validate_model(_MODELS[kind], located)
        prefix = "" if kind == "scenario" else f"{kind}:{model.id}/"
        texts, problems = resolve_texts(model, located, list(model.languages), prefix)
        if kind != "scenario" and path.stem != model.id:
            problems.append(
                located.problem(
                    ("id",), f"the id '{model.id}' must match the file name '{path.stem}'"
                )
            )
        problems += _duplicate_services(model, located)
        if isinstance(model, Codex):
            problems += _codex_problems(model, located)
        if problems:
            raise ContentError(problems)
        return Loaded(path, located, model, texts)

    # --- scenarios with everything they use -----------------------------------------------

    def load_game(self, path: Path, *, check: bool = True, hashed: bool = True) -> GameContent:
        """A scenario with its role cards and agencies, fully checked.

        ``check=False`` leaves out the cross-reference checks: only for content read back
        from the content cache, which holds nothing that did not pass them.
        ``hashed=False`` leaves the content hash empty (the files are not read again to
        make it): only for a check that keeps nothing of the game, as ``validate
        --no-cache`` keeps nothing.
        """
        loaded = self.load_file(path, "scenario")
        scenario: Scenario = loaded.model
        located = loaded.located
        problems: list[Problem] = []
        texts = dict(loaded.texts)
        files = [path]
        actors = {}
        roles: list[str] = []
        for i, entry in enumerate(scenario.roles):
            card = self._companion(
                path,
                "role",
                entry.card,
                located,
                ("roles", i, "card"),
                problems,
                scenario.languages,
            )
            if card is not None:
                actors[card.model.id] = build_actor_for_role(card.model, entry)
                roles.append(card.model.id)
                texts.update(card.texts)
                files.append(card.path)
        for i, agency_entry in enumerate(scenario.agencies):
            profile = self._companion(
                path,
                "agency",
                agency_entry.profile,
                located,
                ("agencies", i, "profile"),
                problems,
                scenario.languages,
            )
            if profile is not None:
                actor = build_actor_for_agency(profile.model, agency_entry)
                actors[actor.id] = actor
                texts.update(profile.texts)
                files.append(profile.path)
        if problems:
            # A missing or broken companion would make every reference to it look wrong:
            # report the cause alone, and check references once it is fixed.
            raise ContentError(problems)
        if check:
            services = {a.id: set(a.services) for a in actors.values()}
            problems += check_scenario(scenario, located, set(actors), services)
        if problems:
            raise ContentError(problems)
        rules_by_trigger: dict[str, list[Any]] = {}
        for rule in scenario.rules:
            rules_by_trigger.setdefault(trigger_kind(rule.when), []).append(rule)
        return GameContent(
            scenario=scenario,
            source=path,
            content_hash=content_hash(files) if hashed else "",
            actors=actors,
            roles=roles,
            facts={f.id: f for f in scenario.facts},
            actions={a.id: a for a in scenario.actions},
            rules=list(scenario.rules),
            injects={i.id: i for i in scenario.injects},
            objectives={o.id: o for o in scenario.objectives},
            endings={e.id: e for e in scenario.endings},
            texts=texts,
            files=files,
            rules_by_trigger=rules_by_trigger,
        )

    def _companion(
        self,
        scenario_path: Path,
        kind: str,
        ident: str,
        located: Located,
        where: tuple[str | int, ...],
        problems: list[Problem],
        languages: Sequence[str],
    ) -> Loaded | None:
        folder = _FOLDERS[kind]
        # Resolving paths is slow next to the rest: once per folder of scenarios.
        places = (self._key(scenario_path).parent, folder)
        dirs = self._dirs.get(places)
        if dirs is None:
            dirs = self._dirs[places] = companion_dirs(scenario_path, folder)
        for directory in dirs:
            candidate = directory / f"{ident}.yaml"
            if candidate.is_file():
                try:
                    loaded = self.load_file(candidate, kind)
                except ContentError as exc:
                    problems.extend(exc.problems)
                    return None
                missing = set(languages) - set(loaded.model.languages)
                if missing:
                    problems.append(
                        located.problem(
                            where, f"the {kind} '{ident}' has no {', '.join(sorted(missing))} texts"
                        )
                    )
                return loaded
        available = {p.stem for d in dirs if d.is_dir() for p in d.glob("*.yaml")}
        word = "role card" if kind == "role" else "agency profile"
        looked = ", ".join(display_path(d) for d in dirs)
        problems.append(
            located.problem(
                where,
                f"no {word} '{ident}' found (looked in {looked})." + suggest(ident, available),
            )
        )
        return None


def _codex_problems(codex: Codex, located: Located) -> list[Problem]:
    problems: list[Problem] = []
    ids: set[str] = set()
    for i, entry in enumerate(codex.entries):
        if entry.id in ids:
            problems.append(
                located.problem(("entries", i, "id"), f"the entry '{entry.id}' is defined twice")
            )
        ids.add(entry.id)
    for i, entry in enumerate(codex.entries):
        for j, other in enumerate(entry.see):
            if other not in ids:
                problems.append(
                    located.problem(
                        ("entries", i, "see", j),
                        f"unknown entry '{other}'." + suggest(other, ids),
                    )
                )
    return problems


def load_codex() -> Codex:
    """The bundled glossary and guide to the legal instruments."""
    loaded = ContentLoader().load_file(paths.bundled_dir("codex") / "codex.yaml", "codex")
    codex: Codex = loaded.model
    return codex


def _duplicate_services(model: Any, located: Located) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, service in enumerate(getattr(model, "services", [])):
        if service.id in seen:
            problems.append(
                located.problem(
                    ("services", i, "id"), f"the service '{service.id}' is defined twice"
                )
            )
        seen.add(service.id)
    return problems


# --- finding scenarios ----------------------------------------------------------------------


def bundled_scenarios() -> list[Path]:
    return sorted(paths.bundled_dir("scenarios").glob("*.yaml"))


def find_scenario(name: str | None) -> Path:
    """A scenario path from an id or a path; the flagship scenario when ``name`` is None."""
    if name is None:
        return default_scenario()
    candidate = Path(name)
    # A folder that happens to share a bundled id's name (tests/walkthroughs/tutorial,
    # say, in the current folder) is not a scenario file: the id wins.
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        if not candidate.is_file():
            raise LookupError(f"no scenario file at {name}")
        return candidate
    for path in bundled_scenarios():
        if path.stem == name:
            return path
    ids = [p.stem for p in bundled_scenarios()]
    hint = suggest(name, ids)
    raise LookupError(f"no bundled scenario '{name}'.{hint} Available: {', '.join(ids)}.")


def default_scenario() -> Path:
    """The flagship scenario if one is marked, else the first bundled one."""
    scenarios = bundled_scenarios()
    if not scenarios:
        raise LookupError("no bundled scenarios were found: the installation is incomplete")
    loader = ContentLoader()
    for path in scenarios:
        try:
            located = loader.load_file(path, "scenario").located
        except ContentError:
            continue
        if located.data.get("flagship") is True:
            return path
    return scenarios[0]


def check_files(targets: Iterable[Path]) -> tuple[list[Problem], list[Loaded], int]:
    """Load and check the given files (scenarios with their companions): the problems,
    the files that loaded, and how many files there were."""
    loader = ContentLoader()
    problems: list[Problem] = []
    good: list[Loaded] = []
    files = content_files(targets)
    for path in files:
        try:
            loaded = loader.load_file(path)
            if isinstance(loaded.model, Scenario):
                loader.load_game(path)
        except ContentError as exc:
            problems += exc.problems
            continue
        good.append(loaded)
    return problems, good, len(files)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, in file and line order."""
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.message))


def validate_files(targets: Iterable[Path]) -> tuple[list[Problem], int]:
    """Every problem in the given files (scenarios checked with their companions)."""
    problems, _, count = check_files(targets)
    return sorted_problems(problems), count


def load_game(path: Path, shared: ContentLoader | None = None) -> GameContent:
    """A scenario ready to play, fully checked; the same object again while its files are
    unchanged, and read back from the user's content cache when an earlier run checked it.
    ``shared``: a loader for several scenarios loaded together (see ``cached_game``)."""
    from .cache import cached_game

    return cached_game(path, shared)
