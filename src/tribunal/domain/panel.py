"""Who may sit on an arbitral tribunal (仲裁庭组成): one sole arbitrator, or a presiding arbitrator and two."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from tribunal.domain.enums import PanelRole
from tribunal.texts import msg

#: Legal basis of the two allowed forms of tribunal.
PANEL_BASIS: Final = msg("《劳动争议调解仲裁法》第三十一条")
#: Legal basis of "the recorder is not one of the tribunal's arbitrators" (in the 2010 text; the
#: article number in the 2017 rules is not yet checked, docs/legal-basis.md §4.2).
CLERK_BASIS: Final = msg("《劳动人事争议仲裁组织规则》（记录人员不得由本庭仲裁员兼任，条文序号待核对）")

DUPLICATE_SEAT: Final = msg("同一名仲裁员不能在仲裁庭中担任两个席位")
BAD_FORM: Final = msg("仲裁庭应由一名独任仲裁员组成，或由一名首席仲裁员和两名仲裁员组成")
CLERK_ON_PANEL: Final = msg("书记员不能同时是本案仲裁庭成员")


def is_valid_form(roles: Iterable[PanelRole]) -> bool:
    """Whether the seats form a tribunal: exactly one sole arbitrator, or one presiding plus two."""
    roles = sorted(roles)
    if roles == [PanelRole.SOLE]:
        return True
    return (len(roles) == 3 and roles.count(PanelRole.PRESIDING) == 1
            and roles.count(PanelRole.MEMBER) == 2)


def panel_problems(seats: Iterable[tuple[int, PanelRole]], clerk_id: int | None) -> dict[str, str]:
    """What is wrong with a tribunal's seats and its clerk, by field (``arbitrators``, ``clerk``).

    An empty list of seats is not a problem here (a case may be registered before its
    tribunal is formed); callers that need a tribunal check for that themselves.

    Args:
        seats: ``(staff_id, role)`` per seat.
        clerk_id: the clerk (书记员), or None.

    Returns:
        An empty dict when the composition is lawful.
    """
    seats = list(seats)
    if not seats:
        return {}
    problems: dict[str, str] = {}
    ids = [staff_id for staff_id, _ in seats]
    if len(set(ids)) != len(ids):
        problems["arbitrators"] = DUPLICATE_SEAT
    elif not is_valid_form(role for _, role in seats):
        problems["arbitrators"] = BAD_FORM
    if clerk_id is not None and clerk_id in ids:
        problems["clerk"] = CLERK_ON_PANEL
    return problems
