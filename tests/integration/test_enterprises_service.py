"""The enterprise directory: adding, duplicates by credit code and by normalised name, contacts, search, CLI."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.integration.data.outreach import CODES, PILOT_CODE, ZONE, write_messy_xlsx
from tribunal.cli import main
from tribunal.db.models import AuditEntry, Enterprise, Observer
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import enterprises
from tribunal.services.enterprises import EnterpriseInput


def _add(db, name, **kw):
    return enterprises.create_enterprise(db, EnterpriseInput(name, **kw))


def test_create_normalises_and_adds_the_primary_contact(db):
    zone = enterprises.add_zone(db, ZONE)
    detail = _add(db, " 邵阳宝庆精密机械 有限公司 ", credit_code="９１４３０５００ｍａ４ｔ０００００ｋ",
                  zone_id=zone.id, contact_name="刘 晓燕", contact_title="人事经理",
                  contact_phone="138-0731-2233", size="350")
    row = detail.row
    assert (row.name, row.credit_code, row.zone, row.contact_name, row.size) == (
        "邵阳宝庆精密机械有限公司", CODES[0], ZONE, "刘晓燕", "350人")
    assert row.contact_phone == "138****2233"  # masked in what the list shows
    assert enterprises.reveal_contact_phone(db, row.id) == "13807312233"
    assert [(c.name, c.title, c.phone, c.primary) for c in detail.contacts] == [
        ("刘晓燕", "人事经理", "13807312233", True)]
    with db.session(write=False) as s:
        stored = s.get(Enterprise, row.id)
        assert stored.normalised_name == "邵阳宝庆精密机械有限公司"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "enterprise.create")).one()
        # The audit trail keeps the number masked, with a keyed fingerprint (never the number itself).
        assert entry.entity_id == row.id and entry.after["contact_phone"]["masked"] == "138****2233"
        assert "13807312233" not in str(entry.after)


@pytest.mark.parametrize("variant", [
    "邵阳宝庆精密机械有限责任公司",
    "邵阳宝庆精密机械有限公司 ",
    "邵阳 宝庆 精密机械有限公司",
])
def test_duplicate_names_are_refused(db, variant):
    _add(db, "邵阳宝庆精密机械有限公司", credit_code=CODES[0])
    with pytest.raises(ConflictError, match="名录中已有同名企业“邵阳宝庆精密机械有限公司”"):
        _add(db, variant)


def test_full_width_brackets_and_letters_are_the_same_name(db):
    _add(db, "ABC（邵阳）科技有限公司")
    with pytest.raises(ConflictError):
        _add(db, "ＡＢＣ(邵阳)科技有限责任公司")


def test_duplicate_code_is_refused(db):
    _add(db, "邵阳宝庆精密机械有限公司", credit_code=CODES[0])
    with pytest.raises(ConflictError, match=f"统一社会信用代码 {CODES[0]} 已登记为“邵阳宝庆精密机械有限公司”"):
        _add(db, "另一家有限公司", credit_code=CODES[0].lower())


def test_joint_stock_companies_and_branches_stay_distinct(db):
    _add(db, "湖南楚邵新材料有限公司")
    _add(db, "湖南楚邵新材料股份有限公司")
    _add(db, "湖南楚邵新材料有限公司邵东分公司")
    assert len(enterprises.search_enterprises(db, "楚邵")) == 3
    assert [r.name for r in enterprises.find_duplicates(db, "湖南楚邵新材料有限责任公司")] == ["湖南楚邵新材料有限公司"]


def test_pilot_code_needs_a_confirmation(db):
    with pytest.raises(ValidationError) as err:
        _add(db, "邵阳市资江食品有限公司", credit_code=PILOT_CODE)
    assert "核对营业执照无误后" in err.value.fields["credit_code"]
    row = _add(db, "邵阳市资江食品有限公司", credit_code=PILOT_CODE, credit_code_confirmed=True).row
    assert row.credit_code_unconfirmed is False
    assert enterprises.confirm_credit_code(db, row.id).credit_code_unconfirmed is False  # idempotent
    valid = _add(db, "邵阳市雪峰物流有限公司", credit_code=CODES[5]).row
    with pytest.raises(ConflictError, match="无须核对"):
        enterprises.confirm_credit_code(db, valid.id)


def test_invalid_input_is_refused_field_by_field(db):
    with pytest.raises(ValidationError) as err:
        _add(db, "", credit_code="123", contact_phone="12345", contact_name="张3")
    assert set(err.value.fields) == {"name", "credit_code", "contact_phone", "contact_name"}
    with pytest.raises(ValidationError, match="开发区已不存在"):
        _add(db, "甲公司", zone_id=999)


def test_update_and_confirm_code(db):
    row = _add(db, "邵阳市资江食品有限公司").row
    with pytest.raises(ValidationError):
        enterprises.update_enterprise(db, row.id, EnterpriseInput("邵阳市资江食品有限公司", credit_code=PILOT_CODE))
    changed = enterprises.update_enterprise(db, row.id, EnterpriseInput(
        "邵阳市资江食品有限公司", credit_code=PILOT_CODE, credit_code_confirmed=True, contact_name="王丽"))
    assert changed.row.credit_code == PILOT_CODE and changed.row.contact_name == "王丽"
    # Saving again without ticking 已核对 is fine: the code was confirmed already.
    again = enterprises.update_enterprise(db, row.id, EnterpriseInput(
        "邵阳市资江食品有限公司", credit_code=PILOT_CODE, contact_name="王丽", address="资江路9号"))
    assert again.row.address == "资江路9号"
    other = _add(db, "邵阳市雪峰物流有限公司").row
    with pytest.raises(ConflictError):
        enterprises.update_enterprise(db, other.id, EnterpriseInput("邵阳市资江食品有限责任公司"))
    with pytest.raises(NotFound):
        enterprises.update_enterprise(db, 999, EnterpriseInput("甲公司"))


def test_contacts(db):
    row = _add(db, "邵阳市雪峰物流有限公司").row
    first = enterprises.add_contact(db, row.id, "周海波", "综合部部长", "139 0739 0001")
    assert first.primary is True  # the first contact becomes the primary one
    second = enterprises.add_contact(db, row.id, "李娟", "人事专员")
    assert second.primary is False
    with pytest.raises(ConflictError, match="已有联系人 李娟"):
        enterprises.add_contact(db, row.id, "李娟")
    updated = enterprises.set_primary_contact(db, row.id, second.observer_id)
    assert (updated.contact_name, updated.contact_title, updated.contact_phone) == ("李娟", "人事专员", "")
    other = _add(db, "甲公司").row
    with pytest.raises(ConflictError, match="不是“甲公司”的联系人"):
        enterprises.set_primary_contact(db, other.id, first.observer_id)
    with pytest.raises(ValidationError):
        enterprises.add_contact(db, row.id, "王五", phone="123")


def test_search_by_name_code_contact_and_zone(db):
    zone = enterprises.add_zone(db, ZONE)
    other = enterprises.add_zone(db, "邵东经济开发区")
    _add(db, "邵阳宝庆精密机械有限公司", credit_code=CODES[0], zone_id=zone.id, contact_name="刘晓燕")
    _add(db, "邵东市五峰箱包有限公司", credit_code=CODES[1], zone_id=other.id, contact_name="罗桂英")
    assert [r.name for r in enterprises.search_enterprises(db, "宝庆")] == ["邵阳宝庆精密机械有限公司"]
    assert [r.name for r in enterprises.search_enterprises(db, CODES[1][-6:].lower())] == ["邵东市五峰箱包有限公司"]
    assert [r.name for r in enterprises.search_enterprises(db, "罗桂英")] == ["邵东市五峰箱包有限公司"]
    # 有限责任公司 typed for a 有限公司 still finds it; words must all match.
    assert [r.name for r in enterprises.search_enterprises(db, "宝庆精密机械有限责任公司")] == ["邵阳宝庆精密机械有限公司"]
    assert [r.name for r in enterprises.search_enterprises(db, "宝庆 箱包")] == []
    assert [r.name for r in enterprises.search_enterprises(db, zone_id=other.id)] == ["邵东市五峰箱包有限公司"]
    assert enterprises.count_enterprises(db) == 2 and enterprises.count_enterprises(db, zone_id=zone.id) == 1
    assert enterprises.find_zone(db, " 邵东经济开发区").id == other.id
    with pytest.raises(NotFound, match="现有：邵东经济开发区、邵阳经济技术开发区"):
        enterprises.find_zone(db, "火星开发区")
    with pytest.raises(ValidationError, match="已经存在"):
        enterprises.add_zone(db, ZONE)


def test_duplicate_groups_finds_rows_entered_twice(db):
    _add(db, "邵阳宝庆精密机械有限公司", credit_code=CODES[0])
    with db.session() as s:
        # As older code or a hand edit may have left them: a stale normalised name.
        s.add(Enterprise(name="邵阳宝庆精密机械有限责任公司", normalised_name="邵阳宝庆精密机械有限责任公司"))
        s.add(Enterprise(name="另一家有限公司", normalised_name="另一家有限公司", credit_code=CODES[2]))
        s.add(Enterprise(name="改过名的有限公司", normalised_name="改过名的有限公司", credit_code=CODES[3]))
    groups = enterprises.duplicate_groups(db)
    assert [[r.name for r in g] for g in groups] == [["邵阳宝庆精密机械有限公司", "邵阳宝庆精密机械有限责任公司"]]
    assert [r.name for r in enterprises.find_duplicates(db, "邵阳宝庆精密机械有限公司")] == [
        "邵阳宝庆精密机械有限公司", "邵阳宝庆精密机械有限责任公司"]


def test_primary_contact_observer_is_kept_in_step(db):
    row = _add(db, "邵阳市龙山建材有限公司", contact_name="吴春花").row
    enterprises.update_enterprise(db, row.id, EnterpriseInput("邵阳市龙山建材有限公司", contact_name="吴春花",
                                                              contact_title="人事专员", contact_phone="13807312235"))
    with db.session(write=False) as s:
        people = s.scalars(select(Observer).where(Observer.enterprise_id == row.id)).all()
        assert [(p.name, p.title, p.phone) for p in people] == [("吴春花", "人事专员", "13807312235")]


# ---------------------------------------------------------------- command line


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_list_json_masks_phones(db, capsys):
    zone = enterprises.add_zone(db, ZONE)
    _add(db, "邵阳宝庆精密机械有限公司", credit_code=CODES[0], zone_id=zone.id, contact_name="刘晓燕",
         contact_title="人事经理", contact_phone="13807312233", address="宝庆大道18号")
    code, out, _ = _run(capsys, "--db", db.url, "enterprises", "--search", "宝庆", "--json")
    assert code == 0
    [row] = json.loads(out)
    assert {k: row[k] for k in ("name", "credit_code", "zone", "address", "contact_name", "contact_title",
                                "contact_phone")} == {
        "name": "邵阳宝庆精密机械有限公司", "credit_code": CODES[0], "zone": ZONE, "address": "宝庆大道18号",
        "contact_name": "刘晓燕", "contact_title": "人事经理", "contact_phone": "138****2233"}
    assert isinstance(row["id"], int)
    code, out, _ = _run(capsys, "--db", db.url, "enterprises", "--zone", ZONE, "--json", "--show-phones")
    assert json.loads(out)[0]["contact_phone"] == "13807312233"
    code, out, err = _run(capsys, "--db", db.url, "enterprises")
    assert out.split("\t")[0] == "邵阳宝庆精密机械有限公司" and "共 1 家" in err
    code, _, err = _run(capsys, "--db", db.url, "enterprises", "--zone", "火星")
    assert code == 1 and err.startswith("错误：没有名为“火星”的开发区")


def test_cli_import_prints_the_report(db, capsys, tmp_path):
    enterprises.add_zone(db, ZONE)
    path = write_messy_xlsx(tmp_path / "名录.xlsx")
    code, out, _ = _run(capsys, "--db", db.url, "enterprises", "import", str(path), "--zone", ZONE,
                        "--dry-run")
    assert code == 0 and out.startswith("试导入（未保存）“名录.xlsx”：共 12 行，新增 8 家")
    assert enterprises.count_enterprises(db) == 0
    code, out, _ = _run(capsys, "--db", db.url, "enterprises", "import", str(path), "--zone", ZONE)
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "导入“名录.xlsx”：共 12 行，新增 8 家，更新 0 家，无变化 0 家，未导入 4 行，提示 3 条"
    assert lines[1] == "第8行 未导入：统一社会信用代码“9143050074000000”不正确：统一社会信用代码应为18位，实为16位"
    assert "第12行 提示：联系电话“13807312235 / 0739-5201235”含多个号码，只导入第一个：13807312235" in lines
    assert enterprises.count_enterprises(db) == 8
    code, out, _ = _run(capsys, "--db", db.url, "enterprises", "import", str(path))
    assert code == 0 and "新增 0 家，更新 0 家，无变化 8 家" in out


def test_cli_import_unreadable_file_exits_1(db, capsys, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip at all")
    code, out, err = _run(capsys, "--db", db.url, "enterprises", "import", str(bad))
    assert code == 1 and out == ""
    assert err.startswith("错误：无法读取文件“bad.xlsx”：不是有效的 Excel 文件") and "Traceback" not in err


def test_cli_import_with_columns_and_saved_mapping(db, capsys, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("甲,乙\n邵阳市蔡锷制衣有限公司,胡永平\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--db", db.url, "enterprises", "inspect", str(path))
    assert code == 0 and "缺少：企业名称" in out
    code, out, _ = _run(capsys, "--db", db.url, "enterprises", "import", str(path),
                        "--column", "甲=企业名称", "--column", "乙=联系人", "--mapping", "蔡锷表")
    assert code == 0 and "新增 1 家" in out
    code, out, _ = _run(capsys, "--db", db.url, "enterprises", "import", str(path), "--mapping", "蔡锷表")
    assert code == 0 and "无变化 1 家" in out
    code, out, _ = _run(capsys, "--db", db.url, "enterprises", "inspect", str(path))
    assert "甲 → 企业名称" in out and "乙 → 联系人" in out
    code, _, err = _run(capsys, "--db", db.url, "enterprises", "import", str(path), "--column", "甲")
    assert code == 1 and "--column 的格式应为" in err
