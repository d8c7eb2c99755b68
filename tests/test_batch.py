"""Batch: many briefings, corrupt inputs, kill and resume, concurrency, Dask."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.batch_corpus import batch_process, check_output, outputs, run, write_corpus
from toolkit import read
from toolkit.cli import main
from toolkit.errors import ExitCode
from toolkit.model import serialise

FORMATS = "xml,docx,pdf"


def add_corrupt_inputs(folder: Path) -> list[Path]:
    junk = folder / "junk.txt"
    junk.write_bytes(os.urandom(4096) + b"\x00")
    broken = folder / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is no zip at all")
    marker = folder / "unclosed.txt"
    marker.write_text("Titel\nEen zin met een noot[footnoteRef:3]. [3: die nooit sluit\n", encoding="utf-8")
    return [junk, broken, marker]


@pytest.mark.slow
def test_200_briefings_with_corrupt_inputs_then_a_rerun(tmp_path):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    good = write_corpus(src, 200)
    bad = add_corrupt_inputs(src)
    code, log, _ = run("batch", str(src), "--out", str(out), "--formats", FORMATS, "--jobs", "2")
    assert code == ExitCode.PARTIAL
    report = json.loads((out / "batch-report.json").read_text())
    assert (report["done"], report["failed"]) == (200, 3)
    failed = {Path(d["input"]).name: d["error"] for d in report["documents"] if d["status"] == "failed"}
    assert set(failed) == {p.name for p in bad}
    assert "binary" in failed["junk.txt"] and "never closed" in failed["unclosed.txt"]
    assert all(error.startswith(str(src)) for error in failed.values())
    made = outputs(out)
    assert len(made) == 200 * 3
    for path in good:
        for ext in ("xml", "docx", "pdf"):
            assert (out / f"{path.stem}.nl.{ext}").is_file()
    for path in made:
        check_output(path)
    assert "failed" in log and "report:" in log.splitlines()[-1]

    before = {p: p.stat().st_mtime_ns for p in made}
    code, log, _ = run("batch", str(src), "--out", str(out), "--formats", FORMATS, "--jobs", "2")
    assert code == ExitCode.PARTIAL  # the corrupt inputs still fail
    report = json.loads((out / "batch-report.json").read_text())
    assert (report["skipped"], report["done"], report["failed"]) == (200, 0, 3)
    assert {p: p.stat().st_mtime_ns for p in outputs(out)} == before


def test_changed_input_is_redone_and_force_redoes_all(tmp_path):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    paths = write_corpus(src, 3)
    assert run("batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "1")[0] == 0
    paths[1].write_text(paths[1].read_text(encoding="utf-8").replace("NAVO", "NAVO-bondgenoten", 1))
    run("batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "1")
    statuses = [d["status"] for d in json.loads((out / "batch-report.json").read_text())["documents"]]
    assert statuses == ["skipped", "done", "skipped"]
    run("batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "1", "--force")
    statuses = [d["status"] for d in json.loads((out / "batch-report.json").read_text())["documents"]]
    assert statuses == ["done", "done", "done"]


def test_damaged_output_is_remade(tmp_path):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    [path] = write_corpus(src, 1)
    run("batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "1")
    target = out / f"{path.stem}.nl.xml"
    good = target.read_bytes()
    target.write_bytes(good[:100])  # truncated behind the batch's back
    run("batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "1")
    assert target.read_bytes() == good


def _batch_process(src: Path, out: Path, formats: str = FORMATS) -> subprocess.Popen[bytes]:
    return batch_process(src, out, formats)


@pytest.mark.slow
def test_sigkill_midway_then_resume(tmp_path):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, 40)
    proc = _batch_process(src, out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and len(outputs(out)) >= 30:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the batch finished before it could be killed; make it bigger"
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    survivors = outputs(out)
    assert 0 < len(survivors) < 120
    for path in survivors:
        check_output(path)  # nothing truncated: writes are atomic
    code, _, _ = run("batch", str(src), "--out", str(out), "--formats", FORMATS, "--jobs", "1")
    assert code == 0
    report = json.loads((out / "batch-report.json").read_text())
    assert report["skipped"] >= 9 and report["skipped"] + report["done"] == 40
    assert not list(out.glob(".*.part"))  # the killed writer's temporary file is cleaned up
    assert len(outputs(out)) == 120
    for path in outputs(out):
        check_output(path)


@pytest.mark.slow
def test_two_batches_at_once_on_one_folder(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    # PDFs are dated when rendered; with one fixed date both batches make the
    # same bytes, so whichever finishes last leaves a manifest that matches.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1712102400")
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, 20)
    first, second = _batch_process(src, out), _batch_process(src, out)
    for proc in (first, second):
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    assert len(outputs(out)) == 60
    for path in outputs(out):
        check_output(path)
    code, _, _ = run("batch", str(src), "--out", str(out), "--formats", FORMATS, "--jobs", "1")
    assert code == 0
    assert json.loads((out / "batch-report.json").read_text())["skipped"] == 20


@pytest.mark.slow
def test_dask_cluster_gives_the_same_xml_as_the_local_path(tmp_path):  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    src = tmp_path / "in"
    write_corpus(src, 6)
    local, remote = tmp_path / "local", tmp_path / "dask"
    assert run("batch", str(src), "--out", str(local), "--formats", "xml", "--jobs", "1")[0] == 0
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        code, _, err = run(
            "batch",
            str(src),
            "--out",
            str(remote),
            "--formats",
            "xml",
            "--scheduler",
            cluster.scheduler_address,
        )
    assert code == 0, err
    names = [p.name for p in outputs(local)]
    assert names == [p.name for p in outputs(remote)] and len(names) == 6
    for name in names:
        assert (local / name).read_bytes() == (remote / name).read_bytes()


def test_plain_log_when_not_a_terminal(tmp_path):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, 2)
    code, log, _ = run("batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "1")
    assert code == 0
    assert log.splitlines()[0].startswith("[1/2] done")
    assert log.splitlines()[-1].startswith("done: 2, skipped (up to date): 0, failed: 0")


def test_inputs_that_would_share_outputs_are_refused(tmp_path):  # type: ignore[no-untyped-def]
    src = tmp_path / "in"
    [path] = write_corpus(src, 1)
    (src / "sub").mkdir()
    (src / "sub" / path.name).write_bytes(path.read_bytes())
    code, _, err = run("batch", str(src), "--out", str(tmp_path / "out"))
    assert code == ExitCode.USAGE and "same outputs" in err


def test_globs_and_files_are_accepted(tmp_path):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    paths = write_corpus(src, 3)
    code, _, _ = run(
        "batch", str(src / "briefing_00[01].txt"), str(paths[2]), "--out", str(out), "--formats", "xml"
    )
    assert code == 0 and len(outputs(out)) == 3


def test_build_makes_dutch_handouts_and_says_how_to_get_english(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BRIEFING_MODELS_DIR", str(tmp_path / "no-models"))
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 1)
    code, _, err = run(
        "build", "--seeds", str(seeds), "--out", str(tmp_path / "dist"), "--formats", "xml", "--jobs", "1"
    )
    assert code == 0
    assert "briefing models install" in err and "install-file" in err
    [made] = outputs(tmp_path / "dist")
    assert made.name == "briefing_000.nl.xml"
    assert serialise(read(made)) == made.read_bytes()


def test_batch_with_english_on_the_tiny_test_model(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The tiny test model only knows its training sentences: this checks the
    batch's translation path (outputs, metadata, shared batches), not quality."""
    from tests.translate_support import install_test_model
    from toolkit.translation.engine import Ct2Engine

    monkeypatch.setenv("BRIEFING_MODELS_DIR", str(install_test_model(tmp_path / "models")))
    calls: list[int] = []
    real = Ct2Engine.translate

    def counting(self, sentences):  # type: ignore[no-untyped-def]
        calls.append(len(sentences))
        return real(self, sentences)

    monkeypatch.setattr(Ct2Engine, "translate", counting)
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, 8)
    code, _, err = run(
        "batch",
        str(src),
        "--out",
        str(out),
        "--target-lang",
        "en",
        "--formats",
        "xml,pdf",
        "--jobs",
        "1",
        "--no-cache",
        "--beam-size",
        "1",
    )
    assert code == 0, err
    english = sorted(out.glob("*.en.xml"))
    assert len(english) == 8 and len(list(out.glob("*.en.pdf"))) == 8
    for path in english:
        doc = read(path)
        assert doc.lang == "en" and doc.meta.translation is not None
        assert doc.meta.translation.model == "translate-nl_en-test"
    # Eight documents in one worker: their sentences went to the engine in
    # fewer calls than there are documents.
    assert 0 < len(calls) < 8
    report = json.loads((out / "batch-report.json").read_text())
    assert all(d["segments"] > 0 for d in report["documents"])


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_and_summary_on_a_terminal(tmp_path):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, 3)
    (src / "bad.txt").write_text("Titel\nA[footnoteRef:x] b.\n", encoding="utf-8")
    screen = _Terminal()
    code = main(
        ["batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "1"],
        stdout=screen,
        stderr=io.StringIO(),
    )
    assert code == ExitCode.PARTIAL
    text = screen.getvalue()
    assert "files" in text and "4/4" in text and "batch summary" in text
    # The error quotes the input's marker; it must not be eaten as rich markup.
    assert "[footnoteRef:x]" in text
