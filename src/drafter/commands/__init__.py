"""One module per command; ``register_all`` adds them to the app in help order."""

import typer

# Command modules, in the order `drafter --help` lists them.
COMMANDS = ("new", "build", "check", "watch", "import_docx", "diff", "rules", "citations", "schema")


def register_all(app: typer.Typer) -> None:
    from importlib import import_module

    for name in COMMANDS:
        import_module(f"drafter.commands.{name}").register(app)
