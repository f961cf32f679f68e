"""The explicit list of rules: what `recall validate` runs and docs/rules.md documents.

Each rule module is named once, by its file name; its id, slug and severity come from its `RULE`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from types import MappingProxyType
from typing import cast

from recall_cli.problems import Problem
from recall_cli.validate import rules
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, RuleModule, Scope

MODULES: tuple[str, ...] = (
    "rc001_unreadable_file",
    "rc002_bad_encoding",
    "rc003_file_too_large",
    "rc004_yaml_syntax",
    "rc005_duplicate_key",
    "rc006_yaml_alias",
    "rc007_yaml_tag",
    "rc008_too_deep",
    "rc009_yaml11_scalar",
    "rc010_unknown_key",
    "rc011_missing_key",
    "rc012_wrong_type",
    "rc013_out_of_range",
    "rc101_duplicate_status",
    "rc102_unknown_status",
    "rc103_answered_rule",
    "rc104_interval_range",
    "rc105_callback_too_soon",
    "rc106_repeats_without_interval",
    "rc107_unused_field",
    "rc108_unknown_timezone",
    "rc109_callback_without_wait",
    "rc110_hours_window",
    "rc111_hours_window_order",
    "rc112_hours_overlap",
    "rc113_hours_empty_list",
    "rc114_hours_closed_week",
    "rc115_holiday_country",
    "rc116_holiday_date",
    "rc117_dialer_without_lines",
    "rc118_number_order_without_all_numbers",
    "rc119_scope_on_non_stop_action",
    "rc201_no_header",
    "rc202_no_phone_columns",
    "rc203_duplicate_id",
    "rc204_empty_id",
    "rc205_unknown_column",
    "rc206_ragged_row",
    "rc207_duplicate_column",
    "rc208_csv_syntax",
    "rc209_no_records",
    "rc210_unreadable_zone",
    "rc301_script_unknown_record",
    "rc302_script_unknown_number",
    "rc303_script_missing_record",
    "rc304_outcomes_exhausted",
    "rc305_script_number_twice",
    "rc401_probability_sum",
    "rc402_negative_probability",
    "rc403_duplicate_outcome",
    "rc404_duration_range",
    "rc405_unused_after_row",
    "rc501_missing_rule",
    "rc502_lines_without_durations",
    "rc601_callback_same_hour",
    "rc602_callback_on_invalid_number",
    "rc603_per_number_limit_unused",
    "rc604_next_number_unreached",
    "rc605_status_without_rule",
    "rc606_unknown_region",
    "rc607_invalid_phone",
    "rc608_excel_damage",
    "rc609_duplicate_phone",
    "rc610_record_without_phones",
    "rc611_list_format",
    "rc612_numbers_never_dialled",
    "rc613_profile_unsupported",
    "rc614_unused_phone_column",
    "rc615_callback_in_closed_hours",
    "rc616_no_zone_source",
    "rc617_mobile_zone_unknown",
    "rc618_dnc_removes_records",
    "rc619_shared_phone",
    "rc620_caps_lengthen_campaign",
    "rc621_cap_below_repeats",
    "rc701_dnc_bad_entry",
    "rc702_dnc_duplicate_entry",
    "rc703_dnc_past_until",
    "rc704_dnc_empty",
)
"""Every module under `validate/rules/`, in id order; a test checks that none is left out."""


def _load(name: str) -> RuleModule:
    return cast(RuleModule, import_module(f"{rules.__name__}.{name}"))


RULES: Mapping[str, RuleModule] = MappingProxyType(
    {module.RULE.id: module for module in map(_load, MODULES)}
)
"""Every rule module by its id, in id order."""


def rule(rule_id: str) -> Rule:
    return RULES[rule_id].RULE


def run(scope: Scope, ctx: Context) -> Iterator[Problem]:
    """The findings of every rule of `scope` on `ctx`."""
    for module in RULES.values():
        if module.RULE.scope is scope:
            yield from module.check(ctx)
