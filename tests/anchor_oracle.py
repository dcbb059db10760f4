"""The item-by-item anchor search: each anchor item looked up in the article's words on its own,
the way the anchor forms read. The engine's one path is the plan (claims.engine.anchors.Plan,
every item tried on each distinct word once); this slower, plainer search is its oracle."""

from __future__ import annotations

from claims.engine.anchors import TokenIndex
from claims.ruleset.grammar import AnchorItem


def sentences_for(index: TokenIndex, anchor: tuple[AnchorItem, ...]) -> list[int]:
    found: set[int] = set()
    folded: dict[str, set[int]] = {}
    for token, where in index.where.items():
        folded.setdefault(token.casefold(), set()).update(where)
    for mode, words in anchor:
        if mode == "digit":
            tables = [where for token, where in index.where.items() if token[0].isdigit()]
        elif mode == "exact":
            tables = [index.where[w] for w in words if w in index.where]
        elif mode == "folded":
            tables = [folded[w] for w in words if w in folded]
        else:
            test = {"suffix": str.endswith, "prefix": str.startswith,
                    "holding": lambda token, part: part in token}[mode]
            tables = [where for token, where in folded.items() if any(test(token, w) for w in words)]
        for where in tables:
            found.update(where)
    return sorted(found)
