"""argostranslate and `briefing` share their packages: each lists and uses what the other installed.

The tiny test model only knows its training sentences: these tests check
where packages go and that the engine loads them, never translation quality.
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import argostranslate.package
import pytest
from argostranslate import settings

from tests.test_translate_packages import (  # noqa: F401  (autouse fixtures)
    SEED,
    make_package,
    no_network,
    private_dirs,
    run,
)
from tests.translate_support import TEST_PACKAGE
from toolkit.errors import ExitCode
from toolkit.model import parse


@pytest.fixture
def argos_home(monkeypatch: pytest.MonkeyPatch) -> Path:
    """No BRIEFING_MODELS_DIR: `briefing` uses argos's package folder (a temporary one here)."""
    monkeypatch.delenv("BRIEFING_MODELS_DIR")
    return Path(settings.package_data_dir)


def argos_installed(*folders: Path) -> list[tuple[str, str, str, Path]]:
    found = argostranslate.package.get_installed_packages(list(folders) or None)
    return sorted((p.from_code, p.to_code, p.code, p.package_path) for p in found)


def test_a_package_installed_by_argos_is_listed_and_used_by_briefing(
    argos_home: Path, tmp_path: Path
) -> None:
    argostranslate.package.install_from_path(TEST_PACKAGE)
    code, out, err = run("models", "list")
    assert code == 0, err
    assert f"nl -> en  translate-nl_en-test  1.0  {argos_home / 'translate-nl_en-test-1_0'}" in out
    output = tmp_path / "en.xml"
    code, _, err = run("translate", str(SEED), "-o", str(output), "--beam-size", "1", "--no-cache")
    assert code == 0, err
    english = parse(output.read_bytes())
    assert english.lang == "en"
    assert english.meta.translation is not None
    assert (english.meta.translation.model, english.meta.translation.model_version) == (
        "translate-nl_en-test",
        "1.0",
    )


def test_a_package_installed_by_briefing_is_listed_by_argos(argos_home: Path) -> None:
    code, _, err = run("models", "install-file", str(TEST_PACKAGE))
    assert code == 0, err
    assert argos_installed() == [
        ("nl", "en", "translate-nl_en-test", argos_home / "translate-nl_en-test-1_0")
    ]
    assert [p.name for p in argos_home.iterdir()] == ["translate-nl_en-test-1_0"]  # no staging left


def test_models_dir_is_argos_package_folder_for_the_call_only(argos_home: Path, tmp_path: Path) -> None:
    before = (settings.package_data_dir, settings.package_dirs)
    elsewhere = tmp_path / "elsewhere"
    code, _, err = run("models", "install-file", str(TEST_PACKAGE), "--models-dir", str(elsewhere))
    assert code == 0, err
    assert (settings.package_data_dir, settings.package_dirs) == before
    assert argos_installed() == []
    assert argos_installed(elsewhere) == [
        ("nl", "en", "translate-nl_en-test", elsewhere / "translate-nl_en-test-1_0")
    ]


def test_remove_takes_out_what_argos_installed(argos_home: Path) -> None:
    argostranslate.package.install_from_path(TEST_PACKAGE)
    code, out, err = run("models", "remove", "nl", "en")
    assert code == 0, err
    assert "removed translate-nl_en-test 1.0" in out
    assert argos_installed() == []


def zip_bomb(path: Path) -> Path:
    make_package(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("translate-nl_en-1_0/model/zeros.bin", bytes(4 * 1024**2))  # 4 MB in about 4 kB
    return path


def with_link(path: Path) -> Path:
    make_package(path)
    with zipfile.ZipFile(path, "a") as zf:
        link = zipfile.ZipInfo("translate-nl_en-1_0/model/link")
        link.external_attr = (0o120777 << 16) | 0x20
        zf.writestr(link, "/etc/passwd")
    return path


def climbing_out(path: Path) -> Path:
    make_package(path)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("translate-nl_en-1_0/../../evil", b"x")
    return path


def not_a_zip(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 not really")
    return path


@pytest.mark.parametrize(
    ("build", "problem"),
    [
        (zip_bomb, "suspicious compression ratio"),
        (with_link, "contains a link"),
        (climbing_out, "unsafe path"),
        (not_a_zip, "not a zip"),
    ],
)
def test_a_hostile_archive_is_refused_before_argos_sees_it(
    build: object, problem: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[object] = []
    monkeypatch.setattr(argostranslate.package, "install_from_path", handed.append)
    archive = build(tmp_path / "hostile.argosmodel")  # type: ignore[operator]
    code, _, err = run("models", "install-file", str(archive))
    assert code == ExitCode.BAD_INPUT
    assert problem in err and err.count("\n") == 1
    assert handed == []


def test_a_failed_unpack_leaves_nothing_and_restores_argos_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (settings.package_data_dir, settings.package_dirs)

    def disk_full(path: Path) -> None:
        (Path(settings.package_data_dir) / "translate-nl_en-1_0").mkdir()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(argostranslate.package, "install_from_path", disk_full)
    code, _, err = run("models", "install-file", str(make_package(tmp_path / "p.argosmodel")))
    assert code == ExitCode.BAD_INPUT and "No space left" in err
    assert (settings.package_data_dir, settings.package_dirs) == before
    assert list((tmp_path / "models").iterdir()) == []


@pytest.fixture
def index_server(tmp_path: Path) -> Iterator[str]:
    """An Argos index on the loopback interface, listing the test package."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "test.argosmodel").write_bytes(TEST_PACKAGE.read_bytes())

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(site), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    entry = {"type": "translate", "from_code": "nl", "to_code": "en", "package_version": "1.0"}
    (site / "index.json").write_text(json.dumps([{**entry, "links": [f"{base}/test.argosmodel"]}]))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"{base}/index.json"
    server.shutdown()
    server.server_close()


def test_install_from_an_index_goes_through_argos(
    index_server: str, argos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_MODELS_INDEX", index_server)
    monkeypatch.setattr(argostranslate.package, "update_package_index", lambda: pytest.fail("unbounded"))
    code, out, err = run("models", "install", "nl", "en")
    assert code == 0, err
    assert "installed translate-nl_en-test 1.0" in out
    assert argos_installed() == [
        ("nl", "en", "translate-nl_en-test", argos_home / "translate-nl_en-test-1_0")
    ]
    assert sorted(p.name for p in argos_home.iterdir()) == ["translate-nl_en-test-1_0"]


def test_an_index_without_the_pair_is_exit_7(index_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_MODELS_INDEX", index_server)
    code, _, err = run("models", "install", "nl", "fr")
    assert code == ExitCode.NO_MODEL and "no nl->fr package" in err


def test_argos_package_loads_no_sentence_splitter_and_nothing_downloads(tmp_path: Path) -> None:
    """MiniSBD fetches `nl.onnx` on first use: importing argostranslate.package must not load it."""
    home = tmp_path / "home"
    script = f"""
import socket, sys
def refuse(*args, **kwargs):
    raise AssertionError(f"network: {{args!r}}")
socket.socket.connect = refuse
socket.getaddrinfo = refuse
import argostranslate.package
assert not any(m.split(".")[0] in ("minisbd", "onnxruntime") for m in sys.modules), "splitter imported"
from toolkit.cli import main
assert main(["models", "install-file", {str(TEST_PACKAGE)!r}]) == 0
assert main(["translate", {str(SEED)!r}, "-o", {str(tmp_path / "en.xml")!r}, "--beam-size", "1"]) == 0
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ARGOS_", "BRIEFING_"))}
    env.update(HOME=str(home), BRIEFING_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert (home / ".local" / "share" / "argos-translate" / "packages" / "translate-nl_en-test-1_0").is_dir()
    assert list(home.rglob("*.onnx")) == []


def test_a_home_argos_cannot_write_is_one_line_and_exit_6(tmp_path: Path) -> None:
    """argos makes its folders when it is imported; a read-only home must not end in a traceback."""
    (tmp_path / "models" / "p").mkdir(parents=True)
    (tmp_path / "models" / "p" / "metadata.json").write_text('{"from_code": "nl", "to_code": "en"}')
    script = f"""
import os, sys
def read_only(*args, **kwargs):
    raise PermissionError(13, "Permission denied", str(args[0]))
os.makedirs = read_only
from toolkit.cli import main
sys.exit(main(["models", "list", "--models-dir", {str(tmp_path / "models")!r}]))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == ExitCode.OUTPUT, done.stderr
    assert done.stderr.count("\n") == 1 and "argostranslate cannot create its folders" in done.stderr
