"""The printables fit A4: rendered to PDF in a real browser (the system's Chromium through
Playwright), each has the page count it should and nothing runs off the page. Without a
browser these tests are skipped; the checks on the files themselves always run."""

from __future__ import annotations

import re
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trafficking_sim.cli import main
from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.engine import Share
from trafficking_sim.play.saves import write_save
from trafficking_sim.play.session import Session

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
A4_PORTRAIT = (595, 842)  # points, rounded
PRINT_WIDTH_PX = 688  # 210 mm less the 14 mm margins each side, at 96 px an inch


@pytest.fixture(scope="module")
def printables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every kind of printable, made through the command line as a trainer would."""
    out = tmp_path_factory.mktemp("print")
    assert main(["cards", "--scenario", "exercise", "--lang", "sl", "--out", str(out)]) == 0
    assert main(["guide", "--lang", "sl", "--out", str(out)]) == 0
    assert main(["map", "--scenario", "exercise", "--out", str(out / "map.svg")]) == 0
    content = load_game(find_scenario("exercise"))
    seats = tuple(content.roles)
    session = Session.new(
        content, seats[0], 1, "en", seats, {r: f"Group {i}" for i, r in enumerate(seats, 1)}
    )
    session.act(Share(to="ngo", facts=("job_advert",)))
    save = out / "class.json"
    write_save(save, session.savegame())
    assert main(["debrief", str(save), "--format", "html", "--out", str(out / "class.html")]) == 0
    single = Session.new(content, "police_a", 1, "en")
    write_save(out / "game.json", single.savegame())
    assert (
        main(
            [
                "debrief",
                str(out / "game.json"),
                "--quick",
                "--format",
                "html",
                "--out",
                str(out / "debrief.html"),
            ]
        )
        == 0
    )
    return {
        "cards": out / "exercise-cards-sl.html",
        "card": out / "exercise-police_a-sl.html",
        "guide": out / "guide-sl.html",
        "map": out / "map.svg",
        "class": out / "class.html",
        "debrief": out / "debrief.html",
    }


def test_every_printable_asks_for_a4_and_is_readable_by_others(printables: dict[str, Path]) -> None:
    for name, path in printables.items():
        text = path.read_text(encoding="utf-8")
        assert re.search(r"@page\s*\{\s*size:\s*A4", text), name
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, name
    folder = printables["cards"].parent
    for path in folder.glob("exercise-*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name


def test_one_file_holds_every_role_card_and_the_guide_has_contents(
    printables: dict[str, Path],
) -> None:
    content = load_game(find_scenario("exercise"))
    every = printables["cards"].read_text(encoding="utf-8")
    assert every.count('<section class="page">') == len(content.roles)
    for role in content.roles:
        assert f"<h1>{content.actors[role].name.get('sl')}</h1>" in every
    guide = printables["guide"].read_text(encoding="utf-8")
    links = re.findall(r'<a href="#([^"]+)"', guide)
    ids = set(re.findall(r'<h[23] id="([^"]+)"', guide))
    assert len(links) > 20 and set(links) <= ids  # every entry of the contents leads somewhere
    assert '<h2 id="vsebina">Vsebina</h2>' in guide


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium on this machine")
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=ARGS)
        yield launched
        launched.close()


def _pdf(browser: Any, path: Path) -> tuple[bytes, list[str]]:
    """The file printed to PDF, and what runs past the printable width (in print media)."""
    page = browser.new_page(viewport={"width": PRINT_WIDTH_PX, "height": 1000})
    page.goto(path.as_uri())
    page.emulate_media(media="print")
    overflow: list[str] = []
    if path.suffix == ".html":
        overflow = page.evaluate(
            """(limit) => Array.from(document.body.querySelectorAll('*'))
                .filter(e => e.getBoundingClientRect().right > limit + 1
                             || e.scrollWidth > e.clientWidth + 1)
                .map(e => e.tagName + ': ' + (e.textContent || '').slice(0, 60))""",
            PRINT_WIDTH_PX,
        )
    pdf = page.pdf(prefer_css_page_size=True)
    page.close()
    return pdf, overflow


def _pages(pdf: bytes) -> list[tuple[int, int]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    count = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert boxes and count
    size = (round(float(boxes[0][0])), round(float(boxes[0][1])))
    return [size] * count


def test_printables_render_on_a4_pages_without_overflow(
    browser: Any, printables: dict[str, Path]
) -> None:
    content = load_game(find_scenario("exercise"))
    roles = len(content.roles)
    expected = {  # name: (fewest, most) pages
        "cards": (roles, 2 * roles),
        "card": (1, 2),
        "guide": (3, 40),
        "map": (1, 1),
        "class": (1, 30),
        "debrief": (1, 20),
    }
    # The check itself sees what runs off the page.
    wide = printables["map"].parent / "wide.html"
    wide.write_text('<html><body><pre style="overflow:auto">' + "x" * 400 + "</pre></body></html>")
    assert _pdf(browser, wide)[1]
    for name, path in printables.items():
        pdf, overflow = _pdf(browser, path)
        pages = _pages(pdf)
        low, high = expected[name]
        assert low <= len(pages) <= high, (name, len(pages))
        wanted = A4_PORTRAIT[::-1] if name == "map" else A4_PORTRAIT
        assert pages[0] == wanted, (name, pages[0])
        assert overflow == [], (name, overflow[:5])
