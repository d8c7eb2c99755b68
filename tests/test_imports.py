"""Light commands import no heavy library: the set of modules each real command leaves loaded.

Each case runs `toolkit.cli.main` in a fresh interpreter, then prints `sorted(sys.modules)`.
These are sets, not timings: a heavy import that sneaks into a light command fails here on
any machine. `python -X importtime -m toolkit ...` shows what each one costs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"

_RUN = """
import contextlib, io, json, sys
from toolkit.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

# Top-level packages no single conversion needs (sqlite3: the batch manifest and the translation memory).
HEAVY = {
    "reportlab",
    "PIL",
    "rich",
    "ctranslate2",
    "sentencepiece",
    "argostranslate",
    "distributed",
    "dask",
    "starlette",
    "uvicorn",
    "httpx",
    "sqlite3",
    "numpy",
}


def modules(*argv: str) -> set[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *argv], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] == 0, done.stderr
    return set(result["modules"])


def roots(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def toolkit_parts(names: set[str], prefix: str) -> set[str]:
    return {name for name in names if name == prefix or name.startswith(prefix + ".")}


def test_help_imports_the_command_line_and_nothing_of_the_library() -> None:
    loaded = modules("--help")
    assert not roots(loaded) & HEAVY
    assert not roots(loaded) & {"lxml", "dataclasses", "typing", "tomllib", "zipfile", "pathlib", "shutil"}
    ours = {name for name in loaded if name.startswith("toolkit.")}
    assert ours <= {"toolkit.cli", "toolkit.cli.common", "toolkit.errors", "toolkit.version"}, ours


def test_a_command_builds_only_its_own_parser() -> None:
    loaded = modules("convert", "--help")
    commands = {name for name in loaded if name.startswith("toolkit.cli.")}
    assert commands == {"toolkit.cli.common", "toolkit.cli.convert"}


@pytest.mark.parametrize("fmt", ["xml", "docx"])
def test_convert_to_xml_or_docx_imports_no_pdf_translation_or_batch(tmp_path: Path, fmt: str) -> None:
    loaded = modules("convert", str(SEED), "-o", str(tmp_path / f"seed.{fmt}"))
    assert not roots(loaded) & HEAVY
    for part in ("toolkit.writers.pdf", "toolkit.translation", "toolkit.batch", "toolkit.serve"):
        assert not toolkit_parts(loaded, part), part
    if fmt == "xml":
        assert not toolkit_parts(loaded, "toolkit.writers.docx")
        assert "zipfile" not in loaded


def test_convert_to_xml_reads_no_house_style(tmp_path: Path) -> None:
    loaded = modules("convert", str(SEED), "-o", str(tmp_path / "seed.xml"))
    assert not toolkit_parts(loaded, "toolkit.style")
    assert "tomllib" not in loaded


def test_convert_to_docx_with_the_style_cached_imports_no_toml_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    assert "tomllib" in modules("convert", str(SEED), "-o", str(tmp_path / "first.docx"))
    assert "tomllib" not in modules("convert", str(SEED), "-o", str(tmp_path / "second.docx"))


def test_convert_to_pdf_imports_reportlab_but_not_pillows_image_code(tmp_path: Path) -> None:
    loaded = modules("convert", str(SEED), "-o", str(tmp_path / "seed.pdf"))
    assert "reportlab.platypus" in loaded
    # PIL.Image is registered, loaded lazily; its C library is not loaded for a briefing.
    assert "PIL._imaging" not in loaded
    assert not roots(loaded) & (HEAVY - {"reportlab", "PIL"})
    # POI text to PDF touches no XML: lxml (15-40 ms to load) stays out.
    assert "lxml" not in roots(loaded) and "toolkit.model.xmlio" not in loaded
    for part in ("toolkit.writers.docx", "toolkit.translation", "toolkit.batch", "toolkit.serve"):
        assert not toolkit_parts(loaded, part), part


_DEFERRED = """
import contextlib, io, json, sys
from toolkit.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
import reportlab.lib.PyFontify as fontify, reportlab.lib.rl_safe_eval as safe_eval
import reportlab.lib.textsplit as textsplit, reportlab.platypus.paragraph as paragraph
patterns = [paragraph.uri_pat, textsplit.rx, fontify.matchRE, fontify.idRE, safe_eval.__rl_unsafe_re__]
before = [p._compiled is None for p in patterns]
used = textsplit.rx.sub(r"<\\1>", "a\u4e00b"), bool(paragraph.uri_pat.match("https://www.rijksoverheid.nl"))
print(json.dumps({"code": code, "uncompiled": before, "used": used}))
"""


def test_a_pdf_command_leaves_reportlabs_unused_patterns_uncompiled_and_they_work_when_used(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _DEFERRED, "convert", str(SEED), "-o", str(tmp_path / "seed.pdf")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] == 0, done.stderr
    assert result["uncompiled"] == [True] * 5
    assert result["used"] == ["a<\u4e00>b", True]


def test_validate_imports_no_writer(tmp_path: Path) -> None:
    xml = tmp_path / "seed.xml"
    modules("convert", str(SEED), "-o", str(xml))
    loaded = modules("validate", str(xml))
    assert not roots(loaded) & HEAVY
    assert not toolkit_parts(loaded, "toolkit.writers")
