"""`briefing build`: the main job, every briefing in seeds/ to handouts in dist/."""

from __future__ import annotations

import argparse

from toolkit.cli.batch import add_batch_options, execute, note, settings_from
from toolkit.cli.common import IO

TYPE_CHECKING = False  # not typing's: see toolkit/cli/__init__.py
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "build",
        help="make the project's handouts: seeds/ to dist/, Dutch and (with a model) English",
        description="Run the batch on seeds/ into dist/ with the project's defaults: Dutch handouts "
        "always, English ones too when an nl->en translation model is installed. dist/ then holds "
        "what this build makes: outputs an earlier build made and this one does not (the English "
        "handouts once the model is gone, or a format left out) are removed, unless they were "
        "changed since; the summary names them.",
    )
    parser.add_argument("--seeds", default="seeds", metavar="DIR", help="input folder (default: seeds)")
    parser.add_argument("--out", default="dist", metavar="DIR", help="output folder (default: dist)")
    add_batch_options(parser)
    return parser


def run(args: argparse.Namespace, io: IO) -> int:
    from toolkit.batch.plan import collect
    from toolkit.translation import has_model

    target = "en" if has_model("nl", "en", args.models_dir) else None
    if target is None:
        io.err.write(
            "note: no nl->en model installed, so only Dutch handouts are made; get one with "
            "`briefing models install nl en` (online) or `briefing models install-file FILE.argosmodel`\n"
        )
    settings = settings_from(args, args.out, target)
    return execute(collect([args.seeds], args.out, note(io)), settings, args, io, prune=True)
