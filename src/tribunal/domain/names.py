"""Enterprise names: the tidy form to store and the key that finds the same enterprise twice."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "enterprise_name_key",
    "same_enterprise_name",
    "tidy_enterprise_name",
]

# Brackets people type round a place or branch name: 湖南某某（邵阳）有限公司. After NFKC the
# full-width （） are ASCII; the other kinds are folded to () as well so that every spelling
# of the same registered name gives the same key.
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")",
                           "﹙": "(", "﹚": ")"})
_SPACES = re.compile(r"\s+")
# 有限责任公司 and 有限公司 are the same legal form (公司法: 有限责任公司 may call itself
# 有限公司); 股份有限公司 is a different form and stays distinct — it never contains
# 有限责任公司, so the replacement cannot touch it.
_SAME_FORMS = (("有限责任公司", "有限公司"),)


def _is_cjk(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo"


def tidy_enterprise_name(text: str | None) -> str:
    """Return the name as it should be stored and printed.

    Full-width letters and digits become half-width, runs of spaces shrink to one, spaces
    next to Chinese characters go (they are slips of the input method), and brackets are
    printed full-width（）as on a business licence.

    Args:
        text: The name as typed or read from a spreadsheet; None counts as empty.

    Returns:
        The tidied name, or "" when nothing is left.
    """
    if not text:
        return ""
    value = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    value = _SPACES.sub(" ", value).strip()
    kept = []
    for i, ch in enumerate(value):
        if ch == " " and (_is_cjk(value[i - 1]) or _is_cjk(value[i + 1])
                          or value[i - 1] in "()" or value[i + 1] in "()"):
            continue
        kept.append(ch)
    return "".join(kept).replace("(", "（").replace(")", "）")


def enterprise_name_key(text: str | None) -> str:
    """Return the key under which two spellings of one enterprise's name compare equal.

    Full-width and half-width forms, bracket styles, spaces and letter case do not matter;
    有限责任公司 and 有限公司 are the same; 股份有限公司 stays different, and so does a
    trailing 分公司 (a branch is a separate registration).

    Examples:
        >>> enterprise_name_key("湖南楚邵（邵阳）机械有限责任公司")
        '湖南楚邵(邵阳)机械有限公司'
        >>> enterprise_name_key("ＡＢＣ 科技有限公司") == enterprise_name_key("abc科技有限公司")
        True
    """
    if not text:
        return ""
    value = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    value = _SPACES.sub("", value).casefold()
    for longer, shorter in _SAME_FORMS:
        value = value.replace(longer, shorter)
    return value


def same_enterprise_name(a: str | None, b: str | None) -> bool:
    """True when ``a`` and ``b`` name the same enterprise (both non-empty)."""
    key = enterprise_name_key(a)
    return bool(key) and key == enterprise_name_key(b)
