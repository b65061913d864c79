"""``drafter rules [RULE…] [--format text|json|markdown]``."""

from typing import Annotated

import typer

from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(help=_("List the rules of drafter check with their documentation."))
    def rules(
        selectors: Annotated[
            list[str] | None,
            typer.Argument(
                help=_("Only these rules: codes (TXT002), families (TXT) or names."),
                show_default=False,
            ),
        ] = None,
        output_format: Annotated[
            str, typer.Option("--format", help=_("Output: text, json or markdown."))
        ] = "text",
    ) -> None:
        from drafter.rules.listing import list_rules

        list_rules(selectors or (), output_format)
