"""The page in a real browser: Debian's chromium driven by Playwright's Python package.

Playwright's own browser download is not used (these machines are offline);
it drives the system's chromium instead. Skipped when either is missing.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED
from tests.test_serve_live import LiveServer

pytest.importorskip("uvicorn", reason="briefing serve needs the serve extra (starlette, uvicorn)")
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")

CHROMIUM = os.environ.get("BRIEFING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TITLE = "Foreign Ministers Meeting 3-4 april 2024"
SCREENSHOT_DIR = Path(os.environ.get("BRIEFING_SCREENSHOTS", "build/screenshots"))

pytestmark = [
    pytest.mark.slow,
    pytest.mark.external,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="chromium is not installed (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with LiveServer(
        "--workers", "1", "--no-cache", "--models-dir", "/nonexistent-models", "--max-upload-mb", "5"
    ) as live:
        yield live


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, server: LiveServer) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 900, "height": 1100})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server.url + "/")
    yield page
    context.close()
    assert not [p for p in problems if "status of 4" not in p and "status of 5" not in p], problems


def test_upload_the_seed_and_download_its_pdf(page: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert page.get_by_label("Bestand").is_visible()
    assert page.locator("#file-help").inner_text().endswith("Ten hoogste 5 MB.")  # the server's limit
    page.get_by_label("Bestand").set_input_files(str(SEED))
    assert page.get_by_label("PDF").is_checked() and page.get_by_label("Nederlands (origineel)").is_checked()
    page.get_by_role("button", name="Omzetten").click()
    link = page.get_by_role("link", name="000_22ad20a819696709.nl.pdf")
    link.wait_for(timeout=30_000)
    assert "1 bestand om te downloaden" in page.locator("#status-text").inner_text()
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename == "000_22ad20a819696709.nl.pdf"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert TITLE in text


def test_a_bad_file_shows_the_clis_one_line_error(page: Any) -> None:
    page.get_by_label("Bestand").set_input_files(
        {
            "name": "kapot.txt",
            "mimeType": "text/plain",
            "buffer": b"Titel\n\nDe tekst[footnoteRef:x] gaat door.\n",
        }
    )
    page.get_by_role("button", name="Omzetten").click()
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=30_000)
    assert alert.inner_text().startswith("error: kapot.txt:3:9: malformed note marker '[footnoteRef:x]'")
    assert page.locator("#status-text").inner_text() == "Omzetten is mislukt."
    assert page.locator("#downloads li").count() == 0
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.locator("main").screenshot(path=str(SCREENSHOT_DIR / "serve-error.png"))


def test_english_labels_keyboard_use_and_a_screenshot(page: Any) -> None:
    page.keyboard.press("Tab")  # the skip link first
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "language"
    page.keyboard.press("Enter")  # to English
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Convert a briefing"
    assert "No nl→en translation model is installed" in page.locator("#en-help").inner_text()
    # Focus is visible: the focused control has an outline.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    # Submitting with no file from the keyboard says what is missing and moves the focus there.
    page.get_by_role("button", name="Convert").focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("alert").inner_text() == "error: choose a file first"
    assert page.evaluate("document.activeElement.id") == "file"
    page.get_by_label("File").set_input_files(str(SEED))
    page.get_by_label("DOCX (Word)").check()
    page.get_by_role("button", name="Convert").click()
    page.get_by_role("link", name="000_22ad20a819696709.nl.docx").wait_for(timeout=30_000)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / "serve-page.png"), full_page=True)
    assert (SCREENSHOT_DIR / "serve-page.png").stat().st_size > 10_000


def test_choose_xliff_download_it_and_bring_it_back(page: Any, tmp_path: Path) -> None:
    from lxml import etree

    page.get_by_label("Bestand").set_input_files(str(SEED))
    page.get_by_label("PDF").uncheck()
    page.get_by_label("XLIFF (voor vertalers)").check()
    page.get_by_role("button", name="Omzetten").click()
    link = page.get_by_role("link", name="000_22ad20a819696709.nl-en.xlf")
    link.wait_for(timeout=30_000)
    assert "alleen brontekst" in link.inner_text()
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename == "000_22ad20a819696709.nl-en.xlf"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    root = etree.fromstring(target.read_bytes())
    assert etree.QName(root).localname == "xliff" and root.get("trgLang") == "en"
    states = {s.get("state") for s in root.iter("{urn:oasis:names:tc:xliff:document:2.0}segment")}
    assert states == {"initial"}
    # Back in, untranslated: the XLIFF options replace the language choice, and the error names the segment.
    page.get_by_label("Bestand", exact=True).set_input_files(str(target))
    assert page.locator("#xliff-options").is_visible()
    assert page.get_by_label("Nederlands (origineel)").is_disabled()
    assert not page.locator("#learn").is_visible()  # this server keeps no memory (--no-cache)
    page.get_by_label("XLIFF (voor vertalers)").uncheck()
    page.get_by_label("PDF").check()
    page.get_by_role("button", name="Omzetten").click()
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=30_000)
    assert "unit u1 segment s1 has no translation" in alert.inner_text()
    # From the keyboard: allow the untranslated segments, and convert again.
    page.get_by_label("Zinnen zonder vertaling toestaan (de brontekst blijft staan)").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Omzetten").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="000_22ad20a819696709.en.pdf").wait_for(timeout=30_000)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / "serve-xliff.png"), full_page=True)
