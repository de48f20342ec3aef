"""The hearing pack's cover list gathers a hearing's invitation letters into one counted line."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from tribunal.documents.base import Rendered
from tribunal.documents.pack import PackItem, _cover


def _item(kind: str, title: str, hearing_id: int = 1) -> PackItem:
    return PackItem(kind, f"{title}.pdf", Rendered(kind, title, b"%PDF", 1), hearing_id=hearing_id,
                    purpose="送交受邀单位，开庭前寄出")


def _rows(items: list[PackItem]) -> list[Any]:
    seen: list[Any] = []

    def render(data: Any) -> Rendered:
        seen.append(data)
        return Rendered("pack_list", "文书清单", b"%PDF", 1)

    renderers = SimpleNamespace(pack_list=SimpleNamespace(render=render))
    _cover(items, title="案号", subtitle="", notes=(), issue_date=dt.date(2026, 12, 7), key="k",
           renderers=renderers, names=lambda kind: f"00_{kind}.pdf")  # type: ignore[arg-type]
    return list(seen[0].rows)


def test_letters_are_counted_whatever_the_first_company_is_called() -> None:
    # "股份" holds the character 份: the count must not be read back from the line's title.
    rows = _rows([_item("notice", "开庭通知书"),
                  _item("invitation", "旁听邀请函（湖南楚邵新材料股份有限公司）"),
                  _item("invitation", "旁听邀请函（邵阳宝庆精密机械有限公司）"),
                  _item("invitation", "旁听邀请函（中国建筑第五工程局有限公司湖南分公司）")])
    assert [r.title for r in rows] == ["开庭通知书", "旁听邀请函（3份）"]
    assert rows[1].pages == 3


def test_one_letter_keeps_its_own_line_and_hearings_are_kept_apart() -> None:
    rows = _rows([_item("invitation", "旁听邀请函（湖南楚邵新材料股份有限公司）", hearing_id=1),
                  _item("notice", "开庭通知书", hearing_id=2),
                  _item("invitation", "旁听邀请函（甲公司）", hearing_id=2),
                  _item("invitation", "旁听邀请函（乙公司）", hearing_id=2)])
    assert [r.title for r in rows] == ["旁听邀请函（湖南楚邵新材料股份有限公司）", "开庭通知书", "旁听邀请函（2份）"]
