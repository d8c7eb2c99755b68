"""Installed argos model packages through argostranslate.package, with our folder and guards in front."""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from toolkit.errors import BriefingError, ExitCode

# Bounds for an .argosmodel: real argos models are 50-300 MB unpacked. The
# limits stop zip bombs and absurd archives, not legitimate models.
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # uncompressed / compressed, for members larger than 1 MB
LANG_CODE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z]{2,4})?$")
REAL_PACKAGE_HINT = "translate-{s}_{t}"

# argos keeps its settings in module globals: one call at a time changes them.
_settings_lock = threading.RLock()


@dataclass(frozen=True, slots=True)
class InstalledPackage:
    """One installed argos translation package (a folder with metadata.json)."""

    path: Path
    source: str
    target: str
    version: str
    type: str = "translate"
    target_prefix: str = ""
    code: str = ""

    @property
    def name(self) -> str:
        """The package's `code` from metadata.json, else argospm's name for it, e.g. `translate-nl_en`."""
        return self.code or f"{self.type}-{self.source}_{self.target}"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece(self) -> Path:
        return self.path / "sentencepiece.model"


def argos() -> Any:
    """argostranslate.package, imported on first use; the import creates argos's folders."""
    try:
        import argostranslate.package
    except OSError as exc:
        raise BriefingError(
            f"argostranslate cannot create its folders: {exc}",
            hint="set HOME, or XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME, to writable folders",
            code=ExitCode.OUTPUT,
        ) from None
    return argostranslate.package


@contextmanager
def argos_settings(**values: object) -> Iterator[Any]:
    """argostranslate.package with some of its `settings` changed for the call, restored after it."""
    package = argos()
    with _settings_lock:
        saved = {name: getattr(package.settings, name) for name in values}
        try:
            for name, value in values.items():
                setattr(package.settings, name, value)
            yield package
        finally:
            for name, value in saved.items():
                setattr(package.settings, name, value)


def models_dir(given: str | Path | None = None) -> Path:
    """The models folder: the flag, then BRIEFING_MODELS_DIR, then argos's package folder.

    argos decides its folder once, at import: ARGOS_PACKAGES_DIR, then the same
    key in its settings.json, then $XDG_DATA_HOME/argos-translate/packages.
    """
    if given:
        return Path(given)
    env = os.environ.get("BRIEFING_MODELS_DIR")
    return Path(env) if env else Path(argos().settings.package_data_dir)


def read_package(path: Path) -> InstalledPackage | None:
    """The package in folder `path`, read by argos, or None if it is not a usable package."""
    try:
        pkg = argos().Package(path)
    except (OSError, ValueError, AttributeError, TypeError):
        return None
    if not isinstance(pkg.from_code, str) or not isinstance(pkg.to_code, str):
        return None
    return InstalledPackage(
        path=path,
        source=pkg.from_code,
        target=pkg.to_code,
        version=str(pkg.package_version or ""),
        type=str(pkg.type or "translate"),
        target_prefix=str(pkg.target_prefix or ""),
        code=str(pkg.code or ""),
    )


def installed(directory: str | Path | None = None) -> list[InstalledPackage]:
    """All packages in the models folder, sorted by pair and version."""
    root = models_dir(directory)
    if not root.is_dir():
        return []
    # Not argos's get_installed_packages: one stray folder without metadata.json makes it raise.
    found = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and not child.name.startswith("."):
            pkg = read_package(child)
            if pkg is not None:
                found.append(pkg)
    return sorted(found, key=lambda p: (p.source, p.target, _version_key(p.version), p.path.name))


def _version_key(version: str) -> tuple[int | str, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"[._-]", version))


def find(source: str, target: str, directory: str | Path | None = None) -> InstalledPackage:
    """The newest installed translation package for the pair; NO_MODEL if there is none."""
    candidates = [
        p for p in installed(directory) if p.source == source and p.target == target and p.type == "translate"
    ]
    if not candidates:
        raise no_model_error(source, target, models_dir(directory))
    return candidates[-1]


def no_model_error(source: str, target: str, where: Path) -> BriefingError:
    """The error for a missing pair: how to install a model offline and online."""
    name = REAL_PACKAGE_HINT.format(s=source, t=target)
    return BriefingError(
        f"no {source}->{target} translation model installed here",
        path=str(where),
        hint=f"offline: get the argos package {name} (a .argosmodel file) and run "
        f"`briefing models install-file PATH.argosmodel`; online: run `briefing models install {source} "
        f"{target}`; or point --models-dir / BRIEFING_MODELS_DIR at a folder that holds it",
        code=ExitCode.NO_MODEL,
    )


def install_file(archive: str | Path, directory: str | Path | None = None) -> InstalledPackage:
    """Install an .argosmodel with argos, atomically; replace an older copy of the pair.

    The archive is checked before argos opens it (see `check_archive`). argos
    unpacks it into a hidden folder beside the models, which is renamed into
    place once the package reads back, so a failed install never leaves a
    half package that `find` would pick up.
    """
    path = Path(archive)
    root = models_dir(directory)
    top = check_archive(path)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
    try:
        with argos_settings(package_data_dir=staging, package_dirs=[staging]) as package:
            try:
                package.install_from_path(path)
            except OSError as exc:
                raise BriefingError(f"cannot unpack the package: {exc}", path=str(path)) from None
        staged = read_package(staging / top)
        if staged is None:
            raise BriefingError("metadata.json lacks from_code/to_code", path=str(path))
        for code in (staged.source, staged.target):
            if not LANG_CODE.match(code):
                raise BriefingError(f"metadata.json has a bad language code {code!r}", path=str(path))
        if not (staged.model_dir / "model.bin").is_file():
            raise BriefingError("the package has no model/model.bin (CTranslate2 model)", path=str(path))
        return _move_into_place(staging / top, root, staged)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def check_archive(path: Path) -> str:
    """Refuse zip bombs, unsafe paths, links and non-argos layouts; return the one top folder."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except FileNotFoundError:
        raise BriefingError("no such file", path=str(path), code=ExitCode.NO_INPUT) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise BriefingError(f"not an argos model package (not a zip file: {exc})", path=str(path)) from None
    where = str(path)
    if len(members) > MAX_MEMBERS:
        raise BriefingError(f"too many files in the package ({len(members)})", path=where)
    total = 0
    tops = set()
    for info in members:
        name = info.filename
        pure = PurePosixPath(name)
        if (
            name.startswith(("/", "\\"))
            or "\\" in name
            or ".." in pure.parts
            or re.match(r"^[A-Za-z]:", name)
        ):
            raise BriefingError(f"unsafe path in the package: {name!r}", path=where)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BriefingError(f"the package contains a link: {name!r}", path=where)
        total += info.file_size
        if info.file_size > 1024**2 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BriefingError(f"suspicious compression ratio for {name!r}", path=where)
        tops.add(pure.parts[0])
    if total > MAX_TOTAL_BYTES:
        raise BriefingError(f"the package unpacks to {total / 1e9:.1f} GB, over the limit", path=where)
    if len(tops) != 1:
        raise BriefingError("an argos package holds exactly one top-level folder", path=where)
    top = tops.pop()
    if top.startswith("."):
        raise BriefingError(f"bad top-level folder name {top!r}", path=where)
    names = {info.filename.rstrip("/") for info in members}
    for required in ("metadata.json", "sentencepiece.model"):
        if f"{top}/{required}" not in names:
            raise BriefingError(f"not an argos model package: {required} is missing", path=where)
    if not any(n.startswith(f"{top}/model/") for n in names):
        raise BriefingError("not an argos model package: the model/ folder is missing", path=where)
    return top


def _move_into_place(staged: Path, root: Path, package: InstalledPackage) -> InstalledPackage:
    """Rename the staged folder into `root`, replacing the same folder or the same pair."""
    target = root / staged.name
    old = [
        p.path
        for p in installed(root)
        if (p.source, p.target, p.type) == (package.source, package.target, package.type)
    ]
    if target.exists() and target not in old:
        old.append(target)
    trash = Path(tempfile.mkdtemp(prefix=".old-", dir=root))
    try:
        for i, path in enumerate(old):
            os.replace(path, trash / f"{i}-{path.name}")
        os.replace(staged, target)
    except OSError as exc:
        raise BriefingError(f"cannot install into {root}: {exc.strerror}", code=ExitCode.OUTPUT) from None
    finally:
        shutil.rmtree(trash, ignore_errors=True)
    result = read_package(target)
    assert result is not None  # validated before the move
    return result


def remove(source: str, target: str, directory: str | Path | None = None) -> list[InstalledPackage]:
    """Remove every installed package for the pair with argos; NO_MODEL if there is none."""
    gone = [p for p in installed(directory) if p.source == source and p.target == target]
    if not gone:
        raise BriefingError(
            f"no {source}->{target} package is installed in {models_dir(directory)}", code=ExitCode.NO_MODEL
        )
    package = argos()
    for pkg in gone:
        package.uninstall(package.Package(pkg.path))
    return gone
