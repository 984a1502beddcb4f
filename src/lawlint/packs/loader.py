"""Rule packs: YAML files of rules, validated completely before anything runs.

A pack::

    pack: gb-typography            # the pack's name
    title: 公文标点符号与格式       # what it is about
    vocabularies: {...}            # optional: its own word lists (see vocabularies.py)
    sections: [...]                # optional: the report's parts (see sections.py);
                                   # their regexes may name vocabularies too
    rules:
      - id: halfwidth-punct        # stable id, used in configs, JSON, SARIF
        kind: halfwidth-punct      # the Python check it configures
        severity: warning          # error | warning | info
        message: 中文文本中使用了半角“{match}”，应改为全角“{replacement}”
        source: GB/T 15834-2011 …  # the standard or regulation it enforces
        doc:                       # its documentation (``lawlint explain``, docs/rules/)
          summary: 一句话说明       # shown by `lawlint rules` (or `description:`)
          rationale: 为什么审核人关心、依据哪一条
          not_flagged: [它有意不报告的情况…]
          fix: --fix 做什么、为什么安全（或为什么不能自动修复）
        examples: {good: [...], bad: [...]}
        messages: {code: text}     # the texts of the kind's problem codes, if it has any
        <kind options>: ...        # values may name vocabularies: "@{figure}"

Loaded with the safe loader only (``yaml.safe_load``'s, in C when available; see
``yamlio``, which also keeps parsed packs). Every
problem — YAML syntax, an unknown kind, an unknown or mistyped option, an invalid
regex, a duplicate id, an unknown message field — is a :class:`PackError` naming the
file, the rule, the key and the YAML line. Every error of a pack is gathered and all are
raised together (``PackError.more``; ``lines()`` shows each), so that its author fixes
them in one round.

A pack is data that cannot hurt the run: at most 1 MB (:func:`read_utf8`), plain YAML
(no tags, no aliases of lists or mappings: ``yamlio``), every field type-checked before
use, message placeholders plain ``{field}`` only, and no regex that can backtrack
catastrophically (``backtrack``). A file that does not show it is a pack is never
quoted in an error.
"""

from __future__ import annotations

import os
import re
import stat
import string
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lawlint.checks.options import MAX_PATTERN, Option, OptionError, compile_regex
from lawlint.errors import PackError
from lawlint.fileio import OPEN_FLAGS, read_at_most
from lawlint.findings import SEVERITIES
from lawlint.model.rules import Pack, Rule, RuleDoc
from lawlint.model.sections import SectionSpec
from lawlint.packs.vocabularies import Scope, read_vocabularies, resolve
from lawlint.packs.yamlio import Locator, safe_yaml
from lawlint.resources import rules_dir

if TYPE_CHECKING:
    from lawlint.checks.base import Check

_T = TypeVar("_T")

RULE_KEYS = (
    "id", "kind", "severity", "message", "description", "source", "link", "examples",
    "supersedes", "messages", "doc",
)  # fmt: skip
DOC_KEYS = ("summary", "rationale", "not_flagged", "fix")
PACK_KEYS = ("pack", "title", "description", "vocabularies", "sections", "rules")
SECTION_KEYS = (
    "key",
    "name",
    "heading",
    "content",
    "content_anywhere",
    "cited_titles",
    "unclaimed",
)
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# a configuration's keys (config.KEYS, not imported: config imports this module)
_CONFIG_KEYS = ("extends", "select", "ignore", "per-file", "exclude", "level", "fail-on")


MAX_BYTES = 1_048_576  # a pack or configuration file: real ones are under 30 KB
# a URL, also once pathlib has folded its '//' (not a Windows drive, C:/)
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")
_KEY_LIKE = re.compile(r"[\w.-]{1,64}")


def quote_key(key: object) -> str:
    """A key of a file for a message: quoted when it looks like a key, else left out —
    a file that is no pack (a password file named by mistake) has its lines read as
    keys, and they must not be printed."""
    text = str(key)
    return repr(text) if _KEY_LIKE.fullmatch(text) else "(…)"


def read_utf8(
    path: Path, shown: str, what: tuple[str, str], error: type[PackError] = PackError
) -> str:
    """A pack's or configuration's text; a missing, unreadable, oversized or non-UTF-8
    file, a folder, a device or pipe (/dev/zero), or a URL is ``error``. ``what`` names
    the file in Chinese and English ("规则包", "rule pack"). At most MAX_BYTES + 1 bytes
    are ever read, and a pipe is never waited on."""
    zh, en = what
    if URL.match(str(path)) or URL.match(shown):
        raise error(
            f"{zh}须为本地文件：lawlint 从不下载任何内容",
            f"the {en} must be a local file: lawlint never downloads anything",
            path=shown,
        )
    try:
        fd = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        raise error(f"{zh}文件不存在", f"{en} file not found", path=shown) from None
    except IsADirectoryError:  # Windows; elsewhere a folder opens and fstat tells
        raise error(
            f"{zh}是文件夹，不是文件", f"the {en} is a folder, not a file", path=shown
        ) from None
    except OSError as exc:
        raise error(
            f"无法读取{zh}（{exc.strerror}）", f"cannot read the {en} ({exc.strerror})", path=shown
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise error(f"{zh}是文件夹，不是文件", f"the {en} is a folder, not a file", path=shown)
        if not stat.S_ISREG(mode):
            raise error(
                f"{zh}不是普通文件（设备、管道或套接字）",
                f"the {en} is not a regular file (a device, pipe or socket)",
                path=shown,
            )
        data = read_at_most(os.fdopen(fd, "rb", closefd=False), MAX_BYTES)
    except OSError as exc:
        raise error(
            f"无法读取{zh}（{exc.strerror}）", f"cannot read the {en} ({exc.strerror})", path=shown
        ) from None
    finally:
        os.close(fd)
    if data is None:
        raise error(
            f"{zh}文件超过 1 MB 上限",
            f"the {en} file is larger than the 1 MB limit",
            path=shown,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(
            f"{zh}不是 UTF-8 文本（第 {exc.start} 字节）",
            f"the {en} is not UTF-8 text (byte {exc.start})",
            path=shown,
        ) from None


def key_path(steps: Sequence[object]) -> str:
    """``rules.0.id``: the steps to a key, each shown only if it looks like a key."""
    return ".".join(str(s) if isinstance(s, int) else quote_key(s).strip("'") for s in steps)


def unwrap(text: str) -> str:
    """A ``|-`` block of a pack's ``doc:`` as one paragraph. Chinese is wrapped in the
    YAML for the reader of the pack; joining its lines with a space (YAML's folding)
    would put spaces between Chinese characters, so lines are joined directly unless
    two ASCII words meet."""
    lines = [line.strip() for line in text.strip().split("\n")]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        ascii_join = out[-1:].isascii() and out[-1:].isalnum() and line[:1].isascii()
        out += (" " if ascii_join and line else "") + line
    return out


def load_pack(path: str | Path) -> Pack:
    """Read and validate one pack file."""
    path_str = str(path)
    return parse_pack(read_utf8(Path(path), path_str, ("规则包", "rule pack")), path_str)


def parse_pack(text: str, path: str) -> Pack:
    return _PackReader(path, Locator(text)).read(safe_yaml(text, path))


class _PackReader:
    """Reads one pack, gathering every error it finds (``errors``) rather than stopping
    at the first: an author fixes a pack in one round, not one error per run. Only
    what makes the rest unreadable (not a mapping, no valid name, no list of rules)
    stops the reading at once."""

    def __init__(self, path: str, where: Locator) -> None:
        self.path = path
        self.where = where
        self.errors: list[PackError] = []
        self.vocabularies: Scope = builtin_vocabularies()

    def fail(self, zh: str, en: str, *at: str | int, rule: str | None = None) -> PackError:
        key = key_path(at) if at else None
        return PackError(zh, en, path=self.path, rule=rule, key=key, line=self.where.line(*at))

    def gather(self, read: Callable[..., _T], *args: Any) -> _T | None:
        """``read(*args)``, or None with its error kept for the report."""
        try:
            return read(*args)
        except _Skipped:
            return None
        except PackError as exc:
            self.errors.append(exc)
            return None

    def read(self, data: Any) -> Pack:
        name = self.read_header(data)
        if "vocabularies" in data:
            own = self.gather(read_vocabularies, data["vocabularies"], self.fail, "vocabularies")
            self.vocabularies = {**self.vocabularies, **(own or {})}  # its own hide built-ins
        sections = self.gather(self.read_sections, data.get("sections", []))
        raw_rules = data.get("rules")
        if not isinstance(raw_rules, list):
            self.errors.append(self.fail("rules 应为列表", "'rules' must be a list", "rules"))
            raw_rules = []
        rules = []
        seen: dict[str, int] = {}  # rule id → the index of its first definition
        for i, raw in enumerate(raw_rules):
            rule = self.gather(self.read_rule, raw, i, name)
            if rule is not None:
                rules.append(rule)
            # a repeated id is reported even when either rule has errors of its own
            rid = raw.get("id") if isinstance(raw, dict) else None
            if not isinstance(rid, str) or not _ID.match(rid):
                continue
            if rid in seen:
                # the line only now: a pack without errors is read without a YAML parser
                first = self.where.line("rules", seen[rid], "id")
                self.errors.append(
                    self.fail(
                        f"规则 id 重复：{rid}（第 {first} 行已定义）",
                        f"duplicate rule id {rid!r} (already defined on line {first})",
                        "rules",
                        i,
                        "id",
                        rule=rid,
                    )
                )
            else:
                seen[rid] = i
        if self.errors:
            raise gathered(self.errors)
        return Pack(
            name,
            data.get("title", ""),
            self.path,
            rules,
            sections or (),
            data.get("description", ""),
        )

    def read_header(self, data: Any) -> str:
        """The pack's name, once the file shows it is a pack; its other top-level keys
        checked. Until the file shows it is a pack (a mapping with a valid 'pack' name),
        no error quotes anything from it: a file named by mistake or by a hostile
        configuration (extends: [/etc/shadow]) must not be printed into a CI log."""
        if not isinstance(data, dict):
            raise self.fail(
                "不是规则包：规则包应为含 pack 和 rules 的 YAML 映射",
                "not a rule pack: a rule pack is a YAML mapping with 'pack' and 'rules'",
            )
        name = data.get("pack")
        if "pack" not in data and any(k in data for k in _CONFIG_KEYS):
            raise self.fail(
                "这是 lawlint 配置文件，不是规则包：extends 只能指定规则包（配置之间不能继承）",
                "this is a lawlint configuration, not a rule pack: 'extends' names rule "
                "packs only (configurations do not extend each other)",
            )
        if not isinstance(name, str) or not _ID.match(name):
            raise self.fail(
                "缺少或无效的 pack 名称（小写字母、数字和连字符）",
                "missing or invalid 'pack' name (lowercase letters, digits, hyphens)",
                "pack",
            )
        for key in data:
            if key not in PACK_KEYS:
                self.errors.append(
                    self.fail(f"未知的键 {quote_key(key)}", f"unknown key {quote_key(key)}", key)
                )
        for key in ("title", "description"):
            if not isinstance(data.get(key, ""), str):
                self.errors.append(self.fail(f"{key} 应为字符串", f"'{key}' must be a string", key))
        return name

    def read_sections(self, raw: Any) -> tuple[SectionSpec, ...]:
        if not isinstance(raw, list):
            raise self.fail("sections 应为列表", "'sections' must be a list", "sections")
        specs = (self.gather(self.read_section, item, i) for i, item in enumerate(raw))
        return tuple(spec for spec in specs if spec is not None)

    def read_section(self, item: Any, i: int) -> SectionSpec:
        if not isinstance(item, dict):
            raise self.fail(
                "每个 section 应为映射", "each section must be a mapping", "sections", i
            )
        for key in item:
            if key not in SECTION_KEYS:
                raise self.fail(
                    f"未知的键 {quote_key(key)}",
                    f"unknown key {quote_key(key)}",
                    "sections",
                    i,
                    key,
                )
        key = item.get("key")
        if not isinstance(key, str) or not _ID.match(key):
            raise self.fail(
                "section 缺少有效的 key", "section needs a valid 'key'", "sections", i, "key"
            )
        name = item.get("name", key)
        if not isinstance(name, str):  # checked before any str(): it may be huge
            raise self.fail(
                "section 的 name 应为字符串",
                "a section's 'name' must be a string",
                "sections",
                i,
                "name",
            )
        patterns = {
            field_name: self.section_patterns(item, i, field_name)
            for field_name in ("heading", "content", "content_anywhere", "cited_titles")
        }
        unclaimed = item.get("unclaimed", False)
        if not isinstance(unclaimed, bool):
            raise self.fail(
                "unclaimed 应为 true 或 false",
                "'unclaimed' must be true or false",
                "sections",
                i,
                "unclaimed",
            )
        return SectionSpec(
            key,
            name,
            patterns["heading"],
            patterns["content"],
            unclaimed,
            patterns["content_anywhere"],
            patterns["cited_titles"],
        )

    def section_patterns(
        self, item: dict[str, Any], i: int, field_name: str
    ) -> tuple[re.Pattern[str], ...]:
        value = item.get(field_name, [])
        if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
            raise self.fail(
                f"{field_name} 应为正则表达式列表",
                f"'{field_name}' must be a list of regexes",
                "sections",
                i,
                field_name,
            )
        try:
            resolved = resolve(value, "regex-list", self.vocabularies)
            return tuple(compile_regex(p, max_length=MAX_PATTERN) for p in resolved)
        except OptionError as exc:
            raise self.fail(exc.zh, exc.en, "sections", i, field_name) from None

    # -- one rule ------------------------------------------------------------------------
    def read_rule(self, raw: Any, i: int, pack: str) -> Rule:
        """One rule. Its keys are checked one by one and every error is kept; the rule
        is built (and its kind asked about options that go together) only when all are
        right."""
        if not isinstance(raw, dict):
            raise self.fail("每条规则应为映射", "each rule must be a mapping", "rules", i)
        rid = self.rule_id(raw, i)
        before = len(self.errors)
        kind = self.gather(self.rule_kind, raw, i, rid)
        severity = self.gather(self.rule_severity, raw, i, rid)
        message = self.gather(self.rule_message, raw, i, rid, kind)
        for key in ("description", "source", "link"):
            if key in raw and not isinstance(raw[key], str):
                self.errors.append(
                    self.fail(
                        f"{key} 应为字符串", f"'{key}' must be a string", "rules", i, key, rule=rid
                    )
                )
        supersedes = self.gather(self.rule_supersedes, raw, i, rid)
        examples = self.gather(self.read_examples, raw.get("examples", {}), i, rid)
        doc = self.gather(self.read_doc, raw, i, rid)
        if kind is None:
            raise _Skipped("", "")
        messages = self.gather(self.rule_messages, raw, i, rid, kind)
        options = self.read_options(raw, kind, i, rid)
        if len(self.errors) > before or options is None:
            raise _Skipped("", "")
        assert severity is not None and message is not None and messages is not None
        assert doc is not None
        rule = Rule(
            id=rid,
            kind=kind.kind,
            severity=severity,
            message=message,
            pack=pack,
            options=options[0],
            raw_options=options[1],
            description=doc.summary,
            source=raw.get("source", ""),
            link=raw.get("link", ""),
            examples=examples or {},
            supersedes=tuple(supersedes or ()),
            messages=messages,
            doc=doc,
        )
        try:
            kind(rule)  # options that only make sense together are checked by the kind
        except OptionError as exc:
            raise self.fail(exc.zh, exc.en, "rules", i, rule=rid) from None
        return rule

    def rule_id(self, raw: dict[str, Any], i: int) -> str:
        rid = raw.get("id")
        if not isinstance(rid, str) or not _ID.match(rid):
            raise self.fail(
                "规则缺少有效的 id（小写字母、数字和连字符）",
                "rule needs a valid 'id' (lowercase letters, digits, hyphens)",
                "rules",
                i,
                "id",
            )
        return rid

    def rule_kind(self, raw: dict[str, Any], i: int, rid: str) -> type[Check]:
        from lawlint.checks import kinds

        kind_name = raw.get("kind")
        kind = kinds().get(kind_name) if isinstance(kind_name, str) else None
        if kind is None:
            raise self.fail(
                f"未知的检查类型 kind：{kind_name!r}（可用：{', '.join(sorted(kinds()))}）",
                f"unknown kind {kind_name!r} (known: {', '.join(sorted(kinds()))})",
                "rules",
                i,
                "kind",
                rule=rid,
            )
        return kind

    def rule_severity(self, raw: dict[str, Any], i: int, rid: str) -> str:
        severity = raw.get("severity")
        if not isinstance(severity, str) or severity not in SEVERITIES:
            raise self.fail(
                "severity 应为 error、warning 或 info",
                "'severity' must be error, warning or info",
                "rules",
                i,
                "severity",
                rule=rid,
            )
        return severity

    def rule_message(self, raw: dict[str, Any], i: int, rid: str, kind: type[Check] | None) -> str:
        message = raw.get("message")
        if not isinstance(message, str) or not message.strip():
            raise self.fail(
                "规则缺少 message（中文提示）",
                "rule needs a 'message'",
                "rules",
                i,
                "message",
                rule=rid,
            )
        if kind is not None:
            self.check_template(message, kind.fields, rid, "rules", i, "message")
        return message

    def rule_supersedes(self, raw: dict[str, Any], i: int, rid: str) -> list[str]:
        supersedes = raw.get("supersedes", [])
        if not isinstance(supersedes, list) or not all(isinstance(x, str) for x in supersedes):
            raise self.fail(
                "supersedes 应为规则 id 的列表",
                "'supersedes' must be a list of rule ids",
                "rules",
                i,
                "supersedes",
                rule=rid,
            )
        return supersedes

    def rule_messages(
        self, raw: dict[str, Any], i: int, rid: str, kind: type[Check]
    ) -> dict[str, str]:
        """``messages``: the text for each problem code the kind emits (the kind's
        ``problems``), each a template of that problem's fields."""
        codes = kind.problems
        given = raw.get("messages")
        if given is None and not codes:
            return {}
        at = ("rules", i, "messages")
        if not codes:
            raise self.fail(
                f"检查类型 {kind.kind} 没有 messages（其提示只用 message）",
                f"kind {kind.kind} takes no 'messages' (its findings use 'message' only)",
                *at,
                rule=rid,
            )
        wanted = ", ".join(codes)
        if not isinstance(given, dict) or not all(
            isinstance(v, str) and v.strip() for v in given.values()
        ):
            raise self.fail(
                f"messages 应为 {{问题代码: 提示文字}} 的映射（代码：{wanted}）",
                f"'messages' must map problem codes to texts (codes: {wanted})",
                *at,
                rule=rid,
            )
        unknown = [str(c) for c in given if c not in codes]
        missing = [c for c in codes if c not in given]
        if unknown or missing:
            raise self.fail(
                f"messages 的问题代码应为：{wanted}"
                + (f"；未知：{', '.join(quote_key(c) for c in unknown)}" if unknown else "")
                + (f"；缺少：{', '.join(missing)}" if missing else ""),
                f"'messages' must give exactly the codes {wanted}"
                + (f"; unknown: {', '.join(quote_key(c) for c in unknown)}" if unknown else "")
                + (f"; missing: {', '.join(missing)}" if missing else ""),
                *at,
                rule=rid,
            )
        for code, text in given.items():
            self.check_template(text, codes[code], rid, *at, code)
        return dict(given)

    def check_template(self, message: str, fields: Sequence[str], rid: str, *at: str | int) -> None:
        """Only plain ``{field}`` placeholders of the kind's fields: a format spec or
        conversion (``{match:d}``, ``{match:>2000000000}``, ``{match!r}``), an index or
        attribute (``{0}``, ``{match.x}``, ``{match[0]}``) would fail or blow up on
        every finding, mid-run."""
        key = at[-1] if at[-1] == "message" else "messages"
        try:
            parts = list(string.Formatter().parse(message))
        except ValueError as exc:
            raise self.fail(
                f"{key} 模板无效（{exc}）", f"invalid {key} template ({exc})", *at, rule=rid
            ) from None
        for _, name, spec, conversion in parts:
            if name is None:
                continue
            if spec or conversion:
                after = ("!" + conversion if conversion else "") + (":" + spec if spec else "")
                shown = f"{{{name}{after}}}"
                raise self.fail(
                    f"{key} 中的占位符只能是 {{字段}}，不能带格式或转换（{shown}）",
                    "a message placeholder must be a plain {field}, without a format spec "
                    f"or conversion ({shown})",
                    *at,
                    rule=rid,
                )
            if name not in fields:
                known = ", ".join("{" + f + "}" for f in fields) or "无 none"
                raise self.fail(
                    f"{key} 中的 {{{name}}} 不是此类型可用的字段（可用：{known}）",
                    f"{key} field {{{name}}} is not provided by this kind (known: {known})",
                    *at,
                    rule=rid,
                )

    def read_doc(self, raw: dict[str, Any], i: int, rid: str) -> RuleDoc:
        """The rule's ``doc:`` mapping. Its ``summary`` is the rule's one-line
        description; a pack may give it as ``description:`` instead (packs written
        before ``doc:``), but not both, so the summary has one source."""
        doc = raw.get("doc", {})
        not_flagged = self.check_doc_shape(doc, i, rid)
        if "description" in raw and "summary" in doc:
            raise self.fail(
                "description 和 doc.summary 只能写一个（两者都是规则的一句话说明）",
                "give either 'description' or 'doc.summary' (both are the rule's one-line "
                "summary), not both",
                "rules",
                i,
                "description",
                rule=rid,
            )
        summary = doc.get("summary", raw.get("description", ""))
        return RuleDoc(
            summary,
            unwrap(doc.get("rationale", "")),
            tuple(not_flagged),
            unwrap(doc.get("fix", "")),
        )

    def check_doc_shape(self, doc: Any, i: int, rid: str) -> list[str]:
        """Refuse a ``doc:`` that is not a mapping of the known keys to strings (and a
        list of strings for ``not_flagged``), naming the key; its ``not_flagged``."""
        if not isinstance(doc, dict):
            raise self.fail(
                "doc 应为映射（summary、rationale、not_flagged、fix）",
                "'doc' must be a mapping (summary, rationale, not_flagged, fix)",
                "rules",
                i,
                "doc",
                rule=rid,
            )
        for key in doc:
            if key not in DOC_KEYS:
                raise self.fail(
                    f"doc 中未知的键 {quote_key(key)}（可用：{', '.join(DOC_KEYS)}）",
                    f"unknown key {quote_key(key)} in 'doc' (known: {', '.join(DOC_KEYS)})",
                    "rules",
                    i,
                    "doc",
                    key,
                    rule=rid,
                )
        for key in ("summary", "rationale", "fix"):
            if not isinstance(doc.get(key, ""), str):
                raise self.fail(
                    f"doc.{key} 应为字符串",
                    f"'doc.{key}' must be a string",
                    "rules",
                    i,
                    "doc",
                    key,
                    rule=rid,
                )
        not_flagged = doc.get("not_flagged", [])
        if not isinstance(not_flagged, list) or not all(isinstance(x, str) for x in not_flagged):
            raise self.fail(
                "doc.not_flagged 应为字符串列表",
                "'doc.not_flagged' must be a list of strings",
                "rules",
                i,
                "doc",
                "not_flagged",
                rule=rid,
            )
        return not_flagged

    def read_examples(self, raw: Any, i: int, rid: str) -> dict[str, list[str]]:
        ok = isinstance(raw, dict) and all(
            k in ("good", "bad") and isinstance(v, list) and all(isinstance(x, str) for x in v)
            for k, v in raw.items()
        )
        if not ok:
            raise self.fail(
                "examples 应为 {good: [文本…], bad: [文本…]}",
                "'examples' must be {good: [text…], bad: [text…]}",
                "rules",
                i,
                "examples",
                rule=rid,
            )
        return {"good": list(raw.get("good", [])), "bad": list(raw.get("bad", []))}

    def read_options(
        self, raw: dict[str, Any], kind: type[Check], i: int, rid: str
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The kind's options: the rule's values (vocabularies resolved) checked and
        converted, the kind's defaults for the rest; None when one is wrong (each error
        kept)."""
        options: dict[str, Any] = {}
        raw_options: dict[str, Any] = {}
        ok = True
        for key, value in raw.items():
            if key in RULE_KEYS:
                continue
            converted = self.gather(self.option_value, kind, key, value, i, rid)
            if converted is None:
                ok = False
                continue
            options[key] = converted[0]
            raw_options[key] = value
        for key, spec in kind.options.items():
            if key in options or key in raw:
                continue
            if spec.required:
                ok = False
                self.errors.append(
                    self.fail(
                        f"检查类型 {kind.kind} 须设置选项“{key}”（{spec.help}）",
                        f"kind {kind.kind} needs the option {key!r} ({spec.help})",
                        "rules",
                        i,
                        rule=rid,
                    )
                )
                continue
            options[key] = option_default(spec, self.vocabularies)
            raw_options[key] = spec.default
        return (options, raw_options) if ok else None

    def option_value(self, kind: type[Check], key: Any, value: Any, i: int, rid: str) -> tuple[Any]:
        """(the option's run-time value,): a 1-tuple, so that None is a value too."""
        spec = kind.options.get(key)
        if spec is None:
            known = ", ".join(sorted(kind.options)) or "无 none"
            raise self.fail(
                f"检查类型 {kind.kind} 没有选项“{key}”（可用：{known}）",
                f"kind {kind.kind} has no option {key!r} (known: {known})",
                "rules",
                i,
                str(key),
                rule=rid,
            )
        try:
            return (spec.convert(resolve(value, spec.type, self.vocabularies)),)
        except OptionError as exc:
            raise self.fail(
                f"选项值无效：{exc.zh}",
                f"invalid option value: {exc.en}",
                "rules",
                i,
                key,
                rule=rid,
            ) from None


class _Skipped(PackError):
    """A rule left out because of errors already kept: nothing more to report."""


def gathered(errors: Sequence[PackError]) -> PackError:
    """One error to raise for ``errors`` (in the order of their lines): the first,
    carrying the others (``PackError.lines`` shows them all)."""
    ordered = sorted(errors, key=lambda e: (e.path or "", e.line or 0))
    first = ordered[0]
    first.more = tuple(ordered[1:])
    return first


def option_default(spec: Option, scope: Scope | None = None) -> Any:
    """An option's default in its run-time form, vocabularies resolved (built-in ones
    unless ``scope`` is given); None stays None."""
    if spec.default is None:
        return None
    return spec.convert(resolve(spec.default, spec.type, scope or builtin_vocabularies()))


VOCABULARIES = "vocabularies.yaml"


def vocabularies_path() -> Path:
    return rules_dir() / "dict" / VOCABULARIES


@cache
def builtin_vocabularies() -> Scope:
    """The vocabularies every pack sees: ``rules/dict/vocabularies.yaml``."""
    path = vocabularies_path()
    text = read_utf8(path, str(path), ("词表", "vocabularies"))
    locator = Locator(text)

    def fail(zh: str, en: str, *at: str | int) -> PackError:
        key = key_path(at) if at else None
        return PackError(zh, en, path=str(path), key=key, line=locator.line(*at))

    return read_vocabularies(safe_yaml(text, str(path)), fail)


@cache
def builtin_pack_paths() -> tuple[Path, ...]:
    return tuple(sorted(rules_dir().glob("*.yaml")))


@cache
def builtin_packs() -> tuple[Pack, ...]:
    return tuple(load_pack(p) for p in builtin_pack_paths())


def load_packs(extra: Iterable[str | Path] = (), *, builtin: bool = True) -> list[Pack]:
    """The built-in packs plus the user's, with rule ids unique across all of them.
    Every pack is read before any error is raised: all of their errors come at once."""
    packs = list(builtin_packs()) if builtin else []
    errors: list[PackError] = []
    for path in extra:
        try:
            packs.append(load_pack(path))
        except PackError as exc:
            errors.extend(exc.all())
    if errors:
        raise gathered_in_order(errors)
    check_unique_ids(packs)
    return packs


def gathered_in_order(errors: Sequence[PackError]) -> PackError:
    """Errors of several files, kept in the order of the files."""
    first = errors[0]
    first.more = tuple(errors[1:])
    return first


def check_unique_ids(packs: Sequence[Pack]) -> None:
    """A rule id names one rule, whichever packs are loaded together; every repeat is
    reported with the YAML line of both definitions."""
    owner: dict[str, tuple[Pack, int]] = {}
    errors: list[PackError] = []
    for pack in packs:
        for i, rule in enumerate(pack.rules):
            if rule.id not in owner:
                owner[rule.id] = (pack, i)
                continue
            first, j = owner[rule.id]
            where = _rule_line(first, j)
            other = f"{first.path}:{where}" if where else first.path
            errors.append(
                PackError(
                    f"规则 id “{rule.id}”与 {other} 中的规则重复",
                    f"rule id {rule.id!r} is already defined in {other}",
                    path=pack.path,
                    rule=rule.id,
                    key="id",
                    line=_rule_line(pack, i),
                )
            )
    if errors:
        raise gathered_in_order(errors)


def _rule_line(pack: Pack, index: int) -> int | None:
    """The YAML line of the ``id`` of the pack's rule ``index`` (read again: only an
    error needs it, and a run that finds none imports no YAML parser)."""
    try:
        text = read_utf8(Path(pack.path), pack.path, ("规则包", "rule pack"))
    except PackError:
        return None
    return Locator(text).line("rules", index, "id")
