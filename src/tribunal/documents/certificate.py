"""培训证明 — certificate of attendance for one observer who came to the hearing and training (one sheet)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.data import Certificate, PublicHearing
from tribunal.documents.formatting import arabic_date

__all__ = ["AttendanceCertificate", "CertificateData"]


@dataclass(frozen=True)
class CertificateData:
    """The (public) hearing and one observer's certificate."""

    hearing: PublicHearing
    certificate: Certificate


class AttendanceCertificate(DocumentRenderer[CertificateData]):
    """培训证明: who attended what, when, for how long — signed by the institute.

    The training part (its title, hours and topics) is printed only for a training session
    that was recorded; the hours are its own start to end, not the day's.
    """

    KIND = "certificate"
    GLYPH_SEED = (
        "培训证明兹证明同志（）于年月日参加了在举办的巡回仲裁庭审观摩暨劳动法律培训活动，旁听了"
        "一案的庭审，并参加了“”培训，培训时长小时。培训内容：；特此证明。0123456789"
    )
    PAGE_NUMBERS = "none"
    ONE_SHEET = True

    def names(self, data: CertificateData) -> list[str]:
        return [data.certificate.name, data.certificate.number]

    def meta(self, data: CertificateData) -> DocMeta:
        c = data.certificate
        return DocMeta(title=f"培训证明（{c.name}）", issue_date=c.issue_date,
                       key=f"certificate:{c.number}")

    def fields(self, data: CertificateData) -> dict[str, str]:
        c, training = data.certificate, data.hearing.training
        return {"单位": c.enterprise, "职务": c.title, "培训名称": training.title,
                "培训内容": "；".join(t.formal_title or t.title for t in training.topics)}

    def story(self, data: CertificateData) -> list[Flowable]:
        h, c = data.hearing, data.certificate
        s = self.styles
        who = f"{c.enterprise}{c.name}同志" if c.enterprise else f"{c.name}同志"
        if c.title:
            who += f"（{c.title}）"
        training = h.training
        text = (
            f"兹证明{who}于{arabic_date(h.starts_at.date())}参加了{self.commission.institute}"
            f"在{h.venue.host}举办的巡回仲裁庭审观摩暨劳动法律培训活动，旁听了{h.caption}一案的庭审"
        )
        if training.title and c.hours:
            text += f"，并参加了“{training.title}”培训，培训时长{c.hours}小时"
        text += "。"
        body = [self.p(text, s.body)]
        if training.topics and c.hours:
            topics = "；".join(t.formal_title or t.title for t in training.topics)
            body.append(self.p(f"培训内容：{topics}。", s.body))
        body.append(self.p("特此证明。", s.body))
        return [
            *self.heading_block("培训证明", issuer_name=self.commission.institute, large=True, number=c.number),
            self.lines(1),
            *body[:-2],
            self.closing(body[-2:], c.issue_date, issuer=self.commission.institute, gap=2),
        ]
