"""Where the memory is, and the store for it.

In order: ``CLAIMS_MEMORY`` in the environment (a path or a ``postgresql://`` URL; a desk's
shell or a CI job), ``memory`` in claims.toml (``path`` relative to the file, or ``url``), else
an SQLite file in the user's data folder (``$XDG_DATA_HOME/claims/memory.sqlite``, by default
``~/.local/share/claims/memory.sqlite``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims.memory.settings import MemorySettings, is_url

if TYPE_CHECKING:  # the store (and pydantic's Verification) is imported only when a memory is used
    from claims.memory.store import Store

ENV = "CLAIMS_MEMORY"


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "claims" / "memory.sqlite"


@dataclass(frozen=True)
class Location:
    value: str  # a file path or a URL
    source: str  # where it was set: CLAIMS_MEMORY, the claims.toml, default
    settings: MemorySettings

    @property
    def is_url(self) -> bool:
        return is_url(self.value)

    @property
    def configured(self) -> bool:
        """Set on purpose (environment or file), not the per-user default."""
        return self.source != "default"

    def exists(self) -> bool:
        return self.is_url or Path(self.value).is_file()

    def store(self, *, create: bool = True) -> Store:
        if self.is_url:
            from claims.memory.postgres import PostgresStore

            return PostgresStore(self.value)
        from claims.memory.sqlite import SqliteStore

        return SqliteStore(self.value, create=create)

    def shown(self) -> str:
        if self.is_url:
            from claims.memory.postgres import redact

            return redact(self.value)
        return self.value


def locate(config: Any = None) -> Location:
    """The memory for a configuration (claims.config.Config, or None for no file)."""
    # no [memory] in claims.toml: the defaults, without building the settings' validator
    settings = getattr(config, "memory", None) or MemorySettings.model_construct()
    env = os.environ.get(ENV, "").strip()
    if env:
        return Location(env, ENV, settings)
    file = getattr(config, "file", None)
    if settings.url:
        return Location(settings.url, f"{file} (memory.url)", settings)
    if settings.path:
        base = Path(file).parent if file is not None else Path.cwd()
        return Location(str((base / settings.path).resolve()), f"{file} (memory.path)", settings)
    return Location(str(default_path()), "default", settings)


def store_at(value: str | Path, *, create: bool = True) -> Store:
    """The store for a path or a ``postgresql://`` URL (not yet opened)."""
    return Location(str(value), "given", MemorySettings()).store(create=create)


def for_recall(config: Any) -> Location | None:
    """The memory extract and update recall from: the configured one, or the per-user one once
    it exists; None when there is none, or recall is turned off (``memory.recall = false``)."""
    if getattr(config, "memory", None) is None and not os.environ.get(ENV, "").strip() \
            and not default_path().is_file():
        return None  # what locate() would find too, without building the settings' schema
    location = locate(config)
    if not location.settings.recall:
        return None
    if not location.configured and not location.exists():
        return None
    return location
