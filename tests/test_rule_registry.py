"""The rule registry names every rule module once, and each rule's id, slug and severity are
declared once, in `loaders/codes.py`, where the loaders, `explain` and `validate` all find them."""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from pathlib import Path

from recall_cli.loaders import codes
from recall_cli.problems import Code, Severity
from recall_cli.validate import rules
from recall_cli.validate.registry import MODULES, RULES
from recall_cli.validate.rule import Rule

SRC = Path(codes.__file__).resolve().parents[1]
CODES = Path(codes.__file__).resolve()
RULES_DIR = Path(rules.__file__).resolve().parent
_ID = re.compile(r"^RC\d{3}$")


def _declared() -> list[Code]:
    return [value for value in vars(codes).values() if isinstance(value, Code)]


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in SRC.rglob("*.py")}


def test_every_module_under_rules_is_registered_once() -> None:
    files = sorted(path.stem for path in RULES_DIR.glob("*.py") if path.stem != "__init__")
    assert sorted(MODULES) == files
    assert [name for name, count in Counter(MODULES).items() if count > 1] == []


def test_modules_are_listed_in_id_order() -> None:
    assert list(MODULES) == sorted(MODULES)
    assert list(RULES) == sorted(RULES)


def test_rule_ids_are_unique_and_match_the_file_names() -> None:
    assert len(RULES) == len(MODULES)
    for name, (rule_id, module) in zip(MODULES, RULES.items(), strict=True):
        prefix, rest = name.split("_", 1)
        assert (prefix.upper(), rest.replace("_", "-")) == (rule_id, module.RULE.slug)
        assert sys.modules[f"{rules.__name__}.{name}"] is module


def test_every_rule_module_has_a_rule_a_check_and_a_docstring() -> None:
    for rule_id, module in RULES.items():
        assert isinstance(module.RULE, Rule), rule_id
        assert callable(module.check), rule_id
        assert (module.__doc__ or "").strip(), rule_id


def test_every_rule_is_the_code_declared_for_its_id() -> None:
    by_id = {code.id: code for code in _declared()}
    assert {rule_id: module.RULE.code for rule_id, module in RULES.items()} == by_id
    assert all(module.RULE.code is by_id[rule_id] for rule_id, module in RULES.items())


def test_codes_are_declared_once_with_unique_ids_and_slugs() -> None:
    declared = _declared()
    assert len({code.id for code in declared}) == len(declared)
    assert len({code.slug for code in declared}) == len(declared)
    assert all(isinstance(code.severity, Severity) for code in declared)


def test_codes_are_built_only_in_the_codes_module() -> None:
    """No other source file constructs a `Code` or spells a rule id as a string."""
    for path, tree in _trees().items():
        if path == CODES:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "Code", f"{path}:{node.lineno}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not _ID.match(node.value), f"{path}:{node.lineno}"


def test_severities_are_named_in_the_loaders_only_where_codes_are_declared() -> None:
    """The loaders take a finding's severity from its code and never spell one out."""
    loaders = CODES.parent
    for path, tree in _trees().items():
        if path.parent != loaders or path == CODES:
            continue
        names = {
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Severity"
        }
        assert names == set(), path


def test_each_rule_module_declares_its_rule_once_from_a_code() -> None:
    """`RULE = Rule(codes.X, …)`: a rule module names its code, never a severity of its own."""
    for name in MODULES:
        tree = ast.parse((RULES_DIR / f"{name}.py").read_text(encoding="utf-8"))
        calls = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "Rule"
        ]
        assert len(calls) == 1, name
        first = calls[0].args[0]
        assert isinstance(first, ast.Attribute), name
        assert isinstance(first.value, ast.Name), name
        assert first.value.id == "codes", name
        assert "Severity" not in {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}, name
