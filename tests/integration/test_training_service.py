"""Training: the shipped topic library (seeded once, editable), sessions, attendance."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.integration.data.outreach import copy_world
from tribunal.db.models import AuditEntry, Setting, TrainingTopic
from tribunal.domain.enums import CaseType
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import documents, observers, training

START = dt.datetime(2026, 12, 8, 11, 40)
END = dt.datetime(2026, 12, 8, 12, 30)
# The twelve training points of the topic library (resources/topics/topics.json), by their codes.
TWELVE = ("dispute_channels", "limitation", "burden_of_proof", "records", "written_contract", "probation",
          "workplace_rules", "termination", "wages_overtime", "social_insurance", "work_injury", "non_compete")


@pytest.fixture
def db_path(outreach_world, tmp_path):
    return copy_world(outreach_world(10)[0], tmp_path)


@pytest.fixture
def world(outreach_world, db):
    return outreach_world(10)[1]


def _topic_ids(db, *codes):
    by_code = {t.code: t.id for t in training.list_topics(db, active_only=False)}
    return [by_code[c] for c in codes]


# ---------------------------------------------------------------- the library


def test_library_ships_the_twelve_points_with_legal_basis():
    library = training.library_topics()
    codes = [t.code for t in library]
    assert codes[:12] == list(TWELVE)
    assert len(codes) == len(set(codes)) >= 12
    valid_tags = {t.value for t in CaseType} | {training.GENERAL_TAG}
    for t in library:
        assert t.title and t.legal_basis.startswith("《"), t.code
        assert t.body.count("\n\n") >= 1, t.code  # a few paragraphs
        assert t.tags and set(t.tags) <= valid_tags, t.code
        assert len(t.legal_basis) <= 400 and len(t.title) <= 200


def test_seeding_is_idempotent(db):
    with db.session(write=False) as s:
        assert s.scalar(select(func.count()).select_from(TrainingTopic)) == 0
    topics = training.list_topics(db)
    assert [t.code for t in topics] == [t.code for t in training.library_topics()]
    assert training.seed_topics(db) == 0
    assert len(training.list_topics(db)) == len(topics)
    with db.session(write=False) as s:
        assert s.scalar(select(func.count()).select_from(TrainingTopic)) == len(topics)


def test_the_commission_edits_and_the_edit_survives_reseeding(db):
    [limitation] = _topic_ids(db, "limitation")
    edited = training.update_topic(db, limitation, title=" 仲裁时效（本院版） ", body="我们自己的讲法。")
    assert (edited.title, edited.body) == ("仲裁时效（本院版）", "我们自己的讲法。")
    assert edited.legal_basis == "《劳动争议调解仲裁法》第二十七条"  # untouched
    assert training.seed_topics(db) == 0
    assert training.get_topic(db, limitation).title == "仲裁时效（本院版）"
    with pytest.raises(ValidationError, match="请填写主题名称"):
        training.update_topic(db, limitation, title="  ")
    with pytest.raises(NotFound):
        training.update_topic(db, 9999, title="x")


def test_deactivate_add_and_reactivate(db):
    [privacy] = _topic_ids(db, "employee_privacy")
    training.deactivate_topic(db, privacy)
    assert "employee_privacy" not in [t.code for t in training.list_topics(db)]
    assert training.seed_topics(db) == 0  # a deactivated topic is not brought back
    own = training.add_topic(db, "园区用工常见问题", "本院整理。", "《劳动合同法》")
    assert own.code == f"custom-{len(training.library_topics()) + 1}" and own.tags == ()
    coded = training.add_topic(db, "夜班安排", code="night-shift")
    with pytest.raises(ConflictError, match="主题代码“night-shift”已被使用"):
        training.add_topic(db, "又一个", code="night-shift")
    with pytest.raises(ValidationError, match="主题代码只能用"):
        training.add_topic(db, "又一个", code="夜班")
    assert [t.code for t in training.list_topics(db)][-2:] == [own.code, coded.code]
    assert training.set_topic_active(db, privacy, True).active


def test_suggest_topics_by_case_type(db):
    codes = [t.code for t in training.suggest_topics(db, CaseType.WORK_INJURY)]
    assert codes == ["termination", "social_insurance", "work_injury",
                     "dispute_channels", "limitation", "burden_of_proof", "final_award"]
    assert [t.code for t in training.suggest_topics(db, "non_compete")][:1] == ["non_compete"]
    assert [t.code for t in training.suggest_topics(db, None)] == [
        "dispute_channels", "limitation", "burden_of_proof", "final_award"]


# ---------------------------------------------------------------- tags in the database


def test_seeding_stores_each_library_topics_tags(db):
    training.seed_topics(db)
    with db.session(write=False) as s:
        stored = {t.code: tuple(t.tags) for t in s.scalars(select(TrainingTopic))}
        marker = s.get(Setting, training.TAGS_FILLED_KEY)
    assert stored == {t.code: t.tags for t in training.library_topics()}
    assert stored["work_injury"] == ("work_injury", "social_insurance")
    assert marker is not None and marker.value is True


def test_topics_seeded_before_tags_existed_get_them_once(db):
    # An older database: the library's topics stored without tags, and no marker.
    with db.session() as s:
        for t in training.library_topics()[:3]:
            s.add(TrainingTopic(code=t.code, title=t.title, body=t.body, legal_basis=t.legal_basis, tags=[]))
        s.add(TrainingTopic(code="own-1", title="本院自编主题", tags=[]))
    assert training.seed_topics(db) == len(training.library_topics()) - 3
    by_code = {t.code: t for t in training.list_topics(db)}
    assert by_code["dispute_channels"].tags == ("general", "collective", "wages")
    assert by_code["burden_of_proof"].tags == training.library_topics()[2].tags
    assert by_code["own-1"].tags == ()  # not a library topic: nothing to copy
    with db.session(write=False) as s:
        fills = s.scalar(select(func.count()).select_from(AuditEntry)
                         .where(AuditEntry.action == "training.fill_tags"))
    assert fills == 1
    # The clerk clears a topic's tags; seeding again does not bring them back.
    training.update_topic(db, by_code["limitation"].id, tags=[])
    assert training.seed_topics(db) == 0
    assert training.get_topic(db, by_code["limitation"].id).tags == ()
    assert "limitation" not in [t.code for t in training.suggest_topics(db, CaseType.WAGES)]


def test_add_and_update_topic_tags_drive_the_suggestions(db):
    own = training.add_topic(db, "停工留薪期工资的计算", "本院整理。", "《工伤保险条例》第三十三条",
                             tags=[CaseType.WORK_INJURY, "工伤保险待遇", "general"])
    assert own.tags == ("work_injury", "general")
    codes = [t.code for t in training.suggest_topics(db, CaseType.WORK_INJURY)]
    assert codes == ["termination", "social_insurance", "work_injury", own.code,
                     "dispute_channels", "limitation", "burden_of_proof", "final_award"]
    assert own.code in [t.code for t in training.suggest_topics(db, None)]  # general
    # Re-tagged to another case type: no longer offered for work injury.
    moved = training.update_topic(db, own.id, tags="overtime")
    assert moved.tags == ("overtime",) and moved.title == "停工留薪期工资的计算"
    assert own.code not in [t.code for t in training.suggest_topics(db, CaseType.WORK_INJURY)]
    assert own.code not in [t.code for t in training.suggest_topics(db, None)]
    assert [t.code for t in training.suggest_topics(db, "overtime")][:4] == [
        "limitation", "burden_of_proof", "records", "wages_overtime"]
    assert own.code in [t.code for t in training.suggest_topics(db, "overtime")]
    untouched = training.update_topic(db, own.id, title="停工留薪期")
    assert untouched.tags == ("overtime",)  # tags not given: kept
    assert training.add_topic(db, "通用的讲法", tags=["通用"]).tags == ("general",)


def test_unknown_tags_are_refused_and_nothing_is_saved(db):
    with pytest.raises(ValidationError, match="培训主题的适用案由有误：夜班、holiday") as err:
        training.add_topic(db, "夜班安排", tags=["夜班", "wages", "holiday"])
    assert err.value.fields == {"tags": "无效的适用案由"}
    [records] = _topic_ids(db, "records")
    with pytest.raises(ValidationError, match="适用案由有误"):
        training.update_topic(db, records, title="改了也不存", tags=["bonus"])
    topic = training.get_topic(db, records)
    assert topic.title == "用工台账：职工名册、工资记录和合同文本要留存"
    assert topic.tags == ("wages", "overtime", "labor_relation", "double_wage")
    assert "夜班安排" not in [t.title for t in training.list_topics(db)]
    assert training.valid_tags()[-1] == "general" and len(training.valid_tags()) == len(CaseType) + 1
    assert (training.tag_label("general"), training.tag_label("work_injury")) == ("通用", "工伤保险待遇")


def test_handout_default_topics_follow_the_tags_in_the_database(db):
    training.seed_topics(db)
    [termination] = _topic_ids(db, "termination")
    training.update_topic(db, termination, tags=["illegal_termination"])
    own = training.add_topic(db, "工伤认定的申请时限", "本院整理。", "《工伤保险条例》第十七条",
                             tags=["work_injury"])
    with db.session(write=False) as s:
        chosen = [t.code for t in documents.default_topics(s, CaseType.WORK_INJURY)]
    assert chosen == ["social_insurance", "work_injury", own.code, "dispute_channels"]


# ---------------------------------------------------------------- sessions


def test_create_session_after_a_hearing(db, world):
    ids = _topic_ids(db, "work_injury", "termination")
    s = training.create_session(db, world.hearing_id, " 工伤处理与解除劳动合同 ", "李建国", START, END,
                                "职工活动中心会议室", ids + ids[:1])
    assert (s.title, s.speaker, s.hearing_id, s.hearing_public) == ("工伤处理与解除劳动合同", "李建国",
                                                                   world.hearing_id, True)
    assert [t.code for t in s.topics] == ["work_injury", "termination"]
    assert s.topics[0].legal_basis.startswith("《工伤保险条例》")
    standalone = training.create_session(db, None, "园区普法讲座", "", START + dt.timedelta(days=3), None, "", [])
    assert standalone.hearing_public is None and standalone.topics == ()
    assert [r.title for r in training.list_sessions(db, year=2026)] == ["园区普法讲座", "工伤处理与解除劳动合同"]
    assert training.list_sessions(db, year=2025) == []
    assert [r.topics for r in training.list_sessions(db, hearing_id=world.hearing_id)] == [2]


def test_session_validation(db, world):
    [inactive] = _topic_ids(db, "records")
    training.deactivate_topic(db, inactive)
    with pytest.raises(ValidationError) as err:
        training.create_session(db, 9999, "", "李建国", START, START, "", [inactive, 8888])
    assert err.value.fields == {"title": "请填写培训名称", "ends_at": "结束时间应晚于开始时间",
                                "hearing": "所选开庭已不存在", "topics": "所选培训主题已不存在，请重新选择"}
    with pytest.raises(ValidationError, match="培训主题已停用：用工台账"):
        training.create_session(db, None, "讲座", "", START, None, "", [inactive])


def test_update_keeps_a_topic_deactivated_since(db, world):
    ids = _topic_ids(db, "records", "probation")
    s = training.create_session(db, world.hearing_id, "讲座", "李建国", START, END, "会议室", ids)
    training.deactivate_topic(db, ids[0])
    changed = training.update_session(db, s.id, title="讲座（改）", speaker="王淑芬", starts_at=START, ends_at=END,
                                      venue="会议室", topic_ids=list(reversed(ids)), hearing_id=world.hearing_id)
    assert [t.code for t in changed.topics] == ["probation", "records"]
    assert (changed.title, changed.speaker) == ("讲座（改）", "王淑芬")
    training.delete_session(db, s.id)
    with pytest.raises(NotFound):
        training.get_session(db, s.id)


# ---------------------------------------------------------------- attendance


def test_attendance_prefilled_from_check_in_then_recorded(db, world):
    rows = {r.name: r for r in observers.invite(db, world.hearing_id,
                                                [world.people[n] for n in ("王丽", "李娟", "周海波")])}
    observers.check_in(db, rows["王丽"].id, at=dt.datetime(2026, 12, 8, 9, 10))
    observers.check_in(db, rows["李娟"].id, at=dt.datetime(2026, 12, 8, 9, 5))
    s = training.create_session(db, world.hearing_id, "讲座", "李建国", START, END, "会议室", [])
    prefilled = training.observers_checked_in(db, s.id)
    assert [(a.name, a.enterprise_name) for a in prefilled] == [("李娟", "邵阳双清电子科技有限公司"),
                                                               ("王丽", "邵阳市资江食品有限公司")]
    others = [("职工代表甲", "邵阳市资江食品有限公司"), ("周海波", "邵阳市雪峰物流有限责任公司"),
              ("职工代表甲", "邵阳市资江食品有限公司")]
    detail = training.record_attendance(db, s.id, [a.observer_id for a in prefilled], others)
    assert [(a.name, a.observer_id, a.enterprise_name) for a in detail.attendance] == [
        ("李娟", world.people["李娟"], "邵阳双清电子科技有限公司"),
        ("王丽", world.people["王丽"], "邵阳市资江食品有限公司"),
        ("职工代表甲", None, "邵阳市资江食品有限公司"),
        # Written in by hand, but the directory knows this person: linked.
        ("周海波", world.people["周海波"], "邵阳市雪峰物流有限责任公司"),
    ]
    # Saving the same list again changes nothing; a shorter list removes the rest.
    assert training.record_attendance(db, s.id, [a.observer_id for a in prefilled], others) == detail
    smaller = training.record_attendance(db, s.id, [world.people["王丽"]])
    assert [a.name for a in smaller.attendance] == ["王丽"]
    assert [t.session_id for t in observers.person_history(db, world.people["王丽"]).trainings] == [s.id]
    assert observers.person_history(db, world.people["周海波"]).trainings == ()
    with pytest.raises(ValidationError, match="第1位其他参训人员：请填写姓名"):
        training.record_attendance(db, s.id, [], [("", "某公司")])
    with pytest.raises(NotFound):
        training.record_attendance(db, s.id, [9999])


def test_standalone_session_has_no_prefill(db, world):
    s = training.create_session(db, None, "讲座", "", START, None, "", [])
    assert training.observers_checked_in(db, s.id) == []
