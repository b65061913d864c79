"""The ``drafter`` command line: the Typer app, the language and the error boundary.

Commands live in ``drafter/commands/<name>.py``, each with a ``register(app)``
that defines one thin command: it collects options and calls one library
function. Errors become a message and an exit code at one boundary (``main``),
never a traceback. Heavy modules are imported inside the commands so
``drafter --help`` stays fast. The language (``--lang``) is chosen before the
commands are defined, so help texts are translated too.
"""

import os
import sys
from typing import Annotated, NoReturn

import typer

from drafter import __version__
from drafter.errors import EXIT_USAGE, DrafterError, OutlineError, Problem
from drafter.i18n import _, set_language

LANG_OPTION = "--lang"


def _split_language(argv: list[str]) -> tuple[str | None, list[str]]:
    """Take ``--lang X`` / ``--lang=X`` out of ``argv`` wherever it is."""
    language, rest, index = None, [], 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest.extend(argv[index:])
            break
        if arg == LANG_OPTION and index + 1 < len(argv):
            language, index = argv[index + 1], index + 2
            continue
        if arg.startswith(LANG_OPTION + "="):
            language, index = arg.split("=", 1)[1], index + 1
            continue
        rest.append(arg)
        index += 1
    return language, rest


def _stderr(text: str) -> None:
    sys.stderr.write(text + "\n")


def format_problem(problem: Problem) -> str:
    """``path:line:col: message`` and the offending line with a caret under it."""
    from drafter.report.text import snippet

    head = f"{problem.location()}: {problem.message}"
    if problem.source_line is None:
        return head
    gutter = str(problem.line)
    pad = " " * len(gutter)
    line, caret = snippet(problem.source_line, problem.column, 1)
    return f"{head}\n {pad} |\n {gutter} | {line}\n {pad} | {caret}"


def report_error(error: DrafterError) -> None:
    if isinstance(error, OutlineError):
        for problem in error.problems:
            _stderr(format_problem(problem))
        count = len(error.problems)
        _stderr(
            _("{count} problem(s) found; nothing was built").format(count=count)
            if count
            else error.message
        )
        hint = getattr(error, "hint", None)
        if hint:
            _stderr(hint)
        return
    _stderr(_("error: {message}").format(message=error.message))


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    _stderr(_("error: {message}").format(message=message))
    raise SystemExit(code)


def create_app() -> typer.Typer:
    from drafter.cli_texts import translate_frame

    translate_frame()
    app = typer.Typer(
        name="drafter",
        help=_("Draft, check and regenerate Party-format documents from YAML outlines."),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def version_callback(value: bool) -> None:
        if value:
            print(f"drafter {__version__}")
            raise typer.Exit()

    @app.callback()
    def root(
        version: Annotated[
            bool,
            typer.Option(
                "--version",
                callback=version_callback,
                is_eager=True,
                help=_("Print the version and exit."),
            ),
        ] = False,
        lang: Annotated[
            str | None,
            typer.Option(LANG_OPTION, help=_("Language of messages: vi (default) or en.")),
        ] = None,
    ) -> None:
        """Draft, check and regenerate Party-format documents from YAML outlines."""

    from drafter.commands import register_all

    register_all(app)
    return app


def main(argv: list[str] | None = None) -> NoReturn:
    """Console entry point: choose the language, run the command, map errors."""
    args = list(sys.argv[1:] if argv is None else argv)
    language, args = _split_language(args)
    try:
        set_language(language)
    except ValueError:
        set_language(None)
        _fail(_("unknown language '{value}'; use vi or en").format(value=language))
    # typer (< 0.29) vendors click; these two classes are what its parser raises
    from typer._click.exceptions import ClickException, UsageError

    try:
        app = create_app()
        result = app(args=args, prog_name="drafter", standalone_mode=False)
    except UsageError as error:
        from drafter.usage import report_usage_error

        raise SystemExit(report_usage_error(error)) from None
    except ClickException as error:
        _stderr(_("error: {message}").format(message=error.format_message()))
        raise SystemExit(error.exit_code) from None
    except typer.Abort:
        _stderr(_("interrupted"))
        raise SystemExit(130) from None
    except DrafterError as error:
        report_error(error)
        raise SystemExit(error.exit_code) from None
    except KeyboardInterrupt:
        _stderr(_("interrupted"))
        raise SystemExit(130) from None
    except SystemExit:
        raise
    except Exception as error:  # the last line of defence: never a traceback
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        _fail(
            _(
                "internal error ({kind}: {detail}); please report it, and run with "
                "DRAFTER_DEBUG=1 to see the details"
            ).format(kind=type(error).__name__, detail=str(error)[:200])
        )
    raise SystemExit(result if isinstance(result, int) else 0)


def entry() -> NoReturn:
    """The ``drafter`` console script: ``main`` without interpreter teardown.

    Freeing every object at exit costs ~20 ms per run (measured in
    benchmarks/bench_build.py) and does nothing useful here: outputs are written
    atomically and fsynced before ``main`` returns. So flush the standard
    streams and leave with ``os._exit``. Library callers and tests use ``main``.
    """
    try:
        main()
    except SystemExit as stop:
        code = stop.code
    except BaseException as error:  # the very last line of defence
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        sys.stderr.write(f"drafter: internal error ({type(error).__name__}: {error})\n")
        code = EXIT_USAGE
    else:  # pragma: no cover - main always raises SystemExit
        code = 0
    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = EXIT_USAGE
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe (drafter … | head)
        pass
    os._exit(code)


if __name__ == "__main__":
    entry()
