"""Formatting and parsing of case numbers (案号) such as 邵劳人仲案字〔2026〕第15号.

Each commission sets its own case-number style, so the style is a small value object
(:class:`CaseNumberPattern`) kept in the settings. Handing out the next free number without
gaps is the database's job; this module only turns numbers into text and back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tribunal.texts import msg

__all__ = ["BRACKET_PAIRS", "DEFAULT_PATTERN", "CaseNumberPattern", "CertificatePattern", "parse_any"]

# 〔〕 is what GB/T 9704 prescribes for document numbers; the others appear in older
# documents and in numbers typed on ordinary keyboards.
BRACKET_PAIRS = ("〔〕", "[]", "（）", "()")
PREFIX_MAX_LENGTH = 20

# What may appear inside a prefix without making the number ambiguous to read back.
_BRACKET_CHARS = frozenset("〔〕[]（）()【】［］{}<>《》〈〉")
# After NFKC full-width （） and ［］ are already ASCII; 〔〕 has no half-width form.
_OPEN_TO_CLOSE = {"〔": "〕", "[": "]", "(": ")"}
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_CJK = "\u4e00-\u9fa5"

# The two general shapes seen on commissions' documents (year after the prefix, or year first),
# applied after _tidy() has removed spaces; there is no national format (docs/legal-basis.md §7).
_ANY_YEAR_INSIDE = re.compile(
    rf"[{_CJK}]{{0,12}}劳人?仲[{_CJK}]{{0,2}}字?"
    r"[〔\[(]([0-9]{4})[〕\])]第?([0-9]+)(?:-([0-9]+))?号"
)
_ANY_YEAR_FIRST = re.compile(
    rf"[〔\[(]([0-9]{{4}})[〕\])][{_CJK}]{{1,12}}劳人?仲[{_CJK}]{{0,2}}字?"
    r"第?([0-9]+)(?:-([0-9]+))?号"
)


def _tidy(text: str) -> str:
    """Fold full-width forms and dash look-alikes and drop all whitespace."""
    folded = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return re.sub(r"\s+", "", folded)


def _numbers(year: str, seq: str, suffix: str | None, original: str) -> tuple[int, int, int | None]:
    """Turn the matched digit groups into numbers, refusing the zero sequence numbers."""
    if int(seq) == 0:
        raise ValueError(msg("案号“{original}”的序号不能为0", original=original))
    if suffix is not None and int(suffix) == 0:
        raise ValueError(msg("案号“{original}”的分项序号不能为0", original=original))
    return int(year), int(seq), None if suffix is None else int(suffix)


@lru_cache(maxsize=32)
def _own_regex(prefix: str) -> re.Pattern[str]:
    return re.compile(
        re.escape(_tidy(prefix)) + r"([〔\[(])([0-9]{4})([〕\])])第?([0-9]+)(?:-([0-9]+))?号"
    )


@dataclass(frozen=True)
class CaseNumberPattern:
    """One commission's case-number style.

    Attributes:
        prefix: 机构代字 plus 类别代字, e.g. "邵劳人仲案字".
        brackets: The bracket pair round the year: "〔〕" (default), "[]", "（）" or "()".
        use_di: Whether "第" stands before the sequence number.

    Raises:
        ValueError: On construction, if the prefix or brackets cannot give readable numbers.
    """

    prefix: str
    brackets: str = "〔〕"
    use_di: bool = True

    def __post_init__(self) -> None:
        prefix = self.prefix
        if not prefix or not prefix.strip():
            raise ValueError(msg("案号前缀不能为空"))
        if len(prefix) > PREFIX_MAX_LENGTH:
            raise ValueError(msg("案号前缀最多{PREFIX_MAX_LENGTH}个字，实为{len}个字", PREFIX_MAX_LENGTH=PREFIX_MAX_LENGTH, len=len(prefix)))
        if any(ch.isspace() for ch in prefix):
            raise ValueError(msg("案号前缀不能含有空格"))
        if any(unicodedata.category(ch) == "Nd" for ch in prefix):
            raise ValueError(msg("案号前缀不能含有数字"))
        if any(ch in _BRACKET_CHARS for ch in prefix):
            raise ValueError(msg("案号前缀不能含有括号，括号另行设置"))
        if self.brackets not in BRACKET_PAIRS:
            raise ValueError(msg("案号括号只能是{items}之一，收到“{brackets}”", items='、'.join(BRACKET_PAIRS), brackets=self.brackets))

    def format(self, year: int, seq: int, suffix: int | None = None) -> str:
        """Return the case number, e.g. "邵劳人仲案字〔2026〕第15号".

        The sequence number has no leading zeros (GB/T 9704: 序号不编虚位).

        Args:
            year: Four-digit year.
            seq: Sequence number within the year, from 1.
            suffix: For split awards (分项裁决), the part number: 15-1, 15-2.

        Raises:
            ValueError: If a number is out of range.
        """
        if not 1000 <= year <= 9999:
            raise ValueError(msg("案号年份应为四位数，收到{year}", year=year))
        if seq < 1:
            raise ValueError(msg("案号序号应从1开始，收到{seq}", seq=seq))
        if suffix is not None and suffix < 1:
            raise ValueError(msg("分项序号应从1开始，收到{suffix}", suffix=suffix))
        opening, closing = self.brackets[0], self.brackets[1]  # a pair of single characters
        di = "第" if self.use_di else ""
        tail = f"-{suffix}" if suffix is not None else ""
        return f"{self.prefix}{opening}{year}{closing}{di}{seq}{tail}号"

    def parse(self, text: str) -> tuple[int, int, int | None]:
        """Read back a number written in this commission's style.

        Besides the configured form, legacy brackets ([] （） ()), spaces, full-width digits
        and a missing or extra "第" are accepted, since older files were typed by hand.

        Returns:
            ``(year, seq, suffix)``; ``suffix`` is None unless it is a split award.

        Raises:
            ValueError: With a Chinese message when the text is not such a number.
        """
        tidy = _tidy(text or "")
        if not tidy:
            raise ValueError(msg("请填写案号"))
        if not tidy.startswith(_tidy(self.prefix)):
            raise ValueError(msg("案号“{text}”应以“{prefix}”开头", text=text, prefix=self.prefix))
        match = _own_regex(self.prefix).fullmatch(tidy)
        if not match:
            raise ValueError(msg("案号“{text}”格式不正确，应类似“{format}”", text=text, format=self.format(2026, 15)))
        opening, year, closing, seq, suffix = match.groups()
        if _OPEN_TO_CLOSE[opening] != closing:
            raise ValueError(msg("案号“{text}”中年份两边的括号不配对", text=text))
        return _numbers(year, seq, suffix, text)


DEFAULT_PATTERN = CaseNumberPattern(prefix="邵劳人仲案字")


def parse_any(text: str) -> tuple[int, int, int | None]:
    """Read any labour-arbitration case number seen in practice, whatever the commission.

    Accepts the shapes commissions use (there is no national format): year in brackets after the prefix
    (佛劳人仲案字〔2024〕1号, 新劳人仲案字（2015）第228号, 浙余姚劳人仲案（2025）第12号) and
    year first ((2025)宁劳人仲案字第123号). Used when importing files from other commissions.

    Returns:
        ``(year, seq, suffix)``.

    Raises:
        ValueError: With a Chinese message when the text is not a case number.
    """
    tidy = _tidy(text or "")
    if not tidy:
        raise ValueError(msg("请填写案号"))
    match = _ANY_YEAR_INSIDE.fullmatch(tidy) or _ANY_YEAR_FIRST.fullmatch(tidy)
    if not match:
        raise ValueError(msg("无法识别的案号：“{text}”", text=text))
    year, seq, suffix = match.groups()
    return _numbers(year, seq, suffix, text)


@dataclass(frozen=True)
class CertificatePattern:
    """A commission's numbering of its certificates of attendance (培训证明), e.g.
    ``邵劳人仲培字〔{年}〕第{号}号`` → 邵劳人仲培字〔2026〕第15号.

    ``{年}`` stands for the four-digit year and ``{号}`` for the number within the year (no
    leading zeros). The numbers themselves are handed out by the database, gap-free per
    year and pattern, like case numbers.

    Raises:
        ValueError: On construction, when the pattern lacks a placeholder or could not be
            read back.
    """

    text: str

    MAX_LENGTH = 30

    def __post_init__(self) -> None:
        text = self.text
        if not text or not text.strip():
            raise ValueError(msg("培训证明编号格式不能为空"))
        if any(ch.isspace() for ch in text):
            raise ValueError(msg("培训证明编号格式不能含有空格"))
        if text.count("{年}") != 1 or text.count("{号}") != 1:
            raise ValueError(msg("培训证明编号格式应各含一处“{{年}}”和“{{号}}”，如“邵劳人仲培字〔{{年}}〕第{{号}}号”"))
        rest = text.replace("{年}", "").replace("{号}", "")
        if "{" in rest or "}" in rest:
            raise ValueError(msg("培训证明编号格式中只能有“{{年}}”和“{{号}}”两处花括号"))
        if any(unicodedata.category(ch) == "Nd" for ch in rest):
            raise ValueError(msg("培训证明编号格式中不能有数字（年份和序号由程序填入）"))
        if text.index("{号}") < text.index("{年}"):
            raise ValueError(msg("培训证明编号格式中“{{年}}”应在“{{号}}”之前"))
        if len(rest) > self.MAX_LENGTH:
            raise ValueError(msg("培训证明编号格式过长（除占位符外最多{MAX_LENGTH}个字）", MAX_LENGTH=self.MAX_LENGTH))

    @property
    def series(self) -> str:
        """The counter this pattern numbers from (one per pattern, like one per case-number prefix)."""
        return "证:" + self.text.replace("{年}", "").replace("{号}", "")

    def format(self, year: int, seq: int) -> str:
        """The certificate number for ``seq`` of ``year``.

        Raises:
            ValueError: the year is not four digits or the number is below 1.
        """
        if not 1000 <= year <= 9999:
            raise ValueError(msg("年份应为四位数，收到{year}", year=year))
        if seq < 1:
            raise ValueError(msg("序号应从1开始，收到{seq}", seq=seq))
        return self.text.replace("{年}", str(year)).replace("{号}", str(seq))
