"""`list` reads what it shows from the files without checking them (content/listing.py):
the same listing as a checked scenario gives, without pydantic, kept until a file changes,
and a full check (with its warning) for a file that does not give the listing plainly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from trafficking_sim import cli, paths
from trafficking_sim.content import bundled_scenarios, load_game
from trafficking_sim.content.cache import summary_of
from trafficking_sim.content.listing import quick_summary


@pytest.mark.parametrize("scenario", bundled_scenarios(), ids=lambda p: p.stem)
def test_the_listing_read_from_the_files_is_the_checked_one(scenario: Path) -> None:
    content = load_game(scenario)
    quick = quick_summary(scenario)
    assert quick is not None
    summary, files = quick
    assert summary == summary_of(content)
    # The scenario and its role cards, the files the listing depends on.
    assert files == [f for f in content.files if f.parent.name != "agencies"]


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled content that ``list`` takes for the bundled one."""
    root = tmp_path / "content"
    for folder in ("scenarios", "roles", "agencies", "codex"):
        shutil.copytree(paths.bundled_dir(folder), root / folder)
    monkeypatch.setattr(paths, "bundled_root", lambda: root)
    monkeypatch.setenv("TRAFFICKING_SIM_HOME", str(tmp_path / "home"))
    return root


def listed(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[dict[str, dict], str]:
    assert cli.main(["list", "--json", *args]) == cli.EXIT_OK
    captured = capsys.readouterr()
    scenarios = json.loads(captured.out)["scenarios"]
    return {s["id"]: s for s in scenarios}, captured.err


def test_an_edit_is_listed_at_once_not_what_was_kept(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, _ = listed(capsys)
    assert before["tutorial"]["title"] == "Tutorial: the night minibus"
    tutorial = content / "scenarios" / "tutorial.yaml"
    tutorial.write_text(
        tutorial.read_text(encoding="utf-8").replace(
            'en: "Tutorial: the night minibus"', 'en: "Tutorial: the night bus"'
        ),
        encoding="utf-8",
    )
    after, _ = listed(capsys)
    assert after["tutorial"]["title"] == "Tutorial: the night bus"


def test_a_nearer_role_card_is_listed_once_it_appears(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed(capsys)  # keeps the listings, naming the places a nearer card would be
    card = (content / "roles" / "ngo.yaml").read_text(encoding="utf-8")
    nearer = content / "scenarios" / "roles" / "ngo.yaml"
    nearer.parent.mkdir()
    nearer.write_text(card.replace("en: Victim-support NGO", "en: A nearer NGO"), encoding="utf-8")
    assert "en: A nearer NGO" in nearer.read_text(encoding="utf-8")
    after, _ = listed(capsys)
    names = {r["id"]: r["name"] for r in after["tutorial"]["roles"]}
    assert names["ngo"] == "A nearer NGO"


def test_a_title_written_as_a_text_id_is_listed_in_each_language(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tutorial = content / "scenarios" / "tutorial.yaml"
    text = tutorial.read_text(encoding="utf-8").replace(
        'title:\n  en: "Tutorial: the night minibus"\n  sl: "Uvodna vaja: nočni kombi"\n',
        "title: tutorial_title\n",
    )
    text = text.replace(
        "\ntexts:\n",
        '\ntexts:\n  tutorial_title: {en: "The minibus, by id", sl: "Kombi, po oznaki"}\n',
    )
    assert "title: tutorial_title" in text and "  tutorial_title: {en:" in text
    tutorial.write_text(text, encoding="utf-8")
    quick = quick_summary(tutorial)
    assert quick is not None and quick[0] == summary_of(load_game(tutorial))
    english, _ = listed(capsys)
    slovene, _ = listed(capsys, "--lang", "sl")
    assert english["tutorial"]["title"] == "The minibus, by id"
    assert slovene["tutorial"]["title"] == "Kombi, po oznaki"


def test_a_scenario_that_does_not_read_plainly_is_checked_and_named(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tutorial = content / "scenarios" / "tutorial.yaml"
    tutorial.write_text(
        tutorial.read_text(encoding="utf-8").replace(
            "duration_minutes: 15", "duration_minutes: fifteen"
        ),
        encoding="utf-8",
    )
    assert quick_summary(tutorial) is None
    found, err = listed(capsys)
    assert "tutorial" not in found and "exercise" in found
    assert "tutorial.yaml has errors; run 'trafficking-sim validate'" in err


def test_broken_yaml_is_named_too(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "scenarios" / "labour.yaml").write_text("kind: scenario\nid: [labour\n")
    found, err = listed(capsys)
    assert "labour" not in found and "tutorial" in found
    assert "labour.yaml has errors" in err


def test_the_id_pattern_is_the_models_one() -> None:
    from trafficking_sim.content.listing import ID
    from trafficking_sim.content.models import ID_PATTERN

    assert ID.pattern == ID_PATTERN


def test_a_card_id_that_names_a_path_is_not_followed(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only an id reaches the file system: '../roles/ngo' would find a real card."""
    from trafficking_sim.content import listing

    read: list[Path] = []
    real_load = listing.load
    monkeypatch.setattr(listing, "load", lambda path: read.append(path) or real_load(path))
    tutorial = content / "scenarios" / "tutorial.yaml"
    text = tutorial.read_text(encoding="utf-8")
    assert "card: ngo\n" in text
    tutorial.write_text(text.replace("card: ngo\n", "card: ../roles/ngo\n"), encoding="utf-8")
    assert (content / "roles" / ".." / "roles" / "ngo.yaml").is_file()  # (the card exists)
    assert quick_summary(tutorial) is None
    assert read[0] == tutorial and not any(".." in path.parts for path in read)


def test_a_card_gone_before_its_listing_is_kept_keeps_nothing(content: Path) -> None:
    """A file removed between reading and keeping (another program at work) is no error:
    the listing is simply not kept, and the next run reads the files again."""
    from trafficking_sim.content.cache import keep_listing, listing

    tutorial = content / "scenarios" / "tutorial.yaml"
    quick = quick_summary(tutorial)
    assert quick is not None
    summary, files = quick
    files[-1].unlink()
    keep_listing(tutorial, summary, files)
    assert listing(tutorial) is None
