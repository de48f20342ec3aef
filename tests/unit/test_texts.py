"""Texts made below the GUI: Chinese values, an English catalogue that is complete, no bare literals."""

from __future__ import annotations

import ast
import datetime as dt
import gettext
import re
import string
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tribunal.domain.enums import CaseStatus, PartyRole
from tribunal.errors import MissingParameter, NotFound, ValidationError
from tribunal.texts import Text, joined, msg, render

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "tribunal"
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402 - the build script, found through scripts/

HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
#: Chinese writing in a message: Han characters and the full-width punctuation that joins
#: Chinese clauses (``f"{who}：{reason}"`` is a Chinese sentence too).
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\U00020000-\U0002ffff]")


def _fields(template: str) -> set[tuple[str, str, str]]:
    """The ``{field!conversion:spec}`` parts of a format template (a field may recur)."""
    return {(name, conversion or "", spec or "")
            for _literal, name, spec, conversion in string.Formatter().parse(template)
            if name is not None}


@pytest.fixture(scope="module")
def catalogue() -> dict[str, str]:
    with translations.TEXTS_PO.open("rb") as file:
        return {m.id: m.string for m in read_po(file) if m.id and isinstance(m.id, str)}


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[tuple[str, int]]]:
    return translations.extract_texts()


# ------------------------------------------------------------------ the marker


def test_a_text_is_its_chinese_value_and_keeps_its_template() -> None:
    text = msg("案件 {number} {status}，不能再安排开庭", number="(2026)1号", status=CaseStatus.CLOSED)
    assert text == f"案件 (2026)1号 {CaseStatus.CLOSED.label_zh}，不能再安排开庭"
    assert isinstance(text, str) and isinstance(text, Text)
    assert text.template == "案件 {number} {status}，不能再安排开庭"
    assert text.params["status"] is CaseStatus.CLOSED
    # A worker's result crosses threads by reference, a copy or a pickle keeps the template.
    import copy
    import pickle
    assert pickle.loads(pickle.dumps(text)).template == text.template
    assert copy.deepcopy(text).params == text.params


def test_render_translates_the_template_its_parameters_and_joined_parts() -> None:
    english = {"案件 {number} {status}": "Case {number} is {status}", "必填": "required",
               "{who}的{what}": "{what} of {who}"}
    inner = msg("必填")
    text = joined([msg("案件 {number} {status}", number="X-1", status=CaseStatus.CLOSED),
                   msg("{who}的{what}", who="Li", what=inner), "plain"])
    shown = render(text, english.get, lambda v: v.label("en") if isinstance(v, CaseStatus) else None)
    assert shown == f"Case X-1 is {CaseStatus.CLOSED.label_en}; required of Li; plain"
    # Without a translation the Chinese is shown (never a half-translated sentence).
    assert render(msg("没有翻译 {x}", x=1), english.get, lambda v: None) == "没有翻译 1"
    assert render("plain str", english.get, lambda v: None) == "plain str"


def test_errors_build_their_messages_as_texts() -> None:
    with pytest.raises(ValidationError) as caught:
        ValidationError.raise_if({"name": msg("必填")}, msg("企业信息"))
    assert caught.value.message == "企业信息有误，未保存：必填"
    assert isinstance(caught.value.message, Text)
    missing = MissingParameter("minimum_wage", "月最低工资标准", "邵阳市", dt.date(2026, 1, 1))
    assert "邵阳市在 2026-01-01 适用的月最低工资标准尚未录入" in missing.message
    assert isinstance(NotFound(msg("所选开庭已不存在")).message, Text)


# ------------------------------------------------------------------ the catalogue


def test_every_template_has_an_english_translation_with_the_same_fields(
        catalogue: dict[str, str], extracted: dict[str, list[tuple[str, int]]]) -> None:
    missing = [t for t in extracted if not (catalogue.get(t) or "").strip()]
    assert not missing, (f"{len(missing)} text(s) without English; run python "
                         f"scripts/translations.py and fill in the .po: {missing[:10]}")
    mismatched = [(t, catalogue[t]) for t in extracted if _fields(t) != _fields(catalogue[t])]
    assert not mismatched, f"English with other {{fields}} than the template: {mismatched[:5]}"
    stale = sorted(set(catalogue) - set(extracted))
    assert not stale, f"catalogue entries no longer in the code (run scripts/translations.py): {stale[:10]}"


def test_english_is_english(catalogue: dict[str, str]) -> None:
    # Chinese may appear only as an example of what a clerk types (a document reference,
    # a placeholder of a number format), never as the sentence itself.
    for template, english in catalogue.items():
        prose = re.sub(r"“[^”]*”|\{\{[^}]*\}\}|\{[^}]*\}|e\.g\. \S+", "", english)
        assert not HAN.search(prose), f"{template!r} → {english!r}"


def test_the_compiled_catalogue_is_up_to_date(catalogue: dict[str, str]) -> None:
    with translations.TEXTS_MO.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    stale = [t for t, english in catalogue.items() if compiled.gettext(t) != english]
    assert not stale, f"the .mo is older than the .po (run scripts/translations.py): {stale[:5]}"


def test_deadline_names_weekdays_and_figures_are_in_the_catalogue(catalogue: dict[str, str]) -> None:
    from tribunal.domain import calculators, periods, scheduling, wage_parameters

    names = [*periods._DUE_LABELS.values(), *periods._RULE_LABELS.values(), *scheduling._WEEKDAYS,
             *(k.label_zh for k in calculators.CalculatorKind),
             *(k.label_zh for k in wage_parameters.ParameterKind)]
    for name in names:
        assert isinstance(name, Text) and catalogue.get(name), name
    assert PartyRole.APPLICANT.label_en  # enum labels have their own English (LabelledEnum)


# ------------------------------------------------------------------ no bare Chinese literals

#: Calls whose message arguments reach the clerk: the program's errors and scheduling findings.
_ERROR_CALL = re.compile(r"(Error|NotFound|MissingParameter)$")
#: Dicts of field → reason built before raising ValidationError.
_REASON_DICTS = {"errors", "fields", "problems", "reasons", "field_errors", "bad"}


def _chinese_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(CHINESE.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_chinese_literal(v) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _chinese_literal(node.left) or _chinese_literal(node.right)
    if isinstance(node, ast.IfExp):
        return _chinese_literal(node.body) or _chinese_literal(node.orelse)
    return False


def _bare_literals(tree: ast.AST) -> list[int]:
    """Lines where a Chinese literal is handed to an error, a finding or a field reason."""
    found: list[int] = []

    def check(node: ast.AST) -> None:
        values = node.values if isinstance(node, ast.Dict) else [node]
        found.extend(v.lineno for v in values if v is not None and _chinese_literal(v))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if _ERROR_CALL.search(name):
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    check(arg)
            elif name == "Finding":
                for arg in [*node.args[2:], *(k.value for k in node.keywords
                                             if k.arg in ("message", "legal_basis", "fix"))]:
                    check(arg)
            elif name == "raise_if":
                for arg in node.args[1:]:
                    check(arg)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
                    and target.value.id in _REASON_DICTS):
                check(node.value)
    return sorted(found)


def _checked_modules() -> list[Path]:
    paths = [*sorted((PACKAGE / "services").glob("*.py")), *sorted((PACKAGE / "domain").glob("*.py")),
             PACKAGE / "errors.py"]
    return [p for p in paths if p.name != "__init__.py" or p.stat().st_size]


@pytest.mark.parametrize("path", _checked_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_bare_chinese_message_below_the_gui(path: Path) -> None:
    lines = _bare_literals(ast.parse(path.read_text(encoding="utf-8")))
    assert not lines, (f"{path.relative_to(ROOT)} lines {lines}: wrap the Chinese message in "
                       "tribunal.texts.msg(...) so the English screen can translate it")


def test_the_bare_literal_check_catches_what_it_must() -> None:
    source = '''
raise NotFound("案件不存在")
raise ValidationError(f"第{n}项有误", {"name": "必填"})
errors["x"] = "不能为空"
Finding("k", HARD, "冲突" + x, None, f"改到{y}")
raise NotFound(msg("案件不存在"))
errors["y"] = msg("必填")
'''
    assert _bare_literals(ast.parse(source)) == [2, 3, 3, 4, 5, 5]
