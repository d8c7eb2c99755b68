"""The `briefing` command in-process and as a process: outputs, errors, exit codes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.errors import ExitCode
from toolkit.model import parse
from toolkit.model.schema import validate


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_convert_seed_to_xml(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    target = tmp_path / "seed.xml"
    code, _, err = run("convert", str(seed_path), "-o", str(target))
    assert (code, err) == (0, "")
    assert validate(target.read_bytes()) == []
    assert parse(target.read_bytes()).meta.title == "Foreign Ministers Meeting 3-4 april 2024"
    assert [p.name for p in tmp_path.iterdir()] == ["seed.xml"]  # no temporary file left


def test_convert_to_stdout_is_the_same_xml(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    run("convert", str(seed_path), "-o", str(tmp_path / "a.xml"))
    proc = subprocess.run(
        [sys.executable, "-m", "toolkit", "convert", str(seed_path), "-o", "-"],
        capture_output=True,
        check=True,
    )
    assert proc.stdout == (tmp_path / "a.xml").read_bytes()


def test_xml_to_xml_is_a_fixed_point(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    run("convert", str(seed_path), "-o", str(tmp_path / "a.xml"))
    run("convert", str(tmp_path / "a.xml"), "-o", str(tmp_path / "b.xml"))
    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda d: d / "missing.txt", ExitCode.NO_INPUT, "no such file"),
        (lambda d: d, ExitCode.NO_INPUT, "is a directory"),
        (lambda d: _write(d / "junk.txt", bytes(range(256))), ExitCode.BAD_INPUT, "binary file"),
        (
            lambda d: _write(d / "bad.txt", b"T\nA[footnoteRef:2] b. [2: open\n"),
            ExitCode.BAD_INPUT,
            "never closed",
        ),
        (lambda d: _write(d / "bad.xml", b"<briefing"), ExitCode.BAD_INPUT, "malformed XML"),
        (lambda d: _write(d / "old.doc", b"\xd0\xcf\x11\xe0"), ExitCode.BAD_INPUT, "save it as .docx"),
    ],
)
def test_bad_input_one_line_error_and_no_output(tmp_path, make, code, message):  # type: ignore[no-untyped-def]
    source = make(tmp_path)
    target = tmp_path / "out" / "result.xml"
    target.parent.mkdir()
    rc, _, err = run("convert", str(source), "-o", str(target))
    assert rc == code
    assert err.startswith(f"error: {source}") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert list(target.parent.iterdir()) == []


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_failed_run_keeps_an_existing_output(tmp_path):  # type: ignore[no-untyped-def]
    target = _write(tmp_path / "out.xml", b"previous")
    bad = _write(tmp_path / "bad.txt", b"T\nA[footnoteRef:x] b.\n")
    assert run("convert", str(bad), "-o", str(target))[0] == ExitCode.BAD_INPUT
    assert target.read_bytes() == b"previous"


def test_unwritable_output_is_an_output_error(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    code, _, err = run("convert", str(seed_path), "-o", str(tmp_path / "no" / "such" / "dir.xml"))
    assert code == ExitCode.OUTPUT and err.startswith("error: ")


def test_warnings_are_printed_and_strict_fails(tmp_path):  # type: ignore[no-untyped-def]
    source = _write(tmp_path / "w.txt", "Titel\nCafé oké.\n".encode("cp1252"))
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "w.xml"))
    assert code == 0 and err.startswith(f"warning: {source}:2: not UTF-8")
    code, _, err = run("convert", "--strict", str(source), "-o", str(tmp_path / "s.xml"))
    assert code == ExitCode.BAD_INPUT and not (tmp_path / "s.xml").exists()


def test_explain_prints_every_decision(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    code, _, err = run("convert", "--explain", str(seed_path), "-o", str(tmp_path / "x.xml"))
    assert code == 0
    assert f"{seed_path}:4: heading" in err and f"{seed_path}:1: title" in err
    assert len(err.splitlines()) == 14  # 15 lines, one blank


def test_validate_exit_codes(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    good = tmp_path / "good.xml"
    run("convert", str(seed_path), "-o", str(good))
    assert run("validate", str(good)) == (0, f"{good}: valid\n", "")
    bad = _write(tmp_path / "bad.xml", good.read_bytes().replace(b"<heading>", b"<kop>", 1))
    code, out, _ = run("validate", str(bad))
    assert code == ExitCode.INVALID and out.startswith(f"{bad}:")


def test_traceback_flag_reraises(tmp_path):  # type: ignore[no-untyped-def]
    from toolkit.errors import BriefingError

    with pytest.raises(BriefingError):
        main(["--traceback", "convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.xml")])


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "{missing}", "-o", "{out}", "--traceback"],
        ["convert", "--traceback", "{missing}", "-o", "{out}"],
        ["translate", "{missing}", "-o", "{out}", "--traceback"],
        ["validate", "{missing}", "--traceback"],
        ["batch", "{missing}", "--out", "{dir}", "--traceback"],
        ["models", "install-file", "{missing}", "--traceback"],
        ["models", "--traceback", "install-file", "{missing}"],
    ],
)
def test_traceback_flag_after_the_subcommand_reraises(tmp_path, argv):  # type: ignore[no-untyped-def]
    from toolkit.errors import BriefingError

    paths = {"missing": tmp_path / "nope.txt", "out": tmp_path / "x.xml", "dir": tmp_path / "out"}
    with pytest.raises(BriefingError):
        main([a.format(**paths) for a in argv], stdout=io.StringIO(), stderr=io.StringIO())


def test_traceback_flag_is_off_unless_given(tmp_path):  # type: ignore[no-untyped-def]
    code, _, err = run("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.xml"))
    assert code == ExitCode.NO_INPUT and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            ["translate", "{seed}", "-o", "{dir}/x.xml", "--source-lang", "nl", "--target-lang", "nl"],
            "error: source and target language are both 'nl'\n",
        ),
        (["validate"], "error: no FILE.xml to validate (briefing validate FILE.xml...)\n"),
    ],
)
def test_an_error_about_no_input_names_no_input(seed_path, tmp_path, argv, line):  # type: ignore[no-untyped-def]
    code, _, err = run(*(a.format(seed=seed_path, dir=tmp_path) for a in argv))
    assert code == ExitCode.USAGE
    assert err == line


def test_error_and_warning_text_without_a_location():  # type: ignore[no-untyped-def]
    from toolkit.errors import BriefingError, BriefingWarning, Location

    assert str(BriefingError("what", hint="do this")) == "what (do this)"
    assert str(BriefingError("what", path="a.txt", line=3)) == "a.txt:3: what"
    assert str(BriefingError("what", line=3)) == "<input>:3: what"  # a line of an unnamed input
    assert str(BriefingWarning("odd")) == "odd"
    assert str(BriefingWarning("odd", Location("a.docx"))) == "a.docx: odd"


def test_validate_schema_path_alone(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    from toolkit.model.schema import schema_path

    code, out, err = run("validate", "--schema-path")
    assert (code, out, err) == (0, f"schema: {schema_path()}\n", "")
    assert Path(out.split(": ", 1)[1].strip()).is_file()
    good = tmp_path / "good.xml"
    run("convert", str(seed_path), "-o", str(good))
    code, out, _ = run("validate", "--schema-path", str(good))
    assert code == 0 and out.splitlines() == [f"schema: {schema_path()}", f"{good}: valid"]


def test_usage_error_and_help():  # type: ignore[no-untyped-def]
    assert run("convert")[0] == ExitCode.USAGE
    code, out, _ = run("--help")
    assert code == 0 and "exit codes" in out and "convert" in out


def test_help_and_xml_convert_import_no_heavy_library(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    script = (
        "import sys\nfrom toolkit.cli import main\n"
        f"main(['convert', {str(seed_path)!r}, '-o', {str(tmp_path / 'x.xml')!r}])\n"
        "main(['--help'])\n"
        "heavy = [m for m in ('reportlab', 'ctranslate2', 'argostranslate', 'docx', 'rich') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


# This interpreter's own entry point: PATH may hold no `briefing`, or another install's.
BRIEFING = Path(sys.executable).parent / "briefing"


def test_python_dash_m_and_console_script_agree(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    script = subprocess.run([str(BRIEFING), "--version"], capture_output=True, text=True, check=True)
    module = subprocess.run(
        [sys.executable, "-m", "toolkit", "--version"], capture_output=True, text=True, check=True
    )
    assert script.stdout.startswith("briefing ") and script.stdout == module.stdout


def test_tests_run_without_the_venv_on_path(seed_path):  # type: ignore[no-untyped-def]
    # What `make test` does: the venv's python, a PATH that does not name the venv.
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env["PATH"] = "/usr/bin:/bin"
    proc = subprocess.run([str(BRIEFING), "--version"], capture_output=True, text=True, env=env)
    assert proc.returncode == 0 and proc.stdout.startswith("briefing ")


def test_an_unknown_output_suffix_is_a_usage_error(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    code, _, err = run("convert", str(seed_path), "-o", str(tmp_path / "x.rtf"))
    assert code == ExitCode.USAGE and "--to-format FORMAT" in err
    assert not (tmp_path / "x.rtf").exists()


def test_standard_input_is_sniffed(seed_bytes, tmp_path):  # type: ignore[no-untyped-def]
    proc = subprocess.run(
        [sys.executable, "-m", "toolkit", "convert", "-", "-o", "-"], input=seed_bytes, capture_output=True
    )
    assert proc.returncode == 0
    assert parse(proc.stdout).meta.title == "Foreign Ministers Meeting 3-4 april 2024"


def test_format_and_language_options_have_one_spelling_and_the_old_one_still_works(tmp_path, seed_path):  # type: ignore[no-untyped-def]
    new, old = tmp_path / "new.out", tmp_path / "old.out"
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(["convert", str(seed_path), "-o", str(new), "--to-format", "xml"], stdout=out, stderr=err) == 0
    )
    assert err.getvalue() == ""
    assert main(["convert", str(seed_path), "-o", str(old), "--to", "xml"], stdout=out, stderr=err) == 0
    assert "note: --to is now spelled --to-format" in err.getvalue()
    assert new.read_bytes() == old.read_bytes()
    from toolkit.cli import build_parser

    parser = build_parser()
    a = parser.parse_args(["translate", "x.txt", "-o", "y.xml", "--source-lang", "nl", "--target-lang", "en"])
    b = parser.parse_args(["translate", "x.txt", "-o", "y.xml", "--from", "nl", "--to", "en"])
    assert (a.source, a.target) == (b.source, b.target) == ("nl", "en")
    c = parser.parse_args(["batch", "in", "--out", "o", "--target-lang", "en"])
    assert c.lang == "en"
