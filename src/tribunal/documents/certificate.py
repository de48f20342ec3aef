"""培训证明 — certificate of attendance for one observer who came to the hearing and training."""

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
    """培训证明: who attended what, when, for how long — signed by the institute."""

    KIND = "certificate"
    GLYPH_SEED = (
        "培训证明兹证明同志（）于年月日参加了在举办的巡回仲裁庭审观摩暨劳动法律培训活动，旁听了"
        "一案的庭审，并参加了“”培训，培训时长小时。培训内容：；特此证明。0123456789"
    )
    PAGE_NUMBERS = "none"

    def meta(self, data: CertificateData) -> DocMeta:
        c = data.certificate
        return DocMeta(title=f"培训证明（{c.name}）", issue_date=c.issue_date,
                       key=f"certificate:{c.number}")

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
        if training.title:
            text += f"，并参加了“{training.title}”培训"
        text += f"，培训时长{c.hours}小时。"
        story: list[Flowable] = [
            *self.heading_block("培训证明", issuer_name=self.commission.institute, large=True,
                                number=c.number),
            self.lines(1),
            self.p(text, s.body),
        ]
        if training.topics:
            story.append(self.p("培训内容：" + "；".join(t.title for t in training.topics) + "。", s.body))
        story += [self.p("特此证明。", s.body), self.lines(2),
                  self.signature(c.issue_date, issuer=self.commission.institute)]
        return story
