"""Enterprise-name normalisation: what counts as the same enterprise, and the tidy stored form."""

from __future__ import annotations

import pytest

from tribunal.domain.names import enterprise_name_key, same_enterprise_name, tidy_enterprise_name


@pytest.mark.parametrize(("a", "b"), [
    ("邵阳宝庆精密机械有限公司", "邵阳宝庆精密机械有限责任公司"),
    ("邵阳宝庆精密机械有限公司", " 邵阳宝庆 精密机械有限公司　"),  # spaces, ideographic space
    ("湖南楚邵（邵阳）机械有限公司", "湖南楚邵(邵阳)机械有限公司"),
    ("湖南楚邵〔邵阳〕机械有限公司", "湖南楚邵【邵阳】机械有限公司"),
    ("ＡＢＣ科技有限公司", "abc科技有限公司"),
    ("邵阳第１纺织厂", "邵阳第1纺织厂"),
    ("邵阳宝庆精密机械有限责任公司长沙分公司", "邵阳宝庆精密机械有限公司长沙分公司"),
])
def test_same_enterprise(a, b):
    assert enterprise_name_key(a) == enterprise_name_key(b)
    assert same_enterprise_name(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("湖南楚邵新材料有限公司", "湖南楚邵新材料股份有限公司"),  # a different legal form
    ("湖南楚邵新材料股份有限公司", "湖南楚邵新材料有限责任公司"),
    ("湖南楚邵新材料有限公司", "湖南楚邵新材料有限公司邵东分公司"),  # a branch is registered separately
    ("邵阳宝庆精密机械有限公司", "邵阳宝庆精密机械厂"),
])
def test_different_enterprises(a, b):
    assert enterprise_name_key(a) != enterprise_name_key(b)
    assert not same_enterprise_name(a, b)


def test_key_examples():
    assert enterprise_name_key("湖南楚邵（邵阳）机械有限责任公司") == "湖南楚邵(邵阳)机械有限公司"
    assert enterprise_name_key("湖南楚邵新材料股份有限公司") == "湖南楚邵新材料股份有限公司"
    assert enterprise_name_key(None) == "" and enterprise_name_key("  ") == ""
    assert not same_enterprise_name("", "")
    assert not same_enterprise_name(None, "甲公司")


@pytest.mark.parametrize(("typed", "stored"), [
    (" 邵阳宝庆精密机械 有限公司 ", "邵阳宝庆精密机械有限公司"),
    ("湖南楚邵(邵阳)机械有限公司", "湖南楚邵（邵阳）机械有限公司"),
    ("湖南楚邵 （ 邵阳 ） 机械有限公司", "湖南楚邵（邵阳）机械有限公司"),
    ("ＡＢＣ  Ｃｈｉｎａ 科技有限公司", "ABC China科技有限公司"),
    ("3M  China  Ltd", "3M China Ltd"),
    ("湖南楚邵有限责任公司", "湖南楚邵有限责任公司"),  # the registered form is kept as written
    ("", ""),
    (None, ""),
])
def test_tidy_name(typed, stored):
    assert tidy_enterprise_name(typed) == stored
