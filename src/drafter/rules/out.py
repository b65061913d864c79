"""OUT — outline structure: the problems the outline loader reports, and the
inline suppression comments. These rules find nothing themselves; they are
here so every code the checker can print is documented and selectable."""

from __future__ import annotations

from drafter.i18n import N_
from drafter.rules.base import ERROR, WARNING, MetaRule

_ISSUER = "issuer: {level: ban-thuong-vu-tinh-uy, province: Hậu Giang}\n"


class _Loader(MetaRule):
    severity = ERROR
    example_source = "yaml"


class Syntax(_Loader):
    code = "OUT001"
    name = "yaml-syntax"
    summary = N_("The outline is not valid YAML.")
    explanation = N_(
        "The file cannot be read as YAML: a missing colon, a wrong indentation, a tab used "
        "for indentation, an unclosed quote or bracket, a control character. The message "
        "says what was expected where. Text containing ': ' must be put in quotes."
    )
    wrong = "title: Công tác quý I: nhiệm vụ trọng tâm\n"
    right = 'title: "Công tác quý I: nhiệm vụ trọng tâm"\n'


class DuplicateKey(_Loader):
    code = "OUT002"
    name = "duplicate-key"
    summary = N_("A key is given twice in the same group.")
    explanation = N_(
        "YAML would silently keep only the last value; drafter refuses the outline and names "
        "the line of the first one."
    )
    wrong = "title: Công tác quý I\ntitle: Công tác quý II\n"
    right = "title: Công tác quý I\n"


class UnknownKey(_Loader):
    code = "OUT003"
    name = "unknown-key"
    summary = N_("A key drafter does not know (often a typing slip).")
    explanation = N_(
        "Every key of an outline has a meaning (see drafter schema). An unknown key is "
        "reported with the closest known one, so 'titel' suggests 'title'."
    )
    wrong = "titel: Công tác quý I năm 2024\n"
    right = "title: Công tác quý I năm 2024\n"


class WrongType(_Loader):
    code = "OUT004"
    name = "wrong-type"
    summary = N_("A value has the wrong kind: text, list or group where another is expected.")
    explanation = N_(
        "For example 'recipients' is a list (lines starting with '- '), 'issuer' a group of "
        "keys, 'draft' true, false or a number."
    )
    wrong = "recipients: Lưu Văn phòng Tỉnh ủy.\n"
    right = "recipients:\n  - Lưu Văn phòng Tỉnh ủy.\n"


class MissingKey(_Loader):
    code = "OUT005"
    name = "missing-key"
    summary = N_("A required key is missing or empty.")
    explanation = N_(
        "An outline needs at least its title; the issuer, the place and the date may come from "
        "drafter.yaml, and a final document (draft: false, or build --final) needs its number, "
        "full date and signer."
    )
    wrong = "type: chuong-trinh\ndate: 2023\n"
    right = "type: chuong-trinh\ndate: 2023\ntitle: Công tác quý I năm 2024\n"


class BadValue(_Loader):
    code = "OUT006"
    name = "bad-value"
    summary = N_("A value has the right kind but cannot be used.")
    explanation = N_(
        "An impossible date (2023-02-30), an unknown document type or numbering style, a "
        "number with letters, an empty section."
    )
    wrong = "date: 30/02/2024\n"
    right = "date: 29/02/2024\n"


class Unsupported(_Loader):
    code = "OUT007"
    name = "unsupported-yaml"
    summary = N_("YAML features drafter does not accept: anchors, aliases, tags, merge keys.")
    explanation = N_(
        "Outlines are plain text for people; anchors (&), aliases (*), tags (!!) and merge "
        "keys (<<) make them hard to read and can be abused, so they are refused."
    )
    wrong = "title: &t Công tác quý I\nclosing: *t\n"
    right = "title: Công tác quý I\nclosing: Công tác quý I\n"


class Encoding(_Loader):
    code = "OUT008"
    name = "not-utf8"
    summary = N_("The file is not saved as UTF-8 text.")
    explanation = N_(
        "Outlines are UTF-8 (or UTF-16 with a byte order mark). Files saved in an old "
        "Vietnamese encoding (TCVN3, VNI) must be converted to Unicode first."
    )
    example_source = "none"


class UnusedSuppression(MetaRule):
    code = "OUT009"
    name = "unused-suppression"
    severity = WARNING
    example_source = "yaml"
    summary = N_("A '# drafter: ignore[…]' comment suppresses nothing.")
    explanation = N_(
        "A suppression comment hides findings on its own line or, on a line of its own, on "
        "the line or block that follows. When none of the codes it names was found there, "
        "the comment is stale (the text was corrected) and should be removed."
    )
    message = N_("'{codes}' is suppressed here but nothing was found")
    wrong = f"{_ISSUER}title: Công tác quý I năm 2024  # drafter: ignore[TXT001]\n"
    right = f"{_ISSUER}title: Công tác quý I năm 2024\n"


class UnknownSuppression(MetaRule):
    code = "OUT010"
    name = "unknown-rule-in-suppression"
    severity = WARNING
    example_source = "yaml"
    summary = N_("A suppression comment names a rule that does not exist.")
    explanation = N_(
        "The codes in '# drafter: ignore[…]' are rule codes (TXT001), families (TXT) or rule "
        "names (repeated-word); see drafter rules."
    )
    message = N_("unknown rule '{code}' in a suppression comment")
    wrong = f"{_ISSUER}title: Công tác quý I năm 2024  # drafter: ignore[TXT999]\n"
    right = f"{_ISSUER}title: Công tác quý I năm 2024\n"


RULES = (
    Syntax(), DuplicateKey(), UnknownKey(), WrongType(), MissingKey(), BadValue(),
    Unsupported(), Encoding(), UnusedSuppression(), UnknownSuppression(),
)  # fmt: skip
