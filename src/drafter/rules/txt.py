"""TXT — text hygiene: slips a reader notices and a spell checker does not.

Word lists live in ``data/check_text.yaml``. The rules look at the prose of the
document (title, headings, body, and where it makes sense recipients and the
signature), never at the blanks of a draft's header ("Số      -CTr/TU",
"ngày      tháng"), leading indentation or trailing spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from drafter import lazyre
from drafter.i18n import N_
from drafter.lazyre import lazy
from drafter.resources import load_data
from drafter.rules.base import ERROR, INFO, SAFE, UNSAFE, WARNING, Hit, ParagraphRule, Rule
from drafter.rules.joined import Joined
from drafter.sources import view
from drafter.vietnamese import NEW, OLD, WORD, move_tone, to_style, tone_placements, words_of

if TYPE_CHECKING:
    from drafter.rules.context import CheckContext
    from drafter.sources.view import Paragraph

PROSE = frozenset({view.TITLE, view.HEADING, view.BODY})
WRITTEN = PROSE | {view.RECIPIENT, view.SIGNATURE}
_LETTER = r"[^\W\d_]"


@cache
def _data() -> dict[str, Any]:
    return load_data("check_text")


def _case_like(model: str, text: str) -> str:
    """``text`` with the first letter's case of ``model``."""
    if model[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


class RepeatedWord(ParagraphRule):
    code = "TXT001"
    name = "repeated-word"
    severity = WARNING
    fixable = SAFE
    summary = N_("A word or group of words is written twice in a row.")
    explanation = N_(
        "A group of two or more words repeated side by side is almost always a slip made "
        "while editing. A single repeated word is reported only for function words "
        "(của, và, các …), because Vietnamese doubles many words on purpose "
        "(người người, nhà nhà). The fix removes the second copy."
    )
    message = N_("'{words}' is written twice")
    wrong = "Tổ chức tổng kết chuyên đề chuyên đề năm 2023."
    right = "Tổ chức tổng kết chuyên đề năm 2023."

    # possessive runs: a word or a gap given back can never let the rest match
    _pattern = lazy(
        rf"(?<!{_LETTER})({_LETTER}++(?:[ \t\u00a0]++{_LETTER}++){{0,3}})"
        rf"[ \t\u00a0]++\1(?!{_LETTER})",
        re.IGNORECASE,
    )

    def candidates(self, ctx: CheckContext) -> list[Paragraph]:
        """The paragraphs in which some group of 1–4 words is followed by itself
        (a test on the coded words of the document, which shares them with
        TXT012; the exact rule, whitespace only between the words, is the
        regex's)."""
        coded = ctx.coded(WRITTEN)
        if not coded.complete:  # too many distinct words to code
            return ctx.paragraphs_in(self.roles)
        paragraphs, lines = [], []
        for paragraph, line in zip(ctx.paragraphs_in(WRITTEN), coded.lines, strict=True):
            if paragraph.role in self.roles:
                paragraphs.append(paragraph)
                lines.append(line)
        return Joined.split("\n".join(lines), paragraphs).holding(_REPEATED_CODES)

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        text = paragraph.text
        function_words = _function_words()
        allowed = _allowed_repeats()
        position = 0
        while True:
            match = self._pattern.search(text, position)
            if match is None:
                return
            kept = match.group(1)
            words = kept.lower().split()
            if (len(words) == 1 and words[0] not in function_words) or " ".join(words) in allowed:
                position = match.start() + len(words[0])
                continue
            yield self.hit(paragraph, match.start(), match.end(), replacement=kept, words=kept)
            position = match.end()


# 1–4 coded words followed by themselves ("." is any word, never a paragraph's end)
_REPEATED_CODES = lazy(r"(.{1,4})\1")


@cache
def _function_words() -> frozenset[str]:
    return frozenset(_data()["repeated_function_words"])


@cache
def _allowed_repeats() -> frozenset[str]:
    return frozenset(_data()["repeated_allowed"])


def _is_gap(text: str) -> bool:
    return bool(text) and text.isspace() and "\n" not in text


class DoubleSpace(ParagraphRule):
    code = "TXT002"
    name = "double-space"
    severity = WARNING
    fixable = SAFE
    roles = WRITTEN
    summary = N_("Two or more spaces between words.")
    explanation = N_(
        "Words are separated by one space; extra spaces show as uneven gaps in a justified "
        "paragraph. Spaces at the start or the end of a line and the blanks left for the "
        "number and the date of a draft are not reported."
    )
    message = N_("{count} spaces in a row; one is enough")
    wrong = "Phát triển kinh tế  - xã hội của tỉnh."
    right = "Phát triển kinh tế - xã hội của tỉnh."
    _pattern = lazy(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
    needle = ("  ", "\u00a0")

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        text = paragraph.text
        for match in self._pattern.finditer(text):
            yield self.hit(
                paragraph, match.start(), match.end(), replacement=" ", count=len(match.group())
            )


class TabInText(ParagraphRule):
    code = "TXT003"
    name = "tab-in-text"
    severity = WARNING
    fixable = SAFE
    roles = WRITTEN
    summary = N_("A tab character inside a line of text.")
    explanation = N_(
        "A tab inside a sentence is a typing slip: it shows as a wide gap, or splits a word "
        "(câ→n đối). Tabs used to indent a line are not reported. When the tab sits next to a "
        "space or a punctuation mark the fix turns it into one space; when it splits a word "
        "there is no automatic fix, because only the writer knows whether a space belongs there."
    )
    message = N_("a tab character inside the text: '{context}'")
    wrong = "Đảm bảo câ\tn đối ngân sách."
    right = "Đảm bảo cân đối ngân sách."
    _pattern = lazy(r"(?<=\S)[\t]+(?=\S)|(?<=\S) *\t[ \t]*(?=\S)")
    needle = ("\t",)

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        text = paragraph.text
        for match in self._pattern.finditer(text):
            before, after = text[match.start() - 1], text[match.end()]
            context = _word_around(text, match.start(), match.end())
            if before.isalpha() and after.isalpha() and match.group() == "\t" * len(match.group()):
                yield self.hit(paragraph, match.start(), match.end(), context=context)
            else:
                yield self.hit(
                    paragraph, match.start(), match.end(), replacement=" ", context=context
                )


def _word_around(text: str, start: int, end: int) -> str:
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right].replace("\t", "→")


class InvisibleCharacter(ParagraphRule):
    code = "TXT004"
    name = "invisible-character"
    severity = WARNING
    fixable = SAFE
    roles = WRITTEN | {view.HEADER, view.TYPE_NAME}
    summary = N_("A control character or an invisible character in the text.")
    explanation = N_(
        "Characters that do not print — control characters, zero-width spaces, soft hyphens, "
        "direction marks — come from copying text out of web pages, PDFs or other programs. "
        "They break searching and comparing, and direction marks can make text display in a "
        "different order than it is stored. The fix removes them. A no-break space is allowed."
    )
    message = N_("invisible character U+{code:04X} ({name}); remove it")
    wrong = "Tăng cường công tác\u200b quản lý thị trường."
    right = "Tăng cường công tác quản lý thị trường."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for paragraph in ctx.document.paragraphs:
            if paragraph.role in self.roles:
                yield from self.check_paragraph(paragraph, ctx)

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        if paragraph.text.isprintable():
            return
        names = _data()["invisible_characters"]
        for match in _invisible_pattern().finditer(paragraph.text):
            char = match.group()
            name = names.get(char) or unicodedata.name(char, "control character").lower()
            yield self.hit(
                paragraph, match.start(), match.end(), replacement="", code=ord(char), name=name
            )


@cache
def _invisible_pattern() -> re.Pattern[str]:
    chars = "".join(re.escape(c) for c in _data()["invisible_characters"])
    return lazyre.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{chars}]")


_OPENERS, _CLOSERS = {"(": ")", "[": "]"}, {")": "(", "]": "["}
_BRACKET = lazy(r"[()\[\]]")
_QUOTE = lazy("[“”]")
_ENUMERATOR = lazy(r"(?:^|(?<=[\s,;:]))[a-zđA-ZĐ0-9]{1,2}\)")


class UnbalancedBrackets(ParagraphRule):
    code = "TXT005"
    name = "unbalanced-brackets"
    severity = ERROR
    roles = WRITTEN
    summary = N_("A bracket is opened and never closed, or closed and never opened.")
    explanation = N_(
        "Every '(' and '[' needs its ')' and ']' in the same paragraph. The finding points at "
        "the bracket left alone. Enumerations written as 'a)', 'b)' or '1)' are not brackets."
    )
    message = N_("'{bracket}' is opened here and never closed")
    wrong = "Kỷ niệm 20 năm ngày thành lập tỉnh (01/01/2004 - 01/01/2024, kỷ niệm 94 năm."
    right = "Kỷ niệm 20 năm ngày thành lập tỉnh (01/01/2004 - 01/01/2024), kỷ niệm 94 năm."

    needle = ("(", ")", "[", "]")

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        text = paragraph.text
        enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(text)}
        stack: list[int] = []
        for found in _BRACKET.finditer(text):
            offset, char = found.start(), found.group()
            if char in _OPENERS:
                stack.append(offset)
            elif char in _CLOSERS:
                if offset in enumerators and not (stack and text[stack[-1]] == "("):
                    continue
                if stack and text[stack[-1]] == _CLOSERS[char]:
                    stack.pop()
                elif stack and _CLOSERS[char] in (text[i] for i in stack):
                    opener = stack.pop()
                    yield self.hit(paragraph, opener, opener + 1, bracket=text[opener])
                    while stack and text[stack[-1]] != _CLOSERS[char]:
                        stack.pop()
                    if stack:
                        stack.pop()
                else:
                    yield self.hit(
                        paragraph,
                        offset,
                        offset + 1,
                        N_("'{bracket}' is closed here but was never opened"),
                        bracket=char,
                    )
        for opener in stack:
            yield self.hit(paragraph, opener, opener + 1, bracket=text[opener])


class UnbalancedQuotes(Rule):
    code = "TXT006"
    name = "unbalanced-quotes"
    severity = WARNING
    summary = N_("A quotation mark is opened and never closed, or closed and never opened.")
    explanation = N_(
        "Curly quotes come in pairs: “ opens and ” closes. A quotation may run over several "
        "paragraphs, so an opening “ is matched with the first unmatched ” that follows, in "
        'the same paragraph or a later one. Straight quotes (") are counted within a '
        "paragraph: an odd number means one is missing."
    )
    message = N_("'“' is opened here and never closed")
    wrong = "Phát động phong trào thi đua “Dân vận khéo trong xây dựng nông thôn mới."
    right = "Phát động phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        open_quotes: list[tuple[Paragraph, int]] = []
        for paragraph in ctx.document.paragraphs:
            if paragraph.role not in WRITTEN:
                continue
            text = paragraph.text
            if paragraph.role == view.HEADING and open_quotes:
                yield from self._unclosed(open_quotes)
                open_quotes = []
            for found in _QUOTE.finditer(text) if ("“" in text or "”" in text) else ():
                offset, char = found.start(), found.group()
                if char == "“":
                    open_quotes.append((paragraph, offset))
                elif char == "”":
                    if open_quotes:
                        open_quotes.pop()
                    else:
                        yield self.hit(
                            paragraph,
                            offset,
                            offset + 1,
                            N_("'”' closes a quotation that was never opened"),
                        )
            if text.count('"') % 2:
                last = text.rfind('"')
                yield self.hit(
                    paragraph, last, last + 1, N_('an odd number of straight quotes (")')
                )
        yield from self._unclosed(open_quotes)

    def _unclosed(self, open_quotes: list[tuple[Paragraph, int]]) -> Iterator[Hit]:
        for paragraph, offset in open_quotes:
            yield self.hit(paragraph, offset, offset + 1)


_TOKEN = lazy(r"\S+")
_SENTENCES = frozenset({view.HEADING, view.BODY})
_URL_LIKE = lazy(r"://|@|www\.|\.(?:vn|com|org|net|gov|edu|info)\b", re.IGNORECASE)
_CAPITALS_ABBREVIATION = lazy(r"^(?:[A-ZĐƯ]{1,4}\.)+[A-ZĐƯ]{1,5}\.?$")
_LETTERS_ABBREVIATION = lazy(r"^(?:[^\W\d_]\.){2,}$|^(?:[^\W\d_]\.)+[^\W\d_]$")


def _is_abbreviation(token: str) -> bool:
    """``v.v.``, ``TP.HCM``, ``Th.S.`` or a listed abbreviation (data/check_text.yaml)."""
    token = token.strip("“”\"'()[],;:")
    if not token:
        return False
    listed = _data()["dotted_abbreviations"]
    if token in listed or f"{token}." in listed:
        return True
    return bool(_CAPITALS_ABBREVIATION.match(token) or _LETTERS_ABBREVIATION.match(token))


def _token_at(text: str, offset: int) -> str:
    start = offset
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = offset
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


# One pass over the text for the three rules about the marks , ; : ! ? . — the
# pattern starts with the marks, rare characters the regex engine skips to
# quickly; each empty group says whether a mark matters to one rule (a letter
# right after it, a space before it, another mark after it), and the match
# fails when it matters to none.
_MARKS = lazy(
    r"[,;:!?.]"
    rf"(?:(?P<TXT007>(?={_LETTER}))|)"
    r"(?:(?P<TXT013>(?<=[ \u00a0].))|)"
    r"(?:(?P<TXT014>(?<=[,;:.])(?=[,;:.]))|)"
    r"(?(TXT007)|(?(TXT013)|(?(TXT014)|(?!))))"
)


def _marked(ctx: CheckContext, code: str) -> list[Paragraph]:
    """The paragraphs with a mark that matters to rule ``code`` (see ``_MARKS``)."""
    found = ctx.cache.get("txt.marks")
    if found is None:
        found = ctx.cache["txt.marks"] = ctx.joined(WRITTEN).holding_each(_MARKS)
    return found.get(code, [])


class _MarkRule(ParagraphRule):
    """A rule about the marks , ; : ! ? . (its paragraphs come from ``_MARKS``)."""

    roles = WRITTEN

    def candidates(self, ctx: CheckContext) -> list[Paragraph]:
        return _marked(ctx, self.code)


class MissingSpaceAfterPunctuation(_MarkRule):
    code = "TXT007"
    name = "missing-space-after-punctuation"
    severity = WARNING
    fixable = SAFE
    roles = WRITTEN
    summary = N_("No space after a comma, semicolon, colon, full stop, '?' or '!'.")
    explanation = N_(
        "A punctuation mark is followed by a space before the next word. Numbers (1,5; 8:30), "
        "dates, abbreviations written with dots (v.v., TP.HCM) and web or e-mail addresses "
        "are not reported."
    )
    message = N_("no space after '{mark}'")
    wrong = "Quan tâm công tác an sinh xã hội;chăm lo gia đình chính sách."
    right = "Quan tâm công tác an sinh xã hội; chăm lo gia đình chính sách."
    _pattern = lazy(rf"[,;:!?.](?={_LETTER})")

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        text = paragraph.text
        for match in self._pattern.finditer(text):
            offset = match.start()
            token = _token_at(text, offset)
            if _URL_LIKE.search(token) or _is_abbreviation(token):
                continue
            if match.group() == "." and offset > 0 and text[offset - 1].isdigit():
                continue
            yield self.hit(paragraph, offset + 1, offset + 1, replacement=" ", mark=match.group())


class SentenceStartLowercase(Rule):
    code = "TXT008"
    name = "sentence-start-lowercase"
    severity = WARNING
    fixable = UNSAFE
    summary = N_("A sentence starts with a lower-case letter.")
    explanation = N_(
        "After a full stop, '?' or '!' the next sentence starts with a capital letter, and so "
        "does a paragraph that follows a finished sentence. Items of a list (after ':' or ';'), "
        "the title (which may begin with 'về') and text after abbreviations such as 'v.v.' "
        "are not reported. The fix capitalises the letter; it is not applied automatically "
        "because the full stop itself may be the slip."
    )
    message = N_("the sentence starts with a lower-case letter: '{word}'")
    wrong = "Hoàn thành chỉ tiêu giao quân. tập trung lãnh đạo công tác quốc phòng."
    right = "Hoàn thành chỉ tiêu giao quân. Tập trung lãnh đạo công tác quốc phòng."
    _inside = lazy(rf"[.!?]([\s\"“”'’)]+)({_LETTER}+)")

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        yield from self._paragraph_starts(ctx)
        # inside paragraphs: one pass over the joined text; a match that runs from
        # the end of one paragraph into the next is the paragraph start's business
        joined = ctx.joined(_SENTENCES)
        for match in self._inside.finditer(joined.text):
            word = match.group(2)
            if not word[0].islower():
                continue
            paragraph, start = joined.locate(match.start())
            word_paragraph, word_start = joined.locate(match.start(2))
            if word_paragraph is not paragraph:
                continue
            text = paragraph.text
            before = text[:start].rstrip()
            if before.endswith(("...", "…")):
                continue
            token = _token_at(text, len(before) - 1)
            if _is_abbreviation(token) or _URL_LIKE.search(token):
                continue
            yield self._hit(paragraph, word_start, word)

    def _paragraph_starts(self, ctx: CheckContext) -> Iterator[Hit]:
        """A body paragraph starting in lower case after a finished sentence."""
        previous: Paragraph | None = None
        for paragraph in ctx.document.paragraphs:
            if paragraph.role not in _SENTENCES:
                previous = None
                continue
            if (
                paragraph.role == view.BODY
                and previous is not None
                and previous.text.rstrip().endswith((".", "!", "?"))
                and (paragraph.parsed_label is None or paragraph.parsed_label.kind
                     in ("roman", "arabic", "decimal"))
            ):  # fmt: skip
                text = paragraph.text
                first = WORD.search(text)
                if (
                    first is not None
                    and first.group()[0].islower()
                    and not text[: first.start()].strip()
                ):
                    yield self._hit(paragraph, first.start(), first.group())
            previous = paragraph

    def _hit(self, paragraph: Paragraph, start: int, word: str) -> Hit:
        return self.hit(
            paragraph,
            start,
            start + 1,
            replacement=word[0].upper(),
            applicability=UNSAFE,
            word=word,
        )


def _both_styles(text: str) -> set[str]:
    return {text, to_style(text, OLD), to_style(text, NEW)}


@cache
def _capitalisation() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every wrong form (both tone-mark placements, longest first)
    and the right form of each."""
    table: dict[str, str] = {}
    for wrong, right in _data()["capitalisation"].items():
        for variant in _both_styles(wrong):
            table[variant] = right
    forms = sorted(table, key=lambda form: (-len(form), form))  # longest first, stable
    return lazyre.compile("|".join(re.escape(form) for form in forms)), table


class CommitteeCapitalisation(ParagraphRule):
    code = "TXT009"
    name = "committee-capitalisation"
    severity = WARNING
    fixable = SAFE
    roles = WRITTEN
    summary = N_("The name of a Party or state body is capitalised wrongly.")
    explanation = N_(
        "Names of bodies take a capital on their first word and on the word naming the body "
        "(Tỉnh ủy, Ban Thường vụ Tỉnh ủy, Ban Chấp hành Trung ương, Ủy ban nhân dân tỉnh), "
        "not on every word. Text in capitals (the header block) is not checked. The list of "
        "names is in data/check_text.yaml."
    )
    message = N_("write '{right}', not '{wrong}'")
    wrong = "Theo chỉ đạo của Ban Thường Vụ Tỉnh Ủy."
    right = "Theo chỉ đạo của Ban Thường vụ Tỉnh ủy."

    def candidates(self, ctx: CheckContext) -> list[Paragraph]:
        return ctx.holding(self.roles, _capitalisation()[0])

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        text = paragraph.text
        pattern, table = _capitalisation()
        for match in pattern.finditer(text):
            start, end = match.span()
            if not _whole_word(text, start, end):
                continue
            found = match.group()
            right = table[found]
            styles = {style for _s, _e, style in tone_placements(found)}
            fixed = to_style(right, OLD) if styles == {OLD} else right
            yield self.hit(paragraph, start, end, replacement=fixed, right=fixed, wrong=found)


def _whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalpha()) and (
        end == len(text) or not text[end].isalpha()
    )


class NotNfc(Rule):
    code = "TXT010"
    name = "not-nfc"
    severity = WARNING
    fixable = SAFE
    summary = N_("Letters are stored decomposed (not in Unicode NFC).")
    explanation = N_(
        "The same Vietnamese letter can be stored as one character (ế) or as a letter followed "
        "by combining marks (e + ˆ + ´). They look alike, but searching, sorting and "
        "comparing treat them as different text. Text copied from some programs and Macs is "
        "decomposed. The fix stores the letters composed (Unicode NFC)."
    )
    message = N_("'{word}' is stored decomposed (not NFC)")
    wrong = unicodedata.normalize("NFD", "Kế hoạch")
    right = "Kế hoạch"

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for paragraph in ctx.document.paragraphs:
            text = paragraph.text
            if paragraph.role == view.PAGE or unicodedata.is_normalized("NFC", text):
                continue
            words = [m for m in _TOKEN.finditer(text)
                     if not unicodedata.is_normalized("NFC", m.group())]  # fmt: skip
            if not words:
                continue
            start, end = words[0].start(), words[-1].end()
            yield self.hit(
                paragraph,
                start,
                end,
                replacement=unicodedata.normalize("NFC", text[start:end]),
                word=unicodedata.normalize("NFC", words[0].group()),
            )


class MixedToneMarks(Rule):
    code = "TXT011"
    name = "mixed-tone-marks"
    severity = WARNING
    fixable = SAFE
    summary = N_("Tone marks are placed in two ways in one document (hoà and hòa).")
    explanation = N_(
        "In the syllables oa, oe and uy the tone mark may sit on the first vowel (hòa, khỏe, "
        "ủy) or on the second (hoà, khoẻ, uỷ). Party documents use both, but one document "
        "should use one. Syllables written the less common way are reported; set "
        "'check: tone_marks: new' (hòa) or 'old' (hoà) in drafter.yaml to require one."
    )
    message = N_(
        "'{found}' places the tone mark differently from the rest of the document ('{expected}')"
    )
    wrong = "Ban Thường vụ Tỉnh ủy chỉ đạo. Văn phòng Tỉnh uỷ tham mưu."
    right = "Ban Thường vụ Tỉnh ủy chỉ đạo. Văn phòng Tỉnh ủy tham mưu."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        joined = ctx.joined()  # one pass over the document (a pair never spans a line break)
        found = tone_placements(joined.text)  # offsets in the joined text
        if any(paragraph.role == view.PAGE for paragraph in joined.paragraphs):
            found = [place for place in found if joined.locate(place[0])[0].role != view.PAGE]
        if not found:
            return
        chosen = ctx.options.tone_marks
        if chosen not in (OLD, NEW):
            olds = sum(1 for *_rest, style in found if style == OLD)
            if olds == 0 or olds == len(found):
                return
            chosen = OLD if olds > len(found) - olds else NEW
        for joined_start, joined_end, style in found:
            if style == chosen:
                continue
            paragraph, start = joined.locate(joined_start)
            end = start + joined_end - joined_start
            pair = paragraph.text[start:end]
            expected = move_tone(pair, chosen)
            word = _token_word(paragraph.text, start, end)
            yield self.hit(
                paragraph,
                start,
                end,
                replacement=expected,
                found=word,
                expected=word.replace(pair, expected),
            )


def _token_word(text: str, start: int, end: int) -> str:
    left, right = start, end
    while left > 0 and text[left - 1].isalpha():
        left -= 1
    while right < len(text) and text[right].isalpha():
        right += 1
    return text[left:right]


@cache
def _misspellings() -> tuple[re.Pattern[str], dict[str, tuple[str, tuple[str, ...]]]]:
    """One pattern for every misspelling (lower case) and, for each, the right
    spelling and the words after which the letters are two correct words."""
    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    for wrong, entry in _data()["misspellings"].items():
        right = entry if isinstance(entry, str) else entry["right"]
        not_after = () if isinstance(entry, str) else tuple(entry.get("not_after", ()))
        table[wrong.lower()] = (right, not_after)
    forms = sorted(table, key=lambda form: (-len(form), form))  # longest first, stable
    return lazyre.compile("|".join(re.escape(form) for form in forms)), table


@cache
def _misspelt_words() -> dict[str, frozenset[str]] | None:
    """Each misspelling (lower case) -> its words, or None if one is not made of
    whole words."""
    entries = {}
    for form in _misspellings()[1]:
        words = words_of(form)
        if " ".join(words) != form:
            return None
        entries[form] = frozenset(words)
    return entries


class KnownMisspelling(ParagraphRule):
    code = "TXT012"
    name = "known-misspelling"
    severity = WARNING
    fixable = SAFE
    roles = WRITTEN
    summary = N_("A common misspelling (cơ cở, sử lý, bổ xung …).")
    explanation = N_(
        "Reports misspellings that are not Vietnamese words in any reading, from the list in "
        "data/check_text.yaml, and replaces them with the right spelling."
    )
    message = N_("'{wrong}' is misspelt; write '{right}'")
    wrong = "Giải quyết dứt điểm các vụ việc phức tạp ngay tại cơ cở."
    right = "Giải quyết dứt điểm các vụ việc phức tạp ngay tại cơ sở."

    def candidates(self, ctx: CheckContext) -> list[Paragraph]:
        """The paragraphs holding some misspelling, looked for only if every word
        of it is a word of the document (a set of words is much cheaper to test
        than the pattern). The test holds when words are letters only: a match
        stands between two characters that are not letters, so its words are
        words of the text; "lý¹" would be one word."""
        entries = _misspelt_words()
        coded = ctx.coded(self.roles)
        if entries is None or not coded.complete or not coded.letters_only:
            present = tuple(_misspellings()[1])  # every misspelling
        else:
            seen = coded.codes.keys()  # every word of the paragraphs
            present = tuple(form for form, words in entries.items() if words <= seen)
            if not present:
                return []
        return ctx.holding(self.roles, present, lower=True)

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        text = paragraph.text
        lower = text.lower()
        if len(lower) != len(text):
            lower = text
        pattern, table = _misspellings()
        for match in pattern.finditer(lower):
            start, end = match.span()
            if not _whole_word(lower, start, end):
                continue
            right, not_after = table[match.group()]
            before = lower[:start].rstrip().rsplit(None, 1)
            if not_after and before and before[-1] in not_after:
                continue
            found = text[start:end]
            fixed = _case_like(found, right)
            yield self.hit(paragraph, start, end, replacement=fixed, wrong=found, right=fixed)


class SpaceBeforePunctuation(_MarkRule):
    code = "TXT013"
    name = "space-before-punctuation"
    severity = WARNING
    fixable = SAFE
    roles = WRITTEN
    summary = N_("A space before a comma, semicolon, colon, full stop, '?' or '!'.")
    explanation = N_(
        "Punctuation follows the word before it without a space. An ellipsis (...) after a "
        "space is not reported."
    )
    message = N_("a space before '{mark}'")
    wrong = "Chăm lo gia đình chính sách , người nghèo."
    right = "Chăm lo gia đình chính sách, người nghèo."
    _pattern = lazy(r"(?<=[^\W_])[ \u00a0]+([,;:!?]|\.(?!\.))(?=\s|$)")

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        for match in self._pattern.finditer(paragraph.text):
            yield self.hit(
                paragraph,
                match.start(),
                match.start(1),
                replacement="",
                mark=match.group(1),
            )


class DoubledPunctuation(_MarkRule):
    code = "TXT014"
    name = "doubled-punctuation"
    severity = INFO
    roles = WRITTEN
    summary = N_("Two punctuation marks in a row (',.' or ';;').")
    explanation = N_(
        "Two marks such as ',.' or ';;' usually remain after an edit. An ellipsis (...) is not "
        "reported. There is no automatic fix: only the writer knows which mark to keep."
    )
    message = N_("'{marks}': two punctuation marks in a row")
    wrong = "Mua sắm, đấu thầu, đấu giá tài sản công,."
    right = "Mua sắm, đấu thầu, đấu giá tài sản công."
    _pattern = lazy(r"[,;:.]{2,}")

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterator[Hit]:
        for match in self._pattern.finditer(paragraph.text):
            marks = match.group()
            if marks.strip(",;:").startswith("...") or marks.endswith("..."):
                continue  # an ellipsis, before or after a mark: "công,..."
            yield self.hit(paragraph, match.start(), match.end(), marks=marks)


class YearRangeSpacing(ParagraphRule):
    code = "TXT015"
    name = "year-range-spacing"
    severity = INFO
    fixable = SAFE
    summary = N_("A range of years with a space on one side of the dash only (2021 -2025).")
    explanation = N_(
        "A range of years is written with the same spacing on both sides of the dash; Party "
        "documents usually write '2021 - 2025'. The fix puts one space on each side."
    )
    message = N_("'{found}': write '{expected}'")
    wrong = "Báo cáo tổng kết công tác xây dựng Đảng 05 năm (2021 -2025)."
    right = "Báo cáo tổng kết công tác xây dựng Đảng 05 năm (2021 - 2025)."
    _pattern = lazy(r"(?<!\d)(\d{4})( *)([-–])( *)(\d{4})(?!\d)")
    # a space on one side of the dash only (the dash first: rarer than a digit)
    needle = lazy(r"[-–](?:(?<= [-–])\d|(?<=\d[-–]) )")

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterable[Hit]:
        for match in self._pattern.finditer(paragraph.text):
            left, right = match.group(2), match.group(4)
            if bool(left) == bool(right):
                continue
            expected = f"{match.group(1)} {match.group(3)} {match.group(5)}"
            yield self.hit(
                paragraph,
                match.start(),
                match.end(),
                replacement=expected,
                found=match.group(),
                expected=expected,
            )


_BRACKETED = lazy(r"\[[^\[\]\n]+\]")


def _placeholder_key(text: str) -> str:
    """How a placeholder is compared: composed, any case, spaces and "..." as typed."""
    text = unicodedata.normalize("NFC", text).replace("...", "…")
    return " ".join(text.split()).casefold()


@cache
def _placeholder_keys() -> dict[str, str]:
    """Each placeholder's key -> the placeholder as the starters write it."""
    from drafter.starter import placeholders

    return {_placeholder_key(text): text for text in sorted(placeholders())}


class PlaceholderLeft(Rule):
    code = "TXT016"
    name = "placeholder-left"
    severity = ERROR
    summary = N_("Text in [brackets] that 'drafter new' wrote for the clerk to replace.")
    explanation = N_(
        "A starter outline ('drafter new', and the drafter.yaml of 'drafter new --settings') "
        "marks what the clerk has to write with text in square brackets: '[Tên tỉnh]', "
        "'[trích yếu, ví dụ: …]', '[Cơ quan chủ trì]' … Each one left anywhere in the "
        "document is reported: the header (printed in capitals, 'TỈNH ỦY [TÊN TỈNH]'), the "
        "place and date line, the title, the body, a task's owners, the signature, the "
        "recipients, the appendix. It is an error, so a final document is refused while one "
        "is left ('drafter build --final'); a draft is built and the summary counts it. Only "
        "the very texts the starters write are reported (data/starters.yaml, in any case); "
        "other text in square brackets, such as a note '[1]' or an omission '[…]' in a "
        "quotation, is not."
    )
    message = N_("'{text}' was left from the starter outline; write the document's own text")
    wrong = "Thực hiện [văn bản cấp trên], Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:"
    right = (
        "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy "
        "xây dựng Kế hoạch như sau:"
    )

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        keys: dict[str, str] | None = None
        for paragraph in ctx.document.paragraphs:
            text = paragraph.text
            if "[" not in text:
                continue
            for match in _BRACKETED.finditer(text):
                if keys is None:
                    keys = _placeholder_keys()
                found = keys.get(_placeholder_key(match.group()))  # as the starter wrote it
                if found is None:
                    continue
                settings = _from_settings(ctx, found)
                if settings is not None:
                    yield self.hit(
                        paragraph, match.start(), match.end(),
                        N_("'{text}' was left from the starter {path}; write the office's own "
                           "text there"),
                        text=found, path=settings,
                    )  # fmt: skip
                    continue
                yield self.hit(paragraph, match.start(), match.end(), text=found)


def _from_settings(ctx: CheckContext, found: str) -> str | None:
    """The drafter.yaml a placeholder of an outline's view comes from, when the
    outline itself does not hold it (the header of every outline of the office)."""
    document = ctx.document.outline
    settings = getattr(document, "settings", None)
    if settings is None or settings.path is None:
        return None
    key = _placeholder_key(found)
    if _holds(document.loaded.data, key) or not _holds(settings.settings, key):
        return None
    from pathlib import Path

    try:
        return str(Path(settings.path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(settings.path)


def _holds(value: Any, key: str) -> bool:
    """Whether a placeholder is in one of the texts of ``value`` (plain data or
    dataclasses: the outline's values or the settings, never their comments)."""
    if isinstance(value, str):
        return "[" in value and key in _placeholder_key(value)
    if isinstance(value, dict):
        return any(_holds(item, key) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_holds(item, key) for item in value)
    fields = getattr(value, "__dataclass_fields__", None)
    return bool(fields) and any(_holds(getattr(value, name), key) for name in fields)


RULES = (
    RepeatedWord(), DoubleSpace(), TabInText(), InvisibleCharacter(), UnbalancedBrackets(),
    UnbalancedQuotes(), MissingSpaceAfterPunctuation(), SentenceStartLowercase(),
    CommitteeCapitalisation(), NotNfc(), MixedToneMarks(), KnownMisspelling(),
    SpaceBeforePunctuation(), DoubledPunctuation(), YearRangeSpacing(), PlaceholderLeft(),
)  # fmt: skip
