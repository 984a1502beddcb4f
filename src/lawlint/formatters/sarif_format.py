"""``--format sarif``: one SARIF 2.1.0 log, for GitHub code scanning and other SARIF
viewers.

One run; ``tool.driver.rules`` lists the rules that ran (id, name, short and full
description, help = the rule's ``source``, default level); one result per finding
with ``ruleId``/``ruleIndex``, ``level`` (error → error, warning → warning, info →
note), the message and a region in characters (``columnKind: unicodeCodePoints``,
end exclusive as in SARIF), and ``fixes`` where the finding carries one. Files that
could not be read are tool execution notifications and make the invocation
unsuccessful.

Artifact URIs are relative references with forward slashes, percent-encoded (file
names in Chinese are common, and SARIF consumers reject URIs that are not ASCII);
absolute paths outside the working directory become ``file://`` URIs.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..findings import Finding

if TYPE_CHECKING:
    from ..engine import FileResult
    from ..packs import Rule
    from . import FormatOptions

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def write(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool | None = None,
    options: FormatOptions | None = None,
) -> None:
    log = sarif_log(results, options.rules if options else ())
    out.write(encode(log))
    out.write("\n")


def encode(log: dict[str, Any]) -> str:
    """The log as indented JSON with one result per line.

    An indented ``json.dumps`` runs the pure-Python encoder: 12 s for a batch with 59,000
    findings. Here the skeleton (tool, rules, invocations: small) is indented and the
    results, encoded by one call to the C encoder, are spliced in one per line: each
    result object begins with its ``"ruleId"`` key, and a quote inside a string value is
    always escaped, so ``}, {"ruleId": `` only ever separates two results."""
    run = log["runs"][0]
    items = run["results"]
    if not items:
        return json.dumps(log, ensure_ascii=False, indent=2)
    run["results"] = []
    try:
        skeleton = json.dumps(log, ensure_ascii=False, indent=2)
    finally:
        run["results"] = items
    body = json.dumps(items, ensure_ascii=False)[1:-1].replace(
        '}, {"ruleId": ', '},\n        {"ruleId": '
    )
    head, placeholder, tail = skeleton.rpartition('"results": []')
    assert placeholder, "the run has a results array"
    return f'{head}"results": [\n        {body}\n      ]{tail}'


def sarif_log(results: Sequence[FileResult], rules: Sequence[Rule]) -> dict[str, Any]:
    descriptors = [_descriptor(r) for r in rules]
    index = {r.id: i for i, r in enumerate(rules)}
    for f in (f for r in results for f in r.findings):
        if f.rule not in index:  # a finding of a rule we were not told about
            index[f.rule] = len(descriptors)
            descriptors.append({"id": f.rule, "name": _camel(f.rule)})
    errors = [r for r in results if r.error is not None]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lawlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": descriptors,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": str(r.error)},
                                "locations": [
                                    {"physicalLocation": {"artifactLocation": _artifact(r.path)}}
                                ],
                            }
                            for r in errors
                        ],
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.rule]) for r in results for f in r.findings],
            }
        ],
    }


def _descriptor(rule: Rule) -> dict[str, Any]:
    summary = rule.description or rule.message
    full = f"{summary}（依据：{rule.source}）" if rule.source else summary
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _camel(rule.id),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": rule.source or summary},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.pack]},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def _camel(rule_id: str) -> str:
    """SARIF recommends an UpperCamelCase ``name``: ``halfwidth-punct`` → ``HalfwidthPunct``."""
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _region(f: Finding) -> dict[str, int]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    artifact = _artifact(f.path)
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": _region(f)}}],
    }
    if f.data:
        result["properties"] = dict(f.data)
    if f.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": _fix_text(f.fix.replacement)},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [
                            {
                                "deletedRegion": _region(f),
                                "insertedContent": {"text": f.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def _fix_text(replacement: str) -> str:
    return (
        f"替换为“{replacement}” / replace with {replacement!r}" if replacement else "删除 / delete"
    )


def _artifact(path: str) -> dict[str, str]:
    return {"uri": artifact_uri(path)}


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative with forward slashes when it is under
    the working directory, a ``file://`` URI otherwise; percent-encoded (UTF-8)."""
    return _artifact_uri(path, os.getcwd())


@functools.lru_cache(maxsize=4096)  # once per file, not once per finding
def _artifact_uri(path: str, cwd: str) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(cwd)
        except ValueError:
            return p.as_uri()
    return quote(os.fsencode(PurePath(p).as_posix()), safe="/")  # ':' too: never a scheme
