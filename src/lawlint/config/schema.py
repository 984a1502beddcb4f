"""JSON Schemas for rule packs and configurations, generated from the code.

The kinds' declared :class:`~lawlint.checks.options.Option`\\ s, the pack and configuration
keys and the built-in rules are the single source, so the schemas cannot drift from
what lawlint accepts. ``lawlint schema pack|config`` prints them for editors (e.g. the
YAML language server: ``# yaml-language-server: $schema=lawlint-pack.schema.json``).
They describe the shape; lawlint itself still checks what a schema cannot (regexes
compile, rule ids exist, section keys are defined).
"""

from __future__ import annotations

from typing import Any

from lawlint.checks.options import Option
from lawlint.config.loader import LEVELS, OFF
from lawlint.findings import SEVERITIES
from lawlint.packs.loader import _ID, builtin_packs

DRAFT = "http://json-schema.org/draft-07/schema#"
_STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SEVERITY: dict[str, Any] = {"enum": list(SEVERITIES)}


def _option(spec: Option) -> dict[str, Any]:
    schema = spec.json_schema()
    if spec.default is not None:
        schema["default"] = spec.default
    return schema


def _section() -> dict[str, Any]:
    """A part of the report in a pack's ``sections``."""
    regexes = {"type": "array", "items": {"type": "string", "format": "regex"}}
    return {
        "type": "object",
        "required": ["key"],
        "properties": {
            "key": {"type": "string", "pattern": _ID.pattern},
            "name": {"type": "string"},
            "heading": regexes,
            "content": regexes,
            "content_anywhere": regexes,
            "cited_titles": regexes,
            "unclaimed": {
                "type": "boolean",
                "description": "Top-level sections no other part claims are this part "
                "when no heading names it (reports organised by theme).",
            },
        },
        "additionalProperties": False,
    }


def _vocabulary() -> dict[str, Any]:
    """A vocabulary of a pack's ``vocabularies`` (see packs.vocabularies)."""
    return {
        "type": "object",
        "properties": {
            "description": {"type": "string"},
            "words": _STRINGS,
            "pattern": {"type": "string", "format": "regex"},
        },
        "additionalProperties": False,
    }


def _by_kind(common: dict[str, Any]) -> list[dict[str, Any]]:
    """For each kind: a rule of that kind has the common keys and the kind's options."""
    from lawlint.checks import kinds

    return [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {
                "properties": {
                    **dict.fromkeys(common, True),
                    **{key: _option(spec) for key, spec in kind.options.items()},
                },
                "required": [key for key, spec in kind.options.items() if spec.required],
                "additionalProperties": False,
            },
        }
        for name, kind in sorted(kinds().items())
    ]


def _rule_keys() -> dict[str, Any]:
    """The keys every rule has, whatever its kind (the kind adds its options)."""
    from lawlint.checks import kinds

    return {
        "id": {"type": "string", "pattern": _ID.pattern, "description": "稳定的规则 id / rule id"},
        "kind": {"enum": sorted(kinds()), "description": "检查类型 / the check it configures"},
        "severity": _SEVERITY,
        "message": {
            "type": "string",
            "minLength": 1,
            "description": "中文提示，可含 {match} 等字段 / Chinese message template",
        },
        "description": {"type": "string"},
        "source": {"type": "string", "description": "依据的标准或规定 / the clause it enforces"},
        "link": {"type": "string"},
        "supersedes": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Rule ids whose findings inside this rule's findings are dropped.",
        },
        "examples": {
            "type": "object",
            "properties": {"good": _STRINGS, "bad": _STRINGS},
            "additionalProperties": False,
        },
        "messages": {
            "type": "object",
            "additionalProperties": {"type": "string", "minLength": 1},
            "description": "各问题代码的提示文字 / the text of each problem code the kind emits",
        },
        "doc": _rule_doc(),
    }


def _rule_doc() -> dict[str, Any]:
    """A rule's ``doc:``, the one source of its documentation (explain, docs/rules/)."""
    return {
        "type": "object",
        "description": "规则的说明（lawlint explain、docs/rules/）/ the rule's documentation",
        "properties": {
            "summary": {"type": "string", "description": "一句话说明 / one-line summary"},
            "rationale": {
                "type": "string",
                "description": "为什么审核人关心、依据的条款 / why it matters, the clause",
            },
            "not_flagged": {
                "type": "array",
                "items": {"type": "string"},
                "description": "有意不报告的情况 / what it deliberately leaves alone",
            },
            "fix": {
                "type": "string",
                "description": "--fix 做什么、是否安全 / what --fix does, and its safety",
            },
        },
        "additionalProperties": False,
    }


def pack_schema() -> dict[str, Any]:
    """The schema of a rule pack (``lawlint schema pack``)."""
    common = _rule_keys()
    properties = {
        "pack": {"type": "string", "pattern": _ID.pattern},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "vocabularies": {
            "type": "object",
            "additionalProperties": _vocabulary(),
            "description": "本规则包的词表，规则以 @{名称} 引用 / this pack's vocabularies, "
            "named by its rules as @{name}",
        },
        "sections": {"type": "array", "items": _section()},
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "kind", "severity", "message"],
                "properties": common,
                "allOf": _by_kind(common),
            },
        },
    }
    return {
        "$schema": DRAFT,
        "title": "lawlint rule pack / lawlint 规则包",
        "type": "object",
        "required": ["pack", "rules"],
        "properties": properties,
        "additionalProperties": False,
    }


def _builtin_rules(off: list[dict[str, Any]]) -> dict[str, Any]:
    """``rules:`` settings of each built-in rule: off, a severity, or its options."""
    from lawlint.checks import kinds

    builtin: dict[str, Any] = {}
    for pack in builtin_packs():
        for rule in pack.rules:
            options = {key: _option(spec) for key, spec in kinds()[rule.kind].options.items()}
            builtin[rule.id] = {
                "description": rule.description or rule.message,
                "anyOf": [
                    *off,
                    {
                        "type": "object",
                        "properties": {"severity": _SEVERITY, **options},
                        "additionalProperties": False,
                    },
                ],
            }
    return builtin


def _per_file() -> dict[str, Any]:
    """The settings of one glob of ``per-file``: rules to ignore, severities to change."""
    return {
        "type": "object",
        "properties": {
            "ignore": _STRINGS,
            "severity": {
                "anyOf": [_SEVERITY, {"type": "object", "additionalProperties": _SEVERITY}]
            },
        },
        "additionalProperties": False,
    }


def config_schema() -> dict[str, Any]:
    """The schema of a configuration (``lawlint schema config``)."""
    off: list[dict[str, Any]] = [{"const": False}, {"const": OFF}, _SEVERITY]
    generic = {
        "anyOf": [
            *off,
            {"type": "object", "properties": {"severity": _SEVERITY}},
        ]
    }
    properties = {
        "extends": dict(
            _STRINGS,
            description="规则包：default（全部内置）、内置包名或规则包文件路径"
            " / packs: default (every built-in), built-in names, or paths",
        ),
        "select": dict(_STRINGS, description="只运行这些规则 id 或规则包 / run only these"),
        "ignore": dict(_STRINGS, description="不运行这些规则 id 或规则包 / skip these"),
        "rules": {
            "type": "object",
            "description": "ID: off | error | warning | info | {severity: …, <option>: …}",
            "properties": _builtin_rules(off),
            "additionalProperties": generic,
        },
        "per-file": {
            "type": "object",
            "description": "glob → {ignore: […], severity: level | {ID: level}}",
            "additionalProperties": _per_file(),
        },
        "exclude": dict(_STRINGS, description="不检查的文件 glob / globs never linted"),
        "level": {"enum": list(LEVELS)},
        "report-year": {"type": "integer", "minimum": 1949, "maximum": 2100},
        "fail-on": _SEVERITY,
        "title": {
            "type": "string",
            "minLength": 1,
            "description": "没有标题行的文本的报告标题 / title of a text without a title line",
        },
        "previous": {
            "type": "string",
            "minLength": 1,
            "description": "上年报告（相对于配置所在文件夹），用于年度对照"
            " / last year's report (relative to the configuration's folder), year over year",
        },
    }
    return {
        "$schema": DRAFT,
        "title": "lawlint configuration (.lawlint.yaml, [tool.lawlint]) / lawlint 配置",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


SCHEMAS = {"pack": pack_schema, "config": config_schema}
