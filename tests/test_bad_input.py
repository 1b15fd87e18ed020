"""Malformed content files: each one gets a located, human error, never a traceback.

Every case writes a small file into ``tmp_path`` and checks the first problem the
loader reports: its exact line and column and a meaningful part of its message.
Scenario cases start from the bundled tutorial and change one thing in it, so the
expected position is found in the changed text (by a needle that occurs once) instead
of being a number that goes stale when the tutorial is edited.

Cases marked ``xfail(strict=True)`` describe what the loader should report and does
not yet; the reason says what it reports instead.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from trafficking_sim import cli, paths
from trafficking_sim.content import yamlsafe
from trafficking_sim.content.errors import ContentError, Problem
from trafficking_sim.content.loader import ContentLoader, validate_files

TUTORIAL = (paths.bundled_dir("scenarios") / "tutorial.yaml").read_text(encoding="utf-8")
NGO_CARD = (paths.bundled_dir("roles") / "ngo.yaml").read_text(encoding="utf-8")
NAME = "bad.yaml"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Problems name files relative to the working directory: "bad.yaml", not a tmp path.
    monkeypatch.chdir(tmp_path)
    # Any crash log the CLI might write goes here, not into the user's data folder.
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))


# --- helpers -------------------------------------------------------------------------------


def mutate(old: str, new: str, text: str = TUTORIAL) -> str:
    """The text with ``old`` (which must occur exactly once) replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column (in characters) of ``needle``, which must occur once."""
    assert text.count(needle) == 1, f"{needle!r} occurs {text.count(needle)} times"
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def write(tmp_path: Path, content: str | bytes, name: str = NAME) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def problems(path: Path) -> list[Problem]:
    """Every problem loading ``path`` as a game reports; fails on any other exception."""
    with pytest.raises(ContentError) as info:
        ContentLoader().load_game(path)
    found = info.value.problems
    assert found, "a ContentError must carry at least one problem"
    for problem in found:
        assert problem.severity == "error"
        assert "Traceback" not in problem.message
    return found


def first(tmp_path: Path, content: str | bytes, name: str = NAME) -> Problem:
    return problems(write(tmp_path, content, name))[0]


def check(problem: Problem, where: tuple[int, int], *fragments: str, file: str = NAME) -> None:
    assert problem.file == file, str(problem)
    assert (problem.line, problem.column) == where, str(problem)
    for fragment in fragments:
        assert fragment in problem.message, str(problem)
    assert str(problem) == f"{file}:{where[0]}:{where[1]}: error: {problem.message}"


# --- the starting point -------------------------------------------------------------------


def test_unchanged_tutorial_copy_is_valid(tmp_path: Path) -> None:
    """The control: every case below fails only because of what it changed."""
    path = write(tmp_path, TUTORIAL)
    game = ContentLoader().load_game(path)
    assert game.scenario.id == "tutorial"
    assert validate_files([path]) == ([], 1)


# --- YAML syntax ---------------------------------------------------------------------------


def test_colon_in_unquoted_value(tmp_path: Path) -> None:
    text = mutate('en: "Tutorial: the night minibus"', "en: Tutorial: the night minibus")
    line, column = position(text, ": the night minibus")
    check(
        first(tmp_path, text),
        (line, column),
        "not valid YAML",
        "mapping values are not allowed",
        "needs the value in quotes",
    )


def test_bad_indentation(tmp_path: Path) -> None:
    # 'sl:' indented by three spaces under a mapping whose keys are indented by four.
    text = mutate("    sl: Nočni kombi\n", "   sl: Nočni kombi\n")
    line, column = position(text, "sl: Nočni kombi")
    check(first(tmp_path, text), (line, column), "not valid YAML", "did not find expected key")


def test_bad_indentation_message_mentions_indentation(tmp_path: Path) -> None:
    text = mutate("    sl: Nočni kombi\n", "   sl: Nočni kombi\n")
    check(first(tmp_path, text), position(text, "sl: Nočni kombi"), "indentation")


def test_unclosed_quote_points_at_the_opening_quote(tmp_path: Path) -> None:
    text = 'kind: scenario\nid: tutorial\ntitle:\n  en: "Tutorial\n  sl: Uvodna vaja\n'
    text += "max_turns: 6\n"
    check(first(tmp_path, text), (4, 7), "not valid YAML", "quoted")


def test_an_unclosed_quote_is_called_that_not_yamls_own_words(tmp_path: Path) -> None:
    # The author reads what is wrong, not PyYAML's "while scanning a quoted scalar".
    text = 'kind: scenario\nid: tutorial\ntitle:\n  en: "Tutorial\n  sl: Uvodna vaja\n'
    problem = first(tmp_path, text)
    check(problem, (4, 7), "not valid YAML: the quoted text that starts here is never closed")
    assert "scalar" not in problem.message


def test_tab_indentation(tmp_path: Path) -> None:
    text = mutate('  reference: "TUT-2026-0302"', '\treference: "TUT-2026-0302"')
    line, column = position(text, "\treference")
    check(first(tmp_path, text), (line, column), "tab character", "YAML needs spaces")


def test_tab_after_spaces_in_indentation(tmp_path: Path) -> None:
    text = mutate("    en: The night minibus\n", "  \ten: The night minibus\n")
    line, column = position(text, "\ten: The night minibus")
    check(first(tmp_path, text), (line, column), "tab character")


def test_duplicate_anchor(tmp_path: Path) -> None:
    text = "kind: scenario\na: &x 1\nb: &x 2\nc: *x\n"
    check(
        first(tmp_path, text),
        (3, 4),
        "not valid YAML",
        "an anchor name (&name) is defined twice (first defined at line 2)",
    )


def test_undefined_alias(tmp_path: Path) -> None:
    check(first(tmp_path, "kind: scenario\nid: *nope\n"), (2, 5), "undefined alias")


def test_two_documents_in_one_file(tmp_path: Path) -> None:
    text = "kind: scenario\nid: x\n---\nkind: role\n"
    check(first(tmp_path, text), (3, 1), "expected a single document")


# --- empty files and the wrong shape -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "\n\n   \n", "# only a comment\n   # and another\n\n"],
    ids=["empty", "blank-lines", "comments-only"],
)
def test_empty_file(tmp_path: Path, text: str) -> None:
    check(first(tmp_path, text), (1, 1), "the file is empty", "expected a YAML mapping")


def test_top_level_list(tmp_path: Path) -> None:
    text = "- kind: scenario\n- id: tutorial\n"
    check(first(tmp_path, text), (1, 1), "expected a mapping", "not a list")


def test_top_level_string(tmp_path: Path) -> None:
    check(first(tmp_path, "just a line of text\n"), (1, 1), "expected a mapping", "single text")


def test_missing_kind(tmp_path: Path) -> None:
    text = mutate("kind: scenario\n", "")
    check(first(tmp_path, text), position(text, "id: tutorial"), "no 'kind:' line")


def test_misspelt_kind(tmp_path: Path) -> None:
    text = mutate("kind: scenario", "kind: scenaro")
    check(first(tmp_path, text), position(text, "scenaro"), "unknown kind 'scenaro'", "'scenario'?")


# --- wrong types and missing or unknown fields ---------------------------------------------


def test_text_where_a_number_belongs(tmp_path: Path) -> None:
    text = mutate("max_turns: 6", "max_turns: ten")
    check(
        first(tmp_path, text),
        position(text, "ten\n"),
        "'max_turns' must be a whole number, not the text 'ten'",
    )


def test_boolean_where_a_number_belongs(tmp_path: Path) -> None:
    text = mutate("duration_minutes: 15", "duration_minutes: yes")
    check(
        first(tmp_path, text),
        position(text, "yes\n"),
        "'duration_minutes' must be a whole number, not the boolean true",
    )


def test_mapping_where_a_list_belongs(tmp_path: Path) -> None:
    text = mutate("languages: [en, sl]", "languages: {en: yes}")
    check(
        first(tmp_path, text),
        position(text, "{en: yes}"),
        "'languages' must be a list",
        "not a mapping",
    )


def test_text_where_a_mapping_belongs(tmp_path: Path) -> None:
    old = 'case:\n  reference: "TUT-2026-0302"\n  title:\n    en: The night minibus\n'
    text = mutate(old + "    sl: Nočni kombi\n", "case: TUT-2026-0302\n")
    check(
        first(tmp_path, text),
        position(text, "TUT-2026-0302"),
        "'case' must be a mapping",
        "not the text 'TUT-2026-0302'",
    )


def test_missing_required_field_at_the_top(tmp_path: Path) -> None:
    text = mutate("timeout_ending: time_ran_out\n", "")
    # A missing top-level field has no line of its own: the top-level mapping's start.
    check(
        first(tmp_path, text),
        position(text, "kind: scenario"),
        "missing the required field 'timeout_ending'",
    )


def test_missing_required_field_in_a_list_item(tmp_path: Path) -> None:
    text = mutate("  - id: network_warned\n    rating: bad\n", "  - id: network_warned\n")
    check(
        first(tmp_path, text),
        position(text, "id: network_warned"),
        "'endings.1' is missing the required field 'rating'",
    )


def test_misspelt_field_name(tmp_path: Path) -> None:
    text = mutate("days_per_turn: 1", "days_per_trun: 1")
    check(
        first(tmp_path, text),
        position(text, "days_per_trun"),
        "unknown field 'days_per_trun'. Did you mean 'days_per_turn'?",
    )


def test_a_field_of_another_block_is_not_suggested_as_itself(tmp_path: Path) -> None:
    """'turn' is a field elsewhere, not in an inject: the hint names a different field
    (it said "unknown field 'turn'. Did you mean 'turn'?")."""
    text = mutate("    at_turn: 1\n", "    turn: 1\n")
    problem = first(tmp_path, text)
    line, _ = position(text, "    turn: 1\n")
    check(problem, (line, 5), "unknown field 'turn'.", "Did you mean 'at_turn'?")


def test_misspelt_choice(tmp_path: Path) -> None:
    text = mutate("    rating: mixed\n", "    rating: mixd\n")
    check(
        first(tmp_path, text),
        position(text, "mixd"),
        "must be one of 'best', 'good', 'mixed' or 'bad', not the text 'mixd'",
        "Did you mean 'mixed'?",
    )


def test_impossible_date(tmp_path: Path) -> None:
    text = mutate('start_date: "2026-03-02"', "start_date: 2026-02-30")
    check(first(tmp_path, text), position(text, "2026-02-30"), "YYYY-MM-DD")


# --- rule language: misspelt condition, trigger and effect keys ----------------------------


def test_misspelt_condition_key(tmp_path: Path) -> None:
    text = mutate("        - knows: driver_phone\n", "        - knos: driver_phone\n")
    check(
        first(tmp_path, text),
        position(text, "knos: driver_phone"),
        "expected a condition",
        "Did you mean 'knows'?",
    )


def test_misspelt_trigger_key(tmp_path: Path) -> None:
    text = mutate("{permission: recruiter_alias}", "{permision: recruiter_alias}")
    check(
        first(tmp_path, text),
        position(text, "{permision: recruiter_alias}"),
        "expected a trigger",
        "Did you mean 'permission'?",
    )


def test_misspelt_trigger_word_is_suggested(tmp_path: Path) -> None:
    text = mutate("    when: turn_end\n", "    when: turn_ends\n")
    check(
        first(tmp_path, text),
        position(text, "turn_ends"),
        "expected a trigger",
        "Did you mean 'turn_end'?",
    )


def test_misspelt_effect_key(tmp_path: Path) -> None:
    old = "- set: {var: c_asked_ngo, value: true}"
    text = mutate(old, old.replace("set:", "sett:"))
    check(
        first(tmp_path, text),
        position(text, "sett:"),
        "expected an effect",
        "Did you mean 'set'?",
    )


# --- cross-references: unknown, misspelt and duplicate ids ---------------------------------


def test_misspelt_fact_in_a_knows_condition(tmp_path: Path) -> None:
    # The first of the two identical 'authorities_c knows minibus_plate' conditions.
    old = "fact: minibus_plate}\n        - knows: {actor: europol, fact: driver_phone}\n  - id: vic"
    text = mutate(old, old.replace("minibus_plate", "minibus_plat"))
    found = problems(write(tmp_path, text))
    assert len(found) == 1, found
    check(
        found[0],
        position(text, "minibus_plat}"),
        "unknown fact 'minibus_plat'. Did you mean 'minibus_plate'?",
    )


def test_unknown_timeout_ending(tmp_path: Path) -> None:
    text = mutate("timeout_ending: time_ran_out", "timeout_ending: time_ran_ot")
    check(
        first(tmp_path, text),
        position(text, "time_ran_ot"),
        "unknown ending 'time_ran_ot'. Did you mean 'time_ran_out'?",
    )


def test_misspelt_role_card(tmp_path: Path) -> None:
    text = mutate("  - card: ngo\n", "  - card: ngoo\n")
    check(
        first(tmp_path, text),
        position(text, "ngoo"),
        "no role card 'ngoo' found",
        "Did you mean 'ngo'?",
    )


def test_misspelt_role_card_is_not_offered_as_a_correction(tmp_path: Path) -> None:
    text = mutate("  - card: ngo\n", "  - card: ngoo\n")
    found = problems(write(tmp_path, text))
    assert not [p for p in found if "Did you mean 'ngoo'" in p.message], found


def test_broken_role_card_is_reported_in_its_own_file(tmp_path: Path) -> None:
    card = mutate("channels: [direct]", "channels: [drect]", NGO_CARD)
    write(tmp_path, card, "roles/ngo.yaml")
    found = problems(write(tmp_path, TUTORIAL))
    in_card = [p for p in found if p.file == "roles/ngo.yaml"]
    assert len(in_card) == 1, found
    check(
        in_card[0],
        position(card, "drect"),
        "'channels.0' must be one of",
        "Did you mean 'direct'?",
        file="roles/ngo.yaml",
    )


def test_duplicate_fact_id(tmp_path: Path) -> None:
    again = (
        "  - id: minibus_plate  # again\n"
        "    kind: vehicle\n"
        "    label: {en: Plate, sl: Tablica}\n"
        "    text: {en: Again, sl: Spet}\n"
    )
    text = mutate("  - id: passports_held\n", again + "  - id: passports_held\n")
    found = problems(write(tmp_path, text))
    assert len(found) == 1, found
    check(
        found[0],
        position(text, "minibus_plate  # again"),
        "the id 'minibus_plate' is used twice in facts (first at item 1)",
    )


def test_condition_on_an_undefined_variable(tmp_path: Path) -> None:
    text = mutate("{var: punished, eq: true}", "{var: punishd, eq: true}")
    check(
        first(tmp_path, text),
        position(text, "punishd"),
        "unknown variable 'punishd'. Did you mean 'punished'?",
    )


def test_setting_a_boolean_variable_to_a_number(tmp_path: Path) -> None:
    text = mutate("- set: {var: punished, value: true}", "- set: {var: punished, value: 1}")
    check(
        first(tmp_path, text),
        (
            position(text, "{var: punished, value: 1}")[0],
            position(text, "{var: punished, value: 1}")[1] + len("{var: punished, value: "),
        ),
        "'punished' holds true/false, but this gives it a number",
    )


def test_text_missing_its_slovene_version(tmp_path: Path) -> None:
    text = mutate('  sl: "Uvodna vaja: nočni kombi"\n', "")
    check(
        first(tmp_path, text),
        position(text, 'en: "Tutorial: the night minibus"'),
        "the text 'title' has no sl version",
    )


def test_unknown_text_table_reference(tmp_path: Path) -> None:
    text = mutate("    text: texts_non_punishment\n", "    text: texts_non_punishmnt\n")
    check(
        first(tmp_path, text),
        position(text, "texts_non_punishmnt"),
        "unknown text id 'texts_non_punishmnt'",
        "Did you mean 'texts_non_punishment'?",
    )


# --- duplicate keys (PyYAML would keep the last one silently) ------------------------------


def test_duplicate_key_at_the_top(tmp_path: Path) -> None:
    text = mutate("days_per_turn: 1\n", "days_per_turn: 1\nid: again\n")
    first_line = position(text, "id: tutorial")[0]
    check(
        first(tmp_path, text),
        position(text, "id: again"),
        "duplicate key 'id'",
        f"(first defined at line {first_line})",
    )


def test_duplicate_key_nested(tmp_path: Path) -> None:
    text = mutate(
        '  reference: "TUT-2026-0302"\n', '  reference: "TUT-2026-0302"\n  reference: other\n'
    )
    first_line = position(text, 'reference: "TUT')[0]
    check(
        first(tmp_path, text),
        position(text, "reference: other"),
        "duplicate key 'reference'",
        f"(first defined at line {first_line})",
    )


# --- bytes that are not UTF-8 YAML text ----------------------------------------------------


def test_not_utf8(tmp_path: Path) -> None:
    # 'č' saved as Windows-1250 / Latin-2 (0xE8) after only ASCII on its line.
    text = mutate('"Uvodna vaja: nočni kombi"', '"Uvodna vaja: no@ni kombi"')
    raw = text.encode("utf-8").replace(b"@", b"\xe8")
    check(first(tmp_path, raw), position(text, "@"), "not valid UTF-8 (byte 0xe8)", "UTF-8")


def test_binary_junk(tmp_path: Path) -> None:
    # The start of a PNG image: the first NUL is the first byte of line 3.
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    check(first(tmp_path, raw), (3, 1), "NUL byte", "binary file")


def test_nul_byte_in_text(tmp_path: Path) -> None:
    raw = b"kind: scenario\nid: tu\x00torial\n"
    check(first(tmp_path, raw), (2, 7), "NUL byte", "not YAML text")


@pytest.mark.parametrize(
    ("bad", "fragment"), [(b"\xe8", "not valid UTF-8"), (b"\x00", "NUL byte")], ids=["e8", "nul"]
)
def test_bad_byte_column_counts_characters(tmp_path: Path, bad: bytes, fragment: str) -> None:
    text = mutate('"Uvodna vaja: nočni kombi"', '"Uvodna vaja: nočni kombi@"')
    raw = text.encode("utf-8").replace(b"@", bad)
    check(first(tmp_path, raw), position(text, "@"), fragment)


# --- tags: nothing is ever constructed or run ----------------------------------------------


def test_python_object_apply_is_refused_and_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'kind: scenario\nid: x\ntitle: !!python/object/apply:os.mkdir ["{marker}"]\n'
    found = problems(write(tmp_path, text))
    check(found[0], (3, 8), "the tag", "python/object/apply:os.mkdir", "not allowed")
    assert not marker.exists(), "the tag's function was called"


def test_python_object_apply_through_the_cli_is_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "pwned"
    write(tmp_path, f'!!python/object/apply:os.mkdir ["{marker}"]\n')
    assert cli.main(["validate", NAME]) == 1
    out, err = capsys.readouterr()
    assert f"{NAME}:1:1: error: the tag" in out
    assert "Traceback" not in out + err
    assert not marker.exists(), "the tag's function was called"


@pytest.mark.parametrize(
    ("value", "where", "tag"),
    [
        ("!!binary aGVsbG8=", (3, 7), "binary"),
        ("!!python/name:os.system", (3, 7), "python/name:os.system"),
        ("!!set {a, b}", (3, 7), "set"),
        ("!!omap [a: 1]", (3, 7), "omap"),
        ("!secret x", (3, 7), "!secret"),
    ],
    ids=["binary", "python-name", "set", "omap", "local-tag"],
)
def test_non_standard_tag(tmp_path: Path, value: str, where: tuple[int, int], tag: str) -> None:
    text = f"kind: scenario\nid: x\nicon: {value}\n"
    check(first(tmp_path, text), where, f"{tag}'", "not allowed in content files")


_TAGGED = (
    "but it is not one; if it is text, put it in quotes (with no tag), else write a value that fits"
)
_PLAIN = "but it is not one; if it is text, put it in quotes, else write a value that fits"


@pytest.mark.parametrize(
    ("value", "says", "advice"),
    [
        ("!!bool yeson", "'yeson' is taken for true or false (YAML's !!bool)", _TAGGED),
        ("!!int 3*a", "'3*a' is taken for a whole number (YAML's !!int)", _TAGGED),
        ("!!float many", "'many' is taken for a number (YAML's !!float)", _TAGGED),
        ("!!int", "the empty value is taken for a whole number (YAML's !!int)", _TAGGED),
        ("&n !!int 3*a", "'3*a' is taken for a whole number (YAML's !!int)", _TAGGED),
        ("&n\n  !!int 3*a", "'3*a' is taken for a whole number (YAML's !!int)", _TAGGED),
        # No tag written: the message names none.
        ("0b_", "'0b_' is taken for a whole number,", _PLAIN),
        ("0x_", "'0x_' is taken for a whole number,", _PLAIN),
        ("&n 0x_", "'0x_' is taken for a whole number,", _PLAIN),
    ],
    ids=[
        "bool",
        "int",
        "float",
        "empty-int",
        "anchored-int",
        "anchor-then-tag-below",
        "plain-binary",
        "plain-hex",
        "anchored-plain-hex",
    ],
)
def test_a_value_yaml_takes_for_a_number_it_cannot_make(
    tmp_path: Path, value: str, says: str, advice: str
) -> None:
    # A located message, not the program's internal error (it was: KeyError, ValueError).
    text = f"kind: scenario\nid: x\nmax_turns: {value}\n"
    problem = first(tmp_path, text)
    check(problem, (3, 12), says, advice)
    if advice == _PLAIN:
        assert "!!" not in problem.message and "tag" not in problem.message


def test_a_number_too_long_to_read_is_called_that(tmp_path: Path) -> None:
    # Python reads no whole number of more than 4,300 digits; the author's number is one,
    # only too long, and the message quotes it shortened.
    text = "kind: scenario\nid: x\nmax_turns: " + "1" * 4301 + "\n"
    problem = first(tmp_path, text)
    check(
        problem,
        (3, 12),
        "'" + "1" * 40 + "…' (4,301 characters) is too long to be read as a number",
    )
    assert "is not one" not in problem.message
    assert len(problem.message) < 200


def test_a_long_misfit_value_is_quoted_short_and_on_one_line(tmp_path: Path) -> None:
    paragraph = "yes, and then a paragraph that goes on " * 40
    problem = first(tmp_path, f"kind: scenario\nid: x\nmax_turns: !!bool {paragraph}\n")
    check(problem, (3, 12), f"'{paragraph[:40]}…' is taken for true or false")
    assert len(problem.message) < 250


def test_a_misfit_block_value_keeps_the_message_on_one_line(tmp_path: Path) -> None:
    problem = first(tmp_path, "kind: scenario\nid: x\nmax_turns: !!int |\n  12\n  34\n")
    check(problem, (3, 12), "'12\\n34\\n' is taken for a whole number (YAML's !!int)")
    assert "\n" not in problem.message


def test_tag_on_a_key(tmp_path: Path) -> None:
    check(
        first(tmp_path, "kind: scenario\n!!python/str id: x\n"),
        (2, 1),
        "python/str",
        "not allowed",
    )


def test_merge_key(tmp_path: Path) -> None:
    text = "kind: scenario\nbase: &b {a: 1}\nother:\n  <<: *b\n"
    check(first(tmp_path, text), (4, 3), "merge keys ('<<') are not supported")


# --- documents built to exhaust the loader -------------------------------------------------


def _billion_laughs() -> str:
    """Nine levels of ten aliases each: 10**9 values once expanded."""
    lines = ["kind: scenario", "a: &a [" + ", ".join(["lol"] * 10) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    path = write(tmp_path, _billion_laughs())
    start = time.perf_counter()
    found = problems(path)
    elapsed = time.perf_counter() - start
    assert elapsed < 5, f"took {elapsed:.1f}s"
    assert len(found) == 1, found
    assert found[0].file == NAME
    assert "alias bomb" in found[0].message
    assert f"more than {yamlsafe.MAX_NODES:,} values" in found[0].message


def test_alias_bomb_points_at_the_alias_that_expands(tmp_path: Path) -> None:
    text = _billion_laughs()
    # a..e expand to 123,457 values; the first '*e' under 'f:' passes 200,000.
    assert yamlsafe.MAX_NODES == 200_000
    line = position(text, "f: &f [*e")[0]
    check(first(tmp_path, text), (line, len("f: &f [") + 1), "alias bomb")


def test_an_alias_of_a_plain_value_counts_as_one_value(tmp_path: Path) -> None:
    # A bomb built on an anchored plain value: '*a' is one value, so each '*b' is 1,001.
    # Before c's items the document holds 1,009 values (the mapping, its keys, 'scenario',
    # 'x', b's list and c's list); 198 copies of b make 199,207, the 199th passes 200,000.
    lines = ["kind: scenario", "a: &a x", "b: &b [" + ", ".join(["*a"] * 1000) + "]", "c:"]
    lines += ["  - *b"] * 300
    text = "\n".join(lines) + "\n"
    assert yamlsafe.MAX_NODES == 200_000
    check(first(tmp_path, text), (4 + 199, 5), "alias bomb")


def test_a_bomb_whose_anchored_value_nests_lists_counts_every_list(tmp_path: Path) -> None:
    # b holds two lists of ten '*a' (10 values each): 1 + 2 * 101 = 203 values. Before c's
    # items the document holds 220; 984 copies of b make 199,972, the 985th passes 200,000.
    tens = "[" + ", ".join(["*a"] * 10) + "]"
    lines = ["kind: scenario", "a: &a [" + ", ".join(["x"] * 9) + "]", f"b: &b [{tens}, {tens}]"]
    lines += ["c:"] + ["  - *b"] * 1200
    text = "\n".join(lines) + "\n"
    check(first(tmp_path, text), (4 + 985, 5), "alias bomb")


def test_a_file_of_too_many_values_without_aliases_points_at_the_first_too_many(
    tmp_path: Path,
) -> None:
    # No alias to blame: the refusal points at the value past the limit. The mapping is
    # value 1, the list value 2, so the list's 199,999th item (line 200,000) is 200,001st.
    text = "items:\n" + "  - a\n" * 200_000
    assert yamlsafe.MAX_NODES == 200_000
    check(first(tmp_path, text), (200_000, 5), "more than 200,000 values")


def test_deeply_nested_block_lists(tmp_path: Path) -> None:
    text = "kind: scenario\nid: tutorial\nnested:\n"
    text += "".join("  " * (level + 1) + "-\n" for level in range(200)) + "  " * 201 + "x\n"
    # The 'nested' value (line 4) is level 1; the list on line 4 + 48 is the first too deep.
    assert yamlsafe.MAX_DEPTH == 48
    check(first(tmp_path, text), (52, 99), "nested more than 48 levels deep")


def test_deeply_nested_flow_lists(tmp_path: Path) -> None:
    text = "kind: scenario\nid: " + "[" * 200 + "]" * 200 + "\n"
    # The first '[' (column 5) is level 1; the 49th (column 53) is the first too deep.
    check(first(tmp_path, text), (2, 53), "nested more than 48 levels deep")


def test_extremely_deep_flow_lists(tmp_path: Path) -> None:
    # libyaml stops at 1,000 levels of flow nesting, before any Python recursion.
    text = "kind: scenario\nid: " + "[" * 10_000 + "]" * 10_000 + "\n"
    check(
        first(tmp_path, text),
        (2, 1004),
        "exceeded maximum nesting depth",
        "nested too deeply to be content",
    )


def test_file_too_large(tmp_path: Path) -> None:
    raw = b"kind: scenario\n" + b"# padding\n" * (yamlsafe.MAX_FILE_BYTES // 10 + 1)
    assert len(raw) > yamlsafe.MAX_FILE_BYTES
    check(
        first(tmp_path, raw),
        (1, 1),
        f"the file is {len(raw):,} bytes, too large to be a scenario",
        f"the limit is {yamlsafe.MAX_FILE_BYTES:,}",
    )


def test_size_limit_applies_even_to_valid_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlsafe, "MAX_FILE_BYTES", 100)
    path = write(tmp_path, TUTORIAL)
    check(problems(path)[0], (1, 1), "too large", "(the limit is 100)")


# --- the command line ----------------------------------------------------------------------


def test_cli_validate_reports_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = mutate('  reference: "TUT-2026-0302"', '\treference: "TUT-2026-0302"')
    write(tmp_path, text)
    line, column = position(text, "\treference")
    assert cli.main(["validate", NAME]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{NAME}:{line}:{column}: error: a tab character is used for indentation; YAML needs "
        "spaces (configure your editor to insert spaces)"
    ]
    assert "1 file checked: 1 error." in err
    assert "Traceback" not in out + err


def test_cli_validate_folder_of_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00", "content/junk.yaml")
    write(tmp_path, "", "content/empty.yaml")
    turns = mutate("max_turns: 6", "max_turns: ten")
    line, column = position(turns, "ten\n")
    write(tmp_path, turns, "content/turns.yaml")
    write(tmp_path, "kind: role\nid: a\nid: b\n", "content/dupe.yaml")
    assert cli.main(["validate", "content"]) == 1
    out, err = capsys.readouterr()
    assert "content/junk.yaml:3:1: error: the file contains a NUL byte" in out
    assert "content/empty.yaml:1:1: error: the file is empty" in out
    assert f"content/turns.yaml:{line}:{column}: error: 'max_turns' must be a whole" in out
    assert "content/dupe.yaml:3:1: error: duplicate key 'id' (first defined at line 2)" in out
    assert "4 files checked: 4 errors." in err
    assert "Traceback" not in out + err


def test_a_folder_named_like_a_content_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(ContentError) as info:
        yamlsafe.load(tmp_path / "folder.yaml")
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message.startswith("cannot read the file: "), problem.message


def test_a_control_character_is_refused_as_not_valid_yaml(tmp_path: Path) -> None:
    # The YAML reader refuses a control character before any line is parsed; it gives
    # an offset, and the author is pointed at the character's line and column.
    problem = first(tmp_path, "kind: scenario\nid: tu\x07torial\n")
    check(problem, (2, 7), "not valid YAML: ", "#x0007")
    assert "position" not in problem.message  # (PyYAML's offset, of no use to an author)


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
def test_a_control_character_after_letters_of_two_bytes_is_found_at_its_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, libyaml: bool
) -> None:
    # libyaml counts the offset in bytes of UTF-8, PyYAML's own reader in characters:
    # either way the column is counted in characters, as an editor shows it.
    if not libyaml:
        monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    elif yamlsafe._C_LOADER is None:
        pytest.skip("libyaml is not installed")
    problem = first(tmp_path, "kind: scenario\nid: čšž\ntitle: žž\x07x\n")
    check(problem, (3, 10), "not valid YAML: ", "#x0007")


def test_cli_validate_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", "no-such-file.yaml"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "no such file or folder: no-such-file.yaml" in err
    assert "Traceback" not in err


def test_cli_validate_valid_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, TUTORIAL)
    assert cli.main(["validate", NAME]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "1 file checked: all valid." in err
