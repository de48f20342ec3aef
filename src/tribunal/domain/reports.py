"""Rules of the reports (统计): periods, the official returns' categories, and how figures are computed.

Everything here is pure: the report service reads the facts from the database and hands
them to these functions. The definitions a clerk reads in the footnotes are written once,
in :data:`DEFINITIONS`, and explained at length in docs/reports.md.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from tribunal.domain.enums import CaseOutcome, CaseType, LabelledEnum
from tribunal.domain.periods import days_in_intervals
from tribunal.texts import msg

__all__ = [
    "CAUSE_OF",
    "DEFINITIONS",
    "METHOD_OF",
    "PRESETS",
    "Period",
    "PeriodProblem",
    "StatCause",
    "StatMethod",
    "check_period",
    "cycle_days",
    "mean",
    "median",
    "mediated_on_site_by_default",
    "month_period",
    "months_between",
    "net_cycle_days",
    "period_for",
    "quarter_period",
    "rate",
    "same_period_last_year",
    "year_period",
]


# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """A span of days, both ends included, with the name a report prints for it."""

    start: dt.date
    end: dt.date
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", _label(self.start, self.end))

    def contains(self, day: dt.date) -> bool:
        """True when ``day`` lies in the period."""
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        """How many days the period has."""
        return (self.end - self.start).days + 1


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _label(start: dt.date, end: dt.date) -> str:
    if start.day == 1 and end == _month_end(end.year, end.month):
        if start.year == end.year and start.month == end.month:
            return msg("{year}年{month}月", year=start.year, month=start.month)
        if start.year == end.year and start.month == 1 and end.month == 12:
            return msg("{year}年", year=start.year)
        if start.year == end.year and start.month % 3 == 1 and end.month == start.month + 2:
            return msg("{year}年第{value}季度", year=start.year, value='一二三四'[start.month // 3])
        if start.year == end.year:
            return msg("{year}年{month}月至{month2}月", year=start.year, month=start.month, month2=end.month)
    return msg("{isoformat}至{isoformat2}", isoformat=start.isoformat(), isoformat2=end.isoformat())


def month_period(year: int, month: int) -> Period:
    """A calendar month."""
    return Period(dt.date(year, month, 1), _month_end(year, month))


def quarter_period(year: int, quarter: int) -> Period:
    """A calendar quarter (1–4)."""
    first = 3 * (quarter - 1) + 1
    return Period(dt.date(year, first, 1), _month_end(year, first + 2))


def year_period(year: int) -> Period:
    """A calendar year."""
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))


#: The period presets of the 统计 page, in the order it offers them (custom is the fifth).
PRESETS: Final = ("this_month", "last_month", "this_quarter", "this_year")


def period_for(preset: str, today: dt.date) -> Period:
    """The whole period a preset names, reckoned from ``today`` (本月, 上月, 本季度, 本年).

    The period runs to its natural end, also when that lies after ``today``; the report
    counts what has happened so far (see :func:`check_period`).

    Raises:
        ValueError: an unknown preset.
    """
    if preset == "this_month":
        return month_period(today.year, today.month)
    if preset == "last_month":
        first = today.replace(day=1) - dt.timedelta(days=1)
        return month_period(first.year, first.month)
    if preset == "this_quarter":
        return quarter_period(today.year, (today.month - 1) // 3 + 1)
    if preset == "this_year":
        return year_period(today.year)
    raise ValueError(preset)


def same_period_last_year(period: Period) -> Period:
    """The same days one year earlier (29 February becomes 28 February)."""

    def back(day: dt.date) -> dt.date:
        try:
            return day.replace(year=day.year - 1)
        except ValueError:  # 29 February
            return day.replace(year=day.year - 1, day=28)

    start, end = back(period.start), back(period.end)
    if period.end == _month_end(period.end.year, period.end.month):
        end = _month_end(end.year, end.month)  # a whole February stays whole
    return Period(start, end)


def months_between(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    """The (year, month) pairs from ``start``'s month to ``end``'s month, both included."""
    out: list[tuple[int, int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass(frozen=True)
class PeriodProblem:
    """Why a requested period cannot be reported: field key and a sentence for the clerk."""

    field: str
    message: str


def check_period(start: dt.date, end: dt.date, today: dt.date) -> PeriodProblem | None:
    """The problem with a requested period, or None when it can be reported.

    A period that has not begun yet is refused (there is nothing to count). A period that
    began and has not ended yet is allowed: the report counts what happened up to today.
    A past period with no activity is not a problem: it gives a report of zeros.
    """
    if end < start:
        return PeriodProblem("to", msg("统计期间的结束日期 {isoformat} 早于开始日期 {isoformat2}", isoformat=end.isoformat(), isoformat2=start.isoformat()))
    if start > today:
        return PeriodProblem("from", msg("统计期间尚未开始（开始日期 {isoformat} 晚于今天 {isoformat2}）", isoformat=start.isoformat(), isoformat2=today.isoformat()))
    if start.year < 2000:
        return PeriodProblem("from", msg("开始日期 {isoformat} 过早，请核对年份", isoformat=start.isoformat()))
    return None


# ---------------------------------------------------------------- the official returns' categories


class StatCause(LabelledEnum):
    """Cause of dispute as the 劳动人事争议处理情况 returns count it (争议原因)."""

    REMUNERATION = ("remuneration", msg("劳动报酬"), "Remuneration")
    SOCIAL_INSURANCE = ("social_insurance", msg("社会保险"), "Social insurance")
    TERMINATION = ("termination", msg("解除、终止劳动合同"), "Ending the contract")
    OTHER = ("other", msg("其他"), "Other")


#: Which column of the returns each case type (案由) is counted in. Overtime pay, the double
#: wage for want of a written contract and pay for untaken annual leave are pay for work
#: (劳动报酬); work-injury benefits are paid under work-injury insurance, one of the social
#: insurances (《社会保险法》第二条); severance and damages for unlawful dismissal arise from
#: ending the contract (《劳动合同法》第四十六条、第八十七条).
CAUSE_OF: Final[dict[CaseType, StatCause]] = {
    CaseType.WAGES: StatCause.REMUNERATION,
    CaseType.OVERTIME: StatCause.REMUNERATION,
    CaseType.DOUBLE_WAGE: StatCause.REMUNERATION,
    CaseType.ANNUAL_LEAVE: StatCause.REMUNERATION,
    CaseType.SOCIAL_INSURANCE: StatCause.SOCIAL_INSURANCE,
    CaseType.WORK_INJURY: StatCause.SOCIAL_INSURANCE,
    CaseType.SEVERANCE: StatCause.TERMINATION,
    CaseType.ILLEGAL_TERMINATION: StatCause.TERMINATION,
    CaseType.LABOR_RELATION: StatCause.OTHER,
    CaseType.NON_COMPETE: StatCause.OTHER,
    CaseType.DISPATCH: StatCause.OTHER,
    CaseType.COLLECTIVE: StatCause.OTHER,
    CaseType.OTHER: StatCause.OTHER,
}


class StatMethod(LabelledEnum):
    """How a closed case is counted in the returns (结案方式)."""

    MEDIATION = ("mediation", msg("调解"), "Mediation")
    AWARD = ("award", msg("裁决"), "Award")
    WITHDRAWAL = ("withdrawal", msg("撤回"), "Withdrawal")
    OTHER = ("other", msg("其他"), "Other")


#: A deemed withdrawal (《劳动争议调解仲裁法》第三十六条) is counted with withdrawals; a case
#: dismissed as accepted in error with "other".
METHOD_OF: Final[dict[CaseOutcome, StatMethod]] = {
    CaseOutcome.MEDIATED: StatMethod.MEDIATION,
    CaseOutcome.AWARDED: StatMethod.AWARD,
    CaseOutcome.WITHDRAWN: StatMethod.WITHDRAWAL,
    CaseOutcome.DEEMED_WITHDRAWN: StatMethod.WITHDRAWAL,
    CaseOutcome.DISMISSED: StatMethod.OTHER,
}


# ---------------------------------------------------------------- computing figures


def rate(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to divide (shown as "—", not 0 %)."""
    return part / whole if whole else None


def mean(values: Sequence[float]) -> float | None:
    """The average, or None for no values."""
    return statistics.fmean(values) if values else None


def median(values: Sequence[float]) -> float | None:
    """The median (the mean of the middle two for an even count), or None for no values."""
    return float(statistics.median(values)) if values else None


def cycle_days(accepted: dt.date, closed: dt.date) -> int:
    """Calendar days from acceptance to closing (the day of acceptance not counted)."""
    return (closed - accepted).days


def net_cycle_days(accepted: dt.date, closed: dt.date,
                   excluded: Iterable[tuple[dt.date, dt.date | None]]) -> int:
    """Cycle days less the days of suspension and public-notice service between the two dates.

    Only excluded days after acceptance and up to the closing day are subtracted; a
    suspension still open at closing counts up to the closing day. Overlaps count once.
    """
    first = accepted + dt.timedelta(days=1)
    clipped = []
    for start, end in excluded:
        last = closed if end is None else min(end, closed)
        begin = max(start, first)
        if begin <= last:
            clipped.append((begin, last))
    return cycle_days(accepted, closed) - days_in_intervals(clipped)


def mediated_on_site_by_default(outcome: CaseOutcome, closed: dt.date,
                                on_site_hearing_days: Iterable[dt.date]) -> bool:
    """当庭调解 by default: mediated and closed on the day of one of its hearings at an enterprise."""
    return outcome == CaseOutcome.MEDIATED and closed in set(on_site_hearing_days)


# ---------------------------------------------------------------- definitions (footnotes)

#: Each figure's definition, printed as its footnote on the screen, in the PDF and in the
#: workbook. Keys are the figure keys of the report service.
DEFINITIONS: Final[dict[str, str]] = {
    "sessions": msg("场次：统计期间内，在企业开庭（开庭地点为企业的场所）且已登记为“已开庭”的开庭，按“开庭日期＋开庭企业”去重计数；同一天在同一企业开几个庭，计为一场。"),
    "hearings_on_site": msg("现场开庭：统计期间内在企业开庭并已登记为“已开庭”的开庭次数（一案开庭两次计两次）。"),
    "cases_on_site": msg("现场审理案件：统计期间内至少有一次在企业开庭（已开庭）的案件数，按案由分列；一案只计一次。"),
    "circuit_closed": msg("巡回庭结案：至少有一次在企业开庭（已开庭）、且结案日期在统计期间内的已受理案件。以下结案方式、调解成功率、审理周期、按期结案和金额均按这些案件计算。"),
    "mediated_on_site": msg("当庭调解：以调解结案，且登记为当庭调解的案件。默认规则：结案日期与该案某次在企业开庭的日期为同一天的调解结案，书记员可以更正。"),
    "mediation_rate": msg("调解成功率＝调解结案数 ÷（调解结案数＋裁决结案数）；撤回、撤销的案件不计入分母。分母为零时显示“—”。"),
    "cycle": msg("审理周期：自受理之日起至结案之日止的天数（受理当日不计）。扣除后天数：再减去其间中止审理、公告送达的天数（《劳动人事争议仲裁办案规则》第四十六条）。"),
    "on_time": msg("按期结案：结案日期不晚于案件的审理期限届满日（受理之日起四十五日，扣除中止审理、公告送达期间，届满日遇法定休假日顺延）。“含延长”一栏对经批准延长的案件按延长十五日后的届满日计算（《劳动争议调解仲裁法》第四十三条）。"),
    "enterprises": msg("覆盖企业：统计期间内在本企业开庭（东道企业），或本企业有人员到场旁听（旁听人员所在企业）的企业，按企业去重；合计为两者的并集。"),
    "never_reached": msg("名录中从未覆盖的企业：企业名录中（按所选开发区），截至统计期末从未在本企业开庭、也从未有人员到场旁听的企业。"),
    "observers": msg("旁听人次：统计期间内在企业开庭中已签到的旁听人员人次（含现场登记）；同一人旁听两场计两人次。旁听人数按人去重。"),
    "trainees": msg("培训人次：统计期间内培训的签到人次；选定开发区或巡回庭时，只计在其开庭之后举办的培训。"),
    "training": msg("培训场次与专题：统计期间内举办的培训场次，以及讲授过的专题（按专题去重）。"),
    "recommendations": msg("仲裁建议书：统计期间内向用人单位发出的仲裁建议书份数（按发出日期），其中已登记书面回复的份数。"),
    "amounts": msg("金额：请求金额为巡回庭结案案件的请求金额合计；调解金额为调解结案案件的调解书确定金额合计；裁决金额为裁决结案案件的裁决书确定金额合计。"),
    "carried_over": msg("上期未结：统计期间开始前已受理、且在期间开始时尚未结案的案件（含中止审理中的案件）。"),
    "accepted": msg("本期受理：受理日期在统计期间内的案件；其中集体争议为登记为集体争议的案件。涉及劳动者人数为这些案件登记的劳动者人数之和。未受理的收件和不予受理的申请不计入本表。"),
    "by_cause": msg("按争议原因：本期受理案件按案由归入统计报表的争议原因（劳动报酬、社会保险、解除终止劳动合同、其他），对应关系见统计说明。"),
    "closed": msg("本期结案：结案日期在统计期间内的已受理案件，按结案方式（调解、裁决、撤回、其他）和处理结果（劳动者胜诉、用人单位胜诉、双方部分胜诉）分列。撤销结案后的案件按重新结案的日期计，未重新结案的视为未结。"),
    "carried_forward": msg("期末未结：上期未结＋本期受理－本期结案，即统计期末已受理而尚未结案的案件；其中中止审理中的案件另列。"),
    "suspended_rule": msg("中止审理的案件仍是未结案件，计入期末未结；恢复审理后照常计算。审理周期扣除中止天数。"),
    "as_of": msg("统计以制表时数据库中的记录为准；期间尚未结束的，统计至制表当日。"),
}
