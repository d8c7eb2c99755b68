"""`briefing translate` on the tiny test model: which file warnings name, and the device error.

THE TINY TEST MODEL ONLY KNOWS ITS TRAINING SENTENCES; these tests check the
command's messages and exit codes, never translation quality.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.test_translate_model import tiny_model  # noqa: F401  (the installed tiny model, a fixture)
from tests.test_translate_packages import no_network, private_dirs  # noqa: F401  (autouse fixtures)
from toolkit.cli import main
from toolkit.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.usefixtures("tiny_model")
@pytest.mark.parametrize("suffix", [".docx", ".xml"])
def test_translation_warnings_name_the_file_given(tmp_path: Path, suffix: str) -> None:
    # Made from the seed, elsewhere: it records `000_22ad20a819696709.txt` as its source.
    made = tmp_path / "elsewhere" / f"handout{suffix}"
    made.parent.mkdir()
    assert run("convert", str(SEED), "-o", str(made))[0] == 0
    code, _, err = run(
        "translate", str(made), "-o", str(tmp_path / "en.xml"), "--beam-size", "1", "--no-cache"
    )
    assert code == 0, err
    warnings = err.splitlines()
    assert warnings, "the tiny model's output should trip the glossary"
    assert all(line.startswith(f"warning: {made}: ") for line in warnings), warnings[:3]
    assert SEED.name not in err.replace(f"{made}", "")


@pytest.mark.usefixtures("tiny_model")
def test_a_language_warning_names_the_file_given(tmp_path: Path) -> None:
    english = tmp_path / "already-english.xml"
    assert run("convert", str(SEED), "-o", str(english))[0] == 0
    english.write_bytes(english.read_bytes().replace(b'xml:lang="nl"', b'xml:lang="en"', 1))
    code, _, err = run(
        "translate", str(english), "-o", str(tmp_path / "en.xml"), "--beam-size", "1", "--no-glossary"
    )
    assert code == 0, err
    assert f"warning: {english}: the document says its language is 'en', not 'nl'\n" in err


@pytest.mark.usefixtures("tiny_model")
def test_device_cuda_without_a_gpu_is_its_own_exit_code(tmp_path: Path) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine has a CUDA device")
    output = tmp_path / "en.xml"
    code, out, err = run("translate", str(SEED), "-o", str(output), "--device", "cuda")
    assert code == ExitCode.DEVICE == 11
    assert err == (
        "error: --device cuda: no CUDA GPU is available here (or this CTranslate2 was built without CUDA) "
        "(use --device cpu)\n"
    )
    assert out == "" and not output.exists()


def test_no_model_is_still_exit_7(tmp_path: Path) -> None:
    code, _, err = run(
        "translate",
        str(SEED),
        "-o",
        str(tmp_path / "en.xml"),
        "--device",
        "cuda",
        "--models-dir",
        str(tmp_path),
    )
    assert code == ExitCode.NO_MODEL and err.count("\n") == 1


def test_the_exit_codes_in_help_include_the_device() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "11 --device not available" in out
