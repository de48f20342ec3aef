"""A postponed hearing and the one that replaces it point at each other (postponed_from / postponed_to)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.conftest import TODAY
from tests.integration.test_conflicts import WED
from tribunal.db.models import Hearing
from tribunal.domain.enums import HearingStatus
from tribunal.domain.scheduling import HearingConflict
from tribunal.services import hearings


def test_a_new_date_links_the_two_hearings_both_ways(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    assert (h.postponed_from_id, h.postponed_to_id) == (None, None)
    new, _ = hearings.postpone_hearing(w.db, h.id, "被申请人申请延期", dt.datetime(2026, 12, 16, 9),
                                       dt.datetime(2026, 12, 16, 11), today=TODAY)
    assert (new.postponed_from_id, new.postponed_to_id) == (h.id, None)
    old = hearings.get_hearing(w.db, h.id)
    assert (old.status, old.postponed_from_id, old.postponed_to_id) == (HearingStatus.POSTPONED, None, new.id)
    with w.db.session(write=False) as s:
        assert s.scalar(select(Hearing.postponed_from_id).where(Hearing.id == new.id)) == h.id
    # Postponed once more: a chain, each link pointing back one step.
    newer, _ = hearings.postpone_hearing(w.db, new.id, "鉴定尚未完成", dt.datetime(2026, 12, 18, 9),
                                         dt.datetime(2026, 12, 18, 11), today=TODAY)
    middle = hearings.get_hearing(w.db, new.id)
    assert (middle.postponed_from_id, middle.postponed_to_id) == (h.id, newer.id)
    assert (newer.postponed_from_id, newer.postponed_to_id) == (new.id, None)
    assert hearings.get_hearing(w.db, h.id).postponed_to_id == new.id


def test_without_a_new_date_or_on_a_clash_nothing_is_linked(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    w.schedule(w.hearing(dt.date(2026, 12, 16), "09:00", "11:00", "B2", case=2))
    with pytest.raises(HearingConflict):
        hearings.postpone_hearing(w.db, h.id, "延期", dt.datetime(2026, 12, 16, 10), dt.datetime(2026, 12, 16, 12),
                                  today=TODAY)
    assert hearings.get_hearing(w.db, h.id).postponed_to_id is None
    detail, _ = hearings.postpone_hearing(w.db, h.id, "等待工伤认定结论", today=TODAY)
    assert (detail.id, detail.status, detail.postponed_to_id) == (h.id, HearingStatus.POSTPONED, None)
    with w.db.session(write=False) as s:
        assert s.scalars(select(Hearing.id).where(Hearing.postponed_from_id.is_not(None))).all() == []


def test_everyone_on_the_case_is_told_of_a_postponement_or_cancellation(w):
    from tribunal.domain.enums import ParticipantRole
    from tribunal.services import participants

    participants.add_participant(w.db, w.case1.id, ParticipantRole.WITNESS, "阿卜杜热合曼·阿卜杜克热木",
                                 phone="13900001111", today=TODAY)
    participants.add_participant(w.db, w.case1.id, ParticipantRole.APPRAISER, "欧阳𬱖", today=TODAY)
    participants.add_participant(w.db, w.case1.id, ParticipantRole.INTERPRETER, "李译", today=TODAY)
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    _, told = hearings.postpone_hearing(w.db, h.id, "被申请人申请延期", today=TODAY)
    kinds = [r.kind for r in told]
    # Parties (each followed by its agent, when it has one), then the other participants, then the
    # tribunal and the rest.
    assert kinds[:kinds.index("participant")] and set(kinds[:kinds.index("participant")]) <= {"party", "agent"}
    others = [(r.name, r.role_label, r.phone) for r in told if r.kind == "participant"]
    assert others == [("阿卜杜热合曼·阿卜杜克热木", "证人", "13900001111"), ("欧阳𬱖", "鉴定人", ""),
                      ("李译", "翻译人员", "")]
    assert "arbitrator" in kinds and "clerk" in kinds
    told_again = hearings.cancel_hearing(w.db, h.id, "申请人撤回仲裁申请")
    assert [(r.name, r.kind) for r in told_again if r.kind == "participant"] == [
        ("阿卜杜热合曼·阿卜杜克热木", "participant"), ("欧阳𬱖", "participant"), ("李译", "participant")]
