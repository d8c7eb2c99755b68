"""`briefing serve`: the toolkit as a local web service and page (Starlette and uvicorn, loaded on run)."""

from __future__ import annotations

import argparse

from toolkit.cli.common import IO, HelpFormatter

TYPE_CHECKING = False  # not typing's: see toolkit/cli/__init__.py
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "serve",
        help="serve a web page and an HTTP API for converting and translating briefings",
        description="Serve the toolkit on this machine: a page at / for converting briefings "
        "(drop a file, choose Dutch and/or English, PDF, DOCX or XML) and an HTTP API under /api "
        "(described at /api/openapi.json). It listens on 127.0.0.1 only unless --host says otherwise. "
        "Uploads stay in memory. Needs the serve extra: pip install 'briefing-toolkit[serve]'.",
        epilog="examples:\n"
        "  briefing serve                      # then open http://127.0.0.1:8080/\n"
        "  curl -F file=@seeds/000_22ad20a819696709.txt -F to=pdf -OJ http://127.0.0.1:8080/api/convert",
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    parser.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    parser.add_argument(
        "--workers", type=int, default=1, metavar="N", help="processes that read and render (default 1)"
    )
    parser.add_argument(
        "--max-upload-mb", type=float, default=20.0, metavar="MB", help="largest upload accepted (default 20)"
    )
    parser.add_argument(
        "--timeout", type=float, default=120.0, metavar="S", help="seconds a request may take (default 120)"
    )
    parser.add_argument(
        "--queue",
        type=int,
        default=8,
        metavar="N",
        help="translations that may wait while one runs; more are answered 503 (default 8)",
    )
    parser.add_argument(
        "--models-dir",
        metavar="DIR",
        help="where models are installed (default: BRIEFING_MODELS_DIR, else argos's)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the translation memory"
    )
    parser.add_argument(
        "--log-level", default="info", choices=["debug", "info", "warning", "error"], help="(default info)"
    )
    return parser


def run(args: argparse.Namespace, io: IO) -> int:
    from toolkit.errors import BriefingError, ExitCode

    try:
        import uvicorn

        from toolkit.serve import ServeConfig, create_app
    except ImportError as exc:
        raise BriefingError(
            f"briefing serve needs {exc.name or 'its web libraries'}",
            hint="pip install 'briefing-toolkit[serve]'",
            code=ExitCode.USAGE,
        ) from None
    if args.workers < 0 or args.queue < 0 or args.max_upload_mb <= 0 or args.timeout <= 0:
        raise BriefingError(
            "--workers and --queue must be at least 0, --max-upload-mb and --timeout above 0",
            code=ExitCode.USAGE,
        )
    config = ServeConfig(
        host=args.host,
        port=args.port,
        workers=args.workers,
        max_upload_mb=args.max_upload_mb,
        timeout=args.timeout,
        translation_queue=args.queue,
        models_dir=args.models_dir,
        cache=not args.no_cache,
    )
    _check_port(args.host, args.port)
    if not config.local:
        io.err.write(
            f"warning: serving on {args.host}:{args.port}, reachable from other machines "
            "(the default, 127.0.0.1, is this machine only)\n"
        )
    io.err.write(f"briefing serve: http://{_url_host(args.host)}:{args.port}/ (Ctrl+C stops it)\n")
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config),
            host=args.host,
            port=args.port,
            log_level=args.log_level,
            # Requests beyond this many at once get 503 at once: each may hold an upload in memory.
            limit_concurrency=64,
            timeout_graceful_shutdown=5,
        )
    )
    server.run()
    return ExitCode.OK if server.started else ExitCode.USAGE


def _check_port(host: str, port: int) -> None:
    """Fail in one line, before loading anything, when the address cannot be listened on."""
    import socket

    from toolkit.errors import BriefingError, ExitCode

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise BriefingError(
                f"cannot listen on {host}:{port}: {exc.strerror}",
                hint="is another server running there? choose another --port",
                code=ExitCode.USAGE,
            ) from None


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
