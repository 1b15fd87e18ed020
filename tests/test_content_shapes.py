"""The fast path of valid content (content/shapes.py): the same objects as pydantic's, the
same problems for anything else, and pydantic's validators never built for valid files."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import warnings
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import ConfigDict, Field, field_validator, model_validator, validator

from trafficking_sim.content import logic, models, shapes
from trafficking_sim.content.crosscheck import ENVIRONMENT as CROSS_CHECK
from trafficking_sim.content.errors import ContentError
from trafficking_sim.content.loader import _MODELS, validate_files
from trafficking_sim.content.validation import validate_model
from trafficking_sim.content.yamlsafe import Located, load

from .shapes_support import differences, shared

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted(
    p for kind in ("scenarios", "roles", "agencies", "codex") for p in (ROOT / kind).glob("*.yaml")
)


@cache
def _parsed(path: Path) -> Located:
    return load(path)


def _model_of(located: Located) -> Any:
    return _MODELS[located.data["kind"]]


_REAL_BUILD = shapes.build
"""The fast path (which, in the tests, checks itself against pydantic: conftest.py)."""


@pytest.fixture(autouse=True)
def _models_read_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test reads the models again (a process keeps what it read), so that every test
    here exercises the reading, not what an earlier test left behind."""
    monkeypatch.setattr(shapes, "_CHECKS", {})


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_bundled_file_is_made_by_the_fast_path_as_pydantic_makes_it(path: Path) -> None:
    located = _parsed(path)
    model = _model_of(located)
    ours = shapes.build(model, located.data)
    assert ours is not None, "valid content went to pydantic"
    assert differences(ours, model.model_validate(located.data)) is None
    assert shared(ours, located.data) is None


def test_a_full_check_of_valid_content_never_builds_pydantic_s_validators(tmp_path: Path) -> None:
    # In a fresh process, as an author's first `validate --no-cache` runs: no content model
    # has its validator built (defer_build, and the fast path made every object).
    code = (
        "import sys\n"
        "from trafficking_sim.cli import main\n"
        "code = main(['validate', '--no-cache'])\n"
        "from trafficking_sim.content import logic, models, text\n"
        "built = sorted(name for module in (logic, models, text)\n"
        "    for name, value in vars(module).items()\n"
        "    if getattr(value, '__pydantic_complete__', False))\n"
        "print(code, built, file=sys.stderr)\n"
    )
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path)}
    env.pop(CROSS_CHECK)  # (which builds them, to compare)
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert ran.stderr.splitlines()[-1] == "0 []", ran.stderr


def test_with_the_fast_path_off_pydantic_makes_every_object(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shapes, "ENABLED", False)
    located = _parsed(ROOT / "scenarios" / "tutorial.yaml")
    assert shapes.build(models.Scenario, located.data) is None
    scenario = validate_model(models.Scenario, located)
    assert type(scenario).__pydantic_complete__


def _broken(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "agencies" / "broken.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    problems, _ = validate_files([path])
    return [str(p) for p in problems]


def test_a_file_the_fast_path_refuses_gets_pydantic_s_located_messages(tmp_path: Path) -> None:
    # The fallback: without it, a broken file would have no message, or another one.
    text = (ROOT / "agencies" / "europol.yaml").read_text(encoding="utf-8")
    text = text.replace("\nid: europol\n", "\nid: broken\njudical: true\n", 1)
    found = _broken(text, tmp_path)
    assert len(found) == 1, found
    assert found[0].endswith(
        "broken.yaml:5:1: error: unknown field 'judical'. Did you mean 'judicial'?"
    )


_ID = "^[a-z][a-z0-9_]*$"


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (logic.Knows, {"knows": "plate", "extra": 1}),  # an unknown key
        (logic.Knows, {}),  # a required field missing
        (logic.Chance, {"chance": True}),  # true is no number (strict)
        (logic.Chance, {"chance": 100}),  # beyond its bound
        (logic.Chance, {"chance": 50.0}),  # a float is no whole number
        (logic.RoleIs, {"role": 3}),  # a number is no text
        (models.Fact, {"id": "Plate", "kind": "vehicle", "label": "l", "text": "t"}),
        (models.Fact, {"id": "plate\n", "kind": "vehicle", "label": "l", "text": "t"}),
        (models.Fact, {"id": "plate", "kind": "car", "label": "l", "text": "t"}),  # a literal
        (logic.ReplyArgs, {"text": "t", "evaluation": "E9"}),  # a pattern
        (logic.AllOf, {"all": []}),  # too short
        (logic.AllOf, {"all": [{"fired": "a", "injected": "b"}]}),  # two tags in one
        (logic.AllOf, {"all": [{"bogus": "a"}]}),  # no tag
        (logic.AllOf, {"all": ["fired"]}),  # a bare word is no condition
        (logic.VarCompare, {"var": "x", "eq": 1, "ne": 2}),  # the model's own validator
        (logic.ReplyArgs, {"text": {"english": "t"}}),  # not a language code
        (logic.ReplyArgs, {"text": {"en": 3}}),  # a text that is no text
        (logic.ReplyArgs, {"sender": "europol", "text": "t"}),  # the name, not the alias
        (models.Variable, {"initial": 1.5}),  # int | bool | str only
        (models.Variable, {"initial": None}),
    ],
)
def test_the_fast_path_gives_up_on_anything_wrong(model: Any, data: Any) -> None:
    assert shapes.build(model, data) is None


def test_the_fast_path_gives_up_on_a_wrong_date_and_on_deep_data() -> None:
    located = _parsed(ROOT / "scenarios" / "tutorial.yaml")
    for date in ("2026-02-30", "07.12.2026", 20261207, None):
        assert shapes.build(models.Scenario, {**located.data, "start_date": date}) is None
    deep: Any = {"fired": "a"}
    for _ in range(shapes.MAX_DEPTH + 1):
        deep = {"not": deep}
    assert shapes.build(logic.NotOf, deep) is None
    assert shapes.build(logic.NotOf, {"not": {"not": {"fired": "a"}}}) is not None


def test_a_model_the_fast_path_does_not_know_goes_to_pydantic() -> None:
    # A validator added to a model, unknown here, sends its data to pydantic: a model's
    # checks are never silently skipped.
    class Checked(logic.Strict):
        name: str

        @field_validator("name")
        @classmethod
        def _no_spaces(cls, value: str) -> str:
            if " " in value:
                raise ValueError("no spaces")
            return value

    assert shapes.build(Checked, {"name": "two words"}) is None
    assert shapes.build(Checked, {"name": "one"}) is None

    class BeforeAll(logic.Strict):
        name: str

        @model_validator(mode="before")
        @classmethod
        def _whole(cls, value: Any) -> Any:
            return value

    assert shapes.build(BeforeAll, {"name": "one"}) is None

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")

        class OldStyle(logic.Strict):
            name: str

            @validator("name")
            def _old(cls, value: str) -> str:
                return value

    assert shapes.build(OldStyle, {"name": "one"}) is None

    class Loose(logic.Strict):  # extra keys allowed: pydantic keeps them, {} when none
        model_config = ConfigDict(extra="allow")
        name: str

    assert shapes.build(Loose, {"name": "one"}) is None

    class Lenient(logic.Strict):  # numbers from text and so on
        model_config = ConfigDict(strict=False)
        count: int

    assert shapes.build(Lenient, {"count": 1}) is None


def test_bounds_and_lengths_are_kept_as_pydantic_keeps_them() -> None:
    class Bounded(logic.Strict):
        above: int = Field(0, gt=0, lt=5)
        within: int = Field(0, ge=1, le=3)
        some: list[int] = Field(default_factory=logic.new_list, min_length=1, max_length=2)
        maybe: int | None = Field(None, ge=2)

    for data in (
        {"above": 1, "within": 1, "some": [1], "maybe": 2},
        {"above": 4, "within": 3, "some": [1, 2], "maybe": None},
    ):
        ours = shapes.build(Bounded, data)
        assert ours is not None and differences(ours, Bounded.model_validate(data)) is None
    for data in (
        {"above": 0},
        {"above": 5},
        {"within": 0},
        {"within": 4},
        {"some": []},
        {"some": [1, 2, 3]},
        {"some": [True]},
        {"maybe": 1},
    ):
        assert shapes.build(Bounded, {"above": 1, "within": 1, "some": [1], **data}) is None


# --- mutations of valid files: on and off give the same result -----------------------------

_MUTABLE = [p for p in BUNDLED if p.parent.name in ("scenarios", "roles", "agencies")]
_TAGS = sorted({*logic._CONDITION_KEYS, *logic._EFFECT_KEYS, *logic._TRIGGER_KEYS})
_VALUES: list[Any] = [0, -1, 7, 200, True, False, "x", "Bad Id", "abc\n", "", None, [], {}, 1.5]
_VALUES += ["2026-02-30", "2026-12-07", {"en": "t"}, {"en": "t", "sl": 2}, ["x"], [{"fired": "a"}]]


@cache
def _paths(path: Path) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), _parsed(path).data)]
    while stack:
        here, node = stack.pop()
        found.append(here)
        if isinstance(node, dict):
            stack += [((*here, k), v) for k, v in node.items()]
        elif isinstance(node, list):
            stack += [((*here, i), v) for i, v in enumerate(node)]
    return found


def _copied_to(data: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    """A copy of ``data`` whose containers along ``path`` are new (the rest shared), and
    the copy of the node at ``path``'s parent."""
    root = data.copy()
    node = root
    for part in path[:-1]:
        child = node[part].copy()
        node[part] = child
        node = child
    return root, node


def _mutate(data: Any, path: tuple[Any, ...], how: str, value: Any, tag: str) -> Any:
    if not path:
        root = dict(data)
        root["zz_unknown" if how == "add" else "kind"] = value
        return root
    root, parent = _copied_to(data, path)
    last = path[-1]
    node = parent[last]
    if how == "drop":
        del parent[last]
    elif how == "add" and isinstance(node, dict):
        parent[last] = {**node, (tag if len(node) != 1 else "zz_unknown"): value}
    elif how == "tag" and isinstance(node, dict) and node:
        first = next(iter(node))
        parent[last] = {(tag if k == first else k): v for k, v in node.items()}
    elif how == "rename" and isinstance(parent, dict):
        renamed = f"{last}s" if isinstance(last, str) else last
        items = [(renamed if k == last else k, v) for k, v in parent.items()]
        parent.clear()
        parent.update(items)
    else:
        parent[last] = value
    return root


def _outcome(model: Any, located: Located) -> tuple[str, Any]:
    try:
        return "made", validate_model(model, located)
    except ContentError as exc:
        return "problems", [str(p) for p in exc.problems]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(_MUTABLE),
    where=st.integers(min_value=0),
    how=st.sampled_from(["drop", "add", "type", "tag", "rename"]),
    value=st.sampled_from(_VALUES),
    tag=st.sampled_from(_TAGS),
)
def test_a_mutated_file_gives_the_same_result_with_the_fast_path_on_and_off(
    monkeypatch: pytest.MonkeyPatch, path: Path, where: int, how: str, value: Any, tag: str
) -> None:
    located = _parsed(path)
    paths = _paths(path)
    data = _mutate(located.data, paths[where % len(paths)], how, value, tag)
    mutated = Located(data, located.file, located.positions, located.key_positions)
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in _MODELS:
        return  # the loader refuses those before any model is asked
    model = _MODELS[data["kind"]]
    ours = _REAL_BUILD(model, data)
    event("the fast path made it" if ours is not None else "pydantic decided")
    if ours is not None:  # whatever the fast path accepts, pydantic accepts as the same
        assert differences(ours, model.model_validate(data)) is None
        assert shared(ours, data) is None
    with monkeypatch.context() as off:
        off.setattr(shapes, "ENABLED", False)
        theirs = _outcome(model, mutated)
    on = _outcome(model, mutated)
    if on[0] == "made" and theirs[0] == "made":
        assert differences(on[1], theirs[1]) is None
    else:
        assert on == theirs


def test_a_default_pydantic_would_check_goes_to_pydantic() -> None:
    # validate_default: pydantic checks the default itself, and refuses this one.
    class Checked(logic.Strict):
        count: int = Field("3", validate_default=True)  # type: ignore[assignment]

    assert shapes.build(Checked, {}) is None
    assert shapes.build(Checked, {"count": 3}) is None


def test_a_model_with_a_schema_of_its_own_goes_to_pydantic() -> None:
    # A model's own __get_pydantic_core_schema__ may check anything: here, no text at all.
    class Own(logic.Strict):
        name: str

        @classmethod
        def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
            from pydantic_core import core_schema

            return core_schema.no_info_after_validator_function(cls._never, handler(source))

        @staticmethod
        def _never(value: Any) -> Any:
            raise ValueError("never")

    assert shapes.build(Own, {"name": "one"}) is None


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"^[a-z--b]+$", "A"),  # Rust: a to z without b; Python: a to z, '-' or b
        (r"^[a-z--b]+$", "b"),
        (r"^[[a-z]]$", "a]"),  # Rust: a class in a class; Python: '[' or a-z, then ']'
        (r"^a{,2}$", "aa"),  # Python: up to two; pydantic refuses the pattern
        (r"^[a-z&&b]$", "a"),  # Rust: the intersection, only b
    ],
)
def test_a_pattern_read_otherwise_by_pydantic_goes_to_pydantic(pattern: str, text: str) -> None:
    class Patterned(logic.Strict):
        name: str = Field(pattern=pattern)

    assert shapes.build(Patterned, {"name": text}) is None
    with pytest.raises(Exception):  # refused, or the pattern itself refused  # noqa: B017
        Patterned.model_validate({"name": text})


def test_today_s_patterns_are_all_checked_by_the_fast_path() -> None:
    # The id, language-code and evaluation patterns stay on the fast path.
    assert shapes.build(logic.ReplyArgs, {"text": {"pt_BR": "t"}, "evaluation": "B2"})
    assert shapes.build(
        models.Fact, {"id": "plate_2", "kind": "vehicle", "label": "l", "text": "t"}
    )


def test_a_before_validator_of_every_field_goes_to_pydantic() -> None:
    # The known date validator, put on every field ("*"): pydantic runs it on `name` too
    # (a date then, no text), so the fast path must not skip it.
    class Everywhere(logic.Strict):
        name: str
        _dates = field_validator("*", mode="before")(models.Scenario._parse_date.__func__)

    assert shapes.build(Everywhere, {"name": "2026-12-07"}) is None
    with pytest.raises(ValueError, match="string"):
        Everywhere.model_validate({"name": "2026-12-07"})


def test_a_validator_is_known_by_its_function_not_by_its_model_s_name() -> None:
    # A model named as a known one, with a validator named as its: not the same check.
    class VarCompare(logic.Strict):
        var: str

        @model_validator(mode="after")
        def _one_comparison(self) -> Any:
            return self

    assert shapes.build(VarCompare, {"var": "x"}) is None


def test_an_after_validator_that_returns_another_object_goes_to_pydantic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pydantic keeps what an after-validator returns; the fast path keeps its own object,
    # so a validator that returns another one (even when known) sends the data to pydantic.
    class Replaced(logic.Strict):
        var: str

        @model_validator(mode="after")
        def _other(self) -> Any:
            return Replaced.model_construct(var="other")

    known = (__name__, Replaced._other.__qualname__)  # type: ignore[attr-defined]
    monkeypatch.setattr(shapes, "_MODEL_VALIDATORS", {*shapes._MODEL_VALIDATORS, known})
    assert Replaced.model_validate({"var": "x"}).var == "other"
    assert shapes.build(Replaced, {"var": "x"}) is None


def test_a_thread_that_needs_a_model_another_is_reading_waits_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The title screen reads scenarios in the background while the player may start a
    # game: the second thread gets the fast path's object, not pydantic's validators built.
    data = _parsed(ROOT / "scenarios" / "tutorial.yaml").data
    reading, read = threading.Event(), shapes._read_model
    made: dict[str, Any] = {}

    def slow(cls: Any) -> Any:
        if cls is models.Scenario:
            reading.set()
            time.sleep(0.2)
        return read(cls)

    monkeypatch.setattr(shapes, "_read_model", slow)
    first = threading.Thread(target=lambda: made.update(first=shapes.build(models.Scenario, data)))
    first.start()
    assert reading.wait(10)
    second = shapes.build(models.Scenario, data)
    first.join()
    assert made["first"] is not None
    assert second is not None, "the second thread went to pydantic"


def test_a_reading_interrupted_is_done_again_next_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl+C while the models are read leaves nothing behind: the next build reads them.
    read = shapes._read_model
    interruptions = [logic.NotOf]

    def interrupted(cls: Any) -> Any:
        if cls in interruptions:
            interruptions.remove(cls)
            raise KeyboardInterrupt
        return read(cls)

    monkeypatch.setattr(shapes, "_read_model", interrupted)
    with pytest.raises(KeyboardInterrupt):
        shapes.build(logic.NotOf, {"not": {"fired": "a"}})
    assert shapes.build(logic.NotOf, {"not": {"not": {"fired": "a"}}}) is not None


def test_the_fast_path_gives_up_on_a_wrong_key_or_a_literal_of_another_type() -> None:
    scenario = _parsed(ROOT / "scenarios" / "tutorial.yaml").data
    agency = _parsed(ROOT / "agencies" / "europol.yaml").data
    some_state = next(iter(scenario["states"].values()))
    for wrong in (
        {"states": {**scenario["states"], "D": some_state}},  # keys are A, B or C
        {"phase_notes": {"intermission": {"en": "t"}}},  # not a session phase
    ):
        assert shapes.build(models.Scenario, {**scenario, **wrong}) is None
    # pydantic makes True of true only, 1 of 1 only (strict): nothing else is "equal" here
    assert shapes.build(logic.OnTurnEnd, {"turn_end": 1}) is None
    for number in (True, 1.0):
        assert shapes.build(models.AgencyProfile, {**agency, "format": number}) is None
    assert shapes.build(logic.OnTurnEnd, {"turn_end": True}) is not None


def test_every_object_made_is_made_afresh() -> None:
    # Two scenarios made from the same data, each with every default made for itself:
    # nothing shared between them, nor with the data.
    data = _parsed(ROOT / "scenarios" / "tutorial.yaml").data
    first, second = shapes.build(models.Scenario, data), shapes.build(models.Scenario, data)
    assert shared(first, data) is None
    assert shared([first, second], data) is None


def test_a_text_keeps_its_languages_in_the_order_written() -> None:
    # (the order shows wherever the languages of a text are listed)
    data = {"text": {"sl": "besedilo", "en": "text"}}
    ours = shapes.build(logic.ReplyArgs, data)
    assert ours is not None and differences(ours, logic.ReplyArgs.model_validate(data)) is None
    assert list(ours.text.__pydantic_extra__) == ["sl", "en"]


def test_a_fast_path_more_lenient_than_pydantic_fails_even_in_another_process(
    tmp_path: Path,
) -> None:
    # The cross-check is the fast path's own (the session's environment asks for it), so a
    # command a test starts runs it too, and neither the command line's last resort nor
    # the content cache can turn a mismatch into an exit code or a quiet rebuild.
    text = (ROOT / "agencies" / "europol.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "agencies" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text(text.replace("{normal: 2,", "{normal: '2',", 1), encoding="utf-8")
    code = (
        "from trafficking_sim.content import shapes\n"
        "shapes._int_check = lambda constraints: shapes._value_check  # numbers from text\n"
        "from trafficking_sim.cli import main\n"
        f"main(['validate', '--no-cache', {str(broken)!r}])\n"
    )
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path)}
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert ran.returncode != 0
    assert "FastPathMismatch: the fast path accepted AgencyProfile data" in ran.stderr
    env.pop(CROSS_CHECK)  # without the cross-check, that leniency would go unnoticed
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert "FastPathMismatch" not in ran.stderr


def test_a_mismatch_met_in_the_content_cache_is_not_turned_into_a_quiet_rebuild(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The cache ignores an entry that does not build (`except Exception`) and checks the
    # YAML again; a mismatch of the fast path's there must still fail the test.
    from trafficking_sim.content import cache as content_cache
    from trafficking_sim.content import crosscheck, load_game

    tutorial = ROOT / "scenarios" / "tutorial.yaml"
    content_cache.forget()
    load_game(tutorial)  # checked, and written to the cache
    content_cache.forget()
    once = ["a part made twice (a mismatch staged for this test)"]
    monkeypatch.setattr(crosscheck, "shared", lambda made, data: once.pop() if once else None)
    with pytest.raises(crosscheck.FastPathMismatch, match="staged"):
        load_game(tutorial)  # from the cache's data
    content_cache.forget()


def test_a_form_with_one_key_is_told_by_that_key_without_asking_for_every_form() -> None:
    # Conditions, triggers and effects are told apart by their key (about 1,800 times for
    # the bundled content); most have one key, which is looked up among the forms rather
    # than each of the 13 condition forms looked up in the mapping.
    class Asked(dict[str, Any]):
        asked = 0

        def __contains__(self, key: object) -> bool:
            Asked.asked += 1
            return super().__contains__(key)

    keys = logic._CONDITION_KEYS
    assert logic._tag(keys, Asked(knows="plate")) == "knows"
    assert logic._tag(keys, Asked(know="plate")) is None
    assert Asked.asked == 0
    # Several keys: the one form key among them, and none when there are two.
    assert logic._tag(keys, {"knows": "plate", "zzz": 1}) == "knows"
    assert logic._tag(keys, {"knows": "plate", "all": []}) is None
    assert logic._tag(keys, {}) is None
