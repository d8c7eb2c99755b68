"""The install ships every data file the command needs, and setuptools has nothing to warn about.

setuptools warns (about 280 lines on `make handouts`) for each folder of data
that is not a listed package; a data file no pattern matches is silently left
out of the wheel, and the installed command then fails. Both are checked
here from pyproject.toml, without building anything.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _folder(package: str) -> Path:
    for name, folder in CONFIG.get("package-dir", {}).items():
        if package == name or package.startswith(name + "."):
            return ROOT / folder / Path(*package[len(name) :].split(".")[1:])
    return ROOT / Path(*package.split("."))


def _data_files() -> list[Path]:
    found = []
    for top in (ROOT / "toolkit", ROOT / "styles"):
        for path in top.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".py", ".pyc"):
                found.append(path)
    return found


def test_every_folder_with_data_is_a_listed_package() -> None:
    listed = {_folder(p) for p in CONFIG["packages"]}
    missing = sorted({str(f.parent.relative_to(ROOT)) for f in _data_files() if f.parent not in listed})
    assert missing == []


def test_every_data_file_is_matched_by_package_data() -> None:
    by_folder = {_folder(p): CONFIG["package-data"].get(p, []) for p in CONFIG["packages"]}
    left_out = [
        str(f.relative_to(ROOT))
        for f in _data_files()
        if not any(_matches(f.name, pattern) for pattern in by_folder.get(f.parent, []))
    ]
    assert left_out == []


def _matches(name: str, pattern: str) -> bool:
    # As setuptools' glob: a wildcard does not match a leading dot.
    return fnmatch.fnmatchcase(name, pattern) and (pattern.startswith(".") or not name.startswith("."))


def test_what_the_writers_need_is_among_the_data() -> None:
    names = {str(f.relative_to(ROOT)) for f in _data_files()}
    assert {
        "toolkit/writers/docx/template/[Content_Types].xml",
        "toolkit/writers/docx/template/_rels/.rels",
        "toolkit/fonts/NotoSans-Regular.ttf",
        "toolkit/model/briefing.rng",
        "toolkit/translation/glossary_nl_en.toml",
        "styles/default.toml",
    } <= names
