"""The Typer application, the shared error handling, and the output helpers."""

from __future__ import annotations

import copy
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from argmap import __version__
from argmap.problem import ArgmapError, MapInvalid


class _Commands(TyperGroup):
    """`argmap --help`: commands in alphabetical order, each with its whole first sentence."""

    # Click's context and formatter (typer vendors Click in some versions: not imported).
    def list_commands(self, ctx: Any) -> list[str]:
        return sorted(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            text = " ".join((command.help or "").split("\n\n", 1)[0].split())
            first = text.split(". ", 1)[0].rstrip(".") + "."
            rows.append((name, first))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None and name is not None:
            _refuse_repeats(ctx, name, command, rest)
        return name, command, rest


def _refuse_repeats(ctx: Any, name: str, command: Any, args: list[str]) -> None:
    """Refuse an option that takes one value given twice (`--depth 1 --depth 2`).

    Click keeps the last value silently; a user who wrote both meant something else.
    Options that collect values (`--focus`, `--rule`) and flags may repeat."""
    sub = command.context_class(command, info_name=name, parent=ctx)
    try:
        _, _, order = command.make_parser(sub).parse_args(args=list(args))
    except Exception:  # a malformed line: the real parse reports it
        return
    seen: set[int] = set()
    for param in order:
        takes_one = (getattr(param, "opts", None) and not getattr(param, "multiple", True)
                     and not getattr(param, "is_flag", True)
                     and not getattr(param, "count", False))
        if not takes_one or param.param_type_name != "option":
            continue
        if id(param) in seen:
            option = max(param.opts, key=len)
            sub.fail(f"{option} was given more than once, but it takes one value: "
                     "give it once.")
        seen.add(id(param))


app = typer.Typer(
    name="argmap",
    cls=_Commands,
    help="Check and draw argument maps of academic papers, written in YAML.\n\n"
    "Try `argmap show qiu`, `argmap render --svg`, or `argmap lint maps/`.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])

#: The argument of a command that takes one map.
OneMap = Annotated[str, typer.Argument(
    metavar="MAP", show_default=False,
    help="A map name (`qiu`, see `argmap list`) or a .yaml path.")]

#: What a command reads when given no map: the rule of argmap/names.py, for `--help`.
DEFAULT_MAPS_HELP = ("Default: the maps in the project's maps folder (./maps, or "
                     "[tool.argmap] maps), else the maps bundled with argmap.")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"argmap {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Check and draw argument maps of academic papers, written in YAML."""


def fail(message: str, hint: str | None = None, code: int = 2) -> typer.Exit:
    """Print an error the way every command does, and return the Exit to raise."""
    from argmap.text import one_line

    sys.stderr.write(f"argmap: error: {one_line(message)}\n")
    if hint:
        sys.stderr.write(f"  hint: {one_line(hint)}\n")
    return typer.Exit(code)


def handles_errors(command: F) -> F:
    """Turn the library's errors into a message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except MapInvalid as exc:
            from argmap.text import one_line

            for problem in exc.problems:
                sys.stderr.write(f"{one_line(str(problem.span))}: {problem.severity} "
                                 f"{problem.code}: {one_line(problem.message)}\n")
                if problem.hint:
                    sys.stderr.write(f"    hint: {one_line(problem.hint)}\n")
            raise typer.Exit(exc.exit_code) from None
        except ArgmapError as exc:
            raise fail(exc.message, exc.hint, exc.exit_code) from None
        except BrokenPipeError:
            # The reader went away (`argmap show qiu | head`): not an error of ours.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:  # the last line of defence, see crash.py
            if _from_the_framework(exc):
                raise  # an exit, an abort or a usage error: typer reports those itself
            raise crashed(exc) from None

    return wrapper  # type: ignore[return-value]


def use_color(stream: Any = None) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def write_output(text: str | bytes, output: Path | None) -> None:
    """Write to a file atomically, or to standard output when `output` is None or `-`."""
    if output is None or str(output) == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
        return
    from argmap.output import write_atomic

    write_atomic(output, text)


def _from_the_framework(exc: BaseException) -> bool:
    # typer.Exit is a RuntimeError; which classes typer (or click, in older typer
    # versions) raises for exits and usage errors differs between versions.
    return type(exc).__module__.partition(".")[0] in ("typer", "click")


def crashed(exc: BaseException) -> typer.Exit:
    """Report an exception argmap did not expect, and return the Exit to raise."""
    from argmap.cli.crash import CRASH_EXIT, report

    sys.stdout.flush()
    sys.stderr.write(report(exc))
    return typer.Exit(CRASH_EXIT)


def command_name(info: Any) -> str:
    """The name a registered command (Typer's `CommandInfo`) is called by."""
    from typer.main import get_command_name

    return info.name or get_command_name(getattr(info.callback, "__name__", ""))


def only_the_named_command(args: list[str]) -> typer.Typer:
    """`app` holding only the command `args` start with, when they start with one.

    Typer turns every registered command into a Click command before parsing, resolving
    each one's type hints: about a sixth of `argmap show qiu`, for commands that will not
    run. The trimmed app parses, helps and fails exactly as the whole one for its command
    (tests/cli/test_dispatch.py); anything else (`argmap`, `--help`, a misspelt command,
    which is answered with the names of all) gets the whole app."""
    if not args or args[0].startswith("-"):
        return app
    named = [info for info in app.registered_commands if command_name(info) == args[0]]
    if len(named) != 1:
        return app
    trimmed = copy.copy(app)
    trimmed.registered_commands = named
    return trimmed


def main() -> None:
    try:
        only_the_named_command(sys.argv[1:])()
    except Exception as exc:  # outside any command, e.g. in option parsing
        raise SystemExit(crashed(exc).exit_code) from None
