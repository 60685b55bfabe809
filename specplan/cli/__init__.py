"""``specplan-cli``: the planning engine, plan files and workbooks from the command line.

Each group of commands lives in its own module with a ``COMMANDS`` list of
``(name, help, configure(parser), handler(args) -> exit code)``.

Errors a user can cause print one line and exit 2; no traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..domain.errors import UserError

EXIT_USAGE = 2


class CommandError(Exception):
    """A user error with a message to print; exits with ``code``."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    from ..tuning import tune_allocator

    tune_allocator()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args) or 0
    except CommandError as error:
        print(f"specplan-cli: {error}", file=sys.stderr)
        return error.code
    except UserError as error:
        print(f"specplan-cli: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="specplan-cli", description="Plan specialised commissioning budgets from the command line."
    )
    parser.add_argument("--version", action="version", version=f"specplan {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, help_text, configure, handler in all_commands():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        configure(sub)
        sub.set_defaults(handler=handler)
    return parser


def all_commands() -> list[tuple[str, str, Callable, Callable]]:
    """Every command: each command group lives in its own module, listed here in help order."""
    from . import engine_commands, excel_commands, footprint_commands, report_commands, store_commands

    return [*engine_commands.COMMANDS, *store_commands.COMMANDS, *excel_commands.COMMANDS,
            *report_commands.COMMANDS, *footprint_commands.COMMANDS]


if __name__ == "__main__":
    sys.exit(main())
