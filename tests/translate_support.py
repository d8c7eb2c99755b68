"""The tiny test translation model, for tests and benchmarks.

It only knows its 66 training sentences: it exercises the real loading and
inference path, and says nothing about translation quality.
"""

from __future__ import annotations

from pathlib import Path

TEST_PACKAGE = Path(__file__).resolve().parent / "model" / "translate-nl_en-test-1_0.argosmodel"


def install_test_model(models_dir: Path) -> Path:
    """Install the tiny test package into `models_dir` (as `models install-file` does)."""
    from toolkit.translation.packages import install_file

    install_file(TEST_PACKAGE, models_dir)
    return models_dir
