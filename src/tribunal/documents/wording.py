"""The standing wording of the documents, kept as data with its legal basis.

Each clause says whether its legal basis was checked against the official text
(``verified``): only verified bases are printed after the clause. The unverified ones come
from practice or rest on the 2017 case-handling rules, whose official text has not been
checked (docs/legal-basis.md §0); the commission must check them before the documents are
relied on, and they are printed without a citation.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ARRIVAL",
    "BRING_AGENT",
    "BRING_EVIDENCE",
    "BRING_ORGANISATION",
    "BRING_PERSON",
    "CONSEQUENCE",
    "HANDOUT_DISCLAIMER",
    "OBSERVER_PRIVACY",
    "OBSERVER_RULES",
    "OBSERVER_RULES_BASIS",
    "POSTPONEMENT",
    "PUBLIC_HEARING",
    "RECUSAL",
    "SERVICE_RULES",
    "SIGN_IN_PRIVACY",
    "Clause",
]


@dataclass(frozen=True)
class Clause:
    """A sentence of standing wording, where it comes from, and practical advice after it."""

    text: str
    basis: str = ""
    verified: bool = False
    advice: str = ""  # the commission's own practical addition, printed after the citation

    def printed(self) -> str:
        """The clause as printed: "……（《…》第N条）。" when the basis is verified, then advice."""
        text = self.text
        if self.basis and self.verified:
            text = f"{text.rstrip('。')}（{self.basis}）。"
        return text + self.advice


ARRIVAL = Clause("请于开庭前二十分钟到达并向书记员报到；进入厂区时请出示本通知书和身份证件。")

BRING_PERSON = Clause("本人身份证件原件及复印件")
BRING_ORGANISATION = Clause("营业执照复印件、法定代表人（主要负责人）身份证明书")
BRING_AGENT = Clause("授权委托书（写明委托事项和权限）及代理人身份证件")
BRING_EVIDENCE = Clause("证据原件，以及按对方当事人人数准备的复印件")

RECUSAL = Clause(
    "当事人认为仲裁员有法定回避情形的，有权以口头或者书面方式申请其回避，并说明理由。",
    "《劳动争议调解仲裁法》第三十三条",
    verified=True,
    # When to apply follows 办案规则 (unchecked, docs/legal-basis.md §0): advice, without a citation.
    advice="申请请在开庭前提出；回避事由在开庭后才知道的，可以在庭审辩论终结前提出。",
)

POSTPONEMENT = Clause(
    "当事人有正当理由的，可以在开庭三日前请求延期开庭，是否延期由本委决定。",
    "《劳动争议调解仲裁法》第三十五条",
    verified=True,
    advice="请求请以书面形式提出并附有关证明；未获准许的，仍应按时到庭。",
)

#: What happens when a party does not appear, by party role.
CONSEQUENCE: dict[str, Clause] = {
    "applicant": Clause(
        "申请人收到本通知后，无正当理由拒不到庭，或者未经仲裁庭同意中途退庭的，可以视为撤回仲裁申请。",
        "《劳动争议调解仲裁法》第三十六条",
        verified=True,
    ),
    "respondent": Clause(
        "被申请人收到本通知后，无正当理由拒不到庭，或者未经仲裁庭同意中途退庭的，可以缺席裁决。",
        "《劳动争议调解仲裁法》第三十六条",
        verified=True,
    ),
    # No statute addresses a third party's absence; this reflects common practice (no citation).
    "third_party": Clause(
        "第三人收到本通知后无正当理由不到庭的，不影响仲裁庭对本案的审理，由此产生的不利后果由第三人承担。"
    ),
}

PUBLIC_HEARING = Clause(
    "本案依法公开审理。",
    "《劳动争议调解仲裁法》第二十六条",
    verified=True,
    advice="届时将有企业人力资源管理人员旁听，庭后开展劳动法律培训；发给旁听人员的材料中当事人一律隐名。"
    "认为本案涉及商业秘密、个人隐私，或者双方协议不公开审理的，请在开庭前书面告知本委。",
)

# The civil procedure rules on service apply to arbitration by reference (办案规则, unchecked;
# docs/legal-basis.md §2.5).
SERVICE_RULES: tuple[Clause, ...] = (
    Clause("受送达人应当在本回证上签名或者盖章，并写明收到日期；签收日期为送达日期。"),
    Clause(
        "受送达人本人不在的，可以交其同住的成年家属签收；单位由其法定代表人、主要负责人或者负责收件的人签收；"
        "有代理人或者指定代收人的，可以交其签收。代收的，应当注明与受送达人的关系。",
        "参照《民事诉讼法》第八十八条",
    ),
    Clause(
        "受送达人拒绝签收的，送达人可以邀请有关基层组织或者所在单位的代表到场，说明情况，在回证上记明"
        "拒收事由和日期，由送达人、见证人签名或者盖章，把文书留在受送达人的住所；也可以把文书留在住所，"
        "并采用拍照、录像等方式记录送达过程。",
        "参照《民事诉讼法》第八十九条",
    ),
)

OBSERVER_RULES: tuple[str, ...] = (
    "本次庭审依法公开进行。旁听人员应当年满十八周岁，凭本人有效身份证件或者旁听邀请函签到，"
    "按照工作人员的引导在旁听区就座。",
    "本案的证人、鉴定人，与本案有利害关系的人员，以及醉酒、精神状态异常或者携带危险物品的人员，不得旁听。",
    "庭审期间请关闭手机等通讯设备或者将其调为静音，不接打电话，不收发信息。",
    "未经仲裁庭许可，不得录音、录像、拍照，不得通过网络或者其他方式直播、转播庭审情况。",
    "旁听人员不得进入仲裁区，不得随意走动，不得发言、提问，不得鼓掌、喧哗、吸烟、进食，"
    "不得有其他妨碍庭审秩序的行为。",
    "对庭审有意见或者建议的，可以在闭庭后的交流环节提出，也可以书面向仲裁院反映。",
    "违反以上规定的，仲裁庭可以予以劝阻、训诫，或者责令退出旁听区；擅自录音、录像、拍照的，"
    "可以暂扣设备并责令删除有关内容；情节严重的，依法移送有关部门处理。",
    "旁听人员对在庭审中知悉的当事人个人信息和商业秘密负有保密义务，不得对外传播，也不得用于其他目的。",
)
# Rules 4 and 7 follow 办案规则 art. 43 [M for its first paragraph]; the others follow the
# courts' 法庭规则 arts. 9 and 17 used as a model; rule 8 is the commission's own addition.
OBSERVER_RULES_BASIS = "参照《劳动人事争议仲裁办案规则》第四十三条、《人民法院法庭规则》第九条和第十七条制定"

OBSERVER_PRIVACY = (
    "本函所涉案件的当事人已作隐名处理。旁听人员的姓名、单位和职务仅用于本次活动的组织、签到和统计，"
    "不作他用。"
)

SIGN_IN_PRIVACY = (
    "个人信息说明：本表信息仅用于本次活动的组织、签到和统计，由{institute}保管，活动结束后六个月内销毁；"
    "如有疑问，请联系{contact}。"
)

HANDOUT_DISCLAIMER = "本讲义仅供学习交流，不作为案件处理依据。案例已作隐名处理，请勿对号入座或者对外传播。"
