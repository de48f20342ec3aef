"""Outreach benchmarks: importing 5,000 enterprises from .xlsx, and check-in search among 20,000 people.

Run: ``python benchmarks/outreach.py [--enterprises 5000] [--people 20000] [--keep DIR]``.
Targets (issue: outreach cycle, on a 2-core office PC): the 5,000-row import under 10 s; a
check-in search answers within 50 ms (median of 50 searches).

The check-in case is the worst one: 20,000 people in the directory, every one of them
invited to the same hearing (a hall big enough), so every search runs over 20,000
invitations. Searches mix name fragments, enterprise fragments, the last digits of a phone
and scanned codes (``TRB1:`` + token).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import openpyxl  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from tribunal.db.models import Enterprise, Hearing, Invitation, Observer, Room  # noqa: E402
from tribunal.domain.enums import InvitationStatus  # noqa: E402
from tribunal.domain.validators import credit_code_check_character  # noqa: E402
from tribunal.services import demo, enterprise_import, observers  # noqa: E402
from tribunal.services.app import open_database  # noqa: E402

PLACES = ["邵阳", "邵东", "新邵", "隆回", "洞口", "武冈", "新宁", "城步", "绥宁", "邵阳县"]
TRADES = ["精密机械", "纺织科技", "食品", "新材料", "电子科技", "物流", "智能装备", "建材", "汽车零部件", "医药", "制衣", "印务", "电子商务", "箱包", "五金制品"]
WORDS = ["宝庆", "资江", "双清", "雪峰", "龙山", "湘运", "南岭", "蔡锷", "白水洞", "五峰", "廉桥", "金龙", "湘商", "天成", "楚邵", "湘中", "云山", "崀山", "紫阳", "夫夷"]


def _code(rng: random.Random) -> str:
    charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91430500MA4" + "".join(rng.choice(charset) for _ in range(6))
    return body + credit_code_check_character(body)


def _person(rng: random.Random) -> str:
    return rng.choice(demo.SURNAMES) + "".join(rng.choice(demo.GIVEN) for _ in range(rng.choice((1, 2))))


def write_enterprise_xlsx(path: Path, count: int, seed: int = 7) -> None:
    """A zone office's list as it arrives: title row, header, phones typed every which way."""
    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("企业名录")
    sheet.append(["邵阳经开区企业名录"])
    sheet.append([])
    sheet.append(["序号", "单位名称", "统一社会信用代码", "联系人", "职务", "联系电话", "注册地址", "职工人数", "备注"])
    seen: set[str] = set()
    n = 0
    while n < count:
        name = f"{rng.choice(PLACES)}{rng.choice(WORDS)}{rng.choice(TRADES)}{n}有限公司"
        if name in seen:
            continue
        seen.add(name)
        phone = f"138{rng.randrange(10**8):08d}"
        style = n % 3
        shown = phone if style == 0 else f"{phone[:3]}-{phone[3:7]}-{phone[7:]}" if style == 1 else \
            f"{phone[:3]} {phone[3:7]} {phone[7:]}"
        sheet.append([n + 1, name, _code(rng), _person(rng), "人事经理", shown, f"邵阳市宝庆大道{n}号",
                      rng.randrange(20, 2000), None])
        n += 1
    book.save(path)


def bench_import(folder: Path, count: int) -> None:
    db = open_database(str(folder / "import.sqlite3"), actor="基准测试")
    try:
        xlsx = folder / "enterprises.xlsx"
        write_enterprise_xlsx(xlsx, count)
        start = time.perf_counter()
        preview = enterprise_import.inspect_file(xlsx)
        preview_s = time.perf_counter() - start
        start = time.perf_counter()
        report = enterprise_import.import_enterprises(db, xlsx)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        again = enterprise_import.import_enterprises(db, xlsx)
        second_s = time.perf_counter() - start
    finally:
        db.dispose()
    print(f"导入 {count} 家企业（.xlsx）：")
    print(f"  预览（读取文件、识别表头）      {preview_s * 1000:8.0f} ms（{preview.rows_total} 行）")
    print(f"  首次导入（新增企业和联系人）     {first_s:8.2f} s   新增 {report.created}，"
          f"未导入 {len(report.rejected)}，提示 {len(report.warnings)}   目标 < 10 s")
    print(f"  再次导入同一文件（全部无变化）   {second_s:8.2f} s   无变化 {again.unchanged}")


def bench_checkin(folder: Path, people: int, searches: int = 50) -> None:
    db = open_database(str(folder / "checkin.sqlite3"), actor="基准测试")
    rng = random.Random(11)
    try:
        demo.load_demo(db, today=dt.date.today())
        with db.session(write=False) as s:
            hearing_id = s.scalar(select(Hearing.id).where(Hearing.public.is_(True)).order_by(Hearing.id))
        with db.session() as s:
            hall = Room(enterprise_id=None, name="体育馆", capacity=people + 100)
            s.add(hall)
            s.flush()
            s.get(Hearing, hearing_id).room_id = hall.id
            rows = [{"name": f"{rng.choice(PLACES)}{rng.choice(WORDS)}{rng.choice(TRADES)}{i}有限公司",
                     "normalised_name": "", "credit_code": None} for i in range(people // 4)]
            s.execute(insert(Enterprise), rows)
            ent_ids = list(s.scalars(select(Enterprise.id)))
            s.execute(insert(Observer), [
                {"name": _person(rng), "enterprise_id": rng.choice(ent_ids), "title": "人事经理",
                 "phone": f"139{rng.randrange(10**8):08d}"} for _ in range(people)
            ])
            invited = set(s.scalars(select(Invitation.observer_id).where(Invitation.hearing_id == hearing_id)))
            obs_ids = [i for i in s.scalars(select(Observer.id)) if i not in invited]
            s.execute(insert(Invitation), [
                {"hearing_id": hearing_id, "observer_id": oid, "status": InvitationStatus.INVITED,
                 "token": secrets.token_hex(8), "walk_in": False} for oid in obs_ids
            ])
        invitations = observers.list_invitations(db, hearing_id)
        sample = rng.sample(invitations, 20)
        queries = []
        for k in range(searches):
            inv = sample[k % len(sample)]
            kind = k % 5
            queries.append(inv.name[:1] if kind == 0 else inv.name if kind == 1 else
                           inv.enterprise_name[2:5] if kind == 2 else
                           (observers.reveal_phone(db, inv.observer_id)[-4:] if kind == 3 else inv.code + "\r\n"))
        observers.checkin_search(db, hearing_id, queries[0])  # warm the connection pool
        kinds = ("姓名首字", "完整姓名", "单位名称片段", "电话后四位", "扫码 TRB1:")
        per_kind: dict[str, list[float]] = {k: [] for k in kinds}
        times = []
        hits = 0
        for k, q in enumerate(queries):
            start = time.perf_counter()
            found = observers.checkin_search(db, hearing_id, q)
            elapsed = (time.perf_counter() - start) * 1000
            times.append(elapsed)
            per_kind[kinds[k % 5]].append(elapsed)
            hits += bool(found)
        times.sort()
        print(f"签到查找：{len(invitations)} 人受邀参加同一场开庭，{searches} 次查找：")
        print(f"  中位数 {statistics.median(times):6.1f} ms   95% {times[int(len(times) * 0.95) - 1]:6.1f} ms   "
              f"最慢 {times[-1]:6.1f} ms   有结果 {hits}/{searches}   目标 < 50 ms")
        print("  按查找方式（中位数）：" + "，".join(f"{k} {statistics.median(v):.1f} ms" for k, v in per_kind.items()))
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enterprises", type=int, default=5_000)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="keep the benchmark databases in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tribunal-outreach-"))
    folder.mkdir(parents=True, exist_ok=True)
    bench_import(folder, args.enterprises)
    bench_checkin(folder, args.people)


if __name__ == "__main__":
    main()
