"""``drafter schema``: print the JSON Schema of the outline format."""

from typing import Annotated

import typer

from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(help=_("Print the JSON Schema of the outline format (for editors)."))
    def schema(
        indent: Annotated[
            int, typer.Option("--indent", help=_("Spaces of indentation in the output."))
        ] = 2,
    ) -> None:
        import json

        from drafter.jsonschema import outline_schema

        print(json.dumps(outline_schema(), ensure_ascii=False, indent=indent or None))
