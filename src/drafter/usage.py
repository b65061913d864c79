"""Command-line usage errors (missing argument, unknown option …) in the user's language.

typer's vendored click formats these in English; the CLI runs it with
``standalone_mode=False`` and hands the exception here, which rebuilds the
message from the exception's fields through the catalog.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from drafter.i18n import _


def _hint(error: Any) -> str:
    param = getattr(error, "param", None)
    hint = getattr(error, "param_hint", None)
    if hint is None and param is not None:
        try:
            hint = param.get_error_hint(error.ctx)
        except Exception:
            hint = getattr(param, "name", None)
    if isinstance(hint, list | tuple):
        hint = " / ".join(str(item) for item in hint)
    return str(hint or "")


def usage_message(error: Any) -> str:
    """One translated line for a click ``UsageError``."""
    kind = type(error).__name__
    message = str(getattr(error, "message", "") or "")
    if kind == "MissingParameter":
        param_type = getattr(error, "param_type", None) or getattr(
            getattr(error, "param", None), "param_type_name", "parameter"
        )
        if param_type == "argument":
            return _("missing argument {name}").format(name=_hint(error))
        return _("missing option {name}").format(name=_hint(error))
    if kind == "NoSuchOption":
        text = _("unknown option {name}").format(name=getattr(error, "option_name", ""))
        possibilities = getattr(error, "possibilities", None)
        if possibilities:
            text += " " + _("(did you mean: {options})").format(
                options=", ".join(sorted(possibilities))
            )
        return text
    if kind == "BadParameter":
        return _("invalid value for {name}: {detail}").format(name=_hint(error), detail=message)
    if kind == "BadOptionUsage":
        name = getattr(error, "option_name", "")
        if "requires an argument" in message:
            return _("option {name} needs a value").format(name=name)
        return _("wrong use of option {name}: {detail}").format(name=name, detail=message)
    if message.startswith("No such command"):
        name = message.removeprefix("No such command").strip(" .")
        return _("unknown command {name}").format(name=name)
    if message.startswith("Got unexpected extra argument"):
        extra = re.search(r"\(([^()]*)\)$", message)
        return _("unexpected extra argument(s): {arguments}").format(
            arguments=extra.group(1) if extra else message
        )
    return message


def report_usage_error(error: Any) -> int:
    """Print usage, a hint and the translated error to stderr; the exit code."""
    if type(error).__name__ == "NoArgsIsHelpError":
        sys.stderr.write(error.ctx.get_help() + "\n")
        return 2
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        sys.stderr.write(ctx.get_usage() + "\n")
        if ctx.command.get_help_option(ctx) is not None:
            sys.stderr.write(
                _("Try '{command} {option}' for help.").format(
                    command=ctx.command_path, option=ctx.help_option_names[0]
                )
                + "\n"
            )
        sys.stderr.write("\n")
    sys.stderr.write(_("error: {message}").format(message=usage_message(error)) + "\n")
    return int(getattr(error, "exit_code", 2) or 2)
