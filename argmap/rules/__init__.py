"""The lint rules: one module per rule, gathered into one registry.

Each module declares `CODE`, `NAME` and `SEVERITY`, documents itself in its docstring
(with a passing and a failing example) and, unless the loader raises its finding,
defines `check(amap, context) -> Iterator[Problem]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from argmap.problem import Severity
from argmap.rules import (
    am001_yaml_syntax,
    am002_schema,
    am003_duplicate_key,
    am004_forbidden_yaml,
    am005_limits,
    am006_encoding,
    am007_unknown_suppression,
    am101_duplicate_id,
    am102_unknown_reference,
    am103_support_cycle,
    am104_self_attack,
    am105_nothing_to_attack,
    am106_unchecked_reference,
    am107_duplicate_map_id,
    am108_unknown_link,
    am109_self_undercut,
    am110_unknown_map,
    am201_unanswered_objection,
    am202_attacked_concession,
    am301_missing_locator,
    am302_quote_too_long,
    am303_claim_whitespace,
    am304_claim_too_long,
    am305_text_cut_by_comment,
    am401_expect_mismatch,
    am402_unsupported,
    am403_own_voice_out,
    am501_quote_not_found,
)
from argmap.rules.context import Check


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    #: None for findings the loader makes while reading the file.
    check: Check | None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(module.CODE, module.NAME, module.SEVERITY, module.__doc__ or "",
                   getattr(module, "check", None))


RULES: tuple[Rule, ...] = tuple(Rule.from_module(m) for m in (
    am001_yaml_syntax,
    am002_schema,
    am003_duplicate_key,
    am004_forbidden_yaml,
    am005_limits,
    am006_encoding,
    am007_unknown_suppression,
    am101_duplicate_id,
    am102_unknown_reference,
    am103_support_cycle,
    am104_self_attack,
    am105_nothing_to_attack,
    am106_unchecked_reference,
    am107_duplicate_map_id,
    am108_unknown_link,
    am109_self_undercut,
    am110_unknown_map,
    am201_unanswered_objection,
    am202_attacked_concession,
    am301_missing_locator,
    am302_quote_too_long,
    am303_claim_whitespace,
    am304_claim_too_long,
    am305_text_cut_by_comment,
    am401_expect_mismatch,
    am402_unsupported,
    am403_own_voice_out,
    am501_quote_not_found,
))
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}

