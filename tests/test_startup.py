"""The lean start-up changes no behaviour: the listing, the per-command parser, the fonts."""

from __future__ import annotations

import io

import pytest

from toolkit.cli import COMMANDS, build_parser, chosen_command, main


def _choices_help(parser: object) -> dict[str, str]:
    sub = next(a for a in parser._actions if a.dest == "command")  # type: ignore[attr-defined]
    return {action.dest: action.help for action in sub._choices_actions}


def test_the_listing_says_what_each_command_module_says() -> None:
    summaries = {name: summary for name, (_, summary) in COMMANDS.items()}
    assert _choices_help(build_parser()) == summaries


def test_help_from_the_listing_equals_the_full_parsers_help() -> None:
    out = io.StringIO()
    assert main(["--help"], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue() == build_parser().format_help()


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["convert", "a.txt", "-o", "a.xml"], "convert"),
        (["--traceback", "batch", "x"], "batch"),
        (["--help", "convert"], None),
        (["convet"], None),
        ([], None),
        (["serve", "--help"], "serve"),
    ],
)
def test_the_command_is_the_first_word_that_is_not_an_option(argv: list[str], command: str | None) -> None:
    assert chosen_command(argv) == command


def test_an_unknown_command_is_a_usage_error_naming_the_choices() -> None:
    err = io.StringIO()
    assert main(["convet"], stdout=io.StringIO(), stderr=err) == 2
    assert "choose from 'convert'" in err.getvalue()


def test_a_command_help_is_the_full_parsers() -> None:
    out = io.StringIO()
    assert main(["convert", "--help"], stdout=out, stderr=io.StringIO()) == 0
    full = build_parser()
    sub = next(a for a in full._actions if a.dest == "command")
    assert out.getvalue() == sub.choices["convert"].format_help()
