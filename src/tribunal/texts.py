"""Texts the layers below the GUI give a clerk: Chinese values that remember how to be translated.

Services and domain rules write their messages (errors, field reasons, scheduling findings,
deadline names) with :func:`msg`::

    raise NotFound(msg("案件 {number} 不存在", number=number))

The result is a plain ``str`` holding the Chinese text, so printed documents, the command
line and logs use it unchanged and stay Chinese whatever the interface language is. It also
keeps its template and parameters, so the GUI can show it in English at display time
(``tribunal.ui.lang.text``) by looking the template up in the English catalogue
(``resources/translations/tribunal_texts_en.po``; the Chinese template is the msgid). No
process-wide language is ever switched: a PDF made on a worker thread while the window is in
English is still Chinese.

Templates use ``str.format`` fields (``{number}``, ``{day:%Y-%m-%d}``). Parameters may be:

* other texts made with :func:`msg` or :func:`joined` (translated in turn);
* members of the program's labelled enums (anything with ``label_zh`` and ``label(lang)``),
  shown by their Chinese label here and their English label on an English screen;
* anything else (numbers, dates, names the clerk typed), formatted as they are.

``scripts/translations.py`` extracts every ``msg("…")`` template with Babel (keyword
``msg``) into the catalogue; ``tests/unit/test_texts.py`` fails when one has no English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["Text", "joined", "msg", "reason_of", "render"]

#: A Chinese character: a template without one is the same in every language.
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


class Text(str):
    """A Chinese text (the ``str`` value) with the template and parameters it was made from.

    ``parts`` and ``separator`` are set instead of a template for a list of texts joined by
    :func:`joined`.
    """

    template: str
    params: Mapping[str, Any]
    parts: tuple[str, ...]
    separator: str

    def __new__(cls, value: str, template: str = "", params: Mapping[str, Any] | None = None,
                parts: tuple[str, ...] = (), separator: str = "") -> Text:
        text = super().__new__(cls, value)
        text.template = template
        text.params = dict(params or {})
        text.parts = parts
        text.separator = separator
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # Copies and pickles (a worker's result) keep what the translation needs.
        return (Text, (str(self), self.template, self.params, self.parts, self.separator))


def _chinese(value: Any) -> Any:
    """A parameter as the Chinese text shows it: an enum member by its Chinese label."""
    label_zh = getattr(value, "label_zh", None)
    return label_zh if isinstance(label_zh, str) and not isinstance(value, Text) else value


def msg(template: str, /, **params: Any) -> Text:
    """Mark ``template`` (Chinese, ``str.format`` fields) as a text with an English translation.

    Args:
        template: the Chinese wording, e.g. ``"案件 {number} 不存在"``; a literal string, so
            that Babel's extraction finds it.
        **params: the values of the template's fields.

    Returns:
        The Chinese text, formatted; it keeps ``template`` and ``params`` for the GUI.
    """
    value = template.format(**{name: _chinese(v) for name, v in params.items()})
    return Text(value, template, params)


def joined(parts: Iterable[str], separator: str = "；") -> Text:
    """Texts joined into one (``a；b；c``), each translated on its own on an English screen.

    Args:
        parts: the texts (made with :func:`msg`, or plain strings shown as they are).
        separator: the Chinese punctuation between them: ``；``, ``，``, ``、`` or a newline.
    """
    items = tuple(parts)
    return Text(separator.join(items), parts=items, separator=separator)


def reason_of(error: BaseException) -> str:
    """The message of ``error`` as it was raised: a :class:`Text` stays one.

    ``str(error)`` would copy the message into a plain ``str`` and lose its template, so
    code that hands a refused value's reason on (``ValueError`` → ``ValidationError``) uses
    this instead.
    """
    message = getattr(error, "message", None)
    if isinstance(message, str):
        return message
    if len(error.args) == 1 and isinstance(error.args[0], str):
        return error.args[0]
    return str(error)


#: The English punctuation for the Chinese separators :func:`joined` takes.
ENGLISH_SEPARATORS: Mapping[str, str] = {"；": "; ", "，": ", ", "、": ", ", "。": ". ", "：": ": "}


def render(value: str, translate: Callable[[str], str | None], english_label: Callable[[Any], str | None]) -> str:
    """``value`` in another language: its template looked up by ``translate`` and formatted.

    Used by the GUI (``tribunal.ui.lang.text``); kept here beside :func:`msg` so that both
    sides of the convention are in one place.

    Args:
        value: a :class:`Text` (translated) or any other string (returned unchanged).
        translate: the catalogue: template → translated template, or None when it has none.
        english_label: a parameter's label in the other language, or None when it has none
            (then the parameter is formatted as it is).

    Returns:
        The translated text; the Chinese value itself when the template has no translation.
    """
    if not isinstance(value, Text):
        return str(value)
    if value.parts:
        separator = ENGLISH_SEPARATORS.get(value.separator, value.separator)
        return separator.join(render(part, translate, english_label) for part in value.parts)
    if not value.template:
        return str(value)
    translated = translate(value.template)
    if not translated and not _HAN.search(value.template):
        translated = value.template  # nothing of its own to translate ("{type}"): only its parameters
    if not translated:
        return str(value)

    def parameter(param: Any) -> Any:
        if isinstance(param, Text):
            return render(param, translate, english_label)
        label = english_label(param)
        if label is not None:
            return label
        label_zh = getattr(param, "label_zh", None)  # an enum naming itself with a text
        if isinstance(label_zh, str):
            return render(label_zh, translate, english_label)
        return param

    try:
        return translated.format(**{name: parameter(v) for name, v in value.params.items()})
    except (KeyError, IndexError, ValueError):
        # A translation whose fields do not match the template (the catalogue test prevents
        # this): the Chinese is still a correct message.
        return str(value)
