"""How a hearing place is named: one wording for messages, lists, calendars and documents.

A circuit hearing sits in a room of a host enterprise ("湖南湘中纺织科技有限公司 职工活动中心会议室");
other hearings sit in a room of the commission's own ("本院第一仲裁庭" in the clerk's lists,
"邵阳市劳动人事争议仲裁院第一仲裁庭" on paper, where "本院" would not say whose room it is).
"""

from __future__ import annotations

__all__ = ["OWN", "UNKNOWN_PLACE", "venue_text", "with_address"]

#: How the clerk's own screens name the commission when a room is its own.
OWN = "本院"
#: What a list shows for a hearing that has no room and no host yet.
UNKNOWN_PLACE = "（未定地点）"


def venue_text(room_name: str | None, enterprise_name: str | None, *, owner: str = OWN,
               spaced: bool = True) -> str:
    """Name a hearing place.

    Args:
        room_name: the room ("职工活动中心会议室", "第一仲裁庭"), or None.
        enterprise_name: the host enterprise, or None for a room of the commission's own.
        owner: who owns a room that has no host enterprise: "本院" on the clerk's screens,
            the institute's full name in documents.
        spaced: a space between host and room (lists and messages) or none (documents,
            where the two read as one phrase: 某某公司职工活动中心会议室).

    Returns:
        ``企业名 会议室`` / ``企业名会议室``; ``本院第一仲裁庭``; the host alone when there is no
        room (or the room's name repeats the host's); :data:`UNKNOWN_PLACE` when neither is known.
    """
    room = (room_name or "").strip()
    host = (enterprise_name or "").strip()
    if host and room:
        if room in host:
            return host
        return f"{host} {room}" if spaced else f"{host}{room}"
    if room:
        return f"{owner}{room}"
    return host or UNKNOWN_PLACE


def with_address(place: str, address: str | None) -> str:
    """The place followed by its street address in brackets, when one is known."""
    address = (address or "").strip().rstrip("。")
    return f"{place}（{address}）" if address else place
