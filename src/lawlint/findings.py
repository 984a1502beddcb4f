"""The one result type every check produces and every formatter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


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
        """The JSON contract documented in the README (keys and order are stable)."""
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
