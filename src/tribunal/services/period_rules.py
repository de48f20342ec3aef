"""Confirming the period rules against the official texts (期间规则核对): who, when, which text.

The shipped ``resources/periods.json`` marks every rule unverified, so every date it gives
carries 期间规则待核对. A commission confirms each rule once it has read the official text:
the confirmation records who confirmed it, when, against which text, and the rule as it then
read (length, unit, articles). A confirmed rule loses the mark on every screen and in every
command; a confirmation can be withdrawn (with a reason) and stays on record. When a later
version of the program ships a rule with another length, unit or basis, the old confirmation
no longer matches and the rule shows unconfirmed again until it is checked anew.

Confirmations are commission-wide (stored in the database). Each change writes an audit
entry, and the effective rules are cached until the next change from any workstation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import PeriodRuleCheck
from tribunal.domain.periods import PeriodRule, shipped_rules
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit
from tribunal.texts import msg

__all__ = ["AUDIT_ENTITY", "RuleCheck", "RuleStatus", "confirm", "rules", "rules_in", "statuses", "withdraw"]

AUDIT_ENTITY = "period_rule"

#: The rules every clock uses, per database, until a confirmation is made or withdrawn.
_kept: audit.AuditedCache[Mapping[str, PeriodRule]] = audit.AuditedCache(AUDIT_ENTITY)


@dataclass(frozen=True)
class RuleCheck:
    """One confirmation of a rule (``withdrawn_at`` set once it was withdrawn)."""

    id: int
    rule_key: str
    days: int
    unit: str
    basis: str
    source: str
    note: str
    confirmed_by: str
    confirmed_at: dt.datetime
    withdrawn_at: dt.datetime | None = None
    withdrawn_by: str = ""
    withdrawn_reason: str = ""

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None

    def matches(self, rule: PeriodRule) -> bool:
        """Whether this confirmation is about the rule as it reads now."""
        return (self.days, self.unit, self.basis) == (rule.days, rule.unit, rule.basis)


@dataclass(frozen=True)
class RuleStatus:
    """One rule with its confirmation state.

    Attributes:
        rule: the rule as the program uses it (``verified`` True when confirmed).
        confirmation: the active confirmation of the rule as it reads now, or None.
        outdated: an active confirmation of an earlier form of the rule (length, unit or
            basis changed since), or None.
        history: every confirmation of the rule, newest first, withdrawn ones included.
    """

    rule: PeriodRule
    confirmation: RuleCheck | None
    outdated: RuleCheck | None
    history: tuple[RuleCheck, ...]

    @property
    def verified(self) -> bool:
        return self.confirmation is not None


def _check(row: PeriodRuleCheck) -> RuleCheck:
    return RuleCheck(row.id, row.rule_key, row.days, row.unit, row.basis, row.source, row.note or "",
                     row.confirmed_by, row.confirmed_at, row.withdrawn_at, row.withdrawn_by or "",
                     row.withdrawn_reason or "")


def _checks(s: Session) -> dict[str, list[RuleCheck]]:
    out: dict[str, list[RuleCheck]] = {}
    for row in s.scalars(select(PeriodRuleCheck).order_by(PeriodRuleCheck.id.desc())):
        out.setdefault(row.rule_key, []).append(_check(row))
    return out


def _statuses(s: Session) -> list[RuleStatus]:
    checks = _checks(s)
    out = []
    for key, rule in shipped_rules().items():
        history = tuple(checks.get(key, ()))
        active = [c for c in history if c.active]
        current = next((c for c in active if c.matches(rule)), None)
        outdated = None if current is not None else next(iter(active), None)
        out.append(RuleStatus(replace(rule, verified=current is not None), current, outdated, history))
    return out


def rules_in(s: Session) -> Mapping[str, PeriodRule]:
    """The rules as this open session sees them: those :func:`rules` keeps, unless a
    confirmation was made or withdrawn since (in this session too)."""
    return _kept.read(s, _read, keep=False)


def _read(s: Session) -> Mapping[str, PeriodRule]:
    return MappingProxyType({st.rule.key: st.rule for st in _statuses(s)})


def rules(db: Database) -> Mapping[str, PeriodRule]:
    """The rules every clock uses: the shipped rules, confirmed ones marked ``verified``.

    Cached until a rule is confirmed or a confirmation withdrawn (on any workstation), which
    costs one small query per call.
    """
    with db.session(write=False) as s:
        return _kept.read(s, _read, keep=True)


def statuses(db: Database) -> list[RuleStatus]:
    """Every rule in the order of the rules file, with its confirmation state and history."""
    with db.session(write=False) as s:
        return _statuses(s)


def _status(s: Session, key: str) -> RuleStatus:
    found = next((st for st in _statuses(s) if st.rule.key == key), None)
    if found is None:
        keys = "、".join(shipped_rules())
        raise NotFound(msg("没有名为“{key}”的期间规则；现有规则：{keys}", key=key, keys=keys))
    return found


def confirm(db: Database, key: str, source: str, note: str = "") -> RuleStatus:
    """Record that the rule ``key`` was checked against the official text ``source``.

    Args:
        key: the rule's key (``defence``, ``award``…).
        source: which official text it was checked against: the instrument, its number and
            where the text was read (e.g. 人力资源社会保障部令第33号，部网站公布文本).
        note: anything else worth keeping (e.g. the article's wording).

    Raises:
        ValidationError: no source, or a source or note too long.
        ConflictError: the rule is already confirmed as it reads now.
        NotFound: no such rule.
    """
    text = " ".join(source.split())
    remark = " ".join(note.split())
    problems = {}
    if len(text) < 4:
        problems["source"] = msg("请写明核对所依据的官方文本（文件名称、文号及来源）")
    elif len(text) > 300:
        problems["source"] = msg("过长（最多 300 字）")
    if len(remark) > 300:
        problems["note"] = msg("过长（最多 300 字）")
    ValidationError.raise_if(problems, msg("期间规则核对"))
    with db.session() as s:
        status = _status(s, key)
        if status.confirmation is not None:
            c = status.confirmation
            raise ConflictError(msg("期间规则“{rule}”已于 {confirmed_at:%Y-%m-%d} 由{confirmed_by}核对确认", rule=status.rule, confirmed_at=c.confirmed_at, confirmed_by=c.confirmed_by))
        rule = status.rule
        row = PeriodRuleCheck(rule_key=key, days=rule.days, unit=rule.unit, basis=rule.basis, source=text,
                              note=remark or None, confirmed_by=db.actor)
        s.add(row)
        s.flush()
        audit.record(s, db.actor, "period_rule.confirm", AUDIT_ENTITY, row.id,
                     f"核对确认期间规则“{rule.label_zh}”（{rule.days}个{rule.unit_zh}，{rule.basis}），依据：{text}",
                     None, _check(row))
        return _status(s, key)


def withdraw(db: Database, check_id: int, reason: str) -> RuleCheck:
    """Withdraw a confirmation (the rule shows 期间规则待核对 again).

    Raises:
        ValidationError: no reason.
        ConflictError: already withdrawn.
        NotFound: no such confirmation.
    """
    why = " ".join(reason.split())
    if not why:
        raise ValidationError(msg("请填写撤销核对的原因"), {"reason": msg("必填")})
    if len(why) > 200:
        raise ValidationError(msg("原因过长（最多 200 字）"), {"reason": msg("过长")})
    with db.session() as s:
        row = s.get(PeriodRuleCheck, check_id)
        if row is None:
            raise NotFound(msg("找不到编号为 {check_id} 的核对记录", check_id=check_id))
        if row.withdrawn_at is not None:
            raise ConflictError(msg("该核对记录已于 {withdrawn_at:%Y-%m-%d} 由{withdrawn_by}撤销", withdrawn_at=row.withdrawn_at, withdrawn_by=row.withdrawn_by))
        before = _check(row)
        row.withdrawn_at = dt.datetime.now().replace(microsecond=0)
        row.withdrawn_by = db.actor
        row.withdrawn_reason = why
        label = shipped_rules()[row.rule_key].label_zh if row.rule_key in shipped_rules() else row.rule_key
        audit.record(s, db.actor, "period_rule.withdraw", AUDIT_ENTITY, row.id,
                     f"撤销对期间规则“{label}”的核对确认：{why}", before, _check(row))
        return _check(row)
