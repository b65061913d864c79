"""Layering and derivation: built-in defaults < drafter.yaml < outline.

``resolve`` takes an outline and the organisation settings and works out every
value the document shows: the issuer block (from ``issuer.level`` and the
names, data/issuers.yaml), the symbol (type code + issuer codes), the place,
the signature (form → authority and position; the signer's name from
``signers``), Nơi nhận ending with "Lưu …", the numbering style, the task
table, the enacting line of a decision and, for ``final``, whether number,
full date and signer are there. Pure: no files are read here.

Problems are ``Found`` records naming the layer (``outline`` or ``settings``)
whose value is wrong, with the path of that value, so the caller can point at
the right file, line and column.

Layering rules (README "drafter.yaml"): a value in the outline wins over the
same value in drafter.yaml, which wins over the built-in default. For the
issuer and the signature a layer that names the level (or the issuer's name),
or the signature form, starts that block afresh: lines written out in a lower
layer do not leak into it; the names of the province, district and commune
always carry through.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from drafter import doctypes, issuers
from drafter.convert import Issue
from drafter.dates import DocumentDate
from drafter.doctypes import DocumentType
from drafter.i18n import N_
from drafter.model import CopyMark, Issuer, JointIssuer, Outline, Signature
from drafter.positions import NodePath
from drafter.settings import Settings, TypeSettings

OUTLINE, SETTINGS = "outline", "settings"
DEFAULT_LEVEL = "ban-thuong-vu-tinh-uy"  # the usual author of a provincial office's drafts
TASK_ORDERS = ("outline", "deadline", "lead")
FINAL_MISSING = "final_missing"
BAD_VALUE = issuers.BAD_VALUE
ARCHIVE_WORD = "Lưu"

_NAME_FIELDS = ("province", "province_kind", "district", "district_kind", "commune",
                "commune_kind", "unit")  # fmt: skip
_IDENTITY_FIELDS = ("level", "name", "superior", "code")


class Found(NamedTuple):
    """A problem in one layer: ``outline`` or ``settings``, at ``issue.path``."""

    layer: str
    issue: Issue


class Signer(NamedTuple):
    authority: str
    position: str
    name: str


class ResolvedCopy(NamedTuple):
    """The components of a copy (bản sao), every value worked out."""

    kind: str  # SAO Y BẢN CHÍNH
    superior: str | None
    issuer: str
    symbol: str  # BS/VPTU
    number: str | None
    place: str
    date: DocumentDate
    signer: Signer
    recipients: tuple[str, ...]


class ResolvedDocument(NamedTuple):
    """An outline with every derived value filled in, ready for the template."""

    outline: Outline  # symbol, place, date, draft, numbering, recipients effective
    doctype: DocumentType
    format_name: str
    issuer_names: tuple[str, ...]  # the lead issuer, then the joint ones, as printed
    superior: str | None
    body: str | None  # the issuer in running text ("Ban Thường vụ Tỉnh ủy")
    signers: tuple[Signer, ...]  # the lead issuer first, then the joint ones
    enacting: str | None
    task_table: bool
    task_order: str
    final: bool
    copy: ResolvedCopy | None


def _issue(path: NodePath, message: str, kind: str = BAD_VALUE, at_key: bool | None = None,
           **params: object) -> Issue:  # fmt: skip
    """A problem at ``path``; missing values are shown at their key by default."""
    if at_key is None:
        at_key = kind == FINAL_MISSING
    return Issue(path, kind, message, dict(params), at_key=at_key)


def merge_issuer(lower: Issuer | None, upper: Issuer | None) -> Issuer | None:
    """``upper`` over ``lower``; naming a level or a name replaces the identity."""
    if upper is None or lower is None:
        return upper or lower
    names = {
        field: getattr(upper, field) if getattr(upper, field) is not None else getattr(lower, field)
        for field in _NAME_FIELDS
    }
    if upper.level is not None or upper.name is not None:
        identity = {field: getattr(upper, field) for field in _IDENTITY_FIELDS}
        if upper.level is None:
            identity["level"] = lower.level
    else:
        identity = {
            field: getattr(upper, field)
            if getattr(upper, field) is not None
            else getattr(lower, field)
            for field in _IDENTITY_FIELDS
        }
    return Issuer(**names, **identity)


def merge_signature(layers: list[tuple[Signature | None, str, NodePath]]) -> tuple[
    Signature, dict[str, tuple[str, NodePath]]
]:  # fmt: skip
    """The layers' signatures (lowest first) merged, and where each field came from."""
    fields = {"form": None, "deputy": None, "authority": None, "position": None, "name": None}
    origin: dict[str, tuple[str, NodePath]] = {}
    for signature, layer, prefix in layers:
        if signature is None:
            continue
        if signature.form is not None or signature.deputy is not None:
            fields["authority"] = fields["position"] = None
        for key in fields:
            value = getattr(signature, key)
            if value is not None:
                fields[key] = value
                origin[key] = (layer, (*prefix, key))
    return Signature(**fields), origin


class _Resolver:
    def __init__(self, outline: Outline, settings: Settings, final: bool, today: dt.date) -> None:
        self.outline = outline
        self.settings = settings
        self.final = final
        self.today = today
        self.found: list[Found] = []
        self.doctype = doctypes.get_type(outline.type)
        self.type_settings = settings.types.get(outline.type) or TypeSettings()
        self.unknown_level = False  # reported once; what it would give is not reported again
        for key in settings.types:
            if key not in doctypes.type_keys():
                self.unknown(
                    SETTINGS,
                    ("types", key),
                    N_("unknown document type '{value}'; known types: {known}"),
                    key,
                    doctypes.type_keys(),
                    at_key=True,
                )

    def add(self, layer: str, path: NodePath, message: str, kind: str = BAD_VALUE,
            at_key: bool | None = None, **params: object) -> None:  # fmt: skip
        self.found.append(Found(layer, _issue(path, message, kind, at_key, **params)))

    def unknown(self, layer: str, path: NodePath, message: str, value: object,
                choices: object, at_key: bool = False) -> None:  # fmt: skip
        """``value`` is not one of ``choices``: say so, listing them (and the closest)."""
        import difflib

        names = [str(choice) for choice in choices]  # type: ignore[attr-defined]
        close = difflib.get_close_matches(str(value), names, n=1)
        self.add(layer, path, message, BAD_VALUE, at_key, value=value, known=", ".join(names),
                 suggestion=close[0] if close else None)  # fmt: skip

    # ------------------------------------------------------------------ issuer

    def issuer_layer(self, field: str) -> str:
        """The layer whose issuer gave ``field`` (the outline when neither did)."""
        outline_issuer, settings_issuer = self.outline.issuer, self.settings.issuer
        if outline_issuer is not None and getattr(outline_issuer, field, None) is not None:
            return OUTLINE
        if settings_issuer is not None and getattr(settings_issuer, field, None) is not None:
            return SETTINGS
        return OUTLINE

    def lead_issuer(self) -> tuple[Issuer, bool]:
        """The merged issuer and whether some layer chose its level."""
        merged = merge_issuer(self.settings.issuer, self.outline.issuer)
        if merged is None:
            self.add(
                OUTLINE,
                ("issuer",),
                N_(
                    "no issuer given: add 'issuer:' (level, province …) to the outline, "
                    "or make a drafter.yaml with 'drafter new --settings'"
                ),
                FINAL_MISSING,
            )
            return Issuer(level=DEFAULT_LEVEL, province="…"), False
        level_chosen = merged.level is not None
        if merged.level is None:
            merged = Issuer(**{**_as_dict(merged), "level": DEFAULT_LEVEL})
        return merged, level_chosen

    def describe(self, issuer: Issuer, prefix: NodePath, layer: str | None = None,
                 ) -> issuers.IssuerInfo:  # fmt: skip
        info, problems = issuers.describe(issuer)
        if issuer.level and issuer.level not in issuers.level_keys():
            self.unknown_level = True
        for problem in problems:
            field = str(problem.path[0])
            where = layer or self.issuer_layer(field)
            self.found.append(Found(where, problem._replace(path=(*prefix, *problem.path))))
        return info

    # ------------------------------------------------------------------ signature

    def signer(self, info: issuers.IssuerInfo, signature: Signature,
               origin: dict[str, tuple[str, NodePath]], default_at: tuple[str, NodePath],
               allowed_by_type: tuple[str, ...], derive: bool,
               level_at: tuple[str, NodePath] | None = None,
               own_office: bool = True) -> Signer:  # fmt: skip
        """Authority and position (given, or worked out from the form) and the name
        (from ``signers`` in drafter.yaml when the signer is of the office itself)."""
        authority, position = signature.authority, signature.position
        if (authority is None or position is None) and derive and info.level is not None:
            derived = self.derived_lines(
                info, signature, origin, level_at or default_at, allowed_by_type
            )
            if derived is not None:
                authority = derived[0] if authority is None else authority
                position = derived[1] if position is None else position
        # Neither written out nor derivable (no level): the lines stay blank, as a
        # draft may not know its signature yet; the checker reports it (HDR).
        name = signature.name
        if name is None and position and own_office:
            name = _lookup_signer(self.settings.signers, position)
        return Signer(authority or "", position or "", name or "")

    def derived_lines(self, info: issuers.IssuerInfo, signature: Signature,
                      origin: dict[str, tuple[str, NodePath]], default_at: tuple[str, NodePath],
                      allowed_by_type: tuple[str, ...]) -> tuple[str, str] | None:  # fmt: skip
        level = info.level
        assert level is not None
        allowed = issuers.forms_for(level, allowed_by_type)
        form = signature.form
        if form is not None:
            layer, path = origin["form"]
            if form not in issuers.signature_forms():
                self.unknown(
                    layer,
                    path,
                    N_("unknown signature form '{value}'; use one of: {known}"),
                    form,
                    issuers.signature_forms(),
                )
                return None
            if form not in allowed:
                self.add(
                    layer,
                    path,
                    N_("'{value}' is not how {issuer} signs a {type} (HD 36 §1.7.1); use: {known}"),
                    value=form,
                    issuer=level.label,
                    type=self.doctype.name,
                    known=", ".join(allowed) or "—",
                )
                return None
        elif not allowed:
            layer, path = default_at
            self.add(
                layer,
                path,
                N_(
                    "a {type} is not signed by {issuer} (HD 36 §1.7.1); choose another "
                    "issuer level, or write the signature out"
                ),
                type=self.doctype.name,
                issuer=level.label,
            )
            return None
        else:
            form = allowed[0]
        lines, missing = issuers.signature_lines(info, form, bool(signature.deputy))
        if lines is None:
            layer, path = origin.get("deputy") or origin.get("form") or default_at
            self.add(
                layer,
                path,
                N_("drafter does not know the {what} for {issuer}: write 'position' yourself"),
                what=", ".join(missing),
                issuer=level.label,
            )
        return lines

    # ------------------------------------------------------------------ the rest

    def symbol(self, codes: list[str | None]) -> str:
        if self.outline.symbol:
            type_code = self.outline.symbol.split("/", 1)[0].strip()
            if "/" not in self.outline.symbol:
                self.add(
                    OUTLINE,
                    ("symbol",),
                    N_("a symbol is the type code, '/', then the issuer code, e.g. {example}"),
                    example=f"{self.doctype.abbr}/TU",
                )
            elif type_code not in self.doctype.abbreviations:
                self.add(
                    OUTLINE,
                    ("symbol",),
                    N_("the type code '{value}' does not fit a {type}: use {known}"),
                    value=type_code,
                    type=self.doctype.name,
                    known=" or ".join(self.doctype.abbreviations),
                )
            return self.outline.symbol
        if any(code is None for code in codes):
            if self.unknown_level:
                return self.doctype.abbr + "/"
            self.add(
                self.issuer_layer("name"),
                ("issuer",),
                N_(
                    "the issuer code of the symbol is not known: give 'symbol:' "
                    "(e.g. {example}) or 'code:' under 'issuer'"
                ),
                example=f"{self.doctype.abbr}/TU",
            )
            return self.doctype.abbr + "/"
        return f"{self.doctype.abbr}/{'-'.join(code for code in codes if code)}"

    def numbering(self) -> str:
        from drafter import numbering

        for value, layer, path in (
            (self.type_settings.numbering, SETTINGS, ("types", self.outline.type, "numbering")),
            (self.settings.numbering, SETTINGS, ("numbering",)),
        ):
            if value is not None and value not in numbering.style_names():
                self.unknown(
                    layer,
                    path,
                    N_("unknown numbering style '{value}'; known styles: {known}"),
                    value,
                    numbering.style_names(),
                )
        chosen = self.outline.numbering or self.type_settings.numbering or self.settings.numbering
        if chosen in numbering.style_names():
            return chosen
        return self.doctype.numbering

    def format_name(self) -> str:
        from drafter.resources import DATA_DIR

        for value, layer in ((self.outline.format, OUTLINE), (self.settings.format, SETTINGS)):
            if value is None:
                continue
            if not (DATA_DIR / "formats" / f"{value}.yaml").is_file() or "/" in value:
                known = sorted(p.stem for p in (DATA_DIR / "formats").glob("*.yaml"))
                self.unknown(
                    layer,
                    ("format",),
                    N_("unknown format rule pack '{value}'; known: {known}"),
                    value,
                    known,
                )
                return "hd36_2018"
            return value
        return "hd36_2018"

    def marks(self, pack: dict) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        lists = pack.get("marks", {})
        for field in ("secrecy", "urgency"):
            value = getattr(self.outline, field)
            if value is None:
                out[field] = None
                continue
            known = lists.get(field, [])
            match = next((k for k in known if k.casefold() == value.strip().casefold()), None)
            if match is None:
                self.unknown(
                    OUTLINE,
                    (field,),
                    N_("unknown mark '{value}'; use one of: {known}"),
                    value,
                    known,
                )
            out[field] = match
        return out

    def recipients(self, archive: str | None) -> list[str]:
        if self.outline.recipients:
            items = list(self.outline.recipients)
        else:
            defaults = self.type_settings.recipients or self.settings.recipients
            items = [*self.doctype.recipients, *defaults]
        archive = self.outline.archive or self.settings.archive or archive
        if archive and not (items and items[-1].strip().startswith(ARCHIVE_WORD)):
            items.append(archive)
        return items

    def task_options(self) -> tuple[bool, str]:
        table = self.outline.task_table
        if table is None:
            table = self.type_settings.task_table
        if table is None:
            table = self.doctype.task_table
        order = self.outline.task_order or self.type_settings.task_order or "outline"
        if order not in TASK_ORDERS:
            layer, path = (
                (OUTLINE, ("task_order",))
                if self.outline.task_order
                else (SETTINGS, ("types", self.outline.type, "task_order"))
            )
            self.unknown(
                layer, path, N_("unknown task order '{value}'; use one of: {known}"), order,
                TASK_ORDERS,
            )  # fmt: skip
            order = "outline"
        return bool(table), order

    def check_final(self, date: DocumentDate | None, signers: list[tuple[Signer, NodePath]],
                    ) -> None:  # fmt: skip
        outline = self.outline
        if not outline.number:
            self.add(
                OUTLINE,
                ("number",),
                N_("the final version needs its number: write e.g. 'number: 05'"),
                FINAL_MISSING,
            )
        if date is None or not date.is_complete:
            self.add(
                OUTLINE,
                ("date",),
                N_("the final version needs its full date: write e.g. 'date: {example}'"),
                FINAL_MISSING,
                at_key=date is None,
                example=self.today.isoformat(),
            )
        for signer, path in signers:
            if not signer.name.strip():
                self.add(
                    OUTLINE,
                    path,
                    N_(
                        "the final version needs the signer's name: write 'name:' under "
                        "'signature' (or list it under 'signers' in drafter.yaml)"
                    ),
                    FINAL_MISSING,
                )


def _as_dict(record: object) -> dict[str, object]:
    import dataclasses

    return {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}  # type: ignore[arg-type]


def _lookup_signer(signers: dict[str, str], position: str) -> str | None:
    wanted = " ".join(position.split()).casefold()
    for key, name in signers.items():
        if " ".join(key.split()).casefold() == wanted:
            return name
    return None


def _joint_issuer(joint: JointIssuer, lead: Issuer) -> Issuer:
    names = {field: getattr(lead, field) for field in _NAME_FIELDS}
    if joint.unit is not None:
        names["unit"] = joint.unit
    return Issuer(**names, level=joint.level, name=joint.name, superior=joint.superior,
                  code=joint.code)  # fmt: skip


def resolve(
    outline: Outline,
    settings: Settings | None = None,
    *,
    final: bool = False,
    today: dt.date | None = None,
    pack: dict | None = None,
) -> tuple[ResolvedDocument, list[Found]]:
    """Every value the document shows, and the problems found on the way."""
    from dataclasses import replace

    settings = settings or Settings()
    today = today or dt.date.today()
    final = final or outline.draft is False
    work = _Resolver(outline, settings, final, today)
    doctype = work.doctype
    format_name = work.format_name()
    if pack is None:
        from drafter.render.context import load_format_pack

        pack = load_format_pack(format_name)

    lead, level_chosen = work.lead_issuer()
    info = work.describe(lead, ("issuer",))
    derive = level_chosen or lead.name is None
    if not derive:  # written out, no level anywhere: guess nothing from the default level
        info = info._replace(level=None, code=lead.code, body=None, archive=None)
    joint_infos = []
    for index, joint in enumerate(outline.joint):
        joint_infos.append(work.describe(_joint_issuer(joint, lead), ("joint", index), OUTLINE))

    signature, origin = merge_signature([
        (settings.signature, SETTINGS, ("signature",)),
        (work.type_settings.signature, SETTINGS, ("types", outline.type, "signature")),
        (outline.signature, OUTLINE, ("signature",)),
    ])  # fmt: skip
    signer_at = (OUTLINE, ("signature",))
    level_at = (work.issuer_layer("level"), ("issuer", "level"))
    signers = [
        (work.signer(info, signature, origin, signer_at, doctype.signature_forms, derive,
                     level_at),
         ("signature", "name"))
    ]  # fmt: skip
    for index, (joint, joint_info) in enumerate(zip(outline.joint, joint_infos, strict=True)):
        prefix = ("joint", index, "signature")
        joint_origin = {key: (OUTLINE, (*prefix, key)) for key in ("form", "deputy")}
        signers.append((
            work.signer(joint_info, joint.signature, joint_origin, (OUTLINE, prefix),
                        doctype.signature_forms, True, (OUTLINE, ("joint", index, "level")),
                        own_office=False),
            (*prefix, "name"),
        ))  # fmt: skip

    symbol = work.symbol([info.code, *(j.code for j in joint_infos)])
    place = outline.place or settings.place or info.place
    if not place:
        work.add(
            OUTLINE,
            ("place",),
            N_(
                "the place name of the date line is missing: write 'place:' here or in drafter.yaml"
            ),
            FINAL_MISSING,
        )
    date = outline.date
    if final:
        work.check_final(date, signers)
    if date is None:
        date = DocumentDate(today.year)
    marks = work.marks(pack)
    task_table, task_order = work.task_options()
    enacting = outline.enacting
    if enacting is None and doctype.enacting:
        if info.body and derive:
            enacting = doctype.enacting.format(body=info.body.upper())
        else:
            work.add(
                OUTLINE,
                ("enacting",),
                N_("write the enacting line, e.g. 'enacting: BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH'"),
                FINAL_MISSING,
            )
    copy = _resolve_copy(work, outline.copy, lead, place or "", pack) if outline.copy else None

    effective = replace(
        outline,
        symbol=symbol,
        place=place or "",
        date=date,
        draft=False if final else outline.draft,
        numbering=work.numbering(),
        recipients=work.recipients(info.archive),
        secrecy=marks["secrecy"],
        urgency=marks["urgency"],
        format=format_name,
    )
    resolved = ResolvedDocument(
        outline=effective,
        doctype=doctype,
        format_name=format_name,
        issuer_names=tuple(name or "" for name in (info.name, *(j.name for j in joint_infos))),
        superior=info.superior,
        body=info.body,
        signers=tuple(signer for signer, _ in signers),
        enacting=enacting,
        task_table=task_table,
        task_order=task_order,
        final=final,
        copy=copy,
    )
    return resolved, work.found


def _resolve_copy(work: _Resolver, copy: CopyMark, lead: Issuer, place: str, pack: dict,
                  ) -> ResolvedCopy:  # fmt: skip
    kinds = pack.get("copy", {}).get("kinds", {})
    kind = kinds.get(copy.kind.strip().casefold())
    if kind is None:
        work.unknown(
            OUTLINE,
            ("copy", "kind"),
            N_("unknown kind of copy '{value}'; use one of: {known}"),
            copy.kind,
            kinds,
        )
        kind = copy.kind.upper()
    issuer = merge_issuer(lead, copy.issuer) or lead
    info = work.describe(issuer, ("copy", "issuer"), OUTLINE)
    prefix = ("copy", "signature")
    origin = {key: (OUTLINE, (*prefix, key)) for key in ("form", "deputy")}
    signer = work.signer(info, copy.signature, origin, (OUTLINE, prefix), (), True)
    if work.final:
        if not copy.number:
            work.add(OUTLINE, ("copy", "number"),
                     N_("the final version needs the copy's number"), FINAL_MISSING)  # fmt: skip
        if copy.date is None or not copy.date.is_complete:
            work.add(OUTLINE, ("copy", "date"),
                     N_("the final version needs the copy's full date"), FINAL_MISSING)  # fmt: skip
        if not signer.name:
            work.add(OUTLINE, (*prefix, "name"),
                     N_("the final version needs the name of the copy's signer"),
                     FINAL_MISSING)  # fmt: skip
    abbr = pack.get("copy", {}).get("abbr", "BS")
    return ResolvedCopy(
        kind=kind,
        superior=info.superior,
        issuer=info.name or "",
        symbol=f"{abbr}/{info.code or ''}",
        number=copy.number,
        place=copy.place or place,
        date=copy.date or DocumentDate(work.today.year),
        signer=signer,
        recipients=tuple(copy.recipients),
    )
