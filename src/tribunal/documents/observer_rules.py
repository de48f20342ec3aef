"""旁听须知 — the observers' rules, as a sheet of its own and as the invitation's last page."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from tribunal.documents import wording
from tribunal.documents.announcement import public_names
from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.data import PublicHearing
from tribunal.documents.formatting import hearing_time

__all__ = ["ObserverRules", "rules_flowables"]

_NUMERALS = "一二三四五六七八九十"


def rules_flowables(renderer: DocumentRenderer[Any], hearing: PublicHearing, *,
                    compact: bool = False, title_style: Any = None) -> list[Flowable]:
    """The rules' title, introduction, numbered items and basis, for any renderer's story.

    ``compact`` sets them in 四号 (14 pt) so they fit one page (behind a letter, or on the
    door of the hearing room).
    """
    s = renderer.styles
    body = s.compact if compact else s.body
    title_style = title_style or (s.slip_title if compact else s.title)
    out: list[Flowable] = [renderer.p("旁听须知", title_style)]
    out.append(renderer.p(
        f"{hearing_time(hearing.starts_at)}在{hearing.venue.place}公开开庭审理的劳动人事争议案件，"
        "欢迎旁听。为保障庭审秩序，保护当事人的合法权益，请旁听人员遵守以下规定：", body))
    for i, rule in enumerate(wording.OBSERVER_RULES):
        out.append(renderer.p(f"{_NUMERALS[i]}、{rule}", body))
    out.append(renderer.lines(0.3))
    out.append(renderer.p(f"（{wording.OBSERVER_RULES_BASIS}）", s.note))
    return out


class ObserverRules(DocumentRenderer[PublicHearing]):
    """旁听须知 on its own sheet (for the room's door and the check-in table): one sheet,
    signed by the commission with the date."""

    KIND = "observer_rules"
    ONE_SHEET = True

    def names(self, data: PublicHearing) -> list[str]:
        return public_names(data)

    def meta(self, data: PublicHearing) -> DocMeta:
        return DocMeta(title="旁听须知", issue_date=data.issue_date, key=f"rules:h{data.hearing_id}")

    def fields(self, data: PublicHearing) -> dict[str, str]:
        return {"开庭地点": data.venue.place}

    def story(self, data: PublicHearing) -> list[Flowable]:
        # 四号 keeps the sheet to one page for the door of the hearing room; the commission
        # that issues it signs it at the foot, with the date.
        out: list[Flowable] = []
        rules = rules_flowables(self, data, compact=True, title_style=self.styles.title)
        out += rules[:-3]
        out.append(self.closing(rules[-3:], data.issue_date, gap=0.5))
        return out
