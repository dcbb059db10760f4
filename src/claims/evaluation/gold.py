"""Reading gold directories: ``*.gold.jsonl`` beside each article, ``meta.json`` with dates and kinds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from claims.errors import InputError
from claims.kinds import KINDS


class GoldClaim(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: str
    text: str
    occurrence: int = 1
    value: Any = None
    optional: bool = False
    start: int = -1
    end: int = -1


class GoldArticle(BaseModel):
    stem: str
    article_path: Path
    date: dt.date | None
    lang: str | None = None  # meta.json's "lang"; None: the article's own (front matter) or the default
    kinds: list[str]
    claims: list[GoldClaim]


def _article_for(gold_path: Path) -> Path:
    stem = gold_path.name[: -len(".gold.jsonl")]
    for suffix in (".txt", ".md"):
        candidate = gold_path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    raise InputError(f"no article {stem}.txt or {stem}.md beside the gold file", gold_path)


def load_gold_dir(folder: Path) -> list[GoldArticle]:
    if not folder.is_dir():
        raise InputError("not a directory of gold files", folder)
    meta: dict[str, Any] = {}
    meta_path = folder / "meta.json"
    if meta_path.is_file():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"invalid JSON: {exc}", meta_path) from None
        except RecursionError:
            raise InputError("invalid JSON: it nests too deep", meta_path) from None
        if not isinstance(meta, dict):
            raise InputError("meta.json must hold an object of articles", meta_path)
    articles = []
    gold_files = sorted(folder.glob("*.gold.jsonl"))
    if not gold_files:
        raise InputError("no *.gold.jsonl files here", folder)
    for gold_path in gold_files:
        stem = gold_path.name[: -len(".gold.jsonl")]
        article_path = _article_for(gold_path)
        text = article_path.read_text(encoding="utf-8-sig")
        claims = []
        for number, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                claim = GoldClaim.model_validate_json(line)
            except ValidationError as exc:
                raise InputError(f"not a gold claim: {exc.errors()[0]['msg']}", gold_path, number) from None
            at = -1
            for _ in range(claim.occurrence):
                at = text.find(claim.text, at + 1)
                if at < 0:
                    break
            if at < 0:
                raise InputError(f"{claim.text!r} (occurrence {claim.occurrence}) is not in the article",
                                 gold_path, number)
            claim.start, claim.end = at, at + len(claim.text)
            claims.append(claim)
        info = meta.get(stem, {})
        date = dt.date.fromisoformat(info["date"]) if info.get("date") else None
        articles.append(GoldArticle(stem=stem, article_path=article_path, date=date, lang=info.get("lang"),
                                    kinds=list(info.get("kinds") or KINDS), claims=claims))
    return articles
