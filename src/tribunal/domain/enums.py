"""Enumerations of the domain, each member carrying its Chinese and English label."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A string enum whose members know how a clerk calls them (中文) and an English label."""

    label_zh: str
    label_en: str

    # The labels' defaults are never used (every member names both); they let a type checker
    # accept the lookup ``CaseType("overtime")``, which Enum routes past this method.
    def __new__(cls, value: str, label_zh: str = "", label_en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_zh = label_zh
        member.label_en = label_en
        return member

    def label(self, language: str = "zh") -> str:
        """Return the label in ``language`` ("zh" or "en"); Chinese for anything else."""
        return self.label_en if language.startswith("en") else self.label_zh

    @classmethod
    def from_label(cls, text: str) -> Self:
        """Find a member by its value or either label (used by imports and the command line)."""
        text = text.strip()
        for member in cls:
            if text in (member.value, member.label_zh, member.label_en):
                return member
        raise ValueError(text)


class CaseType(LabelledEnum):
    """Case types (案由), aligned with the official statistics categories."""

    LABOR_RELATION = ("labor_relation", "确认劳动关系", "Confirmation of employment")
    WAGES = ("wages", "劳动报酬", "Unpaid wages")
    OVERTIME = ("overtime", "加班费", "Overtime pay")
    DOUBLE_WAGE = ("double_wage", "未订立书面劳动合同二倍工资", "Double wages (no written contract)")
    SEVERANCE = ("severance", "经济补偿", "Severance pay")
    ILLEGAL_TERMINATION = ("illegal_termination", "违法解除劳动合同赔偿金", "Unlawful dismissal")
    WORK_INJURY = ("work_injury", "工伤保险待遇", "Work-injury benefits")
    SOCIAL_INSURANCE = ("social_insurance", "社会保险", "Social insurance losses")
    ANNUAL_LEAVE = ("annual_leave", "未休年休假工资", "Untaken annual leave pay")
    NON_COMPETE = ("non_compete", "竞业限制", "Non-compete")
    DISPATCH = ("dispatch", "劳务派遣", "Labour dispatch")
    COLLECTIVE = ("collective", "集体争议", "Collective dispute")
    OTHER = ("other", "其他", "Other")


class CaseStatus(LabelledEnum):
    """Where a case stands in its life (案件状态)."""

    RECEIVED = ("received", "已收件", "Received")
    ACCEPTED = ("accepted", "已受理", "Accepted")
    SCHEDULED = ("scheduled", "已排期", "Hearing scheduled")
    HEARD = ("heard", "已开庭", "Heard")
    SUSPENDED = ("suspended", "中止", "Suspended")
    CLOSED = ("closed", "已结案", "Closed")
    REJECTED = ("rejected", "不予受理", "Rejected")

    @property
    def is_open(self) -> bool:
        """True while the case still runs (not closed, not rejected)."""
        return self not in (CaseStatus.CLOSED, CaseStatus.REJECTED)

    @property
    def can_be_scheduled(self) -> bool:
        """True when a hearing may be scheduled: accepted and still open (a suspended case too,
        for the day it resumes)."""
        return self in (CaseStatus.ACCEPTED, CaseStatus.SCHEDULED, CaseStatus.HEARD, CaseStatus.SUSPENDED)


class CaseOutcome(LabelledEnum):
    """How a case ended (结案方式)."""

    MEDIATED = ("mediated", "调解结案", "Mediated")
    AWARDED = ("awarded", "裁决结案", "Award")
    WITHDRAWN = ("withdrawn", "撤回申请", "Withdrawn")
    DEEMED_WITHDRAWN = ("deemed_withdrawn", "按撤回申请处理", "Deemed withdrawn")
    DISMISSED = ("dismissed", "撤销案件", "Case dismissed")


class CaseResult(LabelledEnum):
    """Whose claims the closing upheld (处理结果), in the categories of the official returns.

    The 劳动人事争议处理情况 returns count closed cases by result in three columns; the
    project's own definitions are in docs/reports.md.
    """

    WORKER = ("worker", "劳动者胜诉", "Worker's claims upheld")
    EMPLOYER = ("employer", "用人单位胜诉", "Employer upheld")
    PARTLY = ("partly", "双方部分胜诉", "Partly upheld")


class Procedure(LabelledEnum):
    """Ordinary or simplified procedure (一般程序 / 简易处理)."""

    ORDINARY = ("ordinary", "一般程序", "Ordinary")
    SIMPLIFIED = ("simplified", "简易处理", "Simplified")


class PartyRole(LabelledEnum):
    """A party's role in the case (当事人地位)."""

    APPLICANT = ("applicant", "申请人", "Applicant")
    RESPONDENT = ("respondent", "被申请人", "Respondent")
    THIRD_PARTY = ("third_party", "第三人", "Third party")


class PartyKind(LabelledEnum):
    """Natural person or organisation (自然人 / 单位)."""

    PERSON = ("person", "自然人", "Person")
    ORGANISATION = ("organisation", "单位", "Organisation")


class StaffRole(LabelledEnum):
    """What a member of staff does (仲裁员 / 书记员)."""

    ARBITRATOR = ("arbitrator", "仲裁员", "Arbitrator")
    CLERK = ("clerk", "书记员", "Clerk")


class PanelRole(LabelledEnum):
    """A seat on the arbitral tribunal (仲裁庭组成)."""

    SOLE = ("sole", "独任仲裁员", "Sole arbitrator")
    PRESIDING = ("presiding", "首席仲裁员", "Presiding arbitrator")
    MEMBER = ("member", "仲裁员", "Arbitrator")


class HearingStatus(LabelledEnum):
    """Where a hearing stands (开庭状态)."""

    SCHEDULED = ("scheduled", "已排期", "Scheduled")
    POSTPONED = ("postponed", "已延期", "Postponed")
    HELD = ("held", "已开庭", "Held")
    CANCELLED = ("cancelled", "已取消", "Cancelled")


class ServiceMethod(LabelledEnum):
    """How a document was served (送达方式)."""

    DIRECT = ("direct", "直接送达", "In person")
    POST = ("post", "邮寄送达", "By post")
    ELECTRONIC = ("electronic", "电子送达", "Electronic")
    PHONE = ("phone", "电话通知", "By telephone")
    LEFT = ("left", "留置送达", "Left at address")
    PUBLIC_NOTICE = ("public_notice", "公告送达", "Public notice")


class InvitationStatus(LabelledEnum):
    """An observer's invitation to one hearing (旁听邀请状态)."""

    INVITED = ("invited", "已邀请", "Invited")
    CONFIRMED = ("confirmed", "已确认", "Confirmed")
    DECLINED = ("declined", "已谢绝", "Declined")
    ATTENDED = ("attended", "已到场", "Attended")
    ABSENT = ("absent", "未到场", "Absent")


class DocumentKind(LabelledEnum):
    """Kinds of generated documents (文书种类)."""

    HEARING_NOTICE = ("hearing_notice", "开庭通知书", "Hearing notice")
    SERVICE_RECEIPT = ("service_receipt", "送达回证", "Proof of service")
    ANNOUNCEMENT = ("announcement", "开庭公告", "Hearing announcement")
    INVITATION = ("invitation", "旁听邀请函", "Observer invitation")
    OBSERVER_RULES = ("observer_rules", "旁听须知", "Observers' rules")
    SIGN_IN = ("sign_in", "签到表", "Sign-in sheet")
    DAY_LIST = ("day_list", "开庭排期表", "Day list")
    HANDOUT = ("handout", "培训讲义", "Training handout")
    CERTIFICATE = ("certificate", "培训证明", "Certificate of attendance")
    PACK = ("pack", "开庭文书包", "Hearing pack")
    PACK_LIST = ("pack_list", "文书清单", "Pack list")
    CASE_NOTICE = ("case_notice", "案件通知书", "Case notice")
    MEDIATION = ("mediation", "调解书", "Mediation statement")
    AWARD = ("award", "裁决书", "Arbitral award")
    CASE_RECEIPT = ("case_receipt", "送达回证（调解书、裁决书）", "Proof of service (statement, award)")
    RECOMMENDATION = ("recommendation", "仲裁建议书", "Arbitration recommendation")
    RISK_NOTICE = ("risk_notice", "用工风险提示", "Employment risk notice")


class AgentKind(LabelledEnum):
    """Who acts for a party (代理人): whom the party entrusted, or who represents it by law.

    The first five are entrusted agents (委托代理人) and need a power of attorney stating the
    matters and authority (《劳动争议调解仲裁法》第二十四条); a 法定代理人 and an agent the
    commission appoints (指定代理人) act under 第二十五条 and need none.
    """

    LAWYER = ("lawyer", "律师", "Lawyer")
    LEGAL_SERVICE_WORKER = ("legal_service_worker", "基层法律服务工作者", "Legal-service worker")
    CLOSE_RELATIVE = ("close_relative", "近亲属", "Close relative")
    EMPLOYEE = ("employee", "用人单位工作人员", "Employee of the party")
    RECOMMENDED = ("recommended", "工会或社区推荐的公民", "Recommended by a union or community")
    STATUTORY = ("statutory", "法定代理人", "Statutory agent")
    APPOINTED = ("appointed", "指定代理人", "Agent appointed by the commission")
    OTHER = ("other", "其他", "Other")


class AgentAuthority(LabelledEnum):
    """The scope of an entrusted agent's authority as the power of attorney states it (代理权限)."""

    GENERAL = ("general", "一般授权", "General authority")
    SPECIAL = ("special", "特别授权", "Special authority")


class SpecialAuthority(LabelledEnum):
    """Acts an agent may do for the party only with special authority (特别授权事项)."""

    ADMIT = ("admit", "承认仲裁请求", "Admit claims")
    WAIVE = ("waive", "放弃仲裁请求", "Waive claims")
    CHANGE = ("change", "变更仲裁请求", "Change claims")
    SETTLE = ("settle", "进行和解、调解", "Settle or agree to mediation")
    COUNTERCLAIM = ("counterclaim", "提出反申请", "File a counterclaim")


class ParticipantRole(LabelledEnum):
    """Someone other than a party who takes part in a case (其他诉讼参与人); none may observe it."""

    WITNESS = ("witness", "证人", "Witness")
    APPRAISER = ("appraiser", "鉴定人", "Appraiser")
    INTERPRETER = ("interpreter", "翻译人员", "Interpreter")
    OTHER = ("other", "其他参与人", "Other participant")


class FinalityCategory(LabelledEnum):
    """What a claim is about, for finality (《劳动争议调解仲裁法》第四十七条)."""

    REMUNERATION = ("remuneration", "追索劳动报酬", "Labour remuneration")
    INJURY_MEDICAL = ("injury_medical", "工伤医疗费", "Work-injury medical costs")
    COMPENSATION = ("compensation", "经济补偿或者赔偿金", "Economic compensation or damages")
    STANDARDS = ("standards", "工作时间、休息休假、社会保险等劳动标准", "Working time, rest, social insurance")
    OTHER = ("other", "其他争议", "Other")


class AwardKind(LabelledEnum):
    """A full award, or a partial one on the facts already clear (《劳动争议调解仲裁法》第四十三条第二款)."""

    FULL = ("full", "裁决", "Award")
    PARTIAL = ("partial", "先行裁决", "Partial award")


class MediationStatus(LabelledEnum):
    """Where a mediation statement stands (调解书状态)."""

    DRAFT = ("draft", "草稿", "Draft")
    ISSUED = ("issued", "已制作待签收", "Issued, awaiting receipt")
    EFFECTIVE = ("effective", "已生效", "Effective")
    FAILED = ("failed", "反悔未生效", "Withdrawn by a party")


class AwardStatus(LabelledEnum):
    """Where an award stands (裁决书状态)."""

    DRAFT = ("draft", "草稿", "Draft")
    ISSUED = ("issued", "已作出待送达", "Issued, awaiting service")
    SERVED = ("served", "已送达", "Served")
