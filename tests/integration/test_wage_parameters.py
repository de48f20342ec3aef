"""The commission's dated wage parameters: entering, looking up, overlaps, removal, audit, finality bound.

Every figure below is INVENTED for the tests (e.g. "测试市" and the source "虚构文件（测试用）");
none is an official figure.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tribunal.domain.wage_parameters import ParameterKind, ParameterUnit
from tribunal.errors import ConflictError, MissingParameter, NotFound, ValidationError
from tribunal.services import audit, settings
from tribunal.services import wage_parameters as params

AREA = "测试市"
SOURCE = "虚构文件（测试用，非官方数据）"


def test_the_table_ships_empty_and_a_missing_figure_is_named(db):
    assert params.list_parameters(db) == []
    with pytest.raises(MissingParameter) as caught:
        params.table(db).require(ParameterKind.MINIMUM_WAGE, AREA, dt.date(2026, 5, 1))
    assert "测试市在 2026-05-01 适用的月最低工资标准尚未录入" in str(caught.value)
    assert caught.value.kind == "minimum_wage" and caught.value.area == AREA
    assert params.finality_threshold(db, dt.date(2026, 5, 1), AREA) is None


def test_figures_apply_from_their_date_until_the_next_one(db):
    params.add(db, ParameterKind.MINIMUM_WAGE, AREA, dt.date(2024, 1, 1), 1_800_00, SOURCE)
    params.add(db, ParameterKind.MINIMUM_WAGE, " 测试 市 ", dt.date(2025, 7, 1), 1_950_00, SOURCE)
    t = params.table(db)
    assert t.find(ParameterKind.MINIMUM_WAGE, AREA, dt.date(2023, 12, 31)) is None
    assert t.require(ParameterKind.MINIMUM_WAGE, AREA, dt.date(2025, 6, 30)).value == 1_800_00
    assert t.require(ParameterKind.MINIMUM_WAGE, AREA, dt.date(2025, 7, 1)).value == 1_950_00
    # The finality bound of 劳动争议调解仲裁法第四十七条（一）: 12 months of the minimum wage.
    assert params.finality_threshold(db, dt.date(2025, 6, 30), AREA) == 12 * 1_800_00
    assert params.finality_threshold(db, dt.date(2026, 1, 1), AREA) == 12 * 1_950_00
    # Another area is never used in place of the one asked for.
    assert params.finality_threshold(db, dt.date(2026, 1, 1), "别的市") is None
    # By default the commission's own area (setting) is used.
    settings.set_value(db, params.AREA_SETTING, AREA)
    assert params.finality_threshold(db, dt.date(2026, 1, 1)) == 12 * 1_950_00


def test_a_stated_end_date_leaves_later_dates_missing(db):
    params.add(db, ParameterKind.AVERAGE_WAGE, AREA, dt.date(2024, 1, 1), 6_000_00, SOURCE,
               valid_to=dt.date(2024, 12, 31))
    t = params.table(db)
    assert t.require(ParameterKind.AVERAGE_WAGE, AREA, dt.date(2024, 12, 31)).value == 6_000_00
    with pytest.raises(MissingParameter, match="2025-01-01 适用的上年度职工月平均工资"):
        t.require(ParameterKind.AVERAGE_WAGE, AREA, dt.date(2025, 1, 1))


def test_month_tables_are_by_grade(db):
    params.add(db, ParameterKind.INJURY_MEDICAL, AREA, dt.date(2024, 1, 1), 850, SOURCE,
               unit=ParameterUnit.MONTHS_AVERAGE, grade=5)
    t = params.table(db)
    found = t.require(ParameterKind.INJURY_MEDICAL, AREA, dt.date(2025, 1, 1), grade=5)
    assert str(found.months) == "8.5" and found.value_text() == "8.5个月的统筹地区上年度职工月平均工资"
    with pytest.raises(MissingParameter, match="6级伤残的一次性工伤医疗补助金标准"):
        t.require(ParameterKind.INJURY_MEDICAL, AREA, dt.date(2025, 1, 1), grade=6)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"area": ""}, "area"),
    ({"source": "无"}, "source"),
    ({"value": 0}, "value"),
    ({"valid_to": dt.date(2023, 1, 1)}, "valid_to"),
    ({"grade": 5}, "grade"),
    ({"unit": ParameterUnit.MONTHS_OWN}, "unit"),
])
def test_bad_figures_are_refused_and_nothing_is_saved(db, kwargs, field):
    args = {"kind": ParameterKind.MINIMUM_WAGE, "area": AREA, "valid_from": dt.date(2024, 1, 1),
            "value": 1_800_00, "source": SOURCE}
    args.update(kwargs)
    with pytest.raises(ValidationError) as caught:
        params.add(db, **args)
    assert field in caught.value.fields
    assert params.list_parameters(db) == []


def test_month_table_needs_a_grade(db):
    with pytest.raises(ValidationError) as caught:
        params.add(db, ParameterKind.INJURY_EMPLOYMENT, AREA, dt.date(2024, 1, 1), 600, SOURCE,
                   unit=ParameterUnit.MONTHS_OWN)
    assert "grade" in caught.value.fields


def test_overlapping_periods_are_refused(db):
    params.add(db, ParameterKind.MINIMUM_WAGE, AREA, dt.date(2024, 1, 1), 1_800_00, SOURCE,
               valid_to=dt.date(2024, 12, 31))
    with pytest.raises(ConflictError, match="时段重叠"):
        params.add(db, ParameterKind.MINIMUM_WAGE, AREA, dt.date(2024, 6, 1), 1_900_00, SOURCE)
    with pytest.raises(ConflictError, match="时段重叠"):
        params.add(db, ParameterKind.MINIMUM_WAGE, AREA, dt.date(2023, 6, 1), 1_700_00, SOURCE,
                   valid_to=dt.date(2024, 2, 1))
    # The same date in another area or of another kind is fine.
    params.add(db, ParameterKind.MINIMUM_WAGE, "别的市", dt.date(2024, 1, 1), 1_700_00, SOURCE)
    params.add(db, ParameterKind.AVERAGE_WAGE, AREA, dt.date(2024, 1, 1), 6_000_00, SOURCE)
    assert len(params.list_parameters(db)) == 3


def test_removal_keeps_the_figure_on_record_and_is_audited(db):
    stored = params.add(db, ParameterKind.MINIMUM_WAGE, AREA, dt.date(2024, 1, 1), 1_800_00, SOURCE)
    pid = stored.parameter.id
    assert pid is not None
    with pytest.raises(ValidationError):
        params.remove(db, pid, " ")
    removed = params.remove(db, pid, "录入错误")
    assert not removed.active and removed.withdrawn_reason == "录入错误"
    assert params.list_parameters(db) == []
    assert [r.parameter.id for r in params.list_parameters(db, include_removed=True)] == [pid]
    assert params.finality_threshold(db, dt.date(2025, 1, 1), AREA) is None
    with pytest.raises(ConflictError):
        params.remove(db, pid, "再删一次")
    with pytest.raises(NotFound):
        params.remove(db, 9999, "不存在")
    actions = [row.action for row in audit.history(db, params.AUDIT_ENTITY, pid)]
    assert sorted(actions) == ["wage_parameter.add", "wage_parameter.remove"]
    # A removed figure no longer blocks a corrected one for the same date.
    params.add(db, ParameterKind.MINIMUM_WAGE, AREA, dt.date(2024, 1, 1), 1_850_00, SOURCE)
    assert params.finality_threshold(db, dt.date(2025, 1, 1), AREA) == 12 * 1_850_00
