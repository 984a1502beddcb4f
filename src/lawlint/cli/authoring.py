"""For people who read and write rules: ``lawlint explain`` and ``lawlint test-pack``.

``explain`` shows one rule as the configuration in force runs it: message, why it
exists (description and source), severity, options with their current values and
help, and the pack's good/bad examples. ``test-pack`` runs a pack's examples the way
the test suite runs the built-in ones: each ``bad`` example must give at least one
finding of its rule, each ``good`` example none.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lawlint.errors import LawlintError
from lawlint.findings import SEVERITY_ZH, Finding
from lawlint.lint.suppress import DIRECTIVE_RULES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lawlint.checks.options import Option
    from lawlint.lint.workspace import Profile
    from lawlint.model.rules import Pack, Rule

_STATUS = {
    "off": ("已在配置中关闭（rules: off）", "turned off in the configuration"),
    "ignore": ("已被 ignore 排除", "ignored (configuration or --ignore)"),
    "select": ("未被 select 选中", "not selected (select / --select)"),
}


def explain(rid: str, profile: Profile) -> str:
    """The text of ``lawlint explain ID`` under ``profile``'s configuration."""
    if rid in DIRECTIVE_RULES:
        return _explain_directive_rule(rid)
    rule = profile.rule(rid)
    if rule is None:
        raise _unknown_rule(rid, profile)
    from lawlint.checks import kinds

    kind = kinds()[rule.kind]
    pack = next(p for p in profile.packs if any(r.id == rid for r in p.rules))
    original = next(r for r in pack.rules if r.id == rid)
    config = profile.config.path or "无（默认设置）/ none (defaults)"
    status = profile.inactive.get(rid)
    state = "启用 / on" if status is None else " / ".join(_STATUS[status])

    out = [rid]
    if rule.description:
        out.append(f"  {rule.description}")
    out += [
        "",
        f"规则包 pack        {pack.name}（{pack.path}）",
        f"检查类型 kind      {kind.kind} — {kind.summary}",
        f"严重程度 severity  {_severity(rule, original)}",
        f"状态 status        {state}",
        f"配置 config        {config}",
        f"自动修复 fix       {'可以 / yes' if kind.fixable else '不可以 / no'}",
        "",
        "提示 message",
        f"  {rule.message}",
        "",
        "依据 source",
        f"  {rule.source or '（未注明 / not given）'}",
    ]
    if rule.link:
        out.append(f"  {rule.link}")
    out += _doc_lines(rule)
    out += _option_lines(kind.options, rule, original)
    out += _example_lines(rule)
    return "\n".join(out).rstrip("\n")


def _explain_directive_rule(rid: str) -> str:
    """A rule about suppression directives has no pack and no configuration: only its
    description, severity and source, and that nothing turns it off."""
    meta = DIRECTIVE_RULES[rid]
    return "\n".join(
        [
            rid,
            f"  {meta.description}",
            "",
            f"严重程度 severity  {SEVERITY_ZH[meta.severity]} {meta.severity}",
            f"依据 source        {meta.source}",
            "不能用 select/ignore、配置或指令关闭 / not affected by select, ignore, "
            "configuration or directives",
        ]
    )


def _unknown_rule(rid: str, profile: Profile) -> LawlintError:
    """The error for an id no pack defines, suggesting the closest known ids (a typo is
    the usual cause)."""
    known = sorted({r.id for p in profile.packs for r in p.rules} | set(DIRECTIVE_RULES))
    close = difflib.get_close_matches(rid, known, n=3)
    hint_zh = f"（是否想找：{', '.join(close)}？）" if close else "（见 lawlint rules）"
    hint_en = f" (did you mean {', '.join(close)}?)" if close else " (see lawlint rules)"
    return LawlintError(f"未知的规则 id：{rid}{hint_zh}", f"unknown rule id: {rid}{hint_en}")


def _severity(rule: Rule, original: Rule) -> str:
    """The severity in force, as ``lawlint rules`` says it, and the pack's when the
    configuration changed it (a reader must see where it comes from)."""
    severity = f"{SEVERITY_ZH[rule.severity]} {rule.severity}"
    if rule.severity != original.severity:
        was = f"{SEVERITY_ZH[original.severity]} {original.severity}"
        severity += f"（规则包中为 {was}，配置修改 / {original.severity} in the pack)"
    return severity


def _option_lines(options: Mapping[str, Option], rule: Rule, original: Rule) -> list[str]:
    """The kind's options with their current values, marking those the configuration
    changed from the pack's, and each option's type and help."""
    out = ["", "选项 options（当前值 / current value）"]
    if not options:
        out.append("  （无 / none）")
    for name, spec in options.items():
        changed = rule.raw_options.get(name) != original.raw_options.get(name)
        mark = "  ← 配置 / config" if changed else ""
        out.append(f"  {name}: {_show(rule.raw_options.get(name))}{mark}")
        out.append(f"      {spec.type}; {spec.help}")
    return out


def _example_lines(rule: Rule) -> list[str]:
    """The pack's bad and good examples, a multi-line example set off by a bar."""
    out = ["", "示例 examples"]
    for label, key in (("✗ 错误 bad", "bad"), ("✓ 正确 good", "good")):
        examples = rule.examples.get(key) or []
        if examples:
            out.append(f"  {label}")
            for text in examples:
                lines = text.rstrip("\n").split("\n")
                out.extend(f"    {'│ ' if len(lines) > 1 else ''}{line}" for line in lines)
                if len(lines) > 1:
                    out.append("")
    if not any(rule.examples.get(k) for k in ("bad", "good")):
        out.append("  （无 / none）")
    return out


def _doc_lines(rule: Rule) -> list[str]:
    """The pack's ``doc:`` of the rule — why it exists, what it leaves alone, what
    --fix does — each paragraph wrapped to 78 cells under its heading."""
    doc = rule.doc
    out: list[str] = []
    if doc.rationale:
        out += ["", "为什么 why", *("  " + line for line in wrap(doc.rationale, 76))]
    if doc.not_flagged:
        out += ["", "不报告 not flagged"]
        for item in doc.not_flagged:
            first, *rest = wrap(item, 74)
            out += [f"  - {first}", *(f"    {line}" for line in rest)]
    if doc.fix:
        out += ["", "修复 fix", *("  " + line for line in wrap(doc.fix, 76))]
    return out


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass(slots=True)
class ExampleFailure:
    rule: str
    kind: str  # "bad" or "good"
    index: int
    text: str
    findings: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class ExampleReport:
    pack: Pack
    run: int = 0
    failures: list[ExampleFailure] = field(default_factory=list)
    without_examples: list[str] = field(default_factory=list)


def run_examples(path: str) -> ExampleReport:
    """Run every example of the pack at ``path`` (with the built-in packs loaded, so
    its rules can name their sections; a built-in pack of the same name is replaced:
    that is testing an edited copy of it). Raises PackError for an invalid pack."""
    from lawlint.lint.engine import Linter
    from lawlint.packs.loader import builtin_packs, check_unique_ids, load_pack

    pack = load_pack(path)
    packs = [p for p in builtin_packs() if p.name != pack.name] + [pack]
    check_unique_ids(packs)
    report = ExampleReport(pack)
    for rule in pack.rules:
        linter = Linter(packs, [rule])
        if not any(rule.examples.get(k) for k in ("bad", "good")):
            report.without_examples.append(rule.id)
        for kind in ("bad", "good"):
            for i, text in enumerate(rule.examples.get(kind, [])):
                report.run += 1
                found = [f for f in linter.lint_text(text) if f.rule == rule.id]
                if bool(found) != (kind == "bad"):
                    report.failures.append(ExampleFailure(rule.id, kind, i, text, found))
    return report


def describe_failure(failure: ExampleFailure) -> list[str]:
    """Lines telling what went wrong with one example."""
    if failure.kind == "bad":
        head = (
            f"FAIL {failure.rule} bad[{failure.index}]: 没有发现问题，应至少有一个"
            " / expected at least one finding, got none"
        )
    else:
        head = (
            f"FAIL {failure.rule} good[{failure.index}]: 发现了 {len(failure.findings)} 个问题，"
            f"应为零 / expected no finding, got {len(failure.findings)}"
        )
    lines = [head]
    lines.extend(f"    │ {line}" for line in failure.text.rstrip("\n").split("\n"))
    lines.extend(f"    {f.line}:{f.column}  {f.message}" for f in failure.findings)
    return lines


def rules_listing(
    titles: list[tuple[str, str]], rows: list[dict[str, Any]], width: int = 80
) -> str:
    """``lawlint rules`` as text: per pack its title, then per rule a line with its id,
    severity (Chinese and id), kind and ✓ when it fixes, and its summary under it,
    indented and wrapped by display width to ``width`` cells (at 80 columns, or piped,
    a summary is never squeezed into a narrow column)."""
    from lawlint.output.safe import shown

    indent = " " * 6
    out: list[str] = []
    for name, title in titles:
        out.append(shown(f"{name} — {title}"))
        for row in (r for r in rows if r["pack"] == name):
            fix = "  ✓ 可自动修复 / fixable" if row["fixable"] else ""
            sev = f"{SEVERITY_ZH.get(row['severity'], row['severity'])} {row['severity']}"
            kind = f"  {row['kind']}" if row["kind"] != row["id"] else ""  # a kind of its own
            out.append(f"  {row['id']}  {sev}{kind}{fix}")
            summary = shown(" ".join(str(row["summary"] or "").split()))
            out.extend(indent + piece for piece in wrap(summary, max(20, width - len(indent))))
        out.append("")
    return "\n".join(out)


def wrap(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` display cells (CJK characters take
    two), at a space when an English word would be cut, else anywhere."""
    from lawlint.chars import display_width

    lines: list[str] = []
    line = ""
    for ch in text:
        if display_width(line + ch) <= width:
            line += ch
            continue
        cut = line.rfind(" ")
        if ch != " " and cut > width // 2 and line[cut + 1 :].isascii():
            lines.append(line[:cut])
            line = line[cut + 1 :] + ch
        else:
            lines.append(line.rstrip())
            line = "" if ch == " " else ch
    if line or not lines:
        lines.append(line)
    return lines
