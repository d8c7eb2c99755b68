"""`briefing serve`: the API through httpx's ASGI transport, against the app the factory builds."""

from __future__ import annotations

import asyncio
import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="briefing serve needs the serve extra (starlette, uvicorn)")
httpx = pytest.importorskip("httpx", reason="the API tests need httpx")

import toolkit  # noqa: E402
from tests.conftest import SEED  # noqa: E402
from tests.translate_support import install_test_model  # noqa: E402
from toolkit.serve import (  # noqa: E402
    ServeConfig,
    create_app,
    work,
)
from toolkit.serve import app as app_module  # noqa: E402
from toolkit.serve.upload import Upload, ascii_name, safe_name  # noqa: E402

TITLE = "Foreign Ministers Meeting 3-4 april 2024"
PDF, DOCX = "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BAD_MARKER = b"Titel\n\nDe tekst[footnoteRef:x] gaat door.\n"


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return install_test_model(tmp_path_factory.mktemp("models"))


def config(models_dir: Path | None = None, **changes: Any) -> ServeConfig:
    # Threads instead of processes (workers=0): the same code path, and fast to start.
    return ServeConfig(**{"workers": 0, "cache": False, "models_dir": models_dir, **changes})


class serving:
    """An app from `config`, started (lifespan) and reachable through an httpx client."""

    def __init__(self, cfg: ServeConfig) -> None:
        self.app = create_app(cfg)
        self._lifespan = self.app.router.lifespan_context(self.app)

    async def __aenter__(self) -> httpx.AsyncClient:
        await self._lifespan.__aenter__()
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url="http://127.0.0.1"
        )
        return self.client

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()
        await self._lifespan.__aexit__(None, None, None)


@pytest.fixture(scope="module")
async def client(models_dir: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with serving(config(models_dir)) as c:
        yield c


async def convert(client: httpx.AsyncClient, name: str, data: bytes, **fields: str) -> httpx.Response:
    return await client.post("/api/convert", files={"file": (name, data)}, data=fields)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def assert_error(response: httpx.Response, status: int, code: int, where: str = "") -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error", "where", "code"}
    assert body["code"] == code and body["where"] == where
    assert "Traceback" not in body["error"] and "\n" not in body["error"]
    return body  # type: ignore[no-any-return]


pytestmark = pytest.mark.anyio


async def test_health(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_seed_to_pdf_is_named_after_the_upload_and_holds_the_title(client: httpx.AsyncClient) -> None:
    response = await convert(client, SEED.name, SEED.read_bytes(), to="pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == PDF
    assert 'filename="000_22ad20a819696709.nl.pdf"' in response.headers["content-disposition"]
    assert response.headers["x-briefing-warnings"] == "0"
    assert TITLE in pdf_text(response.content)


async def test_xml_and_docx_are_what_the_library_makes(client: httpx.AsyncClient) -> None:
    doc = toolkit.read(SEED)
    xml = await convert(client, SEED.name, SEED.read_bytes(), to="xml")
    assert xml.headers["content-type"].startswith("application/xml")
    assert xml.content == toolkit.render(doc, "xml")
    docx = await convert(client, SEED.name, SEED.read_bytes(), to="docx", style="default")
    assert docx.headers["content-type"] == DOCX
    assert toolkit.read(docx.content, "docx").meta.title == TITLE


async def test_format_from_the_bytes_when_the_name_does_not_tell(client: httpx.AsyncClient) -> None:
    xml = toolkit.render(toolkit.read(SEED), "xml")
    response = await convert(client, "upload", xml, to="pdf")
    assert response.status_code == 200 and TITLE in pdf_text(response.content)


async def test_bad_input_is_422_with_the_clis_location(client: httpx.AsyncClient) -> None:
    body = assert_error(await convert(client, "brief.txt", BAD_MARKER, to="pdf"), 422, 4, "brief.txt:3:9")
    assert "malformed note marker" in body["error"]


async def test_refused_and_unknown_formats(client: httpx.AsyncClient) -> None:
    body = assert_error(await convert(client, "oud.doc", b"\xd0\xcf\x11\xe0", to="pdf"), 422, 4, "oud.doc")
    assert "save it as .docx" in body["error"]
    assert_error(await convert(client, "a.txt", b"x", to="odt"), 400, 2)
    assert_error(await convert(client, "a.txt", b"x", to="pdf", **{"from": "rtf"}), 400, 2)
    assert_error(await client.post("/api/convert", data={"to": "pdf"}, files={"other": ("a", b"")}), 400, 2)
    assert_error(await client.post("/api/convert", json={"to": "pdf"}), 400, 2)


async def test_a_style_is_a_name_never_a_path(client: httpx.AsyncClient, tmp_path: Path) -> None:
    style = tmp_path / "evil.toml"
    style.write_text("this would be a malformed style\n")
    for name in ("nope", str(style), "../../../etc/passwd"):
        body = assert_error(
            await convert(client, "a.txt", b"Titel\n\nTekst.\n", to="pdf", style=name), 422, 10
        )
        assert "available: default" in body["error"] and "malformed" not in body["error"]


async def test_hostile_zip_is_refused(client: httpx.AsyncClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<" + b"a" * (30 * 1024 * 1024) + b"/>")
    assert len(buffer.getvalue()) < 100_000
    body = assert_error(await convert(client, "bom.docx", buffer.getvalue(), to="pdf"), 422, 4, "bom.docx")
    assert "refusing" in body["error"]


async def test_xml_with_a_doctype_is_refused(client: httpx.AsyncClient) -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY x "y">]><briefing version="1"/>'
    body = assert_error(await convert(client, "b.xml", xml, to="pdf"), 422, 4, "b.xml:1")
    assert "DOCTYPE" in body["error"]


async def test_too_large_is_413_before_the_body_is_read() -> None:
    async with serving(config(max_upload_mb=0.05)) as small:
        big = b"Titel\n\n" + b"Een zin. " * 20_000
        body = assert_error(await convert(small, "big.txt", big, to="xml"), 413, 4)
        assert "0.05 MB" in body["error"]
        limit = int(0.05 * 1024 * 1024)  # a file just over the limit, within the form's slack
        assert_error(await convert(small, "just.txt", b"x" * (limit + 1), to="xml"), 413, 4)
        assert (await convert(small, "ok.txt", b"Titel\n\nTekst.\n", to="xml")).status_code == 200


async def test_upload_names_are_sanitised(client: httpx.AsyncClient) -> None:
    response = await convert(client, '..\\..\\Brief "één"\r\n.nl.txt', b"Titel\n\nTekst.\n", to="docx")
    disposition = response.headers["content-disposition"]
    assert 'filename="Brief__een_.nl.docx"' in disposition
    assert "filename*=UTF-8''Brief%20_%C3%A9%C3%A9n_.nl.docx" in disposition
    assert safe_name("/etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\x\\..") == "briefing"
    assert safe_name(".hidden.txt") == "hidden.txt"
    assert ascii_name("Überblick ÷ 2.pdf") == "Uberblick_2.pdf"
    assert Upload("Brief.en.xml", b"").stem == "Brief"


async def test_validate_gives_line_and_column(client: httpx.AsyncClient) -> None:
    good = toolkit.render(toolkit.read(SEED), "xml")
    response = await client.post("/api/validate", files={"file": ("good.xml", good)})
    assert response.json() == {"name": "good.xml", "valid": True, "problems": []}
    bad = good.replace(b"<body>", b"<body><bogus/>", 1)
    result = (await client.post("/api/validate", files={"file": ("bad.xml", bad)})).json()
    assert result["valid"] is False
    problem = result["problems"][0]
    line = bad[: bad.index(b"<bogus/>")].count(b"\n") + 1
    assert problem["line"] == line and problem["column"] is not None
    assert problem["where"] == f"bad.xml:{line}:{problem['column']}"
    broken = (await client.post("/api/validate", files={"file": ("x.xml", b"<briefing")})).json()
    assert broken["valid"] is False and broken["problems"][0]["line"] == 1


async def test_models_lists_the_installed_pair_and_the_styles(client: httpx.AsyncClient) -> None:
    info = (await client.get("/api/models")).json()
    assert [(m["source"], m["target"]) for m in info["models"]] == [("nl", "en")]
    assert "default" in info["styles"] and info["formats"] == ["xml", "docx", "pdf", "xlf"]
    assert info["max_upload_mb"] == 20


async def test_convert_with_lang_translates_first(client: httpx.AsyncClient) -> None:
    # The tiny test model: the real loading and inference path, nonsense as translation.
    response = await convert(client, SEED.name, SEED.read_bytes(), to="xml", lang="en")
    assert response.status_code == 200, response.text
    assert 'filename="000_22ad20a819696709.en.xml"' in response.headers["content-disposition"]
    english = toolkit.read(response.content, "xml")
    assert english.lang == "en" and english.meta.translation is not None
    nl = await convert(client, SEED.name, SEED.read_bytes(), to="xml", lang="nl")
    assert nl.content == toolkit.render(toolkit.read(SEED), "xml")


async def test_no_model_for_the_pair_is_503(client: httpx.AsyncClient) -> None:
    body = assert_error(
        await convert(client, "a.txt", b"Titel\n\nTekst.\n", to="xml", lang="fr"), 503, 7, body_where(client)
    )
    assert "nl->fr" in body["error"]


def body_where(client: httpx.AsyncClient) -> str:
    return str(client._transport.app.state.config.models_dir)  # type: ignore[attr-defined]


async def poll(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    for _ in range(600):
        job: dict[str, Any] = (await client.get(url)).json()
        if job["state"] in ("done", "failed"):
            return job
        await asyncio.sleep(0.05)
    raise AssertionError(f"job did not finish: {job}")


async def test_a_page_job_makes_every_language_and_format(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/jobs",
        files={"file": (SEED.name, SEED.read_bytes())},
        data={"to": ["pdf", "docx"], "lang": ["nl", "en"]},
    )
    assert response.status_code == 202
    job = await poll(client, response.headers["location"])
    assert job["state"] == "done" and job["error"] is None
    names = [o["name"] for o in job["outputs"]]
    stem = "000_22ad20a819696709"
    assert names == [f"{stem}.nl.pdf", f"{stem}.nl.docx", f"{stem}.en.pdf", f"{stem}.en.docx"]
    assert job["progress"]["total"] > 0 and job["progress"]["done"] == job["progress"]["total"]
    first = await client.get(job["outputs"][0]["url"])
    assert first.headers["content-type"] == PDF and TITLE in pdf_text(first.content)
    assert_error(await client.get(job["outputs"][0]["url"].replace("/0", "/9")), 404, 2)


async def test_a_failed_job_says_why_and_unknown_jobs_are_404(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/jobs", files={"file": ("brief.txt", BAD_MARKER)}, data={"to": "pdf"})
    job = await poll(client, response.headers["location"])
    assert job["state"] == "failed" and job["outputs"] == []
    assert job["error"]["where"] == "brief.txt:3:9" and job["error"]["code"] == 4
    assert_error(await client.get("/api/jobs/nope"), 404, 2)
    assert_error(await client.get("/api/jobs"), 405, 2, "/api/jobs")


async def test_an_unexpected_error_is_one_line_without_a_traceback(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> work.Outcome:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(work, "read_and_render", broken)
    body = assert_error(await convert(client, "a.txt", b"Titel\n\nTekst.\n", to="pdf"), 500, 1)
    assert body["error"].startswith("internal error: ZeroDivisionError: division by zero")


async def test_a_request_over_the_time_limit_is_504(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: Any) -> work.Outcome:
        import time

        time.sleep(1)
        return work.Outcome()

    monkeypatch.setattr(work, "read_and_render", slow)
    async with serving(config(timeout=0.2)) as c:
        body = assert_error(await convert(c, "a.txt", b"Titel\n\nTekst.\n", to="pdf"), 504, 6, "a.txt")
        assert "0.2 seconds" in body["error"]
        assert (await c.get("/api/health")).json()["status"] == "ok"


async def test_a_dead_worker_process_is_replaced() -> None:
    import os

    async with serving(ServeConfig(workers=1, cache=False, preload_model=False)) as c:
        workers = c._transport.app.state.workers  # type: ignore[attr-defined]
        with pytest.raises(toolkit.BriefingError, match="worker process stopped"):
            await workers.run(os._exit, 3)
        response = await convert(c, SEED.name, SEED.read_bytes(), to="pdf")
        assert response.status_code == 200 and TITLE in pdf_text(response.content)
        assert (await c.get("/api/health")).json()["worker_restarts"] == 1


async def test_the_openapi_description_names_every_route(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/openapi.json")
    spec = json.loads(response.content)
    assert spec["openapi"].startswith("3.")
    routes = {re.sub(r"\{(\w+):\w+\}", r"{\1}", r.path) for r in app_module.routes}  # type: ignore[attr-defined]
    assert {p for p in routes if p.startswith("/api/")} == set(spec["paths"])


async def test_the_page_is_self_contained_and_labelled(client: httpx.AsyncClient) -> None:
    from lxml import html

    response = await client.get("/")
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page = html.fromstring(response.content)
    assert page.get("lang") == "nl"
    for src in page.xpath("//script/@src | //link/@href"):
        assert src.startswith("/static/")
        assert (await client.get(src)).status_code == 200
    assert not page.xpath("//script[not(@src)] | //*[@style]"), "inline code or style breaks the CSP"
    labels = set(page.xpath("//label/@for"))
    for control in page.xpath("//input | //select | //textarea"):
        assert control.get("id") in labels, f"unlabelled control {control.get('id')}"
    assert page.xpath("//*[@role='alert']") and page.xpath("//*[@role='status']")


def test_the_cli_module_and_the_library_import_no_web_framework() -> None:
    code = (
        "import sys, argparse, toolkit, toolkit.cli, toolkit.cli.serve as s\n"
        "s.add_parser(argparse.ArgumentParser().add_subparsers())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'httpx')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_cli_refuses_a_port_in_use() -> None:
    import argparse
    import socket

    from toolkit.cli import serve
    from toolkit.cli.common import IO

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        parser = argparse.ArgumentParser()
        serve.add_parser(parser.add_subparsers())
        args = parser.parse_args(["serve", "--port", str(taken.getsockname()[1])])
        with pytest.raises(toolkit.BriefingError, match=r"cannot listen on 127\.0\.0\.1") as caught:
            serve.run(args, IO(io.StringIO(), io.StringIO()))
        assert caught.value.code == 2
