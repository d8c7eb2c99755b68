"""Outputs never destroy what they replace: links, FIFOs, devices, modes, the input, stale parts.

The device tests never risk the system's /dev/null or /dev/full: before a
device path is written, the test checks that the toolkit will write into it
rather than rename over it, and afterwards that the node is still a
character device with the same inode.
"""

from __future__ import annotations

import io
import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit import atomic
from toolkit.atomic import remove_stale_parts, write_atomic
from toolkit.cli import main
from toolkit.errors import BriefingError, ExitCode
from toolkit.model import parse

BRIEFING = Path(sys.executable).parent / "briefing"  # this venv's own entry point, not PATH's


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def seed_xml(seed_path: Path, tmp_path: Path) -> bytes:
    target = tmp_path / "reference.xml"
    assert run("convert", str(seed_path), "-o", str(target))[0] == 0
    data = target.read_bytes()
    target.unlink()
    return data


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _device_fact(path: str) -> tuple[bool, int, int]:
    st = os.stat(path)
    return stat.S_ISCHR(st.st_mode), st.st_ino, st.st_rdev


# -- symlinks -----------------------------------------------------------------


def test_a_symlink_output_stays_a_link_and_its_target_gets_the_content(
    seed_path: Path, seed_xml: bytes, tmp_path: Path
) -> None:
    real = tmp_path / "store" / "briefing.xml"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "latest.xml"
    link.symlink_to(Path("store") / "briefing.xml")
    code, _, err = run("convert", str(seed_path), "-o", str(link))
    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(Path("store") / "briefing.xml")
    assert real.read_bytes() == seed_xml
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.xml", "store"]
    assert [p.name for p in real.parent.iterdir()] == ["briefing.xml"]  # no temporary file left


def test_a_dangling_symlink_output_creates_its_target(
    seed_path: Path, seed_xml: bytes, tmp_path: Path
) -> None:
    link = tmp_path / "out.xml"
    link.symlink_to(tmp_path / "new.xml")
    assert run("convert", str(seed_path), "-o", str(link))[0] == 0
    assert link.is_symlink() and (tmp_path / "new.xml").read_bytes() == seed_xml


# -- FIFOs, descriptors and devices: written into, never renamed over --------------


def _reading(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    """A reader of `fifo` in a thread, as `cat fifo` would be."""
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    return reader, received


def _release(fifo: Path, reader: threading.Thread) -> None:
    # If the command never opened the FIFO, its reader still waits for a writer: be that writer.
    if reader.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=10)


@pytest.mark.parametrize("name", ["pipe.xml", "pipe"])  # without a suffix: XML, as for -o -
def test_a_fifo_output_is_written_into_and_stays_a_fifo(
    seed_path: Path, seed_xml: bytes, tmp_path: Path, name: str
) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    reader, received = _reading(fifo)
    try:
        code, _, err = run("convert", str(seed_path), "-o", str(fifo))
        reader.join(timeout=30)
    finally:
        _release(fifo, reader)
    assert (code, err) == (0, "")
    assert received == [seed_xml]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_symlink_to_a_fifo_stays_a_link_to_the_fifo(
    seed_path: Path, seed_xml: bytes, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.xml"
    link.symlink_to(fifo)
    reader, received = _reading(fifo)
    try:
        code, _, err = run("convert", str(seed_path), "-o", str(link))
        reader.join(timeout=30)
    finally:
        _release(fifo, reader)
    assert (code, err) == (0, "")
    assert received == [seed_xml]
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_dev_fd_output_writes_to_that_descriptor(seed_path: Path, seed_xml: bytes) -> None:
    read_end, write_end = os.pipe()
    chunks: list[bytes] = []

    def drain() -> None:
        with os.fdopen(read_end, "rb") as pipe:
            chunks.append(pipe.read())

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        code, _, err = run("convert", str(seed_path), "-o", f"/dev/fd/{write_end}")
    finally:
        os.close(write_end)
    reader.join(timeout=30)
    assert (code, err) == (0, "")
    assert chunks == [seed_xml]


def test_dev_stdout_is_the_process_standard_output(seed_path: Path, seed_xml: bytes) -> None:
    assert atomic.written_in_place("/dev/stdout")  # else the run below would rename over the system's link
    proc = subprocess.run(
        [str(BRIEFING), "convert", str(seed_path), "-o", "/dev/stdout"], capture_output=True, timeout=60
    )
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert proc.stdout == seed_xml


def test_process_substitution_output(seed_path: Path, seed_xml: bytes, tmp_path: Path) -> None:
    target = tmp_path / "copy.xml"
    script = f'"{BRIEFING}" convert "{seed_path}" -o >(cat > "{target}"); code=$?; wait $!; exit $code'
    proc = subprocess.run(["bash", "-c", script], capture_output=True, timeout=60)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert target.read_bytes() == seed_xml


def test_dev_null_is_written_into_never_replaced(seed_path: Path) -> None:
    before = _device_fact("/dev/null")
    assert before[0], "/dev/null is not a character device on this machine"
    # The guard first: were the toolkit about to rename over it, stop here.
    assert atomic.written_in_place("/dev/null")
    code, _, err = run("convert", str(seed_path), "-o", "/dev/null")
    assert (code, err) == (0, "")
    assert _device_fact("/dev/null") == before


def test_a_symlink_to_dev_null_stays_a_link_and_the_device_stays(seed_path: Path, tmp_path: Path) -> None:
    before = _device_fact("/dev/null")
    link = tmp_path / "discard.xml"
    link.symlink_to("/dev/null")
    code, _, err = run("convert", str(seed_path), "-o", str(link))
    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert _device_fact("/dev/null") == before
    assert [p.name for p in tmp_path.iterdir()] == ["discard.xml"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_device_is_an_output_error_and_stays_a_device(seed_path: Path) -> None:
    before = _device_fact("/dev/full")
    assert before[0]
    assert atomic.written_in_place("/dev/full")
    code, _, err = run("convert", str(seed_path), "-o", "/dev/full")
    assert code == ExitCode.OUTPUT
    assert err.startswith("error: /dev/full: cannot write: ") and err.count("\n") == 1
    assert _device_fact("/dev/full") == before


def test_a_directory_output_is_an_output_error(seed_path: Path, tmp_path: Path) -> None:
    code, _, err = run("convert", str(seed_path), "-o", str(tmp_path), "--to-format", "xml")
    assert code == ExitCode.OUTPUT and "is a directory" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


# -- modes ----------------------------------------------------------------------


def test_a_replaced_file_keeps_its_mode(
    seed_path: Path, seed_xml: bytes, tmp_path: Path, umask: None
) -> None:
    target = tmp_path / "secret.xml"
    target.write_bytes(b"old")
    target.chmod(0o600)
    os.umask(0o022)
    assert run("convert", str(seed_path), "-o", str(target))[0] == 0
    assert target.read_bytes() == seed_xml
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_replaced_file_keeps_unusual_bits_too(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "shared.xml"
    target.write_bytes(b"old")
    target.chmod(0o664)
    os.umask(0o077)  # the umask applies to new files only
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_umask_as_open_would(
    seed_path: Path, tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    os.umask(mask)
    target = tmp_path / "new.xml"
    assert run("convert", str(seed_path), "-o", str(target))[0] == 0
    with open(tmp_path / "by-open", "wb"):
        pass
    assert stat.S_IMODE(target.stat().st_mode) == mode == stat.S_IMODE((tmp_path / "by-open").stat().st_mode)


def test_the_symlink_target_keeps_its_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.xml"
    real.write_bytes(b"old")
    real.chmod(0o600)
    (tmp_path / "link.xml").symlink_to(real)
    write_atomic(tmp_path / "link.xml", b"new")
    assert real.read_bytes() == b"new" and stat.S_IMODE(real.stat().st_mode) == 0o600


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_as_root_a_replaced_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    target = tmp_path / "theirs.xml"
    target.write_bytes(b"old")
    os.chown(target, 4321, 4321)
    target.chmod(0o640)
    write_atomic(target, b"new")
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 4321, 0o640)


# -- the output is the input -------------------------------------------------------


@pytest.mark.parametrize("alias", ["same", "dot-slash", "symlink", "hard link"])
def test_convert_refuses_to_overwrite_its_input(seed_xml: bytes, tmp_path: Path, alias: str) -> None:
    source = tmp_path / "a.xml"
    source.write_bytes(seed_xml)
    output = {
        "same": source,
        "dot-slash": tmp_path / "." / "a.xml",
        "symlink": tmp_path / "link.xml",
        "hard link": tmp_path / "hard.xml",
    }[alias]
    if alias == "symlink":
        output.symlink_to(source)
    if alias == "hard link":
        os.link(source, output)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run("convert", str(source), "-o", str(output), "--to-format", "docx")
    assert code == ExitCode.OUTPUT
    assert err.startswith(f"error: {output}: the output is the input file") and "--overwrite-input" in err
    assert err.count("\n") == 1 and out == ""
    assert source.read_bytes() == seed_xml
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_overwrite_input_replaces_the_input_when_asked(
    seed_path: Path, seed_xml: bytes, tmp_path: Path
) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(seed_path.read_bytes())
    code, _, err = run("convert", str(source), "-o", str(source), "--to-format", "xml", "--overwrite-input")
    assert (code, err) == (0, "")
    assert parse(source.read_bytes()).meta.title == parse(seed_xml).meta.title


def test_translate_refuses_to_overwrite_its_input_before_loading_a_model(
    seed_xml: bytes, tmp_path: Path
) -> None:
    source = tmp_path / "b.xml"
    source.write_bytes(seed_xml)
    # No model is installed there: the refusal must come first (6, not 7).
    code, _, err = run("translate", str(source), "-o", str(source), "--models-dir", str(tmp_path / "none"))
    assert code == ExitCode.OUTPUT and "the output is the input file" in err and err.count("\n") == 1
    assert source.read_bytes() == seed_xml


def test_dev_stdout_redirected_to_a_file_writes_that_file(
    seed_path: Path, seed_xml: bytes, tmp_path: Path
) -> None:
    assert atomic.written_in_place("/dev/stdout")
    target = tmp_path / "redirected.xml"
    with open(target, "wb") as stdout:
        proc = subprocess.run(
            [str(BRIEFING), "convert", str(seed_path), "-o", "/dev/stdout"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert target.read_bytes() == seed_xml
    assert os.path.islink("/dev/stdout")


def test_devices_are_never_the_same_file_as_the_input() -> None:
    # /dev/stdin and /dev/stdout on one terminal are one node; that is not "output = input".
    assert not atomic.same_file("/dev/null", "/dev/null")


def test_reading_stdin_while_writing_stdout_is_not_the_same_file(seed_path: Path, seed_xml: bytes) -> None:
    assert atomic.written_in_place("/dev/stdout")
    with open(seed_path, "rb") as stdin:
        proc = subprocess.run(
            [str(BRIEFING), "convert", "/dev/stdin", "--from-format", "text", "-o", "/dev/stdout"],
            stdin=stdin,
            capture_output=True,
            timeout=60,
        )
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert parse(proc.stdout).body == parse(seed_xml).body


# -- temporary files of killed writers ---------------------------------------------------


def test_convert_removes_stale_parts_of_its_own_output(seed_path: Path, tmp_path: Path) -> None:
    host = socket.gethostname().replace(".", "_")
    dead, alive = _dead_pid(), os.getpid()
    stale = tmp_path / f".out.xml.{host}-{dead}.k1ll3d00.part"
    live = tmp_path / f".out.xml.{host}-{alive}.wr1t1ng0.part"
    other_output = tmp_path / f".other.xml.{host}-{dead}.k1ll3d00.part"
    other_host = tmp_path / f".out.xml.elsewhere-{dead}.k1ll3d00.part"
    for part in (stale, live, other_output, other_host):
        part.write_bytes(b"half")
    assert run("convert", str(seed_path), "-o", str(tmp_path / "out.xml"))[0] == 0
    assert not stale.exists()
    assert live.exists() and other_output.exists() and other_host.exists()


def test_a_killed_convert_leaves_a_part_that_the_next_run_removes(seed_path: Path, tmp_path: Path) -> None:
    # A writer killed between creating its temporary file and renaming it.
    script = (
        "import os, sys\n"
        "from toolkit import atomic\n"
        "os.replace = lambda *a: os._exit(9)\n"
        f"atomic.write_atomic({str(tmp_path / 'out.pdf')!r}, b'%PDF half')\n"
    )
    subprocess.run([sys.executable, "-c", script], timeout=60)
    parts = [p.name for p in tmp_path.iterdir()]
    assert len(parts) == 1 and parts[0].startswith(".out.pdf.") and parts[0].endswith(".part")
    assert run("convert", str(seed_path), "-o", str(tmp_path / "out.pdf"))[0] == 0
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_stale_parts_of_a_symlinked_output_are_found_next_to_its_target(
    seed_path: Path, tmp_path: Path
) -> None:
    host = socket.gethostname().replace(".", "_")
    (tmp_path / "store").mkdir()
    stale = tmp_path / "store" / f".real.xml.{host}-{_dead_pid()}.k1ll3d00.part"
    stale.write_bytes(b"half")
    (tmp_path / "link.xml").symlink_to(tmp_path / "store" / "real.xml")
    code, _, err = run("convert", str(seed_path), "-o", str(tmp_path / "link.xml"))
    assert (code, err) == (0, "")
    assert [p.name for p in (tmp_path / "store").iterdir()] == ["real.xml"]


def test_remove_stale_parts_of_a_folder_still_removes_every_dead_writers_part(tmp_path: Path) -> None:
    host = socket.gethostname().replace(".", "_")
    dead = _dead_pid()
    parts = [tmp_path / f".{name}.{host}-{dead}.abcdefgh.part" for name in ("a.xml", "b.nl.pdf")]
    for part in parts:
        part.write_bytes(b"")
    keep = tmp_path / f".c.xml.{host}-{os.getpid()}.abcdefgh.part"
    keep.write_bytes(b"")
    assert sorted(remove_stale_parts(tmp_path)) == sorted(parts)
    assert [p.name for p in tmp_path.iterdir()] == [keep.name]


# -- failures leave nothing ------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.xml"
    target.write_bytes(b"previous")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(BriefingError) as caught:
        write_atomic(target, b"new")
    assert caught.value.code == ExitCode.OUTPUT
    assert str(caught.value) == f"{target}: cannot write: No space left on device"
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]


def test_library_write_follows_the_same_rules(seed_path: Path, tmp_path: Path, umask: None) -> None:
    import toolkit

    doc = toolkit.read(seed_path)
    real = tmp_path / "real.xml"
    real.write_bytes(b"old")
    real.chmod(0o600)
    (tmp_path / "link.xml").symlink_to(real)
    toolkit.write(doc, tmp_path / "link.xml")
    assert (tmp_path / "link.xml").is_symlink()
    assert parse(real.read_bytes()) == doc and stat.S_IMODE(real.stat().st_mode) == 0o600
