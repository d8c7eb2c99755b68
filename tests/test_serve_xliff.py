"""`briefing serve` and post-editing: XLIFF out (sources only, or machine-filled), XLIFF in, the side-by-side handout.

The machine-filled files come from the tiny test model: the real loading and
inference path, but its text is nonsense outside its 66 training sentences,
so these tests check structure and provenance, never the quality of a target.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="briefing serve needs the serve extra (starlette, uvicorn)")
httpx = pytest.importorskip("httpx", reason="the API tests need httpx")

import toolkit  # noqa: E402
from tests.conftest import SEED  # noqa: E402
from tests.test_serve import (  # noqa: E402
    DOCX,
    PDF,
    TITLE,
    anyio_backend,  # noqa: F401  (fixture)
    assert_error,
    config,
    convert,
    models_dir,  # noqa: F401  (fixture)
    pdf_text,
    poll,
    serving,
)
from tests.test_xliff import X, fill_targets, valid  # noqa: E402
from tests.test_xliff_memory import reviewed  # noqa: E402
from toolkit.readers.xliff import human_translations, read_xliff  # noqa: E402
from toolkit.readers.xliff.parse import load  # noqa: E402
from toolkit.serve.upload import Upload  # noqa: E402
from toolkit.translation.memory import TranslationMemory  # noqa: E402

XLIFF = "application/xliff+xml"
STEM = "000_22ad20a819696709"
pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def client(models_dir: Path) -> AsyncIterator[httpx.AsyncClient]:  # noqa: F811
    async with serving(config(models_dir)) as c:
        yield c


def seed_xliff() -> bytes:
    """The seed as a translator gets it back: every segment's text upper-cased, codes kept, `final`."""
    from toolkit.writers.xliff import render_xliff

    return fill_targets(render_xliff(toolkit.read(SEED)), reviewed, state="final")


def segments(data: bytes) -> list[tuple[str | None, str | None, bool]]:
    """(state, subState, has a target) for every segment."""
    root = valid(data)
    return [
        (s.get("state"), s.get("subState"), s.find(f"{X}target") is not None)
        for s in root.iter(f"{X}segment")
    ]


async def test_sources_only_xliff_is_valid_and_every_segment_initial(client: httpx.AsyncClient) -> None:
    response = await convert(client, SEED.name, SEED.read_bytes(), to="xlf")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLIFF
    assert f'filename="{STEM}.nl-en.xlf"' in response.headers["content-disposition"]
    root = valid(response.content)
    assert (root.get("srcLang"), root.get("trgLang")) == ("nl", "en")
    found = segments(response.content)
    assert len(found) > 40 and set(found) == {("initial", None, False)}


async def test_xliff_version_and_target_language_are_the_callers_choice(client: httpx.AsyncClient) -> None:
    old = await convert(
        client, SEED.name, SEED.read_bytes(), to="xliff", xliff_version="1.2", target_lang="de"
    )
    assert old.status_code == 200, old.text
    assert f'filename="{STEM}.nl-de.xlf"' in old.headers["content-disposition"]
    root = valid(old.content, "1.2")
    assert root.find(".//{urn:oasis:names:tc:xliff:document:1.2}file").get("target-language") == "de"
    assert_error(await convert(client, SEED.name, SEED.read_bytes(), to="xlf", xliff_version="3"), 400, 2)
    assert_error(await convert(client, SEED.name, SEED.read_bytes(), to="xlf", target_lang="n1"), 400, 2)


async def test_with_lang_the_xliff_is_machine_filled_for_post_editing(client: httpx.AsyncClient) -> None:
    response = await convert(client, SEED.name, SEED.read_bytes(), to="xlf", lang="en")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLIFF
    assert f'filename="{STEM}.nl-en.mt.xlf"' in response.headers["content-disposition"]
    found = segments(response.content)
    assert found and all(has for _, _, has in found)
    assert {(state, sub) for state, sub, _ in found} == {("translated", "brf:mt")}
    root = valid(response.content)
    origins = {m.get("origin") for m in root.iter("{urn:oasis:names:tc:xliff:matches:2.0}match")}
    assert len(origins) == 1 and "translate-nl_en" in origins.pop()
    # It reads back as the English briefing (the test model's words: structure, not quality).
    english = toolkit.read(response.content, "xlf")
    assert english.lang == "en" and len(english.body) == len(toolkit.read(SEED).body)


async def test_a_reviewed_xliff_upload_becomes_the_english_pdf(client: httpx.AsyncClient) -> None:
    data = seed_xliff()
    response = await convert(client, f"{STEM}.nl-en.xlf", data, to="pdf")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == PDF
    assert f'filename="{STEM}.en.pdf"' in response.headers["content-disposition"]
    text = pdf_text(response.content)
    assert TITLE.upper() in text and TITLE not in text  # the targets, not the sources
    expected = read_xliff(data)
    xml = await convert(client, "reviewed.xlf", data, to="xml")
    assert toolkit.read(xml.content, "xml").body == expected.body
    assert "X-Briefing-Learned" not in response.headers  # no learn=1: the memory was not asked


async def test_a_segment_without_a_target_is_422_naming_it(client: httpx.AsyncClient) -> None:
    empty = (await convert(client, SEED.name, SEED.read_bytes(), to="xlf")).content
    body = assert_error(await convert(client, "leeg.xlf", empty, to="pdf"), 422, 4, "leeg.xlf")
    assert "unit u1 segment s1 has no translation" in body["error"]
    assert "allow_untranslated=1" in body["error"] and "--allow" not in body["error"]
    kept = await convert(client, "leeg.xlf", empty, to="pdf", allow_untranslated="1")
    assert kept.status_code == 200 and int(kept.headers["x-briefing-warnings"]) > 0
    assert TITLE in pdf_text(kept.content)  # the source text stands in, with a warning
    assert_error(await convert(client, "kapot.xlf", b"<xliff/>", to="pdf"), 422, 4, "kapot.xlf:1")


async def test_xliff_switches_are_for_xliff_uploads(client: httpx.AsyncClient) -> None:
    for field in ("learn", "allow_untranslated"):
        assert_error(await convert(client, SEED.name, SEED.read_bytes(), to="pdf", **{field: "1"}), 400, 2)
    assert_error(await convert(client, "a.xlf", seed_xliff(), to="pdf", learn="yes please"), 400, 2)
    # This client's server runs without a memory: learning is refused, not skipped.
    body = assert_error(await convert(client, "a.xlf", seed_xliff(), to="pdf", learn="1"), 422, 2)
    assert "no translation memory" in body["error"]


async def test_only_learn_1_teaches_the_servers_memory(models_dir: Path, tmp_path: Path) -> None:  # noqa: F811
    data = seed_xliff()
    keys = list(human_translations(load(data, None, lambda w: None)))
    assert len(keys) > 40
    memory = tmp_path / "tm.sqlite3"
    async with serving(config(models_dir, cache=memory)) as c:
        quiet = await convert(c, "reviewed.xlf", data, to="pdf")
        assert quiet.status_code == 200 and "x-briefing-learned" not in quiet.headers
        with TranslationMemory(memory) as tm:
            assert tm.get_human("nl", "en", keys) == {}
        taught = await convert(c, "reviewed.xlf", data, to="pdf", learn="1")
        assert taught.status_code == 200, taught.text
        assert int(taught.headers["x-briefing-learned"]) == len(keys)
        with TranslationMemory(memory) as tm:
            assert len(tm.get_human("nl", "en", keys)) == len(keys)
        # The next translation of the seed is the reviewed text, from the memory.
        english = await convert(c, SEED.name, SEED.read_bytes(), to="xml", lang="en")
        assert toolkit.read(english.content, "xml").body == read_xliff(data).body


async def test_a_page_job_makes_both_xliff_files(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/jobs",
        files={"file": (SEED.name, SEED.read_bytes())},
        data={"to": ["xlf", "pdf"], "lang": ["nl", "en"]},
    )
    job = await poll(client, response.headers["location"])
    assert job["state"] == "done", job["error"]
    found = [(o["name"], o["kind"]) for o in job["outputs"]]
    assert found == [
        (f"{STEM}.nl-en.xlf", "xliff"),
        (f"{STEM}.nl.pdf", "document"),
        (f"{STEM}.nl-en.mt.xlf", "xliff-mt"),
        (f"{STEM}.en.pdf", "document"),
    ]
    mt = await client.get(job["outputs"][2]["url"])
    assert mt.headers["content-type"] == XLIFF and segments(mt.content)[0][:2] == ("translated", "brf:mt")


async def test_an_xliff_upload_in_a_job_is_rendered_in_its_own_language(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/jobs", files={"file": ("klaar.nl-en.xlf", seed_xliff())}, data={"to": ["docx"]}
    )
    job = await poll(client, response.headers["location"])
    assert job["state"] == "done", job["error"]
    assert [o["name"] for o in job["outputs"]] == ["klaar.en.docx"] and job["learned"] is None


async def test_bilingual_is_the_side_by_side_handout_or_a_clear_422(client: httpx.AsyncClient) -> None:
    info = (await client.get("/api/models")).json()
    assert "xlf" in info["formats"] and ".xliff" in info["inputs"]
    assert_error(await convert(client, SEED.name, SEED.read_bytes(), to="pdf", bilingual="1"), 400, 2)
    assert_error(
        await convert(client, SEED.name, SEED.read_bytes(), to="xml", bilingual="1", lang="en"), 400, 2
    )
    response = await convert(client, SEED.name, SEED.read_bytes(), to="pdf", bilingual="1", lang="en")
    if "pdf" not in info["bilingual"]:
        body = assert_error(response, 422, 4)
        assert "side-by-side handout is not available as pdf" in body["error"]
        return
    assert response.status_code == 200, response.text
    assert f'filename="{STEM}.nl-en.pdf"' in response.headers["content-disposition"]
    both = " ".join(pdf_text(response.content).split())
    alone = await convert(client, SEED.name, SEED.read_bytes(), to="pdf", lang="en")
    lines = pdf_text(alone.content).splitlines()
    english_line = next(x for x in lines if len(x.split()) > 5 and "Machine translation" not in x)
    assert TITLE in both and "De NAVO Foreign Ministers Meeting" in both  # the Dutch column
    assert " ".join(english_line.split()) in both, english_line  # and the English one
    if "docx" in info["bilingual"]:
        docx = await convert(client, SEED.name, SEED.read_bytes(), to="docx", bilingual="1", lang="en")
        assert docx.status_code == 200 and docx.headers["content-type"] == DOCX
        assert f'filename="{STEM}.nl-en.docx"' in docx.headers["content-disposition"]


def test_the_stem_drops_our_own_language_parts() -> None:
    for name in ("Brief.nl-en.xlf", "Brief.nl-en.mt.xlf", "Brief.EN.pdf", "Brief.xlf"):
        assert Upload(name, b"").stem == "Brief"
    assert Upload("Brief.de.xlf", b"").stem == "Brief.de" and Upload(".nl", b"").stem == ".nl"
