"""Pictures of the printed documents, to look at: the samples in docs/samples, or every page with long data.

Usage (from the repository root; needs poppler-utils' ``pdftoppm``)::

    python scripts/document_samples.py                 # page 1 of each document of the demo's showcase
                                                       # hearing → docs/samples/<kind>.png
    python scripts/document_samples.py --long DIR      # every page of every document, made from data
                                                       # at the extremes real data reaches → DIR/*.png

The long data (a 41-character enterprise, a Uyghur name with "·", a long job title, 15
claims, 60 observers, an agent of each kind that matters) is the sample set of
``tests/unit/test_pdf_samples.py``; the property-based tests check the same documents on the
PDF itself, and this script is for the eye.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

TODAY = dt.date(2026, 11, 27)


def _png(pdf: Path, target: Path, *, first_page_only: bool, dpi: int = 60) -> None:
    first = ["-gray", "-f", "1", "-l", "1", "-singlefile"] if first_page_only else []
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", *first, str(pdf), str(target)], check=True)


def demo_samples(folder: Path) -> list[Path]:
    """Page 1 of each kind of document of the demo's showcase hearing (two observers attended)."""
    from sqlalchemy import select

    from tribunal.db.models import Invitation
    from tribunal.domain.enums import InvitationStatus
    from tribunal.services import documents
    from tribunal.services.app import open_database
    from tribunal.services.demo import load_demo

    work = Path(tempfile.mkdtemp(prefix="tribunal-samples-"))
    try:
        db = open_database(str(work / "demo.sqlite3"), actor="示例")
        load_demo(db, today=TODAY)
        with db.session() as s:  # two of the invited HR managers came
            for invitation in s.scalars(select(Invitation).where(Invitation.hearing_id == 1)
                                        .order_by(Invitation.id).limit(2)):
                invitation.status = InvitationStatus.ATTENDED
        pack = documents.make_pack(db, 1, out_dir=work)
        certificates = documents.make_certificates(db, 1, out_dir=work)
        db.dispose()
        first: dict[str, str] = {}
        for d in (*pack.documents, *certificates.documents):
            first.setdefault(d.kind.value, d.path)
        folder.mkdir(parents=True, exist_ok=True)
        made = []
        for kind, path in first.items():
            _png(Path(path), folder / kind, first_page_only=True)
            made.append(folder / f"{kind}.png")
        return made
    finally:
        shutil.rmtree(work, ignore_errors=True)


def long_samples(folder: Path) -> list[Path]:
    """Every page of every document, from the long sample data."""
    from tests.unit import test_pdf_samples as s

    from tribunal.documents.announcement import HearingAnnouncement
    from tribunal.documents.certificate import AttendanceCertificate, CertificateData
    from tribunal.documents.data import InvitationLetter
    from tribunal.documents.day_list import DayListSheet
    from tribunal.documents.handout import HandoutData, TrainingHandout
    from tribunal.documents.invitation import InvitationData, ObserverInvitation
    from tribunal.documents.notice import HearingNotice, NoticeTarget
    from tribunal.documents.observer_rules import ObserverRules
    from tribunal.documents.service_receipt import ServiceReceipt
    from tribunal.documents.sign_in import SignInData, SignInSheet

    h, closed = s.long_hearing(), s.long_hearing(public=False)
    letter = InvitationLetter(s.LONG_ENTERPRISE, s.LONG_ENTERPRISE, s.long_invitees(24), dt.date(2026, 12, 6))
    documents = {
        "notice": (HearingNotice, s.COMMISSION, NoticeTarget(h, h.parties[0])),
        "notice_organisation": (HearingNotice, s.COMMISSION, NoticeTarget(h, h.parties[1])),
        "notice_agent": (HearingNotice, s.COMMISSION, NoticeTarget(h, h.parties[0], h.parties[0].agents[0])),
        "notice_closed": (HearingNotice, s.COMMISSION, NoticeTarget(closed, closed.parties[1])),
        "receipt": (ServiceReceipt, s.COMMISSION, NoticeTarget(h, h.parties[0])),
        "receipt_agent": (ServiceReceipt, s.COMMISSION, NoticeTarget(h, h.parties[0], h.parties[0].agents[0])),
        "announcement": (HearingAnnouncement, s.COMMISSION, s.LONG_PUBLIC),
        "invitation": (ObserverInvitation, s.COMMISSION, InvitationData(s.LONG_PUBLIC, letter)),
        "observer_rules": (ObserverRules, s.COMMISSION, s.LONG_PUBLIC),
        "sign_in": (SignInSheet, s.COMMISSION, SignInData(s.LONG_PUBLIC, s.long_invitees(60))),
        "day_list": (DayListSheet, s.COMMISSION, s.LONG_DAY),
        "handout": (TrainingHandout, s.COMMISSION, HandoutData(s.LONG_PUBLIC, s.LONG_TEACHING)),
        "certificate": (AttendanceCertificate, s.COMMISSION, CertificateData(s.LONG_PUBLIC, s.LONG_CERTIFICATE)),
    }
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name, (cls, commission, data) in documents.items():
        result = cls(commission).render(data)
        pdf = folder / f"{name}.pdf"
        pdf.write_bytes(result.data)
        for old in folder.glob(f"{name}-*.png"):
            old.unlink()
        _png(pdf, folder / name, first_page_only=False)
        made += sorted(folder.glob(f"{name}-*.png"))
        print(f"{name}: {result.pages} page(s)")
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long", metavar="DIR", type=Path, help="every page of every document with long data")
    args = parser.parse_args()
    if not shutil.which("pdftoppm"):
        sys.exit("pdftoppm (poppler-utils) is not installed")
    made = long_samples(args.long) if args.long else demo_samples(ROOT / "docs" / "samples")
    print(f"{len(made)} pictures written")


if __name__ == "__main__":
    main()
