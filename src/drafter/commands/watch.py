"""``drafter watch OUTLINE [-o OUT] [--pdf] [--prefer outline|document]``."""

import typer

from drafter.commands.options import outline_argument, output_option, pdf_option, prefer_option
from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(help=_("Rebuild and re-check the outline every time it is saved (Ctrl-C stops)."))
    def watch(
        outline: outline_argument(),
        output: output_option() = None,
        pdf: pdf_option() = False,
        prefer: prefer_option(_("Settle conflicts with hand edits: outline or document.")) = None,
    ) -> None:
        from drafter.watch import watch as watch_outline

        watch_outline(outline, output, pdf=pdf, prefer=prefer.value if prefer else None)
