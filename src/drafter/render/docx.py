"""Fill a Word template with docxtpl (autoescaping on) and return the document.

User text never reaches Jinja as template source: it arrives as data, already
escaped for XML here (as ``Markup``, so autoescaping leaves it alone), with
the characters docxtpl would reinterpret neutralised: ``{``/``}`` become
character references (docxtpl rewrites ``{_{`` to ``{{`` after rendering), and
control characters that XML cannot hold are shown as their visible Unicode
"control picture" (U+2400…). Tabs become ``<w:tab/>`` and line breaks
``<w:br/>`` right here, so docxtpl's own pass that does this over the whole
rendered XML (``resolve_listing``, ~20 µs per paragraph) is not needed.

Two docxtpl steps are replaced for speed on long documents, with identical
output: ``patch_xml`` and Jinja compilation depend only on the template and are
cached on disk (``render/cache.py``); ``map_tree`` moved the rendered body into
the document with lxml, which grows superlinearly (5 s for 100,000
paragraphs), so the document is re-parsed with the new body instead (1 s).
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple


def _translation_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in (*range(0x00, 0x20), 0x7F):
        table[code] = chr(0x2400 + code) if code < 0x20 else "\u2421"
    for code in (*range(0x80, 0xA0), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF):
        table[code] = "\ufffd"
    return table


_VISIBLE = _translation_table()
_VISIBLE.update({ord("\t"): "\t", ord("\n"): "\n"})
_XML = dict(_VISIBLE)
_XML.update({
    ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;",
    ord("{"): "&#123;", ord("}"): "&#125;",
    ord("\t"): '</w:t><w:tab/><w:t xml:space="preserve">',
    ord("\n"): '</w:t><w:br/><w:t xml:space="preserve">',
})  # fmt: skip


def visible_text(value: str) -> str:
    """What a reader of the Word file sees for ``value`` (tests and snapshots)."""
    return value.replace("\r\n", "\n").replace("\r", "\n").translate(_VISIBLE)


def docx_text(value: str) -> str:
    """``value`` as the content of a ``<w:t>``: escaped, tabs and breaks as elements."""
    return value.replace("\r\n", "\n").replace("\r", "\n").translate(_XML)


class _RenderBlock(NamedTuple):
    style: Any
    label: Any
    text: Any


def _markup(value: Any) -> Any:
    from markupsafe import Markup

    if isinstance(value, str):
        return Markup(docx_text(value))
    if isinstance(value, dict):
        return {key: _markup(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_markup(item) for item in value]
    return value


def render_context(context: dict[str, Any]) -> dict[str, Any]:
    """The context as the template receives it: every text pre-escaped ``Markup``;
    body blocks reduced to what the template shows."""
    from markupsafe import Markup

    rendered = {key: _markup(value) for key, value in context.items() if key != "blocks"}
    rendered["blocks"] = [
        _RenderBlock(Markup(block["style"]), Markup(docx_text(block["label"])),
                     Markup(docx_text(block["text"])))
        for block in context.get("blocks", ())
    ]  # fmt: skip
    return rendered


@cache
def _oxml_parser() -> Any:
    """python-docx's element classes on a parser that keeps text exactly and
    accepts very long paragraphs (``huge_tree``); never resolves entities."""
    from docx.oxml.parser import element_class_lookup
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, huge_tree=True, no_network=True)
    parser.set_element_class_lookup(element_class_lookup)
    return parser


@cache
def _classes() -> tuple[type, type]:
    """docxtpl and Jinja classes with the template-only work cached (see above)."""
    import marshal
    import sys

    import docxtpl
    import jinja2

    from drafter.render import cache as disk

    versions = f"{docxtpl.__version__}|{jinja2.__version__}|{sys.version}"

    class FastTemplate(docxtpl.DocxTemplate):
        def patch_xml(self, src_xml: str) -> str:
            key = disk.cache_key("patch", versions, src_xml)
            cached = disk.read("patch", key)
            if cached is not None:
                return cached.decode("utf-8")
            patched = super().patch_xml(src_xml)
            disk.write("patch", key, patched.encode("utf-8"))
            return patched

        def resolve_listing(self, xml: str) -> str:
            return xml  # tabs and breaks are already elements (docx_text)

        def map_tree(self, tree: Any) -> None:
            from lxml import etree

            root = self.docx._element
            document = etree.tostring(root, encoding="unicode")
            start = document.index("<w:body")
            end = document.rindex("</w:body>") + len("</w:body>")
            body = etree.tostring(tree, encoding="unicode")
            xml = (document[:start] + body + document[end:]).encode("utf-8")
            new_root = etree.fromstring(xml, _oxml_parser())
            self.docx._part._element = new_root
            self.docx._element = new_root

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

    return FastTemplate, CachingEnvironment


def render_template(template: Path, context: dict[str, Any]) -> Any:
    """Render ``template`` with ``context``; returns the docxtpl document."""
    template_class, environment_class = _classes()
    document = template_class(template)
    environment = environment_class(autoescape=True)
    document.render(render_context(context), jinja_env=environment, autoescape=True)
    return document


def document_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
