"""A rule and a pack as loaded (:mod:`lawlint.packs.loader` builds them from YAML): the
values the checks, the engine and the outputs read. Plain data with no behaviour, so the
check kinds can name a :class:`Rule` without importing the loader (which imports the
kinds to validate a pack)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lawlint.model.sections import SectionSpec


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """A rule's documentation, written once in its pack next to the rule (``doc:``):
    ``lawlint explain`` prints it and ``scripts/gendocs.py`` publishes it, so the two
    cannot disagree. The rule's ``examples`` are its documented examples (they are run
    by the tests, so they cannot lie)."""

    summary: str = ""  # one sentence: what it finds (``lawlint rules``, SARIF)
    rationale: str = ""  # why a reviewer cares, and the clause it enforces
    not_flagged: tuple[str, ...] = ()  # what it deliberately leaves alone
    fix: str = ""  # what --fix does with it, and why that is safe (or why there is none)


@dataclass(slots=True)
class Rule:
    id: str
    kind: str
    severity: str
    message: str
    pack: str
    options: dict[str, Any]
    raw_options: dict[str, Any]
    description: str = ""
    source: str = ""
    link: str = ""
    examples: dict[str, list[str]] = field(default_factory=dict)
    # rule ids whose findings inside this rule's findings are dropped: one finding on
    # a misquoted document name, not four (its dash, its two brackets, the name)
    supersedes: tuple[str, ...] = ()
    doc: RuleDoc = field(default_factory=RuleDoc)
    # the texts of the problems the kind emits (its ``problems``), by problem code
    messages: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Pack:
    name: str
    title: str
    path: str
    rules: list[Rule]
    sections: tuple[SectionSpec, ...] = ()
    description: str = ""
