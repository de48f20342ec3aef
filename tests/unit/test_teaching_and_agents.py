"""Pure rules: the teaching case's general account, certificate-number patterns, agents."""

from __future__ import annotations

import pytest

from tribunal.domain import agents
from tribunal.domain.case_numbers import CertificatePattern
from tribunal.domain.enums import AgentAuthority, AgentKind, SpecialAuthority
from tribunal.domain.teaching import approx_wan, default_text, generalise, health_terms

# ---------------------------------------------------------------- teaching case


def test_the_default_account_holds_no_injury_grade_name_or_exact_amount() -> None:
    text = default_text("2026年11月", "工伤保险待遇争议", [
        ("支付九级伤残一次性伤残补助金", 5_612_300), ("支付右手受伤的住院伙食补助费", 150_000),
        ("支付2025年3月至2026年8月拖欠的工资", 800_000), ("出具解除劳动合同的证明", None),
    ])
    assert text.startswith("2026年11月，劳动者一方与用人单位因工伤保险待遇争议申请劳动人事争议仲裁。")
    assert "提出仲裁请求4项" in text and "约7万元" in text
    assert "九级" not in text and "右手" not in text and "2025年3月" not in text and "56" not in text
    assert health_terms(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("支付九级伤残一次性伤残补助金56,123元", "支付一次性伤残补助金"),
    ("支付伤残等级为七级的伤残就业补助金", "支付的伤残就业补助金"),
    ("申请人在车间操作冲压设备时右手受伤，经认定为工伤，评定为九级伤残。", "经认定为工伤"),
    ("支付2026年3月至5月拖欠的工资12345.50元", "支付拖欠的工资"),
    ("支付2025年12月1日至2026年2月28日的加班费", "支付的加班费"),
])
def test_generalise(text: str, expected: str) -> None:
    assert generalise(text) == expected


def test_amounts_to_the_nearest_wan() -> None:
    assert [approx_wan(f) for f in (None, 0, 400_000, 5_612_300, 12_049_900)] == [
        "", "", "不足1万元", "约6万元", "约12万元"]


def test_health_terms_are_named_for_the_clerk() -> None:
    assert health_terms("右手骨折，评定为九级伤残") == ["手", "骨", "骨折", "评定为九级伤残"]


# ---------------------------------------------------------------- certificate numbers


def test_certificate_pattern_formats_and_refuses() -> None:
    pattern = CertificatePattern("邵劳人仲培字〔{年}〕第{号}号")
    assert pattern.format(2026, 15) == "邵劳人仲培字〔2026〕第15号"
    assert pattern.series == "证:邵劳人仲培字〔〕第号"
    for bad in ("", "培训证{年}", "{号}〔{年}〕", "培{年}{号}{x}", "培 {年}{号}", "培1{年}{号}", "培" * 31 + "{年}{号}"):
        with pytest.raises(ValueError):
            CertificatePattern(bad)
    with pytest.raises(ValueError):
        pattern.format(26, 1)
    with pytest.raises(ValueError):
        pattern.format(2026, 0)


# ---------------------------------------------------------------- agents


def test_addressee_follows_official_punctuation() -> None:
    assert agents.addressee("汪婷婷", AgentKind.LAWYER, "湖南宝庆 律师事务所", "申请人", "李紫萱") == \
        "湖南宝庆律师事务所律师汪婷婷（申请人李紫萱的委托代理人）"
    assert agents.addressee("王五", AgentKind.STATUTORY, "", "申请人", "王小明") == "王五（申请人王小明的法定代理人）"
    assert agents.addressee("赵六", AgentKind.APPOINTED, "某单位", "申请人", "王小明") == "赵六（申请人王小明的指定代理人）"
    assert agents.addressee("钱七", AgentKind.LAWYER, "", "被申请人", "某公司") == "钱七律师（被申请人某公司的委托代理人）"


def test_what_each_kind_brings() -> None:
    assert agents.documents_to_bring(AgentKind.LAWYER) == (
        "律师执业证原件及复印件", "律师事务所出具的所函", agents.POWER_OF_ATTORNEY)
    assert agents.documents_to_bring(AgentKind.LAWYER, legal_aid=True)[1] == "法律援助机构出具的指派公函"
    assert agents.POWER_OF_ATTORNEY not in agents.documents_to_bring(AgentKind.STATUTORY)
    assert agents.POWER_OF_ATTORNEY not in agents.documents_to_bring(AgentKind.APPOINTED)
    assert all(agents.POWER_OF_ATTORNEY in agents.documents_to_bring(k)
               for k in AgentKind if k not in (AgentKind.STATUTORY, AgentKind.APPOINTED))


def test_who_may_agree_to_mediation() -> None:
    assert agents.may_settle(AgentKind.STATUTORY, None, ())
    assert agents.may_settle(AgentKind.LAWYER, AgentAuthority.SPECIAL, (SpecialAuthority.SETTLE,))
    assert not agents.may_settle(AgentKind.LAWYER, AgentAuthority.SPECIAL, (SpecialAuthority.WAIVE,))
    assert not agents.may_settle(AgentKind.LAWYER, AgentAuthority.GENERAL, ())
    assert not agents.may_settle(AgentKind.CLOSE_RELATIVE, None, ())  # not recorded: not assumed
