"""The translation options record: one typed, frozen value shared by every layer.

Like pandoc's `ReaderOptions`/`WriterOptions`: the library, the commands, the
batch workers and the server pass one `TranslateOptions` instead of repeating a
dozen keywords. It imports nothing heavy, so the light commands can build one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

Device = Literal["cpu", "cuda", "auto"]

# One default for every way in, so `translate`, `batch`, `build` and the server
# give the same English for the same document.
DEFAULT_BEAM_SIZE = 4


@dataclass(frozen=True)
class TranslateOptions:
    """How to translate: which model, how to decode, on what, and with what memory and glossary.

    - `models_dir`: where the argos packages are (default: argos's own folder,
      or `BRIEFING_MODELS_DIR`);
    - `beam_size`: 1 is the fast (greedy) mode;
    - `device`, `threads` (0: all cores), `max_batch_size`: CTranslate2's;
    - `cache`: the translation memory: True for the default file, a path, or
      False for none;
    - `glossary`: None for the pair's own, a TOML path, or False for none.
    """

    models_dir: str | Path | None = None
    beam_size: int = DEFAULT_BEAM_SIZE
    device: Device = "cpu"
    threads: int = 0
    max_batch_size: int = 16
    cache: bool | str | Path = True
    glossary: str | Path | bool | None = None

    def with_(self, **changes: object) -> TranslateOptions:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]
