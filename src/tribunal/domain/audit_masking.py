"""ID and phone numbers in the audit trail: masked like everywhere else, with a keyed fingerprint.

An audit entry keeps the values before and after a change. Those values must not become a
second, unmasked copy of parties' ID numbers and mobiles. Each such number is stored as
``{"masked": "138****5678", "fp": "…", "changed": true}``:

* ``masked`` is what every screen shows (:func:`tribunal.domain.anonymise.mask_phone`,
  :func:`~tribunal.domain.anonymise.mask_id_number`);
* ``fp`` is an HMAC-SHA256 of the full number under a secret of this database (kept outside
  the audit table), cut to 16 hex digits. A plain hash of an 11-digit mobile could be
  reversed by trying all of them; the keyed one cannot without the secret, yet with the
  database in hand equality can be proved (two entries hold the same number, or a number
  read from a paper file is the one recorded);
* ``changed`` says whether the number differs from the value before the change, which the
  masked forms alone cannot tell (13800005678 and 13811115678 both mask to 138****5678).

Numbers inside free text (a summary, a note) are masked in place, without fingerprint.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable
from typing import Any

from tribunal.domain.anonymise import mask_id_number, mask_phone

__all__ = [
    "MASKED_KEYS",
    "is_masked",
    "mask_entry",
    "mask_free_text",
    "masked_text",
]

#: Keys whose values are personal numbers wherever they appear in a record.
ID_KEYS = frozenset({"id_number"})
PHONE_KEYS = frozenset({"phone", "contact_phone", "agent_phone", "mobile", "phone_full"})
MASKED_KEYS = ID_KEYS | PHONE_KEYS
#: Values that are file locations and digests, never free text with numbers in it.
VERBATIM_KEYS = frozenset({"path", "paths", "sha256"})

# Free text: an 18-character ID number (or the old 15-digit one) and a mainland mobile, not
# inside a longer run of digits (a case number's sequence, an amount in fen).
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(?:[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])")
_FINGERPRINT_HEX = 16


def is_masked(value: Any) -> bool:
    """Whether ``value`` is a masked number as stored by :func:`mask_entry`."""
    return isinstance(value, dict) and "masked" in value and "fp" in value


def masked_text(value: Any) -> str:
    """What a screen shows for a value that may be a masked number."""
    if is_masked(value):
        return str(value["masked"])
    return "" if value is None else str(value)


def mask_free_text(text: str) -> str:
    """``text`` with every ID number and mobile number in it masked."""
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(0)), text)
    return _MOBILE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)


def _fingerprint(key: bytes, value: str) -> str:
    digest = hmac.new(key, value.strip().upper().encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:_FINGERPRINT_HEX]


def _masker(key: bytes, field: str) -> Callable[[str], dict[str, Any]]:
    mask = mask_id_number if field in ID_KEYS else mask_phone

    def masked(value: str) -> dict[str, Any]:
        return {"masked": mask(value), "fp": _fingerprint(key, value)}

    return masked


def _walk(value: Any, key: bytes, field: str | None, other: Any) -> Any:
    """Mask ``value``; ``other`` is the value at the same place on the other side of the change."""
    if isinstance(value, dict):
        if is_masked(value):
            return value
        other_dict = other if isinstance(other, dict) else {}
        return {k: _walk(v, key, str(k), other_dict.get(k)) for k, v in value.items()}
    if isinstance(value, list):
        other_list = other if isinstance(other, list) else []
        return [_walk(v, key, field, other_list[i] if i < len(other_list) else None)
                for i, v in enumerate(value)]
    if isinstance(value, str) and value:
        if field in MASKED_KEYS:
            return _masker(key, field)(value)
        if field in VERBATIM_KEYS:
            return value
        return mask_free_text(value)
    return value


def _flag_changes(after: Any, before: Any, raw_after: Any, raw_before: Any) -> Any:
    """Add ``changed`` to every masked number of ``after`` by comparing the raw values."""
    if is_masked(after):
        return {**after, "changed": _norm(raw_after) != _norm(raw_before)}
    if isinstance(after, dict):
        b = before if isinstance(before, dict) else {}
        ra = raw_after if isinstance(raw_after, dict) else {}
        rb = raw_before if isinstance(raw_before, dict) else {}
        return {k: _flag_changes(v, b.get(k), ra.get(k), rb.get(k)) for k, v in after.items()}
    if isinstance(after, list):
        return [_flag_changes(v, _at(before, i), _at(raw_after, i), _at(raw_before, i))
                for i, v in enumerate(after)]
    return after


def _at(seq: Any, i: int) -> Any:
    return seq[i] if isinstance(seq, list) and i < len(seq) else None


def _norm(value: Any) -> str:
    return "" if value is None else str(value).strip().upper()


def mask_entry(before: Any, after: Any, key: bytes) -> tuple[Any, Any]:
    """The before and after values of an audit entry with every personal number masked.

    Already-masked values pass unchanged, so masking twice (an old entry migrated, then read
    again) is harmless.

    Args:
        before: JSON-ready value before the change, or None.
        after: JSON-ready value after the change, or None.
        key: the database's audit secret.
    """
    masked_before = _walk(before, key, None, after) if before is not None else None
    masked_after = _walk(after, key, None, before) if after is not None else None
    if masked_after is not None and before is not None:
        masked_after = _flag_changes(masked_after, masked_before, after, before)
    return masked_before, masked_after
