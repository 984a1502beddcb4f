"""``--format sarif``: one SARIF 2.1.0 log, for GitHub code scanning and other SARIF
viewers.

One run; ``tool.driver.rules`` lists the rules that ran (id, name, short and full
description, help = the rule's ``source``, default level), then the directive rules of
``lawlint`` comments in drafts (:data:`~lawlint.lint.suppress.DIRECTIVE_RULES`), so a result's
``ruleIndex`` is known before any file is linted; one result per finding
with ``ruleId``/``ruleIndex``, ``level`` (error → error, warning → warning, info →
note), the message and a region in characters (``columnKind: unicodeCodePoints``,
end exclusive as in SARIF), and ``fixes`` where the finding carries one. Files that
could not be read are tool execution notifications and make the invocation
unsuccessful; draft-like files the folder walk passed over (``skipped-file``: .doc
without LibreOffice, .pdf …) and files read by
converting them (``converted-file``) are notifications of level ``note``, which do not.

Written as a report of per-file parts (see ``formatters.PartWriter``): the indented
skeleton up to the results (:func:`header`), each file's results one per line
(:func:`render_file`, in the worker that linted it), then the invocation, which comes
after the results in the run object because it is known only at the end (:func:`footer`).

Artifact URIs are relative references with forward slashes, percent-encoded (file
names in Chinese are common, and SARIF consumers reject URIs that are not ASCII);
absolute paths outside the working directory become ``file://`` URIs. A file name's
bytes that are not UTF-8 are percent-encoded as they are in the URIs, and shown as
``\\xNN`` in messages; characters a terminal acts on are ``\\uXXXX`` escapes
(``formatters.safe.json_safe``).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from lawlint import __version__
from lawlint.findings import Finding
from lawlint.input.convert import CONVERTED_NOTE, is_convertible
from lawlint.input.discovery import SKIPPED_RULE
from lawlint.output import visible
from lawlint.output.safe import json_safe

if TYPE_CHECKING:
    from lawlint.lint.engine import FileResult
    from lawlint.model.rules import Rule
    from lawlint.output import FormatOptions

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


#: The results array between the skeleton's head and tail: one result per line (see
#: PartWriter); ``"results": []`` when there is none.
PARTS = ("\n        ", ",\n        ", "\n      ]", "]")
RESULTS = '"results": []'


def write(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool | None = None,
    options: FormatOptions | None = None,
) -> None:
    from lawlint.output import write_parts

    write_parts("sarif", results, out, options)


def header(out: TextIO, options: FormatOptions | None) -> None:
    """The log up to its results array: schema, tool and rules (indented JSON)."""
    head, _, _ = _skeleton(options, ()).partition(RESULTS)
    out.write(json_safe(head + RESULTS[:-1]))


def footer(out: TextIO, results: Sequence[FileResult], options: FormatOptions | None) -> None:
    """The log after its results: the invocation, unsuccessful if a file was unreadable."""
    errors = [r for r in results if r.error is not None]
    _, _, tail = _skeleton(options, errors, _notes(results, options)).partition(RESULTS)
    out.write(json_safe(tail) + "\n")


def render_file(result: FileResult, options: FormatOptions | None = None) -> str:
    """One file's results, one per line, separated by ``,\n`` and the results' indent.

    An indented ``json.dumps`` runs the pure-Python encoder (12 s for a batch with 59,000
    findings); here one call to the C encoder encodes them all. Each result object begins
    with its ``"ruleId"`` key, and a quote inside a string value is always escaped, so
    ``}, {"ruleId": `` only ever separates two results."""
    index = _rule_index(options.rules if options else ())
    items = [_result(f, index.get(f.rule)) for f in visible(result.findings, options)]
    if not items:
        return ""
    return json_safe(json.dumps(items, ensure_ascii=False))[1:-1].replace(
        '}, {"ruleId": ', '},\n        {"ruleId": '
    )


def _notes(results: Sequence[FileResult], options: FormatOptions | None) -> list[dict[str, Any]]:
    """Notifications of level ``note``: each file read by converting it (its regions are
    the converted document's), then each file the folder walk passed over."""
    converted_zh, converted_en = CONVERTED_NOTE
    notes = [
        _note("converted-file", f"{converted_zh} / {converted_en}", r.path)
        for r in results
        if r.error is None and is_convertible(r.path)
    ]
    for skipped in (s for s in options.skipped if s.draft_like) if options else ():
        notes.append(
            _note(SKIPPED_RULE, f"{skipped.message} / not checked: {skipped.en}", skipped.path)
        )
    return notes


def _note(kind: str, text: str, path: str) -> dict[str, Any]:
    return {
        "level": "note",
        "message": {"text": text},
        "descriptor": {"id": kind},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(path)}}],
    }


def _skeleton(
    options: FormatOptions | None,
    errors: Sequence[FileResult],
    notes: Sequence[dict[str, Any]] = (),
) -> str:
    """The log without results, indented; ``"results": []`` marks where they go (the
    run's invocation comes after them, so the part before is known before linting)."""
    rules = list(options.rules) if options else []
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lawlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": _descriptors(rules),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [],
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
                        ]
                        + list(notes),
                    }
                ],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _descriptors(rules: Sequence[Rule]) -> list[dict[str, Any]]:
    """The rules that ran, then lawlint's own directive rules (whose findings come from
    the drafts' ``lawlint`` comments, not from a pack)."""
    from lawlint.lint.suppress import DIRECTIVE_RULES

    descriptors = [_descriptor(r) for r in rules]
    ids = {r.id for r in rules}
    for rule in DIRECTIVE_RULES.values():
        if rule.id not in ids:
            descriptors.append(
                {
                    "id": rule.id,
                    "name": _camel(rule.id),
                    "shortDescription": {"text": rule.description},
                    "fullDescription": {"text": f"{rule.description}（依据：{rule.source}）"},
                    "help": {"text": rule.source},
                    "defaultConfiguration": {"level": LEVEL[rule.severity]},
                    "properties": {"tags": ["lawlint"]},
                }
            )
    return descriptors


def _rule_index(rules: Sequence[Rule]) -> dict[str, int]:
    """Rule id → index in the descriptors (each result's ``ruleIndex``)."""
    from lawlint.lint.suppress import DIRECTIVE_RULES

    ids = [r.id for r in rules]
    ids += [rid for rid in DIRECTIVE_RULES if rid not in set(ids)]
    return {rid: i for i, rid in enumerate(ids)}


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


def _result(f: Finding, rule_index: int | None) -> dict[str, Any]:
    artifact = _artifact(f.path)
    result: dict[str, Any] = {"ruleId": f.rule}
    if rule_index is not None:  # a rule with no descriptor: SARIF lets the index go
        result["ruleIndex"] = rule_index
    result["level"] = LEVEL[f.severity]
    result["message"] = {"text": f.message}
    result["locations"] = [
        {"physicalLocation": {"artifactLocation": artifact, "region": _region(f)}}
    ]
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
