"""The claim kinds, each one registered contract: what a rule may fill, how it is normalized,
how an editor reads it.

A kind declares here, and only here:

- ``fields``: the value keys a rule's ``value`` table (or a link) may fill, each with the
  types a rule file may give it (a string is always allowed: a literal or a ``{group}``
  template; the normalizer reads numbers from it). The loader rejects a rule whose value names
  a key its kind does not know, so a misspelt key is an error, not a silently ignored field.
- ``normalizer``: ``module:function`` turning the filled fields into the claim's value, or
  ``None``: the fields as they are, whitespace collapsed (the value then holds them all).
- ``display``: ``module:function`` showing the value in the workbook and the CSV.
- ``name_field``: the value field holding a name, scored as a name by ``claims eval`` (the last
  word of the gold name among the found name's words), or ``None``.
- ``letter``: the kind's letter in claim IDs (``D-7QK2MX``); it is part of every stored checklist,
  so it never changes.

Functions are named, not imported: this module sits below everything (the models and the rule
schema read it), and a normalizer or a display is loaded only when a claim of the kind needs it.
The fields' meanings are documented with their normalizer (``claims.engine.values.date``,
``claims.engine.values.figure``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

NUMBER: tuple[type, ...] = (str, int, float)  # digits or a number as a list's value gives it
TEXT: tuple[type, ...] = (str,)


@dataclass(frozen=True)
class KindSpec:
    name: str
    letter: str
    fields: dict[str, tuple[type, ...]]
    display: str
    normalizer: str | None = None
    name_field: str | None = None
    _loaded: dict[str, Callable[..., Any]] = field(default_factory=dict, repr=False, compare=False)

    def _function(self, ref: str) -> Callable[..., Any]:
        found = self._loaded.get(ref)
        if found is None:
            module, _, name = ref.partition(":")
            found = self._loaded[ref] = getattr(importlib.import_module(module), name)
        return found

    def normalize_function(self) -> Callable[[dict[str, Any], Any], Any] | None:
        return self._function(self.normalizer) if self.normalizer else None

    def display_function(self) -> Callable[..., str]:
        return self._function(self.display)


_DATE_FIELDS = {
    **dict.fromkeys(("year", "year_end", "decade", "century", "month", "day", "weekday", "quarter",
                     "half", "hour", "minute", "dur_number", "dur_number2", "rel_offset", "rel_sign",
                     "week_offset", "week_ordinal", "week_step"), NUMBER),
    **dict.fromkeys(("month_day", "season", "timex", "part", "vague", "past", "tense", "wpast", "span",
                     "dur_unit", "dur_unit2", "rel", "rel_unit", "month_dir", "weekday_dir", "anchor"),
                    TEXT),
}

_DISPLAY = "claims.checklist.display"

REGISTRY: dict[str, KindSpec] = {spec.name: spec for spec in (
    KindSpec("date", "D", _DATE_FIELDS, f"{_DISPLAY}:show_date", "claims.engine.values.date:normalize"),
    KindSpec("figure", "Z", {**dict.fromkeys(("number", "scale", "fraction", "divisor", "hours", "minutes"),
                                             NUMBER),
                             "approx": TEXT, "unit": TEXT},
             f"{_DISPLAY}:show_figure", "claims.engine.values.figure:normalize"),
    KindSpec("quote", "Q", {"quote": TEXT, "speaker": TEXT}, f"{_DISPLAY}:show_quote", name_field="speaker"),
    KindSpec("attribution", "A", {"source": TEXT}, f"{_DISPLAY}:show_attribution", name_field="source"),
    KindSpec("role", "P", {"person": TEXT, "role": TEXT, "org": TEXT}, f"{_DISPLAY}:show_role",
             name_field="person"),
    KindSpec("superlative", "S", {}, f"{_DISPLAY}:show_other"),
    KindSpec("credit", "B", {"credit": TEXT}, f"{_DISPLAY}:show_credit", name_field="credit"),
    # a new kind: one line here (see docs/writing-rules.md, "Adding a kind")
)}

KINDS: tuple[str, ...] = tuple(REGISTRY)


def kind_spec(name: str) -> KindSpec:
    return REGISTRY[name]


def unknown_fields(kind: str, keys: Any) -> list[str]:
    """The keys of ``keys`` that ``kind`` does not declare, sorted."""
    known = REGISTRY[kind].fields
    return sorted(k for k in keys if k not in known)


def wrong_type(kind: str, key: str, value: Any) -> bool:
    """Whether a rule file's literal ``value`` for ``key`` is of a type the field does not take."""
    accepted = REGISTRY[kind].fields.get(key, ())
    return isinstance(value, bool) or not isinstance(value, accepted)
