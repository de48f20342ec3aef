"""Audit-log search on 100,000 entries: each filter of the 审计日志 window, timed against a floor.

Run: ``python benchmarks/audit_search.py [--entries 100000] [--runs 15] [--db URL]``.

The trail is filled with bulk inserts (one ``executemany`` per 10,000 rows) shaped like a
commission's years of work: eight clerks, a few thousand cases with their hearings, the usual
actions, two years of dates. Each filter of :func:`tribunal.services.audit.search` — by case
(案号), by person, by action area, by date range, and all of them together — is timed as the
window asks (the newest 201 entries), p50 and p95 over ``--runs`` runs, and reported as a
ratio to a floor measured in the same run on the same table: a bare ``SELECT count(*)``
(which reads the smallest index from end to end). ``EXPLAIN QUERY PLAN`` shows for each filter
whether SQLite scans the table or uses an index.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sqlalchemy import insert, select, text  # noqa: E402
from sqlalchemy.dialects import sqlite  # noqa: E402

from tribunal.db.models import AuditEntry  # noqa: E402
from tribunal.domain.enums import CaseType, PartyKind, PartyRole  # noqa: E402
from tribunal.services import audit, cases, settings  # noqa: E402
from tribunal.services.app import Database, open_database  # noqa: E402
from tribunal.services.audit import AuditFilter  # noqa: E402

CLERKS = ["王书记员", "李书记员", "张书记员", "刘书记员", "陈书记员", "杨书记员", "赵书记员", "阿卜杜热合曼·阿卜杜克热木"]
ACTIONS = [("case.update", "case"), ("case.create", "case"), ("participant.add", "case"), ("agent.add", "case"),
           ("clock.suspend", "case"), ("hearing.create", "hearing"), ("hearing.update", "hearing"),
           ("invitation.create", "hearing"), ("enterprise.update", "enterprise"), ("observer.update", "observer"),
           ("training.session_update", "training_session"), ("documents.pack", "hearing")]
NAMES = ["张三", "李四", "王𬱖", "邵阳宝庆精密机械有限公司", "中国建筑第五工程局有限公司湖南分公司", "刘䶮"]
PAGE = 201  # what the window asks for: a page of 200 and one more to know whether there are more
BATCH = 10_000


def fill(db: Database, entries: int, seed: int = 2026) -> tuple[int, str]:
    """Add ``entries`` audit entries in bulk; returns a case id and its number to filter by."""
    rng = random.Random(seed)
    # A real case to look up by its number (the filter goes through the case register).
    settings.set_value(db, "case_number.prefix", "邵劳人仲案字")
    case = cases.create_case(db, cases.CaseInput(
        case_type=CaseType.WAGES, received_date=dt.date(2026, 3, 2),
        parties=(cases.PartyInput(PartyRole.APPLICANT, PartyKind.PERSON, "王𬱖"),
                 cases.PartyInput(PartyRole.RESPONDENT, PartyKind.ORGANISATION, "邵阳宝庆精密机械有限公司"))))
    start = dt.datetime(2025, 1, 1, 8, 0)
    span = 730 * 24 * 3600
    with db.engine.begin() as conn:  # one transaction, one executemany per batch
        for first in range(0, entries, BATCH):
            rows = []
            for i in range(first, min(first + BATCH, entries)):
                action, entity = rng.choice(ACTIONS)
                # Case ids up to 5,000: the case filtered by has about one entry in 5,000.
                entity_id = case.id if rng.random() < 0.0002 else rng.randint(case.id + 1, case.id + 5000)
                rows.append({
                    "at": start + dt.timedelta(seconds=span * i // entries),
                    "actor": rng.choice(CLERKS), "action": action, "entity": entity, "entity_id": entity_id,
                    "summary": f"修改 邵劳人仲案字〔2026〕第{entity_id}号 {rng.choice(NAMES)}",
                    "before": {"status": "accepted"}, "after": {"status": "heard"}, "entity_version": None,
                })
            conn.execute(insert(AuditEntry), rows)
    return case.id, case.number


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """p50 and p95 of ``runs`` calls, in milliseconds (one warm-up call first)."""
    fn()
    times = []
    for _ in range(runs):
        begun = time.perf_counter()
        fn()
        times.append((time.perf_counter() - begun) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


def plan(db: Database, f: AuditFilter) -> str:
    """SQLite's plan for the filter's query, one step per line (SCAN = reads the whole table)."""
    if not db.is_sqlite:
        return ""
    with db.session(write=False) as s:
        query = audit._filtered(s, f).order_by(AuditEntry.id.desc()).limit(PAGE)
        compiled = query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
        rows = s.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    return "; ".join(str(r[-1]) for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", help="a database URL (default: a new SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or str(Path(folder) / "audit.sqlite3")
        db = open_database(url, actor="基准测试")
        begun = time.perf_counter()
        case_id, number = fill(db, args.entries)
        # A few entries of an action that is rare in any trail (a restore, a backup).
        with db.session() as s:
            for _ in range(3):
                audit.record(s, db.actor, "database.backup", "database", None, "备份数据库")
        print(f"filled {args.entries:,} entries in {time.perf_counter() - begun:.1f} s")

        def floor() -> None:
            with db.session(write=False) as s:
                s.scalar(select(text("count(*)")).select_from(AuditEntry))

        floor_p50, floor_p95 = timed(floor, args.runs)
        print(f"floor: SELECT count(*) over the trail  p50 {floor_p50:7.2f} ms  p95 {floor_p95:7.2f} ms")
        filters = {
            "no filter (newest 200)": AuditFilter(),
            "case by 案号": AuditFilter(case_number=number),
            "case by id": AuditFilter(case_id=case_id),
            "person: a clerk": AuditFilter(person="李书记员"),
            "person: a party's name": AuditFilter(person="王𬱖"),
            "person: nobody": AuditFilter(person="不存在的人"),
            "action area (hearing)": AuditFilter(action="hearing"),
            "action key (agent.add)": AuditFilter(action="agent.add"),
            "action: a rare one": AuditFilter(action="database"),
            "one day": AuditFilter(date_from=dt.date(2026, 3, 2), date_to=dt.date(2026, 3, 2)),
            "one month": AuditFilter(date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 31)),
            "all at once": AuditFilter(person="李书记员", action="case", date_from=dt.date(2026, 1, 1),
                                       date_to=dt.date(2026, 12, 31)),
        }
        p50, p95 = timed(lambda: audit.actions(db), args.runs)
        print(f"{'action list (the filter)':26} {'':5} {p50:8.2f} {p95:8.2f} {p50 / floor_p50:9.2f} {p95 / floor_p95:9.2f}")
        print(f"{'filter':26} {'rows':>5} {'p50 ms':>8} {'p95 ms':>8} {'p50/floor':>9} {'p95/floor':>9}")
        for name, f in filters.items():
            found = len(audit.search(db, f, limit=PAGE))
            p50, p95 = timed(lambda f=f: audit.search(db, f, limit=PAGE), args.runs)
            print(f"{name:26} {found:5d} {p50:8.2f} {p95:8.2f} {p50 / floor_p50:9.2f} {p95 / floor_p95:9.2f}")
            print(f"{'':26} plan: {plan(db, f)}")
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
