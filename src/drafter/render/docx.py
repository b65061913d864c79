"""Fill a Word template with docxtpl (autoescaping on) and return the bytes.

User text never reaches Jinja as template source: it arrives as data, escaped
for XML here, with the few characters docxtpl would reinterpret neutralised:
``{``/``}`` become character references (docxtpl rewrites ``{_{`` to ``{{``),
and control characters that XML cannot hold (or docxtpl would turn into
paragraph or page breaks, ``\\a`` and ``\\f``) are shown as their visible
Unicode "control picture" (U+2400…). Tabs stay tabs and line breaks stay line
breaks.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

_INVALID = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _picture(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def docx_text(value: str) -> str:
    """``value`` as XML character data that docxtpl will not reinterpret."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _INVALID.sub(_picture, value)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("{", "&#123;").replace("}", "&#125;")


def visible_text(value: str) -> str:
    """What a reader of the Word file sees for ``value`` (tests and snapshots)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _INVALID.sub(_picture, value)


def _markup(value: Any) -> Any:
    from markupsafe import Markup

    if isinstance(value, str):
        return Markup(docx_text(value))
    if isinstance(value, Mapping):
        return {key: _markup(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_markup(item) for item in value]
    return value


@cache
def _classes() -> tuple[type, type]:
    """docxtpl and Jinja classes whose template-only work is cached on disk."""
    import marshal
    import sys

    import docxtpl
    import jinja2

    from drafter.render import cache as disk

    versions = f"{docxtpl.__version__}|{jinja2.__version__}|{sys.version}"

    class CachingTemplate(docxtpl.DocxTemplate):
        def patch_xml(self, src_xml: str) -> str:
            key = disk.cache_key("patch", versions, src_xml)
            cached = disk.read("patch", key)
            if cached is not None:
                return cached.decode("utf-8")
            patched = super().patch_xml(src_xml)
            disk.write("patch", key, patched.encode("utf-8"))
            return patched

    class CachingEnvironment(jinja2.Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
            if raw or not isinstance(source, str) or name or filename or defer_init:
                return super().compile(source, name, filename, raw, defer_init)
            key = disk.cache_key("jinja", versions, str(self.autoescape), source)
            cached = disk.read("jinja", key)
            if cached is not None:
                try:
                    return marshal.loads(cached)
                except (EOFError, ValueError, TypeError):
                    pass
            code = super().compile(source)
            disk.write("jinja", key, marshal.dumps(code))
            return code

    return CachingTemplate, CachingEnvironment


def render_template(template: Path, context: dict[str, Any]) -> Any:
    """Render ``template`` with ``context``; returns the docxtpl document."""
    template_class, environment_class = _classes()
    document = template_class(template)
    environment = environment_class(autoescape=True)
    document.render(_markup(context), jinja_env=environment, autoescape=True)
    return document


def document_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
