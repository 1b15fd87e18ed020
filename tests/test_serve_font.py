"""The served game in a real browser: its terminal font has the Slovene capitals Č Š Ž,
so Chromium on Linux no longer draws them as Ċ Ṡ Ż from a fallback font."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from .test_printables import browser  # noqa: F401  (the fixture: skipped without Chromium)
from .test_serve import _free_port

FONT_CHECK = """async () => {
  await document.fonts.load("32px 'Roboto Mono'", "ČŠŽ");
  const faces = [...document.fonts].filter(
    f => f.family.replace(/['"]/g, "") === "Roboto Mono" && f.status === "loaded");
  const draw = (text) => {
    const canvas = document.createElement("canvas");
    canvas.width = 64; canvas.height = 64;
    const ctx = canvas.getContext("2d");
    ctx.font = "48px 'Roboto Mono', Monaco, 'Courier New', monospace";
    ctx.fillText(text, 8, 52);
    return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(",");
  };
  return {
    loaded: faces.length,
    differ: [["Č", "Ċ"], ["Š", "Ṡ"], ["Ž", "Ż"]].every(([a, b]) => draw(a) !== draw(b)),
  };
}"""


def test_the_served_page_draws_c_s_z_with_carons(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    port = _free_port()
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "trafficking_sim", "serve", "--port", str(port), "--lang", "sl"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                    break
            except OSError:
                assert server.poll() is None
                time.sleep(0.2)
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        result = page.evaluate(FONT_CHECK)
        page.close()
        assert result["loaded"] >= 1  # the terminal's font comes from the game itself
        assert result["differ"]  # and Č is not drawn as Ċ (nor Š as Ṡ, Ž as Ż)
    finally:
        server.terminate()
        server.wait(timeout=10)
