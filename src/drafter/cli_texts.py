"""The few words of the command-line frame that typer keeps in English.

typer (< 0.29, which vendors click) writes "Usage:", the section titles of
``--help`` ("Arguments", "Options", "Commands"), "[required]", "default: …"
and the help option's own "Show this message and exit." without a catalog
drafter can reach. ``translate_frame()`` routes them through drafter's catalog,
so ``drafter --help`` reads entirely in the user's language. It touches only
those texts and does nothing if typer's internals differ from what it expects.
"""

from __future__ import annotations

import contextlib

from drafter.i18n import N_, _

# Message ids exactly as typer writes them (extracted into drafter's catalog).
FRAME_TEXTS = (
    N_("Usage:"), N_("Arguments"), N_("Options"), N_("Commands"), N_("required"),
    N_("default: {default}"), N_("(dynamic)"), N_("Show this message and exit."),
    N_("Aborted!"), N_("Missing command."),
)  # fmt: skip


def translate_frame() -> None:
    with contextlib.suppress(ImportError, AttributeError):
        import typer.core as typer_core
        from typer._click import decorators, formatting

        typer_core._ = _  # the section titles, "required", "default: …"

        original_usage = formatting.HelpFormatter.write_usage

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            original_usage(self, prog, args, f"{_('Usage:')} " if prefix is None else prefix)

        formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

        def help_option(param_decls: list[str]):
            def show_help(ctx, _param, value: bool) -> None:
                if value and not ctx.resilient_parsing:
                    decorators.echo(ctx.get_help(), color=ctx.color)
                    ctx.exit()

            return decorators.option(
                param_decls, is_flag=True, expose_value=False, is_eager=True,
                help=_("Show this message and exit."), callback=show_help, required=False,
            )  # fmt: skip

        decorators.help_option = help_option
