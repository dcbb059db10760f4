"""Files editors work in: lock detection and backups (atomic writes: claims.checklist.atomic)."""

from __future__ import annotations

import shutil
from pathlib import Path

from claims.errors import ClaimsError


def lock_files(path: Path) -> list[Path]:
    """The lock files Excel (``~$NAME.xlsx``) and LibreOffice (``.~lock.NAME.xlsx#``) leave while open."""
    candidates = [path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")]
    return [p for p in candidates if p.exists()]


def refuse_if_open(path: Path) -> None:
    locks = lock_files(path)
    if locks:
        raise ClaimsError(f"the workbook is open in Excel or LibreOffice ({locks[0].name} exists); "
                          f"close it and try again, or pass --force", path)


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.bak{path.suffix}")


def keep_backup(path: Path) -> Path:
    """Copy the file to NAME.bak.xlsx beside it (replacing an older backup) and return that path."""
    target = backup_path(path)
    shutil.copy2(path, target)
    return target
