"""The one gate for user-facing text (gettext catalogs managed with Babel).

Message ids are English; the ``vi`` catalog translates them. Vietnamese is the
default; English is chosen with ``--lang en``, ``DRAFTER_LANG=en`` or an
English locale in the environment (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG``). Catalogs live in ``drafter/locale/<lang>/LC_MESSAGES/drafter.po``;
``scripts/i18n.py`` extracts, updates and compiles them with ``pybabel``.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "drafter"
LOCALE_DIR = Path(__file__).parent / "locale"
SUPPORTED_LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations | None = None
_language: str | None = None


def _language_from_tag(tag: str) -> str | None:
    """``en_US.UTF-8`` -> ``en``; ``C``/``POSIX``/unknown -> None."""
    for part in tag.split(":"):
        code = part.split(".")[0].split("_")[0].split("-")[0].strip().lower()
        if code in SUPPORTED_LANGUAGES:
            return code
    return None


def detect_language(explicit: str | None = None, environ: dict[str, str] | None = None) -> str:
    """The language to speak: explicit choice, then environment, then Vietnamese."""
    if explicit:
        chosen = _language_from_tag(explicit)
        if chosen is None:
            raise ValueError(explicit)
        return chosen
    env = os.environ if environ is None else environ
    if env.get("DRAFTER_LANG"):
        chosen = _language_from_tag(env["DRAFTER_LANG"])
        if chosen:
            return chosen
    for variable in _LOCALE_VARIABLES:
        value = env.get(variable)
        if value:
            return _language_from_tag(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(language: str | None = None) -> str:
    """Select the catalog for all later messages; returns the language chosen."""
    global _translation, _language
    _language = detect_language(language)
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[_language], fallback=True
    )
    return _language


def current_language() -> str:
    if _language is None:
        set_language()
    assert _language is not None
    return _language


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated later, where it is shown."""
    return message


def _(message: str) -> str:
    """Translate ``message`` (an English message id) into the current language."""
    if _translation is None:
        set_language()
    assert _translation is not None
    return _translation.gettext(message)


def in_every_language(message: str) -> set[str]:
    """``message`` as it reads in each language drafter speaks (to recognise text
    drafter wrote into a file in an earlier run, whatever the language then)."""
    return {
        gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
        ).gettext(message)
        for language in SUPPORTED_LANGUAGES
    }


def ngettext(singular: str, plural: str, count: int) -> str:
    if _translation is None:
        set_language()
    assert _translation is not None
    return _translation.ngettext(singular, plural, count)
