"""Organisation settings: ``drafter.yaml`` in the working folder or a parent.

Found like ruff finds its configuration: the nearest ``drafter.yaml`` walking
up from the working directory (``DRAFTER_SETTINGS`` names one explicitly).
Read with the outline loader, so its errors are reported exactly like outline
errors (file:line:col, all at once, exit 2). Outlines may override any value.

Sections (each optional):

* ``format``      the format rule pack in use (``hd36_2018``)
* ``issuer``      the issuing body: ``level`` and the names of the province,
                  district, commune or unit (data/issuers.yaml), or the lines
                  written out (``name``, ``superior``, ``code``)
* ``place``       the place name of the date line (default: the province)
* ``signature``   the usual signature form (``form``, ``deputy``)
* ``signers``     the signer's name by position (``BÍ THƯ: Nguyễn Văn A``)
* ``recipients``  the usual recipients, ``archive`` the "Lưu …" line
* ``numbering``   numbering style for every type; ``types`` per-type settings
* ``check``       linter settings (``drafter check``): ``select``, ``ignore``,
                  ``references``, ``severity``, ``tone_marks``

How these layer with an outline: ``drafter.resolve``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from drafter.i18n import N_
from drafter.model import Doc, Issuer, Signature
from drafter.positions import PositionMap

SETTINGS_NAME = "drafter.yaml"


@dataclass(kw_only=True, slots=True)
class SeverityOverrides:
    """``check: severity:`` — rules reported at another severity than their own."""

    error: Annotated[list[str], Doc("Báo là lỗi (error)")] = field(default_factory=list)
    warning: Annotated[list[str], Doc("Báo là cảnh báo (warning)")] = field(default_factory=list)
    info: Annotated[list[str], Doc("Báo là lưu ý (info)")] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class CheckSettings:
    """``check:`` — which rules run, at which severity, and the reference register."""

    select: Annotated[list[str], Doc("Chỉ chạy các quy tắc này (mã hoặc họ: CIT, TXT001)")] = field(
        default_factory=list
    )
    ignore: Annotated[list[str], Doc("Bỏ qua các quy tắc này")] = field(default_factory=list)
    references: Annotated[str | None, Doc("Tệp danh mục văn bản (references.yaml)")] = None
    severity: Annotated[SeverityOverrides, Doc("Đổi mức độ của quy tắc")] = field(
        default_factory=SeverityOverrides
    )
    tone_marks: Annotated[
        str | None, Doc("Cách đặt dấu thanh: new (hòa, thủy) hoặc old (hoà, thuỷ)")
    ] = None

    def problems(self) -> list[tuple[str | None, str, str]]:
        if self.tone_marks is not None and self.tone_marks not in ("old", "new"):
            return [
                (
                    "tone_marks",
                    "tone_marks",
                    N_("'{key}' is 'new' (hòa, thủy) or 'old' (hoà, thuỷ)"),
                )
            ]
        return []


@dataclass(kw_only=True, slots=True)
class TypeSettings:
    """``types: {ke-hoach: …}`` — settings for one document type."""

    numbering: Annotated[str | None, Doc("Kiểu đánh số cho loại văn bản này")] = None
    task_table: Annotated[bool | None, Doc("true: in phụ lục bảng nhiệm vụ")] = None
    task_order: Annotated[str | None, Doc("Thứ tự bảng nhiệm vụ: outline, deadline, lead")] = None
    signature: Annotated[Signature | None, Doc("Thể thức đề ký thường dùng cho loại này")] = None
    recipients: Annotated[list[str], Doc("Nơi nhận thường dùng cho loại này")] = field(
        default_factory=list
    )


@dataclass(kw_only=True, slots=True)
class Settings:
    """The whole ``drafter.yaml``."""

    format: Annotated[str, Doc("Bộ quy tắc thể thức, ví dụ hd36_2018")] = "hd36_2018"
    issuer: Annotated[Issuer | None, Doc("Cơ quan ban hành: cấp và tên tỉnh, huyện, xã …")] = None
    place: Annotated[str | None, Doc("Địa danh ghi ở dòng ngày tháng; mặc định tên tỉnh")] = None
    signature: Annotated[Signature | None, Doc("Thể thức đề ký thường dùng (form, deputy)")] = None
    signers: Annotated[
        dict[str, str], Doc("Họ tên người ký theo chức vụ, ví dụ BÍ THƯ: Nguyễn Văn A")
    ] = field(default_factory=dict)
    recipients: Annotated[list[str], Doc("Nơi nhận thường dùng (trước dòng Lưu)")] = field(
        default_factory=list
    )
    archive: Annotated[str | None, Doc("Dòng lưu, ví dụ Lưu Văn phòng Tỉnh ủy.")] = None
    numbering: Annotated[str | None, Doc("Kiểu đánh số cho mọi loại văn bản")] = None
    types: Annotated[
        dict[str, TypeSettings], Doc("Thiết lập riêng từng loại văn bản (ke-hoach: …)")
    ] = field(default_factory=dict)
    check: Annotated[CheckSettings, Doc("Thiết lập kiểm tra")] = field(
        default_factory=CheckSettings
    )


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    path: Path | None  # None when no drafter.yaml was found (all defaults)
    positions: PositionMap | None = None  # where each value is, to locate problems
    text: str = ""


def find_settings(start: Path | None = None) -> Path | None:
    """The nearest ``drafter.yaml`` from ``start`` (default: cwd) upwards."""
    explicit = os.environ.get("DRAFTER_SETTINGS")
    if explicit:
        return Path(explicit)
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / SETTINGS_NAME
        if path.is_file():
            return path
    return None


def settings_for(document: Path) -> LoadedSettings:
    """The settings that apply to ``document``: the nearest ``drafter.yaml``
    from its folder upwards, else from the working directory upwards."""
    path = find_settings(Path(document).parent)
    if path is None and not os.environ.get("DRAFTER_SETTINGS"):
        path = find_settings()
    return load_settings(path, search=False)


def load_settings(path: Path | None = None, *, search: bool = True) -> LoadedSettings:
    """Read ``path`` (or the one ``find_settings`` finds); defaults when none."""
    from drafter.convert import convert
    from drafter.errors import OutlineError
    from drafter.loader import issue_problems, parse_yaml, read_text

    if path is None and search:
        path = find_settings()
    if path is None:
        return LoadedSettings(Settings(), None)
    display = str(path)
    text = read_text(path, display)
    parsed = parse_yaml(text, display)
    data = parsed.data if parsed.data is not None else {}
    settings, issues = convert(Settings, data)
    problems = parsed.problems + issue_problems(issues, parsed.positions, text, display)
    if problems:
        raise OutlineError(problems[0].message, problems)
    return LoadedSettings(settings, path, parsed.positions, text)
