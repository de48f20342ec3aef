"""Importing the enterprise directory from messy real-world spreadsheets, with the exact per-row report."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select

from tests.integration.data.outreach import (
    CODES,
    OTHER_ZONE,
    PILOT_CODE,
    ZONE,
    seed_directory_for_messy,
    write_gbk_csv,
    write_messy_xlsx,
    write_two_level_xlsx,
)
from tribunal.db.models import AuditEntry, Enterprise, Observer, Setting
from tribunal.errors import NotFound, ValidationError
from tribunal.services import enterprise_import, enterprises, settings
from tribunal.services.enterprise_import import import_enterprises, inspect_file, recognise_heading

PILOT_WARNING = ("统一社会信用代码校验位不符：按标准应为1，实为M。早期试点地区发放的部分代码不符合校验规则，"
                 "请对照营业执照核实；已导入，标记为待核对")


def _counts(db) -> tuple[int, int, int, int]:
    with db.session(write=False) as s:
        return tuple(s.scalar(select(func.count()).select_from(m))  # type: ignore[return-value]
                     for m in (Enterprise, Observer, AuditEntry, Setting))


def _ent(db, name):
    rows = [r for r in enterprises.search_enterprises(db, name, show_phones=True) if r.name == name]
    assert len(rows) == 1, name
    return rows[0]


# ---------------------------------------------------------------- headings


@pytest.mark.parametrize(("heading", "field"), [
    ("企业名称", "name"), ("单位名称", "name"), ("公司名称", "name"), ("名称", "name"),
    ("统一社会信用代码", "credit_code"), ("信用代码", "credit_code"), ("社会信用代码", "credit_code"),
    ("组织机构代码", "credit_code"), ("* 统一社会信用代码（18位）", "credit_code"),
    ("联系人", "contact_name"), ("人事负责人", "contact_name"), ("HR", "contact_name"),
    ("联系人姓名", "contact_name"), ("职务", "contact_title"), ("职位", "contact_title"),
    ("联系电话", "contact_phone"), ("手机", "contact_phone"), ("手机号", "contact_phone"),
    ("电话", "contact_phone"), ("联系方式", "contact_phone"), ("联系人电话", "contact_phone"),
    ("地址", "address"), ("住所", "address"), ("注册地址", "address"), ("单位地址", "address"),
    ("规模", "size"), ("人数", "size"), ("职工人数", "size"),
    ("园区", "zone"), ("开发区", "zone"), ("所属园区", "zone"), ("备注", "notes"),
    ("企 业 名 称", "name"), ("企业名称（必填）", "name"),
])
def test_recognises_usual_headings_and_variants(heading, field):
    assert recognise_heading(heading) == field


@pytest.mark.parametrize("heading", ["序号", "法定代表人", "电子邮箱", "", None, "成立日期"])
def test_ignores_other_headings(heading):
    assert recognise_heading(heading) is None


# ---------------------------------------------------------------- the messy spreadsheet


def test_preview_finds_the_header_under_a_merged_title(tmp_path):
    preview = inspect_file(write_messy_xlsx(tmp_path / "名录.xlsx"))
    assert preview.sheet == "企业名录"
    assert preview.header_row == 3
    assert preview.columns == ("序号", "单位名称", "统一社会信用代码", "联系人", "职务", "手机号", "注册地址",
                               "职工人数", "备注")
    assert preview.suggested_mapping == {
        "序号": "", "单位名称": "name", "统一社会信用代码": "credit_code", "联系人": "contact_name",
        "职务": "contact_title", "手机号": "contact_phone", "注册地址": "address", "职工人数": "size",
        "备注": "notes",
    }
    assert preview.rows_total == 12  # rows 6 and 14 are blank
    assert preview.rows[0] == (4, ("1", "邵阳宝庆精密机械有限公司", CODES[0], "刘晓燕", "人力资源部经理",
                                   "１３８ ０７３１ ２２３３", "邵阳市宝庆大道18号", "350", ""))
    assert [n for n, _ in preview.rows] == [4, 5, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17]
    assert preview.missing == ()


def test_messy_import_gives_the_exact_per_row_report(db, tmp_path):
    seeded = seed_directory_for_messy(db)
    report = import_enterprises(db, write_messy_xlsx(tmp_path / "名录.xlsx"), zone_id=seeded["zone"])
    assert report.rejected == (
        (8, "统一社会信用代码“9143050074000000”不正确：统一社会信用代码应为18位，实为16位"),
        (9, "与第4行重复（同一企业名称）"),
        (10, "与第4行重复（同一统一社会信用代码）"),
        (11, "缺少企业名称"),
    )
    assert report.warnings == (
        (7, PILOT_WARNING),
        (12, "联系电话“13807312235 / 0739-5201235”含多个号码，只导入第一个：13807312235"),
        (13, "联系电话“12345”无法识别（手机号码应为11位，实为5位），未导入电话"),
    )
    assert [(o.row, o.action, o.name, o.detail) for o in report.outcomes if o.action != "rejected"] == [
        (4, "created", "邵阳宝庆精密机械有限公司", ""),
        (5, "created", "湖南湘中纺织科技有限公司", ""),
        (7, "created", "邵阳市资江食品有限公司", ""),
        (12, "created", "邵阳市龙山建材有限公司", ""),
        (13, "created", "邵阳市雪峰物流有限公司", ""),
        (15, "created", "ABC（邵阳）科技有限公司", ""),
        (16, "updated", "湖南楚邵新材料股份有限公司", "更新联系人、职务、联系电话"),
        (17, "updated", "邵阳市白水洞印务有限责任公司", "更新统一社会信用代码"),
    ]
    assert (report.rows_total, report.created, report.updated, report.unchanged) == (12, 6, 2, 0)
    assert report.header_row == 3 and report.sheet == "企业名录" and not report.dry_run
    assert report.summary() == ("导入“名录.xlsx”：共 12 行，新增 6 家，更新 2 家，无变化 0 家，"
                                "未导入 4 行，提示 3 条")

    first = _ent(db, "邵阳宝庆精密机械有限公司")
    assert (first.credit_code, first.contact_phone, first.size, first.zone) == (CODES[0], "13807312233", "350人", ZONE)
    assert _ent(db, "湖南湘中纺织科技有限公司").contact_phone == "13807312234"
    pilot = _ent(db, "邵阳市资江食品有限公司")
    assert (pilot.credit_code, pilot.credit_code_unconfirmed, pilot.contact_phone) == (PILOT_CODE, True, "0739-5201234")
    assert _ent(db, "邵阳市龙山建材有限公司").contact_phone == "13807312235"
    assert _ent(db, "邵阳市雪峰物流有限公司").contact_phone == ""
    assert _ent(db, "ABC（邵阳）科技有限公司").contact_phone == "13807312238"
    chushao = enterprises.get_enterprise(db, seeded["chushao"], show_phones=True)
    assert (chushao.row.contact_name, chushao.row.contact_title, chushao.row.contact_phone) == (
        "赵建华", "人力资源总监", "13807310002")
    # The previous contact stays in the person directory; the new one is added and primary.
    assert [(c.name, c.primary) for c in chushao.contacts] == [("赵建华", True), ("孙立新", False)]
    baishuidong = enterprises.get_enterprise(db, seeded["baishuidong"])
    assert baishuidong.row.name == "邵阳市白水洞印务有限责任公司"
    assert baishuidong.row.credit_code == CODES[4]
    # No enterprise was created twice, and each primary contact is a person of the directory.
    with db.session(write=False) as s:
        assert s.scalar(select(func.count()).select_from(Enterprise)) == 8
        contacts = set(s.execute(select(Enterprise.id, Enterprise.contact_name)).all())
        people = set(s.execute(select(Observer.enterprise_id, Observer.name)).all())
        assert contacts <= people
        actions = [a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.action.like("enterprise.import%")))]
        assert actions.count("enterprise.import") == 8 and actions.count("enterprise.import_file") == 1


def test_reimporting_the_same_file_changes_nothing(db, tmp_path):
    seeded = seed_directory_for_messy(db)
    path = write_messy_xlsx(tmp_path / "名录.xlsx")
    first = import_enterprises(db, path, zone_id=seeded["zone"])
    ents, people, _, _ = _counts(db)
    again = import_enterprises(db, path, zone_id=seeded["zone"])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 8)
    assert again.rejected == first.rejected
    # The pilot code stays unconfirmed, so its warning is repeated; the phone warnings too.
    assert [row for row, _ in again.warnings] == [7, 12, 13]
    assert _counts(db)[:2] == (ents, people)


def test_dry_run_reports_the_same_and_writes_nothing(db, tmp_path):
    seeded = seed_directory_for_messy(db)
    path = write_messy_xlsx(tmp_path / "名录.xlsx")
    before = _counts(db)
    dry = import_enterprises(db, path, zone_id=seeded["zone"], dry_run=True)
    assert dry.dry_run and dry.summary().startswith("试导入（未保存）")
    assert _counts(db) == before
    real = import_enterprises(db, path, zone_id=seeded["zone"])
    assert (dry.created, dry.updated, dry.rejected, dry.warnings) == (real.created, real.updated, real.rejected,
                                                                        real.warnings)


def test_a_confirmed_pilot_code_no_longer_warns(db, tmp_path):
    seeded = seed_directory_for_messy(db)
    path = write_messy_xlsx(tmp_path / "名录.xlsx")
    import_enterprises(db, path, zone_id=seeded["zone"])
    enterprises.confirm_credit_code(db, _ent(db, "邵阳市资江食品有限公司").id)
    again = import_enterprises(db, path, zone_id=seeded["zone"])
    assert [row for row, _ in again.warnings] == [12, 13]
    assert _ent(db, "邵阳市资江食品有限公司").credit_code_unconfirmed is False


def test_report_lines_for_the_command_line(db, tmp_path):
    report = import_enterprises(db, write_messy_xlsx(tmp_path / "名录.xlsx"))
    lines = report.lines()
    assert lines[0] == report.summary()
    assert "第9行 未导入：与第4行重复（同一企业名称）" in lines
    assert "第13行 提示：联系电话“12345”无法识别（手机号码应为11位，实为5位），未导入电话" in lines
    assert "第4行 新增：邵阳宝庆精密机械有限公司" in report.lines(verbose=True)


# ---------------------------------------------------------------- other layouts


def test_two_level_header_with_variant_names(db, tmp_path):
    enterprises.add_zone(db, ZONE)
    other = enterprises.add_zone(db, OTHER_ZONE)
    path = write_two_level_xlsx(tmp_path / "园区名单.xlsx")
    preview = inspect_file(path)
    assert preview.header_row == 2
    assert preview.columns == ("单位全称", "社会信用代码", "联系人姓名", "联系人职务", "联系人电话", "所属园区")
    assert list(preview.suggested_mapping.values()) == ["name", "credit_code", "contact_name", "contact_title",
                                                        "contact_phone", "zone"]
    report = import_enterprises(db, path)
    assert report.rejected == ()
    assert report.warnings == ((4, "园区“火星开发区”不在开发区名单中，未按该列归入园区"),)
    tiancheng = _ent(db, "邵阳市天成保安服务有限公司")
    assert (tiancheng.zone_id, tiancheng.contact_name, tiancheng.contact_title, tiancheng.contact_phone) == (
        other.id, "唐国庆", "总经理助理", "13907390001")
    shangshang = _ent(db, "湖南邵商电子商务有限公司")
    assert (shangshang.zone_id, shangshang.contact_phone) == (None, "0739-5201299")


def test_gbk_csv_from_chinese_excel(db, tmp_path):
    report = import_enterprises(db, write_gbk_csv(tmp_path / "企业.csv"))
    assert report.rejected == (
        (4, "统一社会信用代码“91430500MA4T0007”不正确：统一社会信用代码应为18位，实为16位"),
    )
    assert report.warnings == ()
    assert (report.created, report.rows_total, report.header_row) == (1, 2, 1)
    jinlong = _ent(db, "邵东市金龙五金制品有限公司")
    assert (jinlong.credit_code, jinlong.contact_name, jinlong.contact_phone, jinlong.address) == (
        CODES[7], "宋玉兰", "15807396901", "邵东市五金城二期")


def test_utf8_csv_with_bom_and_semicolons(db, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("企业名称;联系人;电话\n湖南南岭医药有限公司;朱晓红;13907390003\n", encoding="utf-8-sig")
    report = import_enterprises(db, path)
    assert (report.created, report.rejected) == (1, ())
    assert _ent(db, "湖南南岭医药有限公司").contact_name == "朱晓红"


def test_old_codes_are_dropped_with_a_warning(db, tmp_path):
    path = tmp_path / "old.csv"
    path.write_text("企业名称,组织机构代码\n邵阳老厂有限公司,74000000-6\n邵阳旧厂有限公司,430500000012345\n",
                    encoding="utf-8")
    report = import_enterprises(db, path)
    assert report.created == 2
    assert report.warnings == (
        (2, "“74000000-6”是旧的组织机构代码，不是18位统一社会信用代码，未导入代码"),
        (3, "“430500000012345”是旧的工商注册号，不是18位统一社会信用代码，未导入代码"),
    )
    assert _ent(db, "邵阳老厂有限公司").credit_code == ""


def test_duplicate_against_directory_with_a_different_code_is_refused(db, tmp_path):
    seed_directory_for_messy(db)
    path = tmp_path / "conflict.csv"
    path.write_text(f"企业名称,统一社会信用代码\n湖南楚邵新材料股份有限公司,{CODES[8]}\n"
                    f"湖南某某新材料有限公司,{CODES[3]}\n", encoding="utf-8")
    report = import_enterprises(db, path)
    assert report.rejected == (
        (2, f"名录中已有同名企业“湖南楚邵新材料股份有限公司”，其统一社会信用代码为 {CODES[3]}，"
            f"与本行的 {CODES[8]} 不同，请核对"),
    )
    # Same code, other name: the enterprise was renamed — updated, and the clerk told so.
    assert report.warnings == ((3, "按统一社会信用代码匹配到“湖南楚邵新材料股份有限公司”，"
                                   "企业名称改为“湖南某某新材料有限公司”"),)
    assert report.updated == 1
    assert enterprises.find_duplicates(db, "湖南某某新材料有限责任公司")[0].credit_code == CODES[3]


# ---------------------------------------------------------------- mappings


def test_explicit_mapping_is_saved_and_remembered(db, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("甲,乙,丙\n邵阳市蔡锷制衣有限公司,胡永平,13907390004\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="找不到“企业名称”等列标题"):
        import_enterprises(db, path)
    report = import_enterprises(db, path, mapping={"甲": "企业名称", "乙": "contact_name", "丙": "联系电话"},
                                mapping_name="区里的表")
    assert report.created == 1
    assert enterprise_import.saved_mappings(db) == {"区里的表": {"甲": "name", "乙": "contact_name",
                                                               "丙": "contact_phone"}}
    assert enterprise_import.remembered_mapping(db) == ("区里的表", {"甲": "name", "乙": "contact_name",
                                                                    "丙": "contact_phone"})
    assert settings.get(db, "import.enterprise_last_mapping") == "区里的表"
    # Next time: by name, or simply remembered because the columns are the same.
    again = import_enterprises(db, path, mapping_name="区里的表")
    assert again.unchanged == 1
    assert import_enterprises(db, path).unchanged == 1
    assert inspect_file(path, enterprise_import.remembered_mapping(db)[1]).suggested_mapping == {
        "甲": "name", "乙": "contact_name", "丙": "contact_phone"}


def test_mapping_errors_are_clear(db, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("企业名称,电话,手机\n甲公司,13907390005,13907390006\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="“联系电话”同时对应了“电话”和“手机”两列"):
        import_enterprises(db, path, mapping={"企业名称": "name", "电话": "contact_phone", "手机": "联系电话"})
    with pytest.raises(ValidationError, match="文件中没有“单位”这一列"):
        import_enterprises(db, path, mapping={"单位": "name"})
    with pytest.raises(ValidationError, match="没有指定哪一列是“企业名称”"):
        import_enterprises(db, path, mapping={"电话": "contact_phone"})
    with pytest.raises(ValidationError, match="未知的导入字段“邮箱”"):
        import_enterprises(db, path, mapping={"企业名称": "name", "电话": "邮箱"})
    with pytest.raises(NotFound, match="没有名为“无此方案”的列对应方案"):
        import_enterprises(db, path, mapping_name="无此方案")
    # The automatic mapping gives the phone field to the first phone column only.
    report = import_enterprises(db, path)
    assert _ent(db, "甲公司").contact_phone == "13907390005" and report.created == 1


def test_save_and_delete_mapping(db):
    enterprise_import.save_mapping(db, "模板", {"单位": "企业名称", "电话": "不导入"})
    assert enterprise_import.saved_mappings(db) == {"模板": {"单位": "name", "电话": ""}}
    enterprise_import.delete_mapping(db, "模板")
    assert enterprise_import.saved_mappings(db) == {}
    with pytest.raises(NotFound):
        enterprise_import.delete_mapping(db, "模板")


# ---------------------------------------------------------------- files that cannot be read


def test_a_corrupt_file_changes_nothing(db, tmp_path):
    seed_directory_for_messy(db)
    before = _counts(db)
    bad = tmp_path / "名录.xlsx"
    bad.write_bytes(os.urandom(4096))
    with pytest.raises(ValidationError, match="不是有效的 Excel 文件"):
        import_enterprises(db, bad)
    with pytest.raises(ValidationError, match="不是有效的 Excel 文件"):
        inspect_file(bad)
    assert _counts(db) == before


@pytest.mark.parametrize(("name", "content", "message"), [
    ("old.xls", b"\xd0\xcf\x11\xe0", "不支持旧版 Excel/WPS 文件"),
    ("list.pdf", b"%PDF-1.4", "只能导入 Excel（.xlsx）或 CSV 文件"),
    ("empty.csv", b"", "是空的"),
    ("zip.csv", b"PK\x03\x04rest", "这是 Excel 文件而不是 CSV"),
    ("binary.csv", b"\x00\x01\x02abc", "不是文本格式的 CSV 文件"),
    ("latin.csv", "企业名称\n".encode() + b"\xff\xfe\xfd\x80\x81\n", "文字编码既不是 UTF-8 也不是 GBK"),
])
def test_unreadable_files_are_refused_clearly(db, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        import_enterprises(db, path)


def test_missing_file(db, tmp_path):
    with pytest.raises(ValidationError, match="找不到文件"):
        import_enterprises(db, tmp_path / "nope.xlsx")


def test_a_failure_half_way_leaves_the_database_as_it_was(db, tmp_path, monkeypatch):
    seed_directory_for_messy(db)
    before = _counts(db)
    path = write_messy_xlsx(tmp_path / "名录.xlsx")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    # Fails after every enterprise row was written, while saving the mapping.
    monkeypatch.setattr(enterprise_import, "_store_setting", broken)
    preview = inspect_file(path)
    with pytest.raises(RuntimeError):
        import_enterprises(db, path, mapping=preview.suggested_mapping, mapping_name="x")
    assert _counts(db) == before


def test_a_credit_code_excel_turned_into_a_number_is_refused(db, tmp_path):
    import openpyxl

    path = tmp_path / "numbers.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["企业名称", "统一社会信用代码"])
    book.active.append(["邵阳市全数字代码有限公司", 914305001234567890])  # Excel keeps 15 digits
    book.active.append(["邵阳市另一家有限公司", 9.14305001234568e17])
    book.save(path)
    report = import_enterprises(db, path)
    reason = ("统一社会信用代码“9.14305E+17”被 Excel 存成了数字，后几位已经丢失；请把该列设置为“文本”格式，"
              "重新填写后再导入")
    assert report.rejected == ((2, reason), (3, reason))
    csv_path = tmp_path / "numbers.csv"
    csv_path.write_text("企业名称,统一社会信用代码\n邵阳市某有限公司,9.14305E+17\n", encoding="utf-8")
    assert "被 Excel 存成了数字" in import_enterprises(db, csv_path).rejected[0][1]


def test_footer_lines_are_not_enterprises(db, tmp_path):
    path = tmp_path / "footer.csv"
    path.write_text("序号,企业名称,联系人\n1,邵阳市资江食品有限公司,王丽\n2,,\n3,,\n合计,共1家,\n,制表人：赵静,\n"
                    ",注：本表由园区管委会提供,\n", encoding="utf-8")
    report = import_enterprises(db, path)
    assert report.created == 1
    # Rows 3 and 4 hold only a number in the unmapped 序号 column: skipped without a word.
    footer = "这一行不是企业（表尾的合计、制表人或说明）"
    assert report.rejected == ((5, footer), (6, footer), (7, footer))
    assert report.rows_total == 4
