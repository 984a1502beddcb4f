"""The one result type every check produces and every formatter consumes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def milder(*levels: str) -> str:
    """The least severe of ``levels``: a finding a check tones down (a level skip, a
    part that may follow a cut) is never more severe than its rule."""
    return max(levels, key=SEVERITY_RANK.__getitem__)


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the finding's span with ``replacement`` (an empty string deletes it)."""

    replacement: str


@dataclass(slots=True)
class Finding:
    """A problem at a span of one file.

    ``line``/``column`` are 1-based, counted in characters (code points); the end is
    exclusive. ``start``/``end`` are the same span as offsets into the document text;
    they are used to apply fixes and are not part of the JSON contract.
    """

    path: str
    rule: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    start: int
    end: int
    fix: Fix | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract documented in docs/output-formats.md (keys and order are stable)."""
        return {
            "path": self.path,
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "fix": None if self.fix is None else {"replacement": self.fix.replacement},
            "data": dict(self.data),
        }


# -- compact records ------------------------------------------------------------------------
# How findings cross a process boundary and sit in the result cache: a JSON array of plain
# arrays, one per finding, without the path (the file's, set when they are unpacked). One
# C-speed ``json.dumps``/``loads`` for a file's findings; a result whose findings nobody
# asks for (a worker's, written straight to the cache or rendered already) stays text.


def to_record(f: Finding) -> list[Any]:
    return [
        f.rule,
        f.severity,
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        f.message,
        f.start,
        f.end,
        None if f.fix is None else f.fix.replacement,
        f.data,
    ]


def from_record(item: list[Any], path: str = "") -> Finding:
    rule, severity, line, column, end_line, end_column, message, start, end, fix, data = item
    return Finding(
        path,
        rule,
        severity,
        line,
        column,
        end_line,
        end_column,
        message,
        start,
        end,
        None if fix is None else Fix(fix),
        data,
    )


def pack(findings: list[Finding]) -> str:
    return json.dumps([to_record(f) for f in findings], ensure_ascii=False, separators=(",", ":"))


def unpack(packed: str, path: str) -> list[Finding]:
    """The findings of :func:`pack`'s text; ``ValueError``/``TypeError`` if it is not that."""
    items = json.loads(packed)
    if not isinstance(items, list):
        raise TypeError("not a list of findings")
    return [from_record(item, path) for item in items]


#: The rule whose findings name the required parts a report lacks (``data.section``).
SECTION_RULE = "section-missing"


@dataclass(frozen=True, slots=True)
class Tally:
    """What a summary and the batch table need of a file's findings, without them:
    how many there are of each severity and which required parts are missing."""

    counts: tuple[int, ...]  # in SEVERITIES order
    missing: tuple[str, ...] = ()

    @classmethod
    def of(cls, findings: list[Finding]) -> Tally:
        counts = dict.fromkeys(SEVERITIES, 0)
        for f in findings:
            counts[f.severity] += 1
        missing = tuple(str(f.data.get("section")) for f in findings if f.rule == SECTION_RULE)
        return cls(tuple(counts.values()), missing)

    @property
    def worst(self) -> str | None:
        """The most severe severity found (None when there are no findings)."""
        return next((s for s, n in zip(SEVERITIES, self.counts, strict=True) if n), None)
