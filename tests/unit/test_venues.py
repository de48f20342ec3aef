"""One wording for hearing places: lists, messages, calendars and documents."""

from __future__ import annotations

from tribunal.documents.data import Venue
from tribunal.domain.venues import UNKNOWN_PLACE, venue_text, with_address
from tribunal.services.conflicts import venue_text as conflicts_venue_text


def test_lists_space_host_and_room_and_call_own_rooms_ours() -> None:
    assert venue_text("职工活动中心会议室", "湖南湘中纺织科技有限公司") == "湖南湘中纺织科技有限公司 职工活动中心会议室"
    assert venue_text("第一仲裁庭", None) == "本院第一仲裁庭"
    assert venue_text(None, "湖南湘中纺织科技有限公司") == "湖南湘中纺织科技有限公司"
    assert venue_text(" ", "") == UNKNOWN_PLACE
    # A room named like its host is not said twice.
    assert venue_text("湘中纺织", "湖南湘中纺织科技有限公司") == "湖南湘中纺织科技有限公司"


def test_documents_join_host_and_room_and_name_the_owner_in_full() -> None:
    assert venue_text("会议室", "某某公司", spaced=False) == "某某公司会议室"
    assert venue_text("第一仲裁庭", None, owner="邵阳市劳动人事争议仲裁院") == "邵阳市劳动人事争议仲裁院第一仲裁庭"
    assert Venue("某某公司", "会议室").place == "某某公司会议室"
    assert Venue("邵阳市劳动人事争议仲裁院", "第一仲裁庭", at_enterprise=False).place == "邵阳市劳动人事争议仲裁院第一仲裁庭"
    assert Venue("邵阳市劳动人事争议仲裁院", "", at_enterprise=False).place == "邵阳市劳动人事争议仲裁院"


def test_the_scheduling_messages_use_the_same_wording() -> None:
    assert conflicts_venue_text("会议室", "某某公司") == venue_text("会议室", "某某公司")


def test_address_in_brackets_only_when_known() -> None:
    assert with_address("某某公司会议室", "宝庆大道66号。") == "某某公司会议室（宝庆大道66号）"
    assert with_address("某某公司会议室", "") == "某某公司会议室"
