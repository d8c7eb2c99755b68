"""The CTranslate2 engine: an argos package loaded once, sentences translated in batches."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any, Protocol

from toolkit.errors import BriefingError, ExitCode
from toolkit.translation.packages import InstalledPackage

DEVICES = ("cpu", "cuda")


class Engine(Protocol):
    """What the pipeline needs from an engine: a name, a model identity and a batch call."""

    name: str
    model: str
    model_version: str
    decoding: str  # the settings that change the output (beam size, ...), for the memory key

    def translate(self, sentences: list[str]) -> list[str]: ...


@dataclass
class EngineOptions:
    """Decoding and hardware settings; beam_size=1 is the fast (greedy) mode."""

    beam_size: int = 4
    device: str = "cpu"
    threads: int = 0  # 0: let CTranslate2 use every core
    max_batch_size: int = 16
    compute_type: str = "default"  # as the model was saved (argos packages: int8)
    decode: dict[str, Any] = field(default_factory=dict)  # more translate_batch keywords


class Ct2Engine:
    """ctranslate2.Translator + sentencepiece, with argos's package layout.

    Unlike argos's translate(), all sentences go to one `translate_batch`
    call; CTranslate2 sorts them by length and forms batches of
    `max_batch_size`, so padding stays small and every core stays busy.
    Output is detokenised with `sp.decode`, which keeps `_` (argos's decoder
    turns it into a space).
    """

    name = "ctranslate2"

    def __init__(self, package: InstalledPackage, options: EngineOptions | None = None) -> None:
        import ctranslate2
        import sentencepiece

        self.package = package
        self.options = options or EngineOptions()
        self.model = package.name
        extra = " ".join(f"{k}={v}" for k, v in sorted(self.options.decode.items()))
        self.decoding = f"beam={self.options.beam_size} {extra}".strip()
        self.model_version = package.version
        if self.options.device not in DEVICES:
            raise BriefingError(
                f"unknown device {self.options.device!r}; use cpu or cuda", code=ExitCode.USAGE
            )
        if self.options.beam_size < 1 or self.options.max_batch_size < 1 or self.options.threads < 0:
            raise BriefingError(
                "beam size and batch size must be at least 1, threads at least 0", code=ExitCode.USAGE
            )
        # CTranslate2 logs to stderr when it converts weights to a type this
        # device computes in (float16 on a CPU): not something a user can act on.
        ctranslate2.set_log_level(logging.ERROR)
        if self.options.device == "cuda" and _cuda_devices(ctranslate2) == 0:
            raise BriefingError(
                "--device cuda: no CUDA GPU is available here (or this CTranslate2 was built without CUDA)",
                hint="use --device cpu",
                code=ExitCode.DEVICE,
            )
        try:
            self.sp = sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece))
            self.translator = ctranslate2.Translator(
                str(package.model_dir),
                device=self.options.device,
                compute_type=self.options.compute_type,
                inter_threads=1,  # one translate_batch at a time; its batches use the intra threads
                intra_threads=self.options.threads or os.cpu_count() or 1,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            if self.options.device != "cpu":
                # The model is fine; the device (driver, memory, CUDA build) is not.
                raise BriefingError(
                    f"--device {self.options.device}: cannot run the model there: {_first_line(exc)}",
                    hint="use --device cpu",
                    code=ExitCode.DEVICE,
                ) from None
            raise BriefingError(
                f"cannot load the model {package.name} {package.version}: {_first_line(exc)}",
                path=str(package.path),
                hint="reinstall it with `briefing models install-file PATH.argosmodel`",
                code=ExitCode.NO_MODEL,
            ) from None

    def translate(self, sentences: list[str]) -> list[str]:
        """Translate plain sentences; the result is in the same order."""
        if not sentences:
            return []
        tokens = [self.sp.encode(s, out_type=str) for s in sentences]
        prefix = self.package.target_prefix
        results = self.translator.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            beam_size=self.options.beam_size,
            max_batch_size=self.options.max_batch_size,
            batch_type="examples",
            replace_unknowns=True,
            **self.options.decode,
        )
        out = []
        for result in results:
            pieces = result.hypotheses[0]
            if prefix and pieces[:1] == [prefix]:
                pieces = pieces[1:]
            out.append(self.sp.decode(pieces).strip())
        return out


def _cuda_devices(ctranslate2: Any) -> int:
    """How many CUDA devices CTranslate2 sees; 0 when it cannot look (no driver, a CPU-only build)."""
    try:
        return int(ctranslate2.get_cuda_device_count())
    except (RuntimeError, OSError, AttributeError):
        return 0


def _first_line(exc: BaseException) -> str:
    # Errors are one line; CUDA's messages sometimes are not.
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
