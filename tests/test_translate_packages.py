"""`briefing models`: installing packages safely, listing, removing, and failing fast offline.

No test here touches the network: `no_network` replaces the socket calls
that could reach another host, and records every attempt.
"""

from __future__ import annotations

import io
import json
import socket
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.errors import BriefingError, ExitCode
from toolkit.translation import packages

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"


class Blocked(list[str]):
    """The connection attempts that `no_network` refused."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[Blocked]:
    """Refuse every connection and name lookup except to the loopback interface."""
    blocked = Blocked()
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def loopback(host: object) -> bool:
        return isinstance(host, str) and host in ("127.0.0.1", "localhost", "::1")

    def connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if not loopback(host):
            blocked.append(f"connect {address!r}")
            raise OSError("network disabled in tests")
        real_connect(self, address)  # type: ignore[arg-type]

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if not loopback(host):
            blocked.append(f"getaddrinfo {host!r}")
            raise socket.gaierror(socket.EAI_NONAME, "network disabled in tests")
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield blocked


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Models, argos's folders and the translation memory in temporary folders, never the user's."""
    from argostranslate import settings

    monkeypatch.setenv("BRIEFING_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEFING_MODELS_INDEX", raising=False)
    # argos reads its environment once, at import: its settings are what to point elsewhere.
    argos = tmp_path / "argos"
    (argos / "packages").mkdir(parents=True)  # as argos's import makes its own
    monkeypatch.setattr(settings, "package_data_dir", argos / "packages")
    monkeypatch.setattr(settings, "package_dirs", [argos / "packages"])
    monkeypatch.setattr(settings, "local_package_index", argos / "index.json")
    monkeypatch.setattr(settings, "downloads_dir", argos / "downloads")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def make_package(path: Path, top: str = "translate-nl_en-1_0", version: str = "1.0", **extra: bytes) -> Path:
    """A structurally valid .argosmodel (its model is not loadable; installing does not load it)."""
    meta = {"package_version": version, "from_code": "nl", "to_code": "en", "type": "translate"}
    members = {
        f"{top}/metadata.json": json.dumps(meta).encode(),
        f"{top}/sentencepiece.model": b"sp",
        f"{top}/model/model.bin": b"bin",
        f"{top}/model/config.json": b"{}",
    }
    members.update(extra)
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_install_file_list_and_remove(tmp_path: Path) -> None:
    code, out, err = run("models", "install-file", str(make_package(tmp_path / "p.argosmodel")))
    assert code == 0, err
    assert "translate-nl_en 1.0" in out
    code, out, _ = run("models", "list")
    assert code == 0 and "nl -> en  translate-nl_en  1.0" in out
    code, out, _ = run("models", "remove", "nl", "en")
    assert code == 0 and "removed translate-nl_en" in out
    assert packages.installed() == []
    assert not [p for p in (tmp_path / "models").iterdir()]  # no staging folders left behind


def test_install_file_replaces_the_older_version_of_the_pair(tmp_path: Path) -> None:
    packages.install_file(make_package(tmp_path / "a.argosmodel", "translate-nl_en-1_0", "1.0"))
    packages.install_file(make_package(tmp_path / "b.argosmodel", "translate-nl_en-1_9", "1.9"))
    assert [(p.name, p.version) for p in packages.installed()] == [("translate-nl_en", "1.9")]


@pytest.mark.parametrize(
    ("member", "problem"),
    [
        ("../evil.txt", "unsafe path"),
        ("/etc/evil", "unsafe path"),
        ("translate-nl_en-1_0/../../evil", "unsafe path"),
        ("other-top/x", "exactly one top-level folder"),
    ],
)
def test_install_file_refuses_unsafe_archives(tmp_path: Path, member: str, problem: str) -> None:
    archive = make_package(tmp_path / "bad.argosmodel", "translate-nl_en-1_0", "1.0", **{member: b"x"})
    with pytest.raises(BriefingError, match=problem):
        packages.install_file(archive)
    assert packages.installed() == []
    assert not (tmp_path / "evil.txt").exists()


def test_install_file_requires_the_argos_layout(tmp_path: Path) -> None:
    archive = tmp_path / "nometa.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("pkg/model/model.bin", b"bin")
        zf.writestr("pkg/sentencepiece.model", b"sp")
    code, _, err = run("models", "install-file", str(archive))
    assert code == ExitCode.BAD_INPUT and "metadata.json is missing" in err
    (tmp_path / "plain.argosmodel").write_bytes(b"not a zip")
    code, _, err = run("models", "install-file", str(tmp_path / "plain.argosmodel"))
    assert code == ExitCode.BAD_INPUT and "not a zip" in err


def test_models_dir_defaults_to_argos_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from argostranslate import settings

    monkeypatch.delenv("BRIEFING_MODELS_DIR")
    assert packages.models_dir() == tmp_path / "argos" / "packages" == settings.package_data_dir
    monkeypatch.setenv("BRIEFING_MODELS_DIR", str(tmp_path / "env"))
    assert packages.models_dir() == tmp_path / "env"
    assert packages.models_dir(tmp_path / "flag") == tmp_path / "flag"


def test_models_install_fails_fast_offline_and_never_touches_the_network(
    no_network: Blocked, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argostranslate.networking
    import argostranslate.package

    def unbounded(*args: object) -> None:
        raise AssertionError("argos's own network code has no timeout on name lookups")

    monkeypatch.setattr(argostranslate.package, "update_package_index", unbounded)
    monkeypatch.setattr(argostranslate.networking, "get", unbounded)
    start = time.perf_counter()
    code, _, err = run("models", "install", "nl", "en")
    elapsed = time.perf_counter() - start
    assert code == ExitCode.NETWORK == 8
    assert elapsed < 1
    assert err.count("\n") == 1
    assert "install-file" in err and "translate-nl_en" in err
    assert no_network, "the install should have tried the index once (and been stopped here)"
    assert len(no_network) == 1, "one attempt, no retries"


def test_models_install_with_an_unreachable_index_fails_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    # A closed port on the loopback interface: the index is unreachable, as on these machines.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("BRIEFING_MODELS_INDEX", f"http://127.0.0.1:{port}/index.json")
    start = time.perf_counter()
    code, _, err = run("models", "install", "nl", "en")
    assert code == ExitCode.NETWORK
    assert time.perf_counter() - start < 1
    assert "briefing models install-file PATH.argosmodel" in err


def test_translate_without_a_model_exits_7_and_writes_nothing(tmp_path: Path) -> None:
    output = tmp_path / "out.xml"
    code, _, err = run(
        "translate", str(SEED), "-o", str(output), "--source-lang", "nl", "--target-lang", "en"
    )
    assert code == ExitCode.NO_MODEL == 7
    assert not output.exists()
    assert list(tmp_path.glob("*.part")) == []
    assert "briefing models install-file PATH.argosmodel" in err
    assert "briefing models install nl en" in err
    assert "translate-nl_en" in err


def test_library_translate_without_a_model_raises_no_model() -> None:
    import toolkit

    doc = toolkit.read(SEED)
    with pytest.raises(BriefingError) as caught:
        toolkit.translate(doc, "nl", "en", toolkit.TranslateOptions(cache=False))
    assert caught.value.code == ExitCode.NO_MODEL
