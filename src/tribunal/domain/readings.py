"""The readings the clocks take where the law is silent, each in one sentence with its section.

docs/legal-basis.md states each reading in full with its articles; the clocks attach the keys
of the readings a date depends on (:attr:`tribunal.services.clocks.ClockItem.readings`), and
the screens show these sentences beside the date, so the clerk sees where a date rests on the
program's reading rather than on the words of a statute.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tribunal.texts import msg

__all__ = ["READINGS", "Reading", "reading_texts"]


@dataclass(frozen=True)
class Reading:
    """One reading: a short title, what the program does, and where it is explained."""

    key: str
    title_zh: str
    text_zh: str
    section: str

    @property
    def full_text(self) -> str:
        """``title：text（详见 docs/legal-basis.md §x）``."""
        return msg("{title}：{text}（详见 docs/legal-basis.md {section}）", title=self.title_zh,
                   text=self.text_zh, section=self.section)


READINGS: Final[dict[str, Reading]] = {r.key: r for r in (
    Reading("weekend_roll", msg("末日遇周末顺延"),
            msg("期间最后一日是周六、周日的，与法定节假日一样顺延至其后第一个工作日；民事诉讼法第八十五条只写法定休假日"),
            "§2.3"),
    Reading("notice_between", msg("开庭前N日的计算"),
            msg("送达日（或申请日）与开庭日之间须有N个完整工作日，两端都不计"), "§2.4"),
    Reading("extension_sixty", msg("延长后的期限"),
            msg("延长时自起算日连续计算六十日后再顺延，不先顺延第四十五日再加十五日"), "§3.1"),
    Reading("recount_history", msg("变动按日期先后计算"),
            msg("各项期限变动按其发生日期先后计算，与登记先后无关；同一日的变动依次为重新计算、对延长批准的确认、"
            "中止或公告开始、批准延长、中止结束"), "§3.2"),
    Reading("extension_after_recount", msg("重新计算前批准的延长"),
            msg("延长批准早于重新计算的，该批准针对的是原期限；经书记员确认仍然有效的才继续按六十日计算，"
            "未确认前按已失效计算"), "§3.2"),
    Reading("art46_7", msg("第四十六条第（七）项"),
            msg("法律、法规另有规定的情形，由书记员按该规定选择重新计算或不计入审理期限"), "§3.2"),
    Reading("public_notice_count", msg("公告期间的计算"),
            msg("发出公告之日不计入，自次日起算满三十日（或六十日）为视为送达之日，遇休息日顺延；"
            "发出公告的次日至视为送达之日不计入审理期限"), "§3.3"),
    Reading("public_notice_abroad", msg("境外当事人的公告期"),
            msg("在中国境内没有住所的当事人，参照民事诉讼法第二百八十三条第二款按六十日计算"), "§3.3"),
    Reading("suspension_bounds", msg("中止期间的起止"),
            msg("中止期间的第一日和最后一日都不计入审理期限，恢复审理之日起继续计算；起算日及以前的中止日不扣除；"
            "期限届满后开始的中止不能使期限恢复"), "§3.4"),
    Reading("moved_last_day", msg("顺延后的最后一日"),
            msg("期限最后一日因休息日顺延的，在顺延后的最后一日当日仍可中止、批准延长或重新计算；"
            "当日开始的中止使期限在中止结束后的第一个工作日届满"), "§3.4"),
    Reading("defence_each", msg("多名被申请人的答辩期"),
            msg("答辩期自每一名被申请人各自收到申请书副本之日起分别计算"), "§2.6"),
)}


def reading_texts(keys: tuple[str, ...] | list[str]) -> list[str]:
    """The full sentences of the readings with ``keys`` (unknown keys are skipped)."""
    return [READINGS[k].full_text for k in keys if k in READINGS]
