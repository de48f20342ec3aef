"""A hearing world for invitation tests, and the messy spreadsheets the import tests read.

The spreadsheets are generated here (not committed) so every quirk is visible in code:
a merged title row above the header, blank rows, full-width digits, phones with spaces and
dashes, duplicates within the file and against the directory, invalid and pilot-area
credit codes, a two-level header with variant names, and a GBK-encoded CSV.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, lawyer, respondent
from tribunal.db.engine import Database
from tribunal.db.models import Hearing, Room
from tribunal.domain.enums import HearingStatus
from tribunal.services import cases, enterprises

# Valid under GB 32100 (check characters computed); the pilot code fails its check on purpose.
CODES = (
    "91430500MA4T00000K", "91430500MA4T00010L", "91430500MA4T00020M", "91430500MA4T00030N",
    "91430500MA4T00040P", "91430500MA4T00050Q", "91430500MA4T00060R", "91430500MA4T00070T",
    "91430500MA4T00080U",
)
PILOT_CODE = "91350100M0001TGQXM"
ZONE = "邵阳经济技术开发区"
OTHER_ZONE = "邵东经济开发区"
HEARING_START = dt.datetime(2026, 12, 8, 9, 30)


@dataclass
class World:
    """Ids of everything a hearing with invited guests needs."""

    zone_id: int
    other_zone_id: int
    host_id: int
    respondent_id: int
    guests: dict[str, int] = field(default_factory=dict)  # enterprise name → id
    people: dict[str, int] = field(default_factory=dict)  # contact name → observer id
    room_id: int = 0
    case_id: int = 0
    hearing_id: int = 0


def add_hearing(db: Database, case_id: int, *, host_id: int | None, room_id: int | None,
                starts_at: dt.datetime = HEARING_START, public: bool = True,
                status: HearingStatus = HearingStatus.SCHEDULED) -> int:
    """A hearing row written directly (the hearing service is another helper's work)."""
    with db.session() as s:
        h = Hearing(case_id=case_id, host_enterprise_id=host_id, room_id=room_id, starts_at=starts_at,
                    ends_at=starts_at + dt.timedelta(hours=2), public=public, status=status,
                    closed_reason=None if public else "涉及个人隐私，当事人申请不公开审理")
        s.add(h)
        s.flush()
        return h.id


def add_room(db: Database, enterprise_id: int | None, capacity: int, name: str = "职工活动中心会议室") -> int:
    with db.session() as s:
        room = Room(enterprise_id=enterprise_id, name=name, capacity=capacity)
        s.add(room)
        s.flush()
        return room.id


GUESTS = (
    ("邵阳市资江食品有限公司", "王丽", "行政人事部经理", "13807310001", CODES[2]),
    ("湖南楚邵新材料股份有限公司", "赵建华", "人力资源总监", "13807310002", CODES[3]),
    ("邵阳双清电子科技有限公司", "李娟", "人事经理", "0739-5201234", CODES[4]),
    ("邵阳市雪峰物流有限公司", "周海波", "综合部部长", "", CODES[5]),
)


def build_world(db: Database, *, capacity: int = 5, public: bool = True) -> World:
    """Two zones, a host, a respondent with one employee, four guest enterprises, a case, a hearing."""
    zone = enterprises.add_zone(db, ZONE)
    other = enterprises.add_zone(db, OTHER_ZONE)
    host = enterprises.create_enterprise(db, enterprises.EnterpriseInput(
        "邵阳宝庆精密机械有限公司", credit_code=CODES[0], zone_id=zone.id, contact_name="刘晓燕",
        contact_title="人力资源部经理", contact_phone="13807319999"))
    resp = enterprises.create_enterprise(db, enterprises.EnterpriseInput(
        "湖南湘中纺织科技有限公司", credit_code=CODES[1], zone_id=zone.id, contact_name="陈志刚",
        contact_title="人事主管", contact_phone="13807318888"))
    world = World(zone.id, other.id, host.row.id, resp.row.id)
    for name, contact, title, phone, code in GUESTS:
        detail = enterprises.create_enterprise(db, enterprises.EnterpriseInput(
            name, credit_code=code, zone_id=zone.id, contact_name=contact, contact_title=title,
            contact_phone=phone))
        world.guests[name] = detail.row.id
        world.people[contact] = detail.contacts[0].observer_id
    far = enterprises.create_enterprise(db, enterprises.EnterpriseInput(
        "邵东市五峰箱包有限公司", credit_code=CODES[6], zone_id=other.id, contact_name="罗桂英",
        contact_title="人事经理", contact_phone="13807317777"))
    world.guests[far.row.name] = far.row.id
    world.people["罗桂英"] = far.contacts[0].observer_id
    world.people["陈志刚"] = enterprises.get_enterprise(db, resp.row.id).contacts[0].observer_id
    world.people["刘晓燕"] = enterprises.get_enterprise(db, host.row.id).contacts[0].observer_id
    detail = cases.create_case(db, case_input(parties=(
        applicant("张三", phone="13807311234", agents=(lawyer("王律", phone="13907391111"),)),
        respondent("湖南湘中纺织科技有限公司", credit_code=CODES[1], enterprise_id=resp.row.id,
                   legal_representative="赵总"),
    )), today=TODAY)
    world.case_id = detail.id
    world.room_id = add_room(db, host.row.id, capacity)
    world.hearing_id = add_hearing(db, detail.id, host_id=host.row.id, room_id=world.room_id,
                                   public=public)
    return world


# ---------------------------------------------------------------- spreadsheets


MESSY_HEADER = ("序号", "单位名称", "统一社会信用代码", "联系人", "职务", "手机号", "注册地址", "职工人数", "备注")
MESSY_ROWS: dict[int, tuple] = {
    # spreadsheet row: cells (row 1 is a merged title, row 2 blank, row 3 the header)
    4: (1, "邵阳宝庆精密机械有限公司", CODES[0], "刘晓燕", "人力资源部经理", "１３８ ０７３１ ２２３３",
        "邵阳市宝庆大道18号", 350, None),
    5: (2, "湖南湘中纺织科技有限公司", CODES[1], "陈志刚", "人事主管", "138-0731-2234", "邵阳市宝庆大道66号",
        "50-300人", None),
    # 6: blank
    7: (3, "邵阳市资江食品有限公司", PILOT_CODE, "王丽", "行政人事部经理", "0739-5201234", "邵阳市资江路9号",
        120, "早期试点代码"),
    8: (4, "邵阳双清电子科技有限公司", "9143050074000000", "李娟", "人事经理", 13807312236, None, None, None),
    9: (5, "邵阳宝庆精密机械有限责任公司", None, "刘晓燕", None, None, None, None, "与第一行重复"),
    10: (6, "湖南宝庆智能装备有限公司", CODES[0], "黄敏", "人力资源部部长", "13807312237", None, None, None),
    11: (7, None, CODES[7], "张三", None, None, None, None, None),
    12: (8, "邵阳市龙山建材有限公司", CODES[8], "吴春花", "人事专员", "13807312235 / 0739-5201235", None, None, None),
    13: (9, "邵阳市雪峰物流有限公司", None, "周海波", "综合部部长", "12345", None, None, None),
    # 14: blank
    15: (10, "ＡＢＣ （邵阳） 科技有限公司", None, "何小军", "人力资源部经理", 13807312238.0, None, None, None),
    16: (11, "湖南楚邵新材料股份有限公司", CODES[3], "赵建华", "人力资源总监", "13807310002", None, None, None),
    17: (12, "邵阳市白水洞印务有限公司", CODES[4], "郭美玲", "人事主管", None, None, None, None),
}


def write_messy_xlsx(path: Path) -> Path:
    """The zone office's list: merged title row, blank rows, every usual mistake."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "企业名录"
    sheet["A1"] = "邵阳经开区重点企业名录（2026年）"
    sheet.merge_cells("A1:I1")
    for col, heading in enumerate(MESSY_HEADER, start=1):
        sheet.cell(row=3, column=col, value=heading)
    for row, cells in MESSY_ROWS.items():
        for col, value in enumerate(cells, start=1):
            if value is not None:
                sheet.cell(row=row, column=col, value=value)
    book.save(path)
    return path


def seed_directory_for_messy(db: Database) -> dict[str, int]:
    """What the directory holds before the messy import: two enterprises it will meet again."""
    zone = enterprises.add_zone(db, ZONE)
    a = enterprises.create_enterprise(db, enterprises.EnterpriseInput(
        "湖南楚邵新材料股份有限公司", credit_code=CODES[3], zone_id=zone.id, contact_name="孙立新",
        contact_title="人事经理", contact_phone="13807310009"))
    b = enterprises.create_enterprise(db, enterprises.EnterpriseInput(
        "邵阳市白水洞印务有限责任公司", zone_id=zone.id, contact_name="郭美玲", contact_title="人事主管"))
    return {"chushao": a.row.id, "baishuidong": b.row.id, "zone": zone.id}


def write_two_level_xlsx(path: Path) -> Path:
    """Variant headings, with 联系人 merged over 姓名 | 职务 | 电话 in the row below."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["单位全称", "社会信用代码", "联系人", None, None, "所属园区"])
    sheet.append([None, None, "姓名", "职务", "电话", None])
    sheet.merge_cells("C1:E1")
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:B2")
    sheet.merge_cells("F1:F2")
    sheet.append(["邵阳市天成保安服务有限公司", CODES[5], "唐国庆", "总经理助理", "139 0739 0001", OTHER_ZONE])
    sheet.append(["湖南邵商电子商务有限公司", None, "何小军", "人力资源部经理", "0739-5201299", "火星开发区"])
    book.save(path)
    return path


GBK_CSV = (
    "公司名称,信用代码,人事负责人,联系方式,地址\r\n"
    "邵东市金龙五金制品有限公司,９１４３０５００ＭＡ４Ｔ０００７０Ｔ,宋玉兰,158 0739 6901,邵东市五金城二期\r\n"
    ",,,,\r\n"
    "邵东市湘商打火机有限公司,91430500MA4T0007,谢文斌,13807390002,\r\n"
)


def write_gbk_csv(path: Path) -> Path:
    """A CSV as Excel on a Chinese Windows saves it: GBK, CRLF, full-width digits."""
    path.write_bytes(GBK_CSV.encode("gbk"))
    return path


def build_world_file(template: Path, folder: Path, *, capacity: int) -> tuple[Path, World]:
    """The world built once into a database file that each test then copies (fast setup)."""
    import shutil

    from tribunal.services.app import open_database

    path = folder / "world.sqlite3"
    shutil.copyfile(template, path)
    db = open_database(str(path), actor="测试书记员")
    try:
        world = build_world(db, capacity=capacity)
    finally:
        db.dispose()
    return path, world


def copy_world(source: Path, folder: Path) -> Path:
    """A private copy of a world database for one test."""
    import shutil

    target = folder / "tribunal.sqlite3"
    shutil.copyfile(source, target)
    return target
