"""Rule files: schema, loading, the registry of compiled rules, and the example runner."""

from claims.languages import builtin_rules_dir
from claims.ruleset.loader import CompiledRule, Link, RuleSet, load_ruleset

__all__ = ["CompiledRule", "Link", "RuleSet", "builtin_rules_dir", "load_ruleset"]
