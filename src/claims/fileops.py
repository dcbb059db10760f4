"""Files editors work in: lock detection, read-only and symlinked checklists, backup generations.

Atomic writes are :mod:`claims.checklist.atomic`'s job.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from pathlib import Path

from claims.checklist.atomic import write_bytes, write_target
from claims.errors import ClaimsError

BACKUPS_KEPT = 5  # generations of NAME.bak-YYYYMMDD-HHMMSS.xlsx beside a checklist


def lock_files(path: Path) -> list[Path]:
    """The lock files Excel (``~$NAME.xlsx``) and LibreOffice (``.~lock.NAME.xlsx#``) leave while open."""
    found: list[Path] = []
    for where in dict.fromkeys((Path(path), write_target(path))):
        found += [p for p in (where.with_name(f"~${where.name}"), where.with_name(f".~lock.{where.name}#"))
                  if p.exists()]
    return found


def refuse_if_open(path: Path) -> None:
    locks = lock_files(path)
    if locks:
        raise ClaimsError(f"the workbook is open in Excel or LibreOffice ({locks[0].name} exists); "
                          f"close it and try again, or pass --force", path)


def refuse_if_read_only(path: Path) -> None:
    """A checklist without write permission was made read-only on purpose: say so, write nothing.

    Judged by the permission bits, not by access(2), so it holds for root as well.
    """
    target = write_target(path)
    try:
        mode = target.stat().st_mode
    except OSError:
        return
    if not mode & 0o222:
        where = f" (the symlink's target {target})" if target != Path(path) else ""
        raise ClaimsError(f"the checklist is read-only{where}; nothing was changed. Make it "
                          f"writable first (chmod u+w) if it may be updated", path)


def _now() -> dt.datetime:
    return dt.datetime.now()


def backup_name(path: Path, when: dt.datetime) -> Path:
    return path.with_name(f"{path.stem}.bak-{when:%Y%m%d-%H%M%S}{path.suffix}")


def backups_of(path: Path) -> list[Path]:
    """The backup generations of ``path`` (the file a symlink points to), oldest first."""
    target = write_target(path)
    pattern = re.compile(re.escape(target.stem) + r"\.bak-\d{8}-\d{6}(?:-\d+)?" + re.escape(target.suffix) + "$")
    try:
        names = [n for n in os.listdir(target.parent) if pattern.fullmatch(n)]
    except OSError:
        return []

    def order(name: str) -> tuple[str, int]:
        stamp = name[len(target.stem) + 5:len(target.stem) + 20]
        rest = name[len(target.stem) + 20:-len(target.suffix) or None]
        return stamp, int(rest[1:]) if rest.startswith("-") else 0

    return [target.parent / n for n in sorted(names, key=order)]


def keep_backup(path: Path, data: bytes, keep: int = BACKUPS_KEPT) -> Path:
    """Write ``data`` (the checklist as it was read) as a new backup generation, atomically.

    The backup is a new file named by the time (``NAME.bak-20250324-101500.xlsx``; a second
    one in the same second gets ``-2``), written like the checklist itself: never through a
    symlink of that name, never half. The newest ``keep`` generations stay; older ones go
    only after the new one is safely there.
    """
    target = write_target(path)
    when = _now()
    candidate = backup_name(target, when)
    n = 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = candidate.with_name(f"{backup_name(target, when).stem}-{n}{target.suffix}")
    write_bytes(data, candidate, like=target)
    return candidate


def prune_backups(path: Path, keep: int = BACKUPS_KEPT) -> list[Path]:
    """Remove all but the newest ``keep`` backup generations; return what went."""
    generations = backups_of(path)
    gone = generations[:-keep] if keep > 0 else generations
    for old in gone:
        with contextlib.suppress(OSError):
            old.unlink()  # a symlink of a backup's name: only the link goes
    return gone
