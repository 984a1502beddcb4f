"""Typed options a check kind declares; rule packs are validated against them.

Each kind lists its options (name → :class:`Option`). Loading a pack checks every
rule's keys and values here, before anything is linted, and compiles regexes once,
so a typo in a user's pack is an error naming the file, the rule and the key rather
than a surprise halfway through a batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class OptionError(ValueError):
    """A value of the wrong type; the message is Chinese (``zh``) + English (``en``).

    Given one string, it is split at its first " / " (``"应为整数 / expected an
    integer"``); given two, they are the two halves as they are (a regex quoted in the
    message may hold " / " itself)."""

    def __init__(self, zh: str, en: str | None = None) -> None:
        if en is None:
            zh, _, en = zh.partition(" / ")
        self.zh = zh
        self.en = en
        super().__init__(f"{zh} / {en}")


@dataclass(frozen=True, slots=True)
class Option:
    """An option: its type, default and help; ``choices`` for ``enum``; ``fields`` for
    ``record-list`` (a list of mappings, each key an Option; keys whose Option default is
    None are required). A ``required`` option has no default in the code: every rule of
    the kind gives it (the built-in packs hold such word lists, not the code)."""

    type: str
    default: Any
    help: str
    choices: tuple[str, ...] = ()
    fields: tuple[tuple[str, Option], ...] = ()
    required: bool = False

    def convert(self, value: Any) -> Any:
        """Check ``value`` and return its run-time form (regexes compiled)."""
        return _CONVERT[self.type](self, value)

    def json_schema(self) -> dict[str, Any]:
        return dict(_SCHEMA[self.type](self), description=self.help)


def _expect(ok: bool, zh: str, en: str) -> None:
    if not ok:
        raise OptionError(zh, en)


def _str(opt: Option, v: Any) -> str:
    _expect(isinstance(v, str), "应为字符串", "expected a string")
    return v


def _int(opt: Option, v: Any) -> int:
    _expect(isinstance(v, int) and not isinstance(v, bool), "应为整数", "expected an integer")
    return v


def _float(opt: Option, v: Any) -> float:
    _expect(
        isinstance(v, (int, float)) and not isinstance(v, bool), "应为数字", "expected a number"
    )
    return float(v)


def _bool(opt: Option, v: Any) -> bool:
    _expect(isinstance(v, bool), "应为 true 或 false", "expected true or false")
    return v


def _str_list(opt: Option, v: Any) -> tuple[str, ...]:
    _expect(
        isinstance(v, list) and all(isinstance(x, str) and x for x in v),
        "应为非空字符串的列表",
        "expected a list of non-empty strings",
    )
    return tuple(v)


MAX_PATTERN = 10_000  # characters in one regex: real ones are a few hundred


def compile_regex(pattern: str, *, max_length: int | None = None) -> re.Pattern[str]:
    """``pattern`` compiled, or an OptionError: longer than ``max_length``, invalid, or
    able to backtrack catastrophically (``(a+)+``; see :mod:`lawlint.checks.backtrack`) — a
    pack's regexes must never stall a run, so such a pattern is refused when the pack
    is loaded. (Checks join many words into one pattern: no length limit by default.)"""
    from lawlint.checks.backtrack import backtracking_problem

    if max_length is not None and len(pattern) > max_length:
        raise OptionError(
            f"正则表达式超过 {max_length} 个字符", f"a regex longer than {max_length} characters"
        )
    try:
        compiled = re.compile(pattern)
    except (re.error, RecursionError, OverflowError, ValueError) as exc:
        raise OptionError(
            f"正则表达式无效：{pattern!r}（{exc}）", f"invalid regex {pattern!r} ({exc})"
        ) from None
    problem = backtracking_problem(pattern)
    if problem is not None:
        zh, en = problem
        raise OptionError(
            f"正则表达式 {pattern!r} 可能发生灾难性回溯：{zh}",
            f"regex {pattern!r} can backtrack catastrophically: {en}",
        )
    return compiled


def _regex(opt: Option, v: Any) -> re.Pattern[str]:
    return compile_regex(_str(opt, v), max_length=MAX_PATTERN)


def _regex_list(opt: Option, v: Any) -> tuple[re.Pattern[str], ...]:
    return tuple(compile_regex(p, max_length=MAX_PATTERN) for p in _str_list(opt, v))


def _str_map(opt: Option, v: Any) -> dict[str, str]:
    _expect(
        isinstance(v, dict)
        and all(isinstance(k, str) and k and isinstance(x, str) for k, x in v.items()),
        "应为“字符串: 字符串”的映射",
        "expected a mapping of strings to strings",
    )
    return dict(v)


def _int_map(opt: Option, v: Any) -> dict[str, int]:
    _expect(
        isinstance(v, dict)
        and all(
            isinstance(k, str) and isinstance(x, int) and not isinstance(x, bool)
            for k, x in v.items()
        ),
        "应为“字符串: 整数”的映射",
        "expected a mapping of strings to integers",
    )
    return dict(v)


def _record_list(opt: Option, v: Any) -> tuple[dict[str, Any], ...]:
    _expect(isinstance(v, list), "应为列表", "expected a list")
    fields = dict(opt.fields)
    out = []
    for i, item in enumerate(v):
        _expect(
            isinstance(item, dict), f"第 {i + 1} 项应为映射", f"item {i + 1}: expected a mapping"
        )
        record: dict[str, Any] = {}
        for key, value in item.items():
            _expect(
                key in fields,
                f"第 {i + 1} 项：未知的键“{key}”",
                f"item {i + 1}: unknown key {key!r}",
            )
            try:
                record[key] = fields[key].convert(value)
            except OptionError as exc:
                raise OptionError(
                    f"第 {i + 1} 项的 {key}：{exc.zh}", f"item {i + 1}, {key}: {exc.en}"
                ) from None
        for key, spec in fields.items():
            if key not in record:
                _expect(
                    spec.default is not None,
                    f"第 {i + 1} 项缺少“{key}”",
                    f"item {i + 1}: missing {key!r}",
                )
                record[key] = spec.convert(spec.default)
        out.append(record)
    return tuple(out)


def _enum(opt: Option, v: Any) -> str:
    _expect(
        v in opt.choices,
        f"应为 {', '.join(opt.choices)} 之一",
        f"expected one of {', '.join(opt.choices)}",
    )
    return v


_CONVERT = {
    "str": _str,
    "int": _int,
    "float": _float,
    "bool": _bool,
    "str-list": _str_list,
    "regex": _regex,
    "regex-list": _regex_list,
    "str-map": _str_map,
    "enum": _enum,
    "int-map": _int_map,
    "record-list": _record_list,
}

_STR_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SCHEMA: dict[str, Callable[[Option], dict[str, Any]]] = {
    "str": lambda o: {"type": "string"},
    "int": lambda o: {"type": "integer"},
    "float": lambda o: {"type": "number"},
    "bool": lambda o: {"type": "boolean"},
    "str-list": lambda o: dict(_STR_LIST),
    "regex": lambda o: {"type": "string", "format": "regex"},
    "regex-list": lambda o: {"type": "array", "items": {"type": "string", "format": "regex"}},
    "str-map": lambda o: {"type": "object", "additionalProperties": {"type": "string"}},
    "enum": lambda o: {"enum": list(o.choices)},
    "int-map": lambda o: {"type": "object", "additionalProperties": {"type": "integer"}},
    "record-list": lambda o: {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {k: f.json_schema() for k, f in o.fields},
            "required": [k for k, f in o.fields if f.default is None],
            "additionalProperties": False,
        },
    },
}
