"""Check kinds: one module per kind. ``kinds()`` maps each kind name to its class."""

from __future__ import annotations

import importlib
from functools import cache

from lawlint.checks.base import Check, Context

__all__ = ["Check", "Context", "kinds"]

_MODULES = (
    "phrase",
    "substitution",
    "required",
    "required_sections",
    "truncated",
    "title",
    "halfwidth_punct",
    "spacing",
    "paired_marks",
    "nested_title_mark",
    "nested_quote",
    "run_on_item",
    "heading_numbering",
    "heading_marker",
    "range_dash",
    "serial_comma",
    "doc_number_bracket",
    "repeated_punct",
    "fullwidth_alnum",
    "heading_punct",
    "vague_quantity",
    "claims",
    "quantified",
    "relative_time",
    "partial_period",
    "years",
    "sums",
    "official_title",
    "topics",
    "yoy_plans",
    "yoy_reuse",
)


@cache
def kinds() -> dict[str, type[Check]]:
    found: dict[str, type[Check]] = {}
    for name in _MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for check in module.CHECKS:
            found[check.kind] = check
    return found
