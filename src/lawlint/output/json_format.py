"""``--format json``: one JSON array of findings (the contract in docs/output-formats.md).

Each object: ``path, rule, severity, line, column, end_line, end_column, message,
fix, data`` — positions 1-based, columns in characters, end exclusive; ``fix`` is
null or ``{"replacement": "..."}`` for the span. UTF-8, not ASCII-escaped, but for
what a terminal would act on (DEL, C1 and bidirectional controls, line separators:
``\\u009b``) and the bytes of a file name that are not UTF-8 (the text ``\\xb1``),
``formatters.safe.json_safe``.

After the findings, one ``skipped-file`` record per draft-like file a folder walk passed
over (:func:`trailer`): the same ten fields, so the array keeps its shape.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from lawlint.input.convert import is_convertible
from lawlint.input.discovery import SKIPPED_RULE
from lawlint.output import visible, write_parts
from lawlint.output.safe import json_safe

if TYPE_CHECKING:
    from lawlint.input.discovery import Skipped
    from lawlint.lint.engine import FileResult
    from lawlint.output import FormatOptions


#: opening, separator, closing, and the report with no findings (see PartWriter)
PARTS = ("[\n", ",\n", "\n]\n", "[]\n")


def write(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool | None = None,
    options: FormatOptions | None = None,
) -> None:
    write_parts("json", results, out, options)


def render_file(result: FileResult, options: FormatOptions | None = None) -> str:
    """One file's objects, one per line, separated by ``,\n`` (no brackets). A file read
    by converting it (.doc, .wps, .rtf, .odt) says so in each finding's ``data``
    (``"converted_from": ".doc"``): its positions are the converted document's."""
    items = [f.to_dict() for f in visible(result.findings, options)]
    if not items:
        return ""
    if is_convertible(result.path):
        suffix = os.path.splitext(result.path)[1].lower()
        for item in items:
            item["data"] = {**item["data"], "converted_from": suffix}
    return _lines(items)


def trailer(options: FormatOptions | None) -> str:
    """The array's last objects: one ``skipped-file`` record per draft-like file the
    folder walk passed over (a ``.doc`` without LibreOffice, a ``.pdf``, a template).
    Not for a pack's YAML or an image beside the drafts: that would change every
    existing run's array for files nobody meant to check. Each record is shaped like a
    finding (every field, in order; severity ``info``, at 1:1, ``data`` = ``{"reason",
    "suffix"}``), so a consumer of the array reads them without a change and can drop
    them by rule id. ``--show`` above info leaves them out, as it leaves out every info."""
    if options is None or not _shows_infos(options):
        return ""
    return _lines([skipped_record(s) for s in options.skipped if s.draft_like])


def skipped_record(skipped: Skipped) -> dict[str, Any]:
    return {
        "path": skipped.path,
        "rule": SKIPPED_RULE,
        "severity": "info",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 1,
        "message": skipped.message,
        "fix": None,
        "data": {"reason": skipped.reason, "suffix": skipped.suffix},
    }


def _shows_infos(options: FormatOptions) -> bool:
    return options.show is None or options.show == "info"


def _lines(items: list[dict[str, Any]]) -> str:
    # One finding per line — readable and diff-friendly — from one call to json's C
    # encoder (an indented dump runs the pure-Python encoder, ~10x slower; a dump per
    # finding pays the call overhead for each). Every object starts with its "path"
    # key, so each object boundary is '}, {"path": '.
    text = json_safe(json.dumps(items, ensure_ascii=False))
    return text[1:-1].replace('}, {"path": ', '},\n{"path": ')
