"""The JSON and file endpoints under /api."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from toolkit import __version__, formats
from toolkit.errors import BriefingError, ExitCode
from toolkit.serve import work
from toolkit.serve.jobs import Job, Output, Runner, Spec, check_formats
from toolkit.serve.problems import RequestError
from toolkit.serve.upload import Form, read_form

XLIFF_VERSIONS = ("2.1", "1.2")
SWITCHES = ("strict", "allow_untranslated", "learn", "bilingual")  # form fields that are 1 or absent


def runner(request: Request) -> Runner:
    return request.app.state.runner  # type: ignore[no-any-return]


async def convert(request: Request) -> Response:
    """POST /api/convert: one upload to one format, in its own language or translated to `lang`."""
    form = await read_form(request, request.app.state.config.max_upload_bytes)
    to = form.all("to")
    if len(to) != 1:
        raise RequestError("give exactly one output format: to=pdf, docx, xml or xlf", status=400)
    lang = form.get("lang")
    job = Job(spec(request, form, check_formats(to), (lang,) if lang else ()))
    await runner(request).run(job)
    if job.error is not None:
        raise job.error
    output = job.outputs[0]
    return file_response(output, job.warnings, job.learned)


async def start_job(request: Request) -> JSONResponse:
    """POST /api/jobs: the page's conversion, several formats and languages, polled for progress."""
    form = await read_form(request, request.app.state.config.max_upload_bytes)
    langs = tuple(dict.fromkeys(form.all("lang")))  # none: the document's own language
    job = runner(request).start(Job(spec(request, form, check_formats(form.all("to")), langs)))
    return JSONResponse(job.as_json(), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})


async def job_status(request: Request) -> JSONResponse:
    """GET /api/jobs/ID: state, progress, download links, warnings or the error."""
    return JSONResponse(runner(request).get(request.path_params["job"]).as_json())


async def job_file(request: Request) -> Response:
    """GET /api/jobs/ID/files/N: one of a finished job's files."""
    job = runner(request).get(request.path_params["job"])
    index = request.path_params["index"]
    if not 0 <= index < len(job.outputs):
        raise RequestError("no such file in this job", status=404)
    return file_response(job.outputs[index], job.warnings, job.learned)


async def validate(request: Request) -> JSONResponse:
    """POST /api/validate: the schema problems of briefing XML, with line and column."""
    form = await read_form(request, request.app.state.config.max_upload_bytes)
    upload = form.file()
    problems = await request.app.state.workers.run(work.validate, upload.data, upload.name)
    return JSONResponse(
        {
            "name": upload.name,
            "valid": not problems,
            "problems": [
                {"where": where, "line": line, "column": column, "message": message}
                for where, line, column, message in problems
            ],
        }
    )


async def models(request: Request) -> JSONResponse:
    """GET /api/models: the installed translation models, the house styles, what may be uploaded."""
    from toolkit.style import available
    from toolkit.translation import packages

    found = packages.installed(request.app.state.config.models_dir)
    return JSONResponse(
        {
            "models": [
                {"source": p.source, "target": p.target, "name": p.name, "version": p.version} for p in found
            ],
            "styles": available(),
            "formats": list(formats.WRITERS),
            "inputs": [suffix for suffix, fmt in formats.SUFFIXES.items() if fmt in formats.READERS],
            "bilingual": list(request.app.state.bilingual),
            "memory": request.app.state.config.cache is not False,
            "xliff_versions": list(XLIFF_VERSIONS),
            "max_upload_mb": request.app.state.config.max_upload_mb,
        }
    )


async def health(request: Request) -> JSONResponse:
    state = request.app.state
    return JSONResponse(
        {
            "status": "ok" if state.workers.alive else "starting",
            "version": __version__,
            "workers": state.config.workers,
            "worker_restarts": state.workers.restarts,
            "translations_waiting": state.translation.waiting,
            "jobs": len(state.runner.jobs),
        }
    )


def spec(request: Request, form: Form, to: tuple[str, ...], langs: tuple[str, ...]) -> Spec:
    """The job the form asks for, with its input format, languages, house style and switches checked."""
    upload = form.file()
    # The name gives the format as on the command line, or the bytes do; no path is opened.
    source_format = formats.reader_format(upload.name, form.get("from"), upload.data)
    target = form.get("target_lang")
    for lang in (*langs, *([target] if target else [])):
        if not lang.isascii() or not lang.isalpha() or not 2 <= len(lang) <= 3:
            raise RequestError(f"not a language code: {lang!r}", status=400, hint="use nl or en")
    on = {name: switch(form, name) for name in SWITCHES}
    version = form.get("xliff_version") or "2.1"
    if version not in XLIFF_VERSIONS:
        raise RequestError(f"no XLIFF version {version!r}", status=400, hint="use 2.1 or 1.2")
    if (on["allow_untranslated"] or on["learn"]) and source_format != "xlf":
        raise RequestError("allow_untranslated and learn are for XLIFF uploads", status=400)
    if on["learn"] and request.app.state.config.cache is False:
        raise RequestError(
            "learn=1, but this server keeps no translation memory",
            status=422,
            hint="start briefing serve without --no-cache, or leave learn out",
        )
    if on["bilingual"]:
        check_bilingual(request, to, langs)
    recipe = work.Recipe(
        source_format,
        to,
        langs,
        checked_style(form.get("style")),
        on["strict"],
        on["allow_untranslated"],
        target,
        version,
        on["bilingual"],
    )
    return Spec(upload, recipe, on["learn"])


def switch(form: Form, name: str) -> bool:
    value = form.get(name)
    if value in (None, "0", "false"):
        return False
    if value in ("1", "true", "on"):
        return True
    raise RequestError(f"{name}={value!r}: give {name}=1 or leave it out", status=400)


def check_bilingual(request: Request, to: tuple[str, ...], langs: tuple[str, ...]) -> None:
    """A side-by-side handout: PDF or DOCX, with a translation, if this installation can make it."""
    wanted = [fmt for fmt in to if fmt in work.BILINGUAL_FORMATS]
    if not wanted or not langs:
        raise RequestError(
            "bilingual=1 makes a side-by-side PDF or DOCX of a translation",
            status=400,
            hint="send it with to=pdf or to=docx and lang=en",
        )
    missing = [fmt for fmt in wanted if fmt not in request.app.state.bilingual]
    if missing:
        raise RequestError(
            f"the side-by-side handout is not available as {', '.join(missing)} in this version",
            status=422,
            hint="leave bilingual out for the English handout alone",
            code=ExitCode.BAD_INPUT,
        )


def checked_style(name: str | None) -> str | None:
    """A shipped house style by name; a path from a request is never opened."""
    from toolkit.style import available

    if name is None or name in available():
        return name
    raise BriefingError(
        f"no house style named {name!r}", hint=f"available: {', '.join(available())}", code=ExitCode.STYLE
    )


def file_response(output: Output, warnings: list[str], learned: int | None = None) -> Response:
    headers: dict[str, Any] = {
        "Content-Disposition": output.disposition(),
        "X-Briefing-Warnings": str(len(warnings)),
    }
    if learned is not None:
        headers["X-Briefing-Learned"] = str(learned)
    return Response(output.data, media_type=output.content_type, headers=headers)
