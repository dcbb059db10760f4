"""The ``[memory]`` and ``[claimreview]`` tables of claims.toml (validated with the rest of the
configuration by :mod:`claims.config`).

::

    memory = "memory.sqlite"                  # short form: where the memory is (a path or a URL)

    [memory]
    path = "../dokumentation/memory.sqlite"   # an SQLite file, relative to claims.toml
    url = "postgresql://dok@db.example.org/claims"   # or a shared server (no password here!)
    record = true                             # claims check and claims update record closed rows
    recall = true                             # extract and update show earlier verifications
    reuse = "never"                           # or "confirmed": a match confirmed before is set bestätigt
    max_age_days = 365                        # an older verification is shown, never reused

    [claimreview]                             # claims export claimreview
    author = "Dokumentation der Beispielzeitung"
    author_url = "https://example.org"
    url = "https://example.org/faktencheck/{stem}"   # where the review is published; {stem}, {name}
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

URL_SCHEMES = ("postgresql", "postgres")


def is_url(location: str) -> bool:
    return urlsplit(location).scheme in URL_SCHEMES


def refuse_password(url: str) -> str:
    """A password in a configuration file ends up in a repository: refused, with the way out."""
    from urllib.parse import parse_qs

    parts = urlsplit(url)
    if parts.password is not None or "password" in {k.casefold() for k in parse_qs(parts.query)}:
        raise ValueError("a password in claims.toml would sit in the repository for everyone to read: "
                         "leave it out of the URL and set PGPASSWORD, or put it in ~/.pgpass")
    return url


class MemorySettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str | None = Field(None, min_length=1)
    url: str | None = Field(None, min_length=1)
    record: bool = False
    recall: bool = True
    reuse: Literal["never", "confirmed"] = "never"
    max_age_days: int = Field(365, ge=0)

    @model_validator(mode="before")
    @classmethod
    def _short(cls, data: Any) -> Any:
        if isinstance(data, str):  # memory = "…": a path or a URL
            return {"url": data} if is_url(data) else {"path": data}
        return data

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not is_url(value):
            raise ValueError("must be a postgresql:// URL (an SQLite file goes in `path`)")
        return refuse_password(value)

    @model_validator(mode="after")
    def _one(self) -> MemorySettings:
        if self.path is not None and self.url is not None:
            raise ValueError("give either path (an SQLite file) or url (a PostgreSQL server), not both")
        return self


class ClaimReviewSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    author: str = Field(min_length=1)
    author_url: str | None = None
    url: str = Field(min_length=1)

    @field_validator("url", "author_url")
    @classmethod
    def _http(cls, value: str | None) -> str | None:
        if value is not None and urlsplit(value.replace("{stem}", "x").replace("{name}", "x")).scheme not in ("http", "https"):
            raise ValueError("must be an http(s) URL")
        return value
