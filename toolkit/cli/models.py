"""`briefing models`: list, install and remove argos translation model packages."""

from __future__ import annotations

import argparse

from toolkit.cli.common import IO, HelpFormatter, add_traceback_option

TYPE_CHECKING = False  # not typing's: see toolkit/cli/__init__.py
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    add_traceback_option(common)
    common.add_argument(
        "--models-dir",
        metavar="DIR",
        help="models folder (default: BRIEFING_MODELS_DIR, else argos's package folder: "
        "ARGOS_PACKAGES_DIR, else ~/.local/share/argos-translate/packages)",
    )
    parser: argparse.ArgumentParser = sub.add_parser(
        "models",
        help="list, install or remove translation models (argos packages)",
        description="Manage argos translation model packages (.argosmodel) with argostranslate. Models "
        "live in argos's own package folder, so models installed with argos are found too.",
        epilog="examples:\n"
        "  briefing models list\n"
        "  briefing models install-file translate-nl_en.argosmodel   # offline\n"
        "  briefing models install nl en                             # online, from the Argos index\n"
        "  briefing models remove nl en",
        formatter_class=HelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", parents=[common], help="show installed language pairs and versions")
    install_file = actions.add_parser(
        "install-file", parents=[common], help="install a package from an .argosmodel file (offline)"
    )
    install_file.add_argument("package", metavar="PATH.argosmodel")
    install = actions.add_parser(
        "install", parents=[common], help="download and install a pair from the Argos package index (online)"
    )
    install.add_argument("source", metavar="FROM", help="source language code, e.g. nl")
    install.add_argument("target", metavar="TO", help="target language code, e.g. en")
    remove = actions.add_parser("remove", parents=[common], help="remove the installed packages of a pair")
    remove.add_argument("source", metavar="FROM")
    remove.add_argument("target", metavar="TO")
    parser.set_defaults(models_parser=parser)
    return parser


def run(args: argparse.Namespace, io: IO) -> int:
    from toolkit.errors import ExitCode
    from toolkit.translation import packages

    directory = getattr(args, "models_dir", None)
    match args.action:
        case "list":
            found = packages.installed(directory)
            if not found:
                io.out.write(
                    f"no models installed in {packages.models_dir(directory)}\n"
                    "install one: briefing models install-file PATH.argosmodel (offline) "
                    "or briefing models install nl en (online)\n"
                )
            for pkg in found:
                io.out.write(f"{pkg.source} -> {pkg.target}  {pkg.name}  {pkg.version or '-'}  {pkg.path}\n")
        case "install-file":
            pkg = packages.install_file(args.package, directory)
            io.out.write(f"installed {pkg.name} {pkg.version} ({pkg.source} -> {pkg.target}) in {pkg.path}\n")
        case "install":
            from toolkit.translation.download import install_from_index

            pkg = install_from_index(args.source, args.target, directory)
            io.out.write(f"installed {pkg.name} {pkg.version} ({pkg.source} -> {pkg.target}) in {pkg.path}\n")
        case "remove":
            for pkg in packages.remove(args.source, args.target, directory):
                io.out.write(f"removed {pkg.name} {pkg.version} from {pkg.path}\n")
        case _:
            args.models_parser.print_help(io.out)
            return ExitCode.USAGE
    return ExitCode.OK
