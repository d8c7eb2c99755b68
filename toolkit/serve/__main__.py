"""`python -m toolkit.serve [OPTIONS]`: the same as `briefing serve [OPTIONS]`."""

from __future__ import annotations

import argparse
import sys

from toolkit.cli import serve
from toolkit.cli.common import IO
from toolkit.errors import BriefingError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.serve")
    sub = parser.add_subparsers(dest="command")
    serve.add_parser(sub)
    args = parser.parse_args(["serve", *(sys.argv[1:] if argv is None else argv)])
    io = IO(sys.stdout, sys.stderr)
    try:
        return serve.run(args, io)
    except BriefingError as exc:
        io.error(exc)
        return int(exc.code)


if __name__ == "__main__":
    sys.exit(main())
