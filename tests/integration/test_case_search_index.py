"""The case search through SQLite's trigram index finds exactly what a plain LIKE finds."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, or_, select, update

from tribunal.db.models import Case
from tribunal.db.search import CASE_SEARCH, contains
from tribunal.domain.enums import CaseStatus, CaseType
from tribunal.services import cases

#: Letters that make the index and LIKE disagree if anything is wrong: ASCII of both cases,
#: letters whose case only the tokenizer folds, CJK, ·, supplementary-plane characters, the
#: LIKE wildcards and the FTS5 quote.
ALPHABET = "aAbBzZ01ÄäЖж张三欧阳宝庆精密第号·𬱖䶮%_\"'()* "
names = st.text(alphabet=ALPHABET, min_size=0, max_size=12).map(str.strip)


def plain(db, word: str) -> set[int]:
    """What the search did before the index: the LIKE over the three columns, every case read."""
    with db.session(write=False) as s:
        return set(s.scalars(select(Case.id).where(or_(contains(Case.number, word), contains(Case.applicant_names, word),
                                                       contains(Case.respondent_names, word)))))


def add_cases(db, rows: list[tuple[str, str, str]]) -> None:
    with db.session() as s:
        s.execute(delete(Case))
        for n, (number, applicants, respondents) in enumerate(rows, start=1):
            s.add(Case(number=f"{number}#{n}", number_prefix="测", year=2026, seq=n, case_type=CaseType.WAGES,
                       status=CaseStatus.RECEIVED, received_date=dt.date(2026, 1, 1) + dt.timedelta(days=n),
                       applicant_names=applicants, respondent_names=respondents))


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(names, names, names), min_size=1, max_size=12), data=st.data())
def test_index_finds_what_like_finds(db, rows, data):
    add_cases(db, rows)
    texts = [t for row in rows for t in row if t]
    # Words taken from the data (1 to 5 characters) and words made up.
    picked = data.draw(st.sampled_from(texts)) if texts else ""
    start = data.draw(st.integers(0, max(len(picked) - 1, 0)))
    word = picked[start:start + data.draw(st.integers(1, 5))].strip() or data.draw(names)
    for w in {word, data.draw(names)}:
        for part in w.split():
            every = cases.search_case_ids(db, cases.CaseFilter(text=part))
            assert set(every) == plain(db, part) | _types(db, part), part
            # The first screenful (read in order where the word is frequent) is the same cases.
            assert cases.search_case_ids(db, cases.CaseFilter(text=part), limit=2) == every[:2]


def _types(db, word: str) -> set[int]:
    # The search also finds cases by the type of dispute typed into the same box.
    types = [t for t in CaseType if word in t.label_zh or word.lower() in t.label_en.lower()]
    if not types:
        return set()
    with db.session(write=False) as s:
        return set(s.scalars(select(Case.id).where(Case.case_type.in_(types))))


@pytest.mark.sqlite_only(reason="reads SQLite's FTS5 search table itself; PostgreSQL searches without it")
def test_index_follows_updates_and_deletes(db):
    add_cases(db, [("邵劳人仲案字〔2026〕第1号", "阿卜杜热合曼·阿卜杜克热木", "中国建筑第五工程局有限公司")])
    assert len(cases.search_case_ids(db, cases.CaseFilter(text="热合曼"))) == 1
    with db.session() as s:
        s.execute(update(Case).values(applicant_names="欧阳锋"))
    assert cases.search_case_ids(db, cases.CaseFilter(text="热合曼")) == []
    assert len(cases.search_case_ids(db, cases.CaseFilter(text="欧阳"))) == 1
    with db.session() as s:
        s.execute(delete(Case))
        rows = s.connection().exec_driver_sql(f"SELECT count(*) FROM {CASE_SEARCH} WHERE {CASE_SEARCH} MATCH '\"欧阳锋\"'")
        assert rows.scalar() == 0
    assert cases.search_case_ids(db, cases.CaseFilter(text="欧阳")) == []
