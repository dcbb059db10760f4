"""Rule files: schema, loading, the registry of compiled rules (the example runner, which runs
the engine, sits above it: claims.examples)."""

from claims.languages import builtin_rules_dir
from claims.ruleset.compiler import CompiledRule, Link, RuleSet
from claims.ruleset.loader import load_ruleset

__all__ = ["CompiledRule", "Link", "RuleSet", "builtin_rules_dir", "load_ruleset"]
