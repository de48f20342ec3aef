"""First-run set-up service: one save, nothing of another commission, the year's next number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tribunal.domain.enums import StaffRole
from tribunal.errors import ValidationError
from tribunal.services import cases, reference, settings, setup
from tribunal.services.app import Database, open_database

from .helpers import case_input

DATA = setup.CommissionSetup(
    name="湘潭市劳动人事争议仲裁院", seal_text="湘潭市劳动人事争议仲裁委员会", case_prefix="潭劳人仲案字",
    certificate_prefix="潭劳人仲培字", brackets="[]", year=2026, next_number=120,
    tribunals=(setup.TribunalEntry("湘潭经济技术开发区", "湘潭经开区巡回仲裁庭"),
               setup.TribunalEntry("湘潭高新技术产业开发区")),
    arbitrators=("李建国",), clerks=("欧阳晓燕",))


@pytest.fixture
def fresh(new_database: Path) -> Database:
    db = open_database(str(new_database), actor="测试")
    yield db
    db.dispose()


def test_a_new_database_holds_no_commission_and_refuses_a_case_until_set_up(fresh: Database) -> None:
    assert setup.needs_setup(fresh)
    values = settings.get_all(fresh)
    assert not any("邵" in str(values[k]) for k in values)
    with pytest.raises(ValidationError, match="案号代字尚未设置"):
        cases.create_case(fresh, case_input())
    assert cases.count_cases(fresh) == 0


def test_set_up_saves_everything_and_the_first_case_takes_the_next_number(fresh: Database) -> None:
    setup.set_up_commission(fresh, DATA)
    values = settings.get_all(fresh)
    assert values["commission.name"] == "湘潭市劳动人事争议仲裁院"
    assert values["certificate.number_pattern"] == "潭劳人仲培字[{年}]第{号}号"
    assert [t.name for t in reference.list_tribunals(fresh)] == ["湘潭经开区巡回仲裁庭"]
    assert [s.name for s in reference.list_staff(fresh, StaffRole.CLERK)] == ["欧阳晓燕"]
    first = cases.create_case(fresh, case_input(received_date=dt.date(2026, 11, 2)))
    assert first.number == "潭劳人仲案字[2026]第120号"
    with pytest.raises(ValidationError, match="已经设置过"):
        setup.set_up_commission(fresh, DATA)


def test_a_refused_field_saves_nothing(fresh: Database) -> None:
    bad = setup.CommissionSetup(**{**DATA.__dict__, "clerks": ("欧阳晓燕", "1234")})
    with pytest.raises(ValidationError) as caught:
        setup.set_up_commission(fresh, bad)
    assert "clerks" in caught.value.fields and "第 2 行" in caught.value.fields["clerks"]
    assert setup.needs_setup(fresh)
    assert reference.list_tribunals(fresh) == [] and reference.list_staff(fresh) == []


def test_documents_print_the_commission_the_set_up_entered(demo_db: Database, tmp_path: Path) -> None:
    import io
    import re

    from pypdf import PdfReader

    from tribunal.services import documents

    settings.set_value(demo_db, "commission.name", "湘潭市劳动人事争议仲裁院")
    settings.set_value(demo_db, "commission.seal_text", "湘潭市劳动人事争议仲裁委员会")
    result = documents.make_pack(demo_db, 1, out_dir=tmp_path)
    notice = next(d for d in result.documents if d.kind.value == "hearing_notice")
    data = Path(notice.path).read_bytes()
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))
    assert "湘潭市劳动人事争议仲裁" in text
    assert "邵阳市劳动人事争议仲裁" not in text
