"""What a batch reads and what it keeps: never its own outputs, resume from
anywhere, outputs no longer made, and the options shared with `translate`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.batch_corpus import outputs, run, write_corpus
from toolkit.errors import ExitCode


def report(out: Path) -> dict[str, int]:
    data = json.loads((out / "batch-report.json").read_text())
    return {k: data[k] for k in ("done", "skipped", "failed")}


@pytest.mark.parametrize("formats", ["xml", "xml,docx,pdf"])
def test_an_output_folder_inside_the_inputs_is_never_read(tmp_path, formats):  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    write_corpus(inbox, 2)
    out = inbox / "handouts"
    assert run("batch", str(inbox), "--out", str(out), "--formats", formats, "--jobs", "1")[0] == 0
    made = outputs(out)
    for _ in range(2):
        code, _, err = run("batch", str(inbox), "--out", str(out), "--formats", formats, "--jobs", "1")
        assert code == 0, err
        assert report(out) == {"done": 0, "skipped": 2, "failed": 0}
        assert outputs(out) == made  # no .nl.nl.xml
        [note] = [line for line in err.splitlines() if "skipped" in line]
        readable = [p for p in made if p.suffix != ".pdf"]  # PDF is never an input
        assert note.startswith(f"note: skipped {len(readable)} files (briefing_000.nl.")
        assert f"in the output folder {out}" in note


def test_outputs_of_an_earlier_batch_are_not_inputs_of_the_next(tmp_path):  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    write_corpus(inbox, 2)
    (inbox / "handouts" / "mine.xml").parent.mkdir()
    assert run("batch", str(inbox), "--out", str(inbox / "handouts"), "--formats", "xml")[0] == 0
    # Someone's own file in that folder is still an input; the batch's outputs are not.
    (inbox / "handouts" / "mine.xml").write_bytes((inbox / "handouts" / "briefing_000.nl.xml").read_bytes())
    other = tmp_path / "other"
    code, _, err = run("batch", str(inbox), "--out", str(other), "--formats", "xml", "--jobs", "1")
    assert code == 0, err
    assert [p.name for p in outputs(other)] == ["briefing_000.nl.xml", "briefing_001.nl.xml", "mine.nl.xml"]
    assert "note: skipped 2 files (briefing_000.nl.xml, briefing_001.nl.xml) that earlier batches made" in err
    assert str(inbox / "handouts" / ".briefing-manifest.sqlite3") in err


def test_resume_from_any_directory_however_the_paths_are_typed(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    write_corpus(tmp_path / "in", 3)
    monkeypatch.chdir(tmp_path)
    assert run("batch", "in", "--out", "out", "--formats", "xml", "--jobs", "1")[0] == 0
    spellings = [
        (tmp_path / "elsewhere", str(tmp_path / "in"), str(tmp_path / "out")),
        (tmp_path / "in", ".", "../out/"),
        (tmp_path, "./in/../in", "out"),
    ]
    for cwd, src, out in spellings:
        cwd.mkdir(exist_ok=True)
        monkeypatch.chdir(cwd)
        code, _, err = run("batch", src, "--out", out, "--formats", "xml", "--jobs", "1")
        assert code == 0, err
        assert report(tmp_path / "out") == {"done": 0, "skipped": 3, "failed": 0}, (cwd, src, out)


def test_a_moved_output_folder_is_still_up_to_date(tmp_path):  # type: ignore[no-untyped-def]
    write_corpus(tmp_path / "in", 2)
    assert run("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--formats", "xml")[0] == 0
    os.rename(tmp_path / "out", tmp_path / "moved")
    assert run("batch", str(tmp_path / "in"), "--out", str(tmp_path / "moved"), "--formats", "xml")[0] == 0
    assert report(tmp_path / "moved") == {"done": 0, "skipped": 2, "failed": 0}


def _build(tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    seeds, dist = tmp_path / "seeds", tmp_path / "dist"
    return run("build", "--seeds", str(seeds), "--out", str(dist), "--jobs", "1", "--no-cache", *extra)


def test_build_removes_english_handouts_once_the_model_is_gone(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from tests.translate_support import install_test_model

    write_corpus(tmp_path / "seeds", 2)
    monkeypatch.setenv("BRIEFING_MODELS_DIR", str(install_test_model(tmp_path / "models")))
    assert _build(tmp_path, "--formats", "xml,pdf", "--beam-size", "1")[0] == 0
    dist = tmp_path / "dist"
    assert len(list(dist.glob("*.en.*"))) == 4
    edited = dist / "briefing_001.en.pdf"
    edited.write_bytes(edited.read_bytes() + b"\n% annotated by hand\n")
    monkeypatch.setenv("BRIEFING_MODELS_DIR", str(tmp_path / "no-models"))
    code, log, _ = _build(tmp_path, "--formats", "xml,pdf")
    assert code == 0
    # Ours are removed; the one changed since is someone's work and stays, named.
    assert [p.name for p in dist.glob("*.en.*")] == ["briefing_001.en.pdf"]
    assert len(list(dist.glob("*.nl.*"))) == 4
    assert "removed 3 outputs" in log and "briefing_000.en.xml" in log
    assert "left in place 1 output" in log and "briefing_001.en.pdf" in log
    # A format left out goes the same way.
    assert _build(tmp_path, "--formats", "xml")[0] == 0
    assert sorted(p.name for p in dist.glob("*.nl.*")) == ["briefing_000.nl.xml", "briefing_001.nl.xml"]


def test_batch_leaves_outputs_no_longer_made_and_says_so(tmp_path):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, 2)
    assert run("batch", str(src), "--out", str(out), "--formats", "xml,pdf", "--jobs", "1")[0] == 0
    code, log, _ = run("batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "1")
    assert code == 0
    assert len(list(out.glob("*.pdf"))) == 2
    assert "left in place 2 outputs" in log and "briefing_000.nl.pdf" in log


def test_batch_and_build_translate_with_the_beam_of_translate():  # type: ignore[no-untyped-def]
    from toolkit.batch.plan import Settings
    from toolkit.cli import build_parser

    parser = build_parser()
    beams = {
        parser.parse_args(["translate", "a.xml", "-o", "b.xml"]).beam_size,
        parser.parse_args(["batch", "in", "--out", "out"]).beam_size,
        parser.parse_args(["build"]).beam_size,
        Settings(out_dir="out").translation.beam_size,
    }
    assert beams == {4}
    for command in ("batch", "build"):
        code, help_text, _ = run(command, "--help")
        assert code == 0 and "(default 4; 1 is fast)" in " ".join(help_text.split())


def test_the_beam_is_part_of_what_makes_a_translated_output(tmp_path):  # type: ignore[no-untyped-def]
    from tests.translate_support import install_test_model
    from toolkit.batch.plan import Settings
    from toolkit.batch.runner import settings_key
    from toolkit.translation.options import TranslateOptions

    models = str(install_test_model(tmp_path / "models"))
    keys = {
        settings_key(
            Settings(
                str(tmp_path), target_lang="en", translation=TranslateOptions(models_dir=models, beam_size=b)
            )
        )
        for b in (1, 4)
    }
    assert len(keys) == 2


@pytest.mark.parametrize("option", ["--jobs", "--beam-size"])
@pytest.mark.parametrize("command", ["batch", "build"])
def test_a_number_below_one_is_a_usage_error(tmp_path, command, option):  # type: ignore[no-untyped-def]
    where = ["--seeds", str(tmp_path / "missing")] if command == "build" else [str(tmp_path / "missing")]
    code, _, err = run(command, *where, "--out", str(tmp_path / "out"), option, "0")
    assert code == ExitCode.USAGE
    assert f"{option}: must be at least 1" in err and "<input>" not in err
    assert not (tmp_path / "out").exists()


def test_batch_makes_the_bilingual_handouts_beside_the_others(tmp_path):  # type: ignore[no-untyped-def]
    from tests.translate_support import install_test_model

    models = install_test_model(tmp_path / "models")
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, 2)
    code, _, err = run(
        "batch", str(src), "--out", str(out), "--target-lang", "en", "--models-dir", str(models),
        "--formats", "xml,bilingual-pdf,bilingual-docx", "--jobs", "1", "--no-cache",
    )  # fmt: skip
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith((".", "batch-report")))
    assert names == sorted(
        f"briefing_{k:03d}.{suffix}"
        for k in range(2)
        for suffix in ("nl.xml", "en.xml", "nl-en.pdf", "nl-en.docx")
    )
