"""Document benchmarks: one hearing notice, a full hearing pack, 1,000 notices, sizes, and a bare canvas.

Run: ``python benchmarks/documents.py [--notices 1000] [--runs 20]``. Prints medians in ms.
Targets (issue 4, on a 2-core machine): one hearing notice in a warm process under 30 ms; a
full pack for a hearing with 3 parties and 30 observers under 1 s; 1,000 notices under 20 s
(both cores may be used); a notice PDF under 100 KB. For scale, the same notice text is also
drawn line by line on a bare ReportLab canvas (no layout engine, plain ReportLab TrueType font)
in the same run, and the ratio is printed.

Every notice in the timings gets a different applicant's name, so the embedded font subsets
really differ from one notice to the next (a cache of identical documents would flatter us).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import multiprocessing
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅海燕文俊鹏飞晓东春花雪德永生小龙婷宇航浩然子涵欣怡思远家豪䶮"


def name_for(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[(i * 13 + 5) % len(GIVEN)]


def sample_notice(i: int):  # type: ignore[no-untyped-def]
    """The unit tests' sample hearing, with the i-th applicant's name."""
    from tests.unit.test_pdf_samples import hearing

    from tribunal.documents.notice import NoticeTarget

    h = hearing()
    applicant = dataclasses.replace(h.parties[0], name=name_for(i))
    h = dataclasses.replace(h, parties=(applicant, *h.parties[1:]))
    return NoticeTarget(h, applicant)


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


# ---------------------------------------------------------------- one notice, and the bare canvas


def notice_times(runs: int) -> tuple[list[float], bytes]:
    from tests.unit.test_pdf_samples import COMMISSION

    from tribunal.documents.fonts import load_fonts
    from tribunal.documents.notice import HearingNotice

    renderer = HearingNotice(COMMISSION, load_fonts())
    for i in range(3):  # warm: fonts loaded, standing wording's subsets built once
        renderer.render(sample_notice(10_000 + i))
    times, data = [], b""
    for i in range(runs):
        target = sample_notice(i)
        start = time.perf_counter()
        data = renderer.render(target).data
        times.append(time.perf_counter() - start)
    return times, data


def notice_lines(data: bytes) -> list[list[str]]:
    """The notice's text, page by page and line by line, as laid out."""
    from pypdf import PdfReader

    return [page.extract_text().splitlines() for page in PdfReader(io.BytesIO(data)).pages]


def bare_canvas_times(runs: int) -> list[float]:
    """The same notice text drawn with canvas.drawString, one line after another, plain ReportLab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from tests.unit.test_pdf_samples import COMMISSION

    from tribunal.documents.notice import HearingNotice
    from tribunal.resources import font_path

    pdfmetrics.registerFont(TTFont("BareSerif", str(font_path("regular"))))
    renderer = HearingNotice(COMMISSION)
    texts = [notice_lines(renderer.render(sample_notice(i)).data) for i in range(runs)]

    def draw(pages: list[list[str]]) -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=A4, invariant=1, initialFontName="BareSerif")
        for lines in pages:
            y = A4[1] - 37 * mm
            canvas.setFont("BareSerif", 16)
            for line in lines:
                canvas.drawString(28 * mm, y, line)
                y -= 28.95
            canvas.showPage()
        canvas.save()
        return out.getvalue()

    draw(texts[0])
    times = []
    for pages in texts:
        start = time.perf_counter()
        draw(pages)
        times.append(time.perf_counter() - start)
    return times


# ---------------------------------------------------------------- a full pack


def build_pack_database(folder: Path, observers: int = 30) -> tuple[object, int]:
    """A database with one public hearing: applicant (with an agent), respondent, third party;
    ``observers`` HR managers of as many enterprises invited."""
    from tribunal.db.models import (
        Case,
        CircuitTribunal,
        Enterprise,
        Hearing,
        HearingPanelMember,
        Invitation,
        Observer,
        Party,
        PartyAgent,
        Room,
        Staff,
    )
    from tribunal.domain.enums import (
        AgentKind,
        CaseStatus,
        CaseType,
        InvitationStatus,
        PanelRole,
        PartyKind,
        PartyRole,
        StaffRole,
    )
    from tribunal.services.app import open_database

    db = open_database(str(folder / "bench.sqlite3"), actor="基准测试")
    with db.session() as s:
        tribunal = CircuitTribunal(name="邵阳经开区巡回仲裁庭")
        host = Enterprise(name="湖南湘中纺织科技有限公司", normalised_name="湖南湘中纺织科技有限公司",
                          address="邵阳市宝庆大道66号")
        room = Room(enterprise=host, name="职工活动中心会议室", directions="从厂区正门进入，右手边二楼")
        arbitrators = [Staff(name=n, role=StaffRole.ARBITRATOR) for n in ("李建国", "王淑芬", "张卫东")]
        clerk = Staff(name="赵静", role=StaffRole.CLERK, phone="0739-5550001")
        case = Case(number="邵劳人仲案字〔2026〕第1号", number_prefix="邵劳人仲案字", year=2026, seq=1,
                    case_type=CaseType.WORK_INJURY, status=CaseStatus.SCHEDULED, received_date=dt.date(2026, 11, 2),
                    accepted_date=dt.date(2026, 11, 3), summary="申请人在车间操作冲压设备时右手受伤，经认定为工伤。")
        case.parties += [
            Party(position=0, role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="张䶮",
                  agents=[PartyAgent(kind=AgentKind.LAWYER, name="王某某", organisation="湖南宝庆律师事务所",
                                     address="邵阳市双清区东大路88号", legal_aid=False, special_items=[])]),
            Party(position=1, role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="邵阳宝庆精密机械有限公司"),
            Party(position=2, role=PartyRole.THIRD_PARTY, kind=PartyKind.ORGANISATION, name="邵阳市天成保安服务有限公司"),
        ]
        s.add_all([tribunal, host, room, clerk, *arbitrators, case])
        s.flush()
        hearing = Hearing(case_id=case.id, tribunal_id=tribunal.id, host_enterprise_id=host.id, room_id=room.id,
                          starts_at=dt.datetime(2026, 12, 9, 9, 30), ends_at=dt.datetime(2026, 12, 9, 11, 30),
                          clerk_id=clerk.id, created_at=dt.datetime(2026, 11, 27, 10, 0))
        for pos, (staff, role) in enumerate(zip(arbitrators, (PanelRole.PRESIDING, PanelRole.MEMBER, PanelRole.MEMBER),
                                                strict=True)):
            hearing.panel.append(HearingPanelMember(staff_id=staff.id, role=role, position=pos))
        s.add(hearing)
        s.flush()
        for i in range(observers):
            name = f"邵阳{'市资江食品双清电子雪峰物流龙山建材蔡锷制衣'[i % 10:i % 10 + 4]}{i}号有限公司"
            enterprise = Enterprise(name=name, normalised_name=name)
            observer = Observer(name=name_for(500 + i), enterprise=enterprise, title="人力资源部经理")
            s.add_all([enterprise, observer])
            s.flush()
            s.add(Invitation(hearing_id=hearing.id, observer_id=observer.id, status=InvitationStatus.CONFIRMED,
                             token=secrets.token_hex(8)))
        hearing_id = hearing.id
    return db, hearing_id


def pack_times(runs: int) -> tuple[float, list[float], float, int, int]:
    from tribunal.services import documents

    folder = Path(tempfile.mkdtemp(prefix="tribunal-docs-bench-"))
    try:
        db, hearing_id = build_pack_database(folder)
        first_start = time.perf_counter()
        first = documents.make_pack(db, hearing_id, out_dir=_fresh(folder, "first"))
        first_time = time.perf_counter() - first_start
        times = []
        for i in range(runs):
            out = _fresh(folder, f"run{i}")
            start = time.perf_counter()
            documents.make_pack(db, hearing_id, out_dir=out)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        documents.make_pack(db, hearing_id, out_dir=folder / f"run{runs - 1}")
        unchanged = time.perf_counter() - start
        pages = sum(_pages(Path(d.path)) for d in first.documents)
        db.dispose()
        return first_time, times, unchanged, len(first.documents) + 1, pages
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _fresh(folder: Path, name: str) -> Path:
    out = folder / name
    out.mkdir()
    return out


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


# ---------------------------------------------------------------- 1,000 notices on two cores


def _render_range(bounds: tuple[int, int]) -> tuple[int, int]:
    from tests.unit.test_pdf_samples import COMMISSION

    from tribunal.documents.notice import HearingNotice

    renderer = HearingNotice(COMMISSION)
    total = 0
    for i in range(*bounds):
        total += len(renderer.render(sample_notice(i)).data)
    return bounds[1] - bounds[0], total


def bulk_notices(count: int, processes: int = 2) -> tuple[float, int]:
    """Wall time for ``count`` notices split over a process pool (start-up and font loading included)."""
    step = (count + processes - 1) // processes
    chunks = [(start, min(start + step, count)) for start in range(0, count, step)]
    start = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.map(_render_range, chunks)
    elapsed = time.perf_counter() - start
    return elapsed, sum(size for _n, size in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30, help="notices timed one by one (default 30)")
    parser.add_argument("--packs", type=int, default=5, help="full packs timed (default 5)")
    parser.add_argument("--notices", type=int, default=1000, help="notices for the two-process run")
    args = parser.parse_args()

    start = time.perf_counter()
    from tribunal.documents.fonts import load_fonts

    load_fonts()
    print(f"fonts loaded (once per process): {(time.perf_counter() - start) * 1000:.0f} ms")

    times, data = notice_times(args.runs)
    bare = bare_canvas_times(args.runs)
    notice_ms, bare_ms = median_ms(times), median_ms(bare)
    print(f"hearing notice, warm process: median {notice_ms:.1f} ms (min {min(times) * 1000:.1f}, "
          f"max {max(times) * 1000:.1f}; {args.runs} notices, each a different name)  target < 30 ms")
    print(f"same text on a bare ReportLab canvas: median {bare_ms:.1f} ms  ->  ratio {notice_ms / bare_ms:.2f}")
    print(f"notice size: {len(data) / 1024:.1f} KB ({len(data):,} bytes)  target < 100 KB")

    first, packs, unchanged, files, pages = pack_times(args.packs)
    print(f"full pack, 3 parties + 30 observers ({files} files, {pages} pages, + combined PDF):")
    print(f"  first in process {first * 1000:.0f} ms; then median {median_ms(packs):.0f} ms "
          f"(max {max(packs) * 1000:.0f}) into a fresh folder; unchanged reprint {unchanged * 1000:.0f} ms"
          "  target < 1000 ms")

    elapsed, total = bulk_notices(args.notices)
    print(f"{args.notices} notices on 2 processes: {elapsed:.1f} s wall (pool start and font loading "
          f"included), {total / args.notices / 1024:.1f} KB each on average  target < 20 s")


if __name__ == "__main__":
    main()
