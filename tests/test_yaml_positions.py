"""Where a problem points: the positions of a parsed file's values and keys.

``yamlsafe.parse`` builds the data without recording positions; ``Located`` works the
tables out the first time a position is asked for. These tests hold that the tables are
those the parse used to record (every bundled file, every path and key), that they are
not made while parsing, and that a problem found after parsing (a field, a text, a
cross-reference) still points at the author's line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from trafficking_sim import paths
from trafficking_sim.content import yamlsafe
from trafficking_sim.content.errors import ContentError
from trafficking_sim.content.loader import ContentLoader
from trafficking_sim.content.yamlsafe import Located, Path_

BUNDLED = sorted(
    p
    for kind in ("scenarios", "roles", "agencies", "codex")
    for p in paths.bundled_dir(kind).glob("*.yaml")
)

Table = dict[Path_, tuple[int, int]]


def _recorded(text: str) -> tuple[Table, Table]:
    """The tables as the parse recorded them while building (up to session 16): each
    value's start by its path (the first visit wins), each key's start by its value's path,
    in one recursive walk of the composed nodes."""
    positions: Table = {}
    keys: Table = {}

    def walk(node: yaml.Node, path: Path_) -> None:
        positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                mark = key_node.start_mark
                keys[(*path, key_node.value)] = (mark.line + 1, mark.column + 1)
                walk(value_node, (*path, key_node.value))

    walk(yaml.compose(text, Loader=yamlsafe._SafeLoader), ())
    return positions, keys


def _paths(data: Any, path: Path_ = ()) -> list[Path_]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*path, i))
    return found


def _same_tables_as_recorded(text: str, name: str) -> None:
    located = yamlsafe.parse(text, name)
    positions, keys = _recorded(text)
    assert located.positions == positions
    assert located.key_positions == keys
    for each in _paths(located.data):  # every path of the data is placed, keys as well
        assert located.where(each) == positions[each]
        if each:
            assert located.where(each, key=isinstance(each[-1], str)) == (
                keys[each] if isinstance(each[-1], str) else positions[each]
            )


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_tables_worked_out_later_are_those_recorded_while_parsing(path: Path) -> None:
    _same_tables_as_recorded(path.read_text(encoding="utf-8"), path.name)


_FORMS = {
    "anchors-and-aliases": (
        "kind: role\nbase: &b\n  x: 1\n  y: [a, b]\nfirst: *b\nsecond:\n  - *b\n  - &c z\n  - *c\n"
    ),
    "flow": "kind: role\nsteps: {a: 1, b: [x, {c: d, e: [1, 2]}], f: {}}\nl: [[], [a], {g: h}]\n",
    "crlf": "kind: role\r\nid: x\r\nnames:\r\n  - a\r\n  - b: c\r\n    d: e\r\n",
    "bom": "\ufeffkind: role\nid: x\nnames: [a, b]\n",
    # Tabs inside quoted and block values (pure-Python PyYAML refuses them in plain ones).
    "tabs-in-values": "kind: role\nid: x\nnames: ['a\tb', \"c\td\"]\nmore: |\n  a\tb\n  c\n",
    "multi-line-values": (
        "kind: role\ntext: >\n  a\n  b\nnext: 'quoted\n  on two lines'\nlast:\n  -\n    k: v\n"
    ),
}


@pytest.mark.parametrize("text", list(_FORMS.values()), ids=list(_FORMS))
def test_the_tables_are_those_recorded_for_every_form_of_yaml(text: str) -> None:
    _same_tables_as_recorded(text, "x.yaml")


def test_a_file_with_a_byte_order_mark_is_placed_as_its_author_sees_it(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfkind: role\nid: x\nnames:\n  - a\n")
    located = yamlsafe.load(path)
    assert located.where(("names", 0)) == (4, 5)
    assert located.where(("names",), key=True) == (3, 1)


def test_parsing_records_no_positions_until_one_is_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[str] = []
    real = yamlsafe.position_tables

    def counting(text: str) -> tuple[Table, Table]:
        made.append(text)
        return real(text)

    monkeypatch.setattr(yamlsafe, "position_tables", counting)
    text = "kind: role\nid: x\nnames:\n  - a\n  - b\n"
    located = yamlsafe.parse(text, "x.yaml")
    assert located.data == {"kind": "role", "id": "x", "names": ["a", "b"]}
    assert made == []
    assert located.where(("names", 1)) == (5, 5)
    assert located.where(("names",), key=True) == (3, 1)
    assert located.problem(("id",), "wrong").line == 2
    assert made == [text]  # worked out once, then kept


def test_data_without_its_text_points_at_the_start_of_the_file() -> None:
    # The content cache and the kept verdicts give data with no text to place it in.
    located = Located(data={"kind": "role", "id": "x"}, file="x.yaml")
    assert located.where(("id",)) == (1, 1)
    assert located.where(("id",), key=True) == (1, 1)
    assert located.positions == {} and located.key_positions == {}


def test_tables_given_are_used_as_they_are() -> None:
    located = Located({"a": [1]}, "x.yaml", {(): (1, 1), ("a",): (2, 3)}, {("a",): (1, 1)})
    assert located.where(("a", 0)) == (2, 3)
    assert located.where(("a", 0), key=True) == (1, 1)


class _AnotherThreadFinishesFirst:
    """Stands in for ``Located._text``: just after the text is first read, another thread
    works the tables out and lets the text go, as two problems reported at once can."""

    def __init__(self, slots: dict[str, Any]) -> None:
        self.slots = slots
        self.raced = False

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        value = self.slots["_text"].__get__(obj, owner)
        if value is not None and not self.raced:
            self.raced = True
            positions, keys = yamlsafe.position_tables(value)
            self.slots["_positions"].__set__(obj, positions)
            self.slots["_key_positions"].__set__(obj, keys)
            self.slots["_text"].__set__(obj, None)
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        self.slots["_text"].__set__(obj, value)


def test_the_remembered_tags_stay_few(monkeypatch: pytest.MonkeyPatch) -> None:
    # One tag is remembered per short plain value; past a bound they are forgotten, so
    # that checking many files never holds an ever-growing table.
    monkeypatch.setattr(yamlsafe._Loader, "_known", {})
    monkeypatch.setattr(yamlsafe, "_KNOWN_MAX", 50)
    text = "kind: role\nvalues:\n" + "".join(f"  - v{i}\n  - {i}\n" for i in range(200))
    located = yamlsafe.parse(text, "x.yaml")
    assert len(yamlsafe._Loader._known) <= 50
    assert located.data["values"][:4] == ["v0", 0, "v1", 1]  # still the right types
    assert located.data["values"][-2:] == ["v199", 199]


def test_two_threads_asking_for_positions_at_once_both_get_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    located = yamlsafe.parse("kind: role\nid: x\nnames:\n  - a\n", "x.yaml")
    slots = {name: Located.__dict__[name] for name in ("_text", "_positions", "_key_positions")}
    racing = _AnotherThreadFinishesFirst(slots)
    monkeypatch.setattr(Located, "_text", racing)
    assert located.where(("names", 0)) == (4, 5)  # not a TypeError from a text gone
    assert racing.raced


def test_only_parse_gives_a_located_its_text_to_work_positions_out_from() -> None:
    # Positions are worked out from text that parse has checked (size, depth, aliases).
    with pytest.raises(TypeError):
        Located({"a": 1}, "x.yaml", text="a: 1\n")  # type: ignore[call-arg]


def test_working_positions_out_stops_where_parse_would_refuse_an_alias_bomb() -> None:
    # Text parse never accepted: about 300,000 values once its aliases are expanded.
    text = (
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "f: [*e, *e, *e]\n"
    )
    with pytest.raises(ContentError, match="alias bomb"):
        yamlsafe.parse(text, "x.yaml")
    positions, keys = yamlsafe.position_tables(text)
    assert len(positions) <= yamlsafe.MAX_NODES
    assert positions[("a", 0)] == (1, 8) and keys[("f",)] == (6, 1)


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        # A key typed as a number and the same key as text are one key.
        (
            "kind: role\n1: a\nb:\n  c: 1\n'1': d\n",
            (5, 1),
            "duplicate key '1' (first defined at line 2)",
        ),
        (
            "kind: role\nouter:\n  - x: 1\n    y: 2\n  - x: 1\n    y: 2\n    x: 3\n",
            (7, 5),
            "duplicate key 'x' (first defined at line 5)",
        ),
        (
            "kind: role\na:\n  !!int 7: x\n  b: [!!set {q}]\n",
            (4, 7),
            "the tag '!!set' is not allowed",
        ),
        ("kind: role\na:\n  - {<<: {b: 1}}\n", (3, 6), "merge keys ('<<') are not supported"),
        ("kind: role\na:\n  ? [x]\n  : 1\n", (3, 5), "a key must be plain text"),
        ("kind: role\na: !!python/tuple [1]\n", (2, 4), "the tag '!!python/tuple' is not allowed"),
    ],
)
def test_a_refusal_while_parsing_points_at_its_own_node(
    text: str, where: tuple[int, int], message: str
) -> None:
    with pytest.raises(ContentError) as info:
        yamlsafe.parse(text, "x.yaml")
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == where
    assert message in problem.message


def _first_problem(tmp_path: Path, text: str) -> tuple[int, int, str]:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        ContentLoader().load_game(path)
    problem = info.value.problems[0]
    return problem.line, problem.column, problem.message


def _at(text: str, needle: str) -> tuple[int, int]:
    assert text.count(needle) == 1
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


FLAGSHIP = (paths.bundled_dir("scenarios") / "exercise.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        # a cross-reference, in a mapping inside a list inside a mapping
        (
            "        - var: passports_secured\n",
            "        - var: passports_secure\n",
            "passports_secure\n",
            "unknown variable 'passports_secure'",
        ),
        # a model's field, two mappings down in a list of effects
        (
            "          pillar: coordination\n          delta: -6\n",
            "          pillar: coordination\n          delta: minus six\n",
            "minus six",
            "must be a whole number, not the text 'minus six'",
        ),
    ],
)
def test_a_problem_found_after_parsing_points_at_the_authors_line_in_the_flagship(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    assert FLAGSHIP.count(old) == 1
    broken = FLAGSHIP.replace(old, new)
    line, column, found = _first_problem(tmp_path, broken)
    assert (line, column) == _at(broken, needle), found
    assert message in found


# --- the loader's quicker tag resolution ---------------------------------------------------

_TRICKY = [
    "yes",
    "Yes",
    "NO",
    "on",
    "Off",
    "y",
    "n",
    "true",
    "False",
    "~",
    "null",
    "Null",
    "",
    "1",
    "-1",
    "+1",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    "1e3",
    "1.5",
    "-.5",
    ".inf",
    "-.INF",
    ".nan",
    "2020-01-01",
    "2001-12-14t21:59:43.10-05:00",
    "1:20",
    "=",
    "<<",
    "a" * 64,
    "1" * 64,
    "1" * 65,
    "plain text",
    "'quoted'",
    '"1"',
    "'yes'",
    # A bare '!' leaves the tag to the resolver, quoted or not; a tag may sit on a key.
    "! 'yes'",
    "! yes",
    "! 1",
    "!!str yes",
    "!!int 1",
]


def _tags(node: yaml.Node) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    stack = [node]
    while stack:
        here = stack.pop()
        if isinstance(here, yaml.ScalarNode):
            found.append((here.value, here.tag))
        elif isinstance(here, yaml.SequenceNode):
            found.append(("[list]", here.tag))
            stack.extend(here.value)
        elif isinstance(here, yaml.MappingNode):
            found.append(("{mapping}", here.tag))
            for key, value in here.value:
                stack += [key, value]
    return found


@pytest.mark.parametrize("repeat", [1, 2])  # the second time from what the first kept
def test_every_value_gets_the_tag_pyyaml_gives_it(repeat: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in BUNDLED]
    # A bare '!' on a list or a mapping, and a long plain text of each kind.
    texts.append("- ! [a, 1]\n- ! {a: 1}\n- !!seq [b]\n- !!map {b: 2}\n- ! yes\n")
    texts.append("\n".join(f"- {v * 13}\n- {v}{'x' * 70}" for v in ("1", "yes", "~", "1.5")))
    texts.append("\n".join(f"- {v}\n- {v}: {v}" for v in _TRICKY if v))
    texts.append("\n".join(f"- [{v}, {{{v}: {v}}}]" for v in _TRICKY if v and v[0] not in "'\""))
    for text in texts * repeat:
        ours = _tags(yaml.compose(text, Loader=yamlsafe._Loader))
        theirs = _tags(yaml.compose(text, Loader=yamlsafe._SafeLoader))
        assert ours == theirs
    assert ("yes", "tag:yaml.org,2002:bool") in ours  # the list did reach the resolver


def test_the_safe_loader_has_no_path_resolvers() -> None:
    # The loader answers a list's and a mapping's tag itself and skips the composer's
    # calls for path resolvers (builtins that do nothing): right only while it has none.
    assert not yamlsafe._Loader.yaml_path_resolvers


def test_a_path_resolver_registered_on_pyyaml_does_not_reach_our_loader() -> None:
    # Another library in the process may register one on PyYAML's safe loader: our
    # loader, which skips the path-resolver calls, must neither crash nor follow it.
    base = yamlsafe._SafeLoader
    saved = base.__dict__.get("yaml_path_resolvers")
    try:
        yaml.add_path_resolver(_STR_TAG, ["version"], yaml.ScalarNode, Loader=base)
        node = yaml.compose("version: 1.10\n", Loader=yamlsafe._Loader)
        assert node.value[0][1].tag == "tag:yaml.org,2002:float"
        assert yamlsafe.parse("version: 1.10\n", "x.yaml").data == {"version": 1.1}
    finally:
        if saved is None:
            delattr(base, "yaml_path_resolvers")
        else:
            base.yaml_path_resolvers = saved


_STR_TAG = "tag:yaml.org,2002:str"


def test_pyyaml_is_asked_only_for_plain_texts_not_seen_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Lists, mappings, quoted texts and plain texts already seen are answered without
    # PyYAML's resolve (27,000 questions for the bundled content, a tenth of the parse);
    # the composer's calls around each node run no Python function of ours.
    asked: list[Any] = []
    real = yamlsafe._pyyaml_resolve

    def spy(loader: Any, kind: Any, value: Any, implicit: Any) -> Any:
        asked.append(value)
        return real(loader, kind, value, implicit)

    monkeypatch.setattr(yamlsafe, "_pyyaml_resolve", spy)
    monkeypatch.setattr(yamlsafe._Loader, "_known", {})
    text = "a: [x, 'y', {b: x}]\nc: {d: x, e: 'quoted'}\nf: [1, 1, x]\n"
    data = yamlsafe.parse(text, "x.yaml").data
    assert data == {"a": ["x", "y", {"b": "x"}], "c": {"d": "x", "e": "quoted"}, "f": [1, 1, "x"]}
    assert sorted(asked) == ["1", "a", "b", "c", "d", "e", "f", "x"]
    for name in ("descend_resolver", "ascend_resolver"):
        assert not hasattr(getattr(yamlsafe._Loader, name), "__code__"), name
