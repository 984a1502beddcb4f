"""Vocabularies: word lists and patterns declared once and shared by rules by name.

The figure pattern, the measure words and the words that introduce a total are used by
several rules of two packs; each is declared once, in ``rules/dict/vocabularies.yaml``
(the built-in vocabularies: every pack sees them), and a pack may declare its own in a
``vocabularies:`` block (seen by that pack's rules only; a name there hides a built-in
vocabulary of the same name)::

    vocabularies:
      measure-words:
        description: 量词
        words: [次, 项, 件]
      figure:
        description: 一个计数的数字
        pattern: '[0-9]+[余多]?@{measure-words}'

A rule's option value (and a vocabulary's ``pattern``) names one as ``@{name}``:

- in a word list (option type ``str-list``), an item that is only ``"@{name}"`` stands
  for the vocabulary's words (``units: ["@{measure-words}", 人次]``);
- in a regex (``regex``, ``regex-list``, a vocabulary's ``pattern``, a section's
  patterns), ``@{name}`` stands for ``(?:…)``: the pattern, or the words escaped and
  longest first;
- in a ``str`` option that is a set of characters (``measures``, ``units``), for the
  words written one after another.

A kind's option defaults name vocabularies the same way (``"@{figure}"``). References are
resolved when the pack is loaded, before the value is checked, so a misspelled name is
an error naming the file, the rule and the key like any invalid value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from lawlint.checks.options import OptionError
from lawlint.errors import PackError

REFERENCE = re.compile(r"@\{([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\}")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
KEYS = ("description", "words", "pattern")
# a pattern naming a pattern naming a pattern …: far deeper than any real chain
_MAX_DEPTH = 8

Scope = Mapping[str, "Vocabulary"]
Fail = Callable[..., PackError]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A named word list (``words``) or regex (``pattern``, which may name others)."""

    name: str
    words: tuple[str, ...] = ()
    pattern: str | None = None
    description: str = ""


def read_vocabularies(raw: Any, fail: Fail, *at: str | int) -> dict[str, Vocabulary]:
    """The ``vocabularies`` mapping of a pack or of the built-in file, checked; ``fail``
    makes the error for a key path (``at`` is where the mapping sits)."""
    if not isinstance(raw, dict):
        raise fail(
            "vocabularies 应为映射 {名称: {words: […]} 或 {pattern: …}}",
            "'vocabularies' must map names to {words: […]} or {pattern: …}",
            *at,
        )
    found: dict[str, Vocabulary] = {}
    for name, body in raw.items():
        found[name] = _read_one(name, body, fail, *at)
    return found


def _read_one(name: Any, body: Any, fail: Fail, *at: str | int) -> Vocabulary:
    if not isinstance(name, str) or not _NAME.match(name):
        raise fail(
            "词表名称应为小写字母、数字和连字符",
            "a vocabulary's name must be lowercase letters, digits and hyphens",
            *at,
        )
    where = (*at, name)
    if not isinstance(body, dict) or any(k not in KEYS for k in body):
        raise fail(
            "词表应为 {description: …, words: […]} 或 {description: …, pattern: …}",
            "a vocabulary must be {description: …, words: […]} or {description: …, pattern: …}",
            *where,
        )
    words, pattern = body.get("words"), body.get("pattern")
    if (words is None) == (pattern is None):
        raise fail(
            "词表须有 words 或 pattern 之一（不能两者都有）",
            "a vocabulary has either 'words' or 'pattern' (not both)",
            *where,
        )
    if words is not None and not (
        isinstance(words, list) and words and all(isinstance(w, str) and w for w in words)
    ):
        raise fail(
            "words 应为非空字符串的列表",
            "'words' must be a list of non-empty strings",
            *where,
            "words",
        )
    if pattern is not None and not (isinstance(pattern, str) and pattern):
        raise fail(
            "pattern 应为正则表达式字符串", "'pattern' must be a regex string", *where, "pattern"
        )
    description = body.get("description", "")
    if not isinstance(description, str):
        raise fail(
            "description 应为字符串", "'description' must be a string", *where, "description"
        )
    return Vocabulary(name, tuple(words or ()), pattern, description)


def _lookup(name: str, scope: Scope) -> Vocabulary:
    found = scope.get(name)
    if found is None:
        known = ", ".join(sorted(scope)) or "无 none"
        raise OptionError(
            f"未知的词表 @{{{name}}}（可用：{known}）",
            f"unknown vocabulary @{{{name}}} (known: {known})",
        )
    return found


def regex(name: str, scope: Scope, depth: int = 0) -> str:
    """The vocabulary ``name`` as a regex group: its pattern (references resolved) or
    its words escaped, the longest first (人次 before 人)."""
    vocabulary = _lookup(name, scope)
    if vocabulary.pattern is None:
        words = sorted(vocabulary.words, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(w) for w in words) + ")"
    if depth >= _MAX_DEPTH:
        raise OptionError(
            f"词表 @{{{name}}} 的引用层数过多（可能循环引用）",
            f"vocabulary @{{{name}}} nests too deep (a reference loop?)",
        )
    return "(?:" + _in_regex(vocabulary.pattern, scope, depth + 1) + ")"


def _in_regex(text: str, scope: Scope, depth: int = 0) -> str:
    return REFERENCE.sub(lambda m: regex(m.group(1), scope, depth), text)


def _words(name: str, scope: Scope) -> tuple[str, ...]:
    vocabulary = _lookup(name, scope)
    if vocabulary.pattern is not None:
        raise OptionError(
            f"词表 @{{{name}}} 是正则表达式，不是词语列表",
            f"vocabulary @{{{name}}} is a pattern, not a list of words",
        )
    return vocabulary.words


def resolve(value: Any, option_type: str, scope: Scope) -> Any:
    """``value`` of an option of ``option_type`` with its ``@{name}`` references
    replaced (see the module's documentation); values of other types, and values of
    the wrong type (the option's own check reports those), are returned as they are."""
    if option_type == "str-list" and isinstance(value, list):
        out: list[Any] = []
        for item in value:
            whole = REFERENCE.fullmatch(item) if isinstance(item, str) else None
            out.extend(_words(whole.group(1), scope) if whole else (item,))
        return out
    if option_type == "regex" and isinstance(value, str):
        return _in_regex(value, scope)
    if option_type == "regex-list" and isinstance(value, list):
        return [_in_regex(v, scope) if isinstance(v, str) else v for v in value]
    if option_type == "str" and isinstance(value, str):
        return REFERENCE.sub(lambda m: "".join(_words(m.group(1), scope)), value)
    return value
