"""Atomic file writes that leave nothing behind: not on an error, a full disk, or a signal.

A checklist is written in full to a file with no name yet (Linux ``O_TMPFILE``), made
durable (``fsync``), given a temporary name beside the target only at the last moment and
renamed over the target, all with SIGTERM, SIGHUP and SIGINT held back for those two steps.
So a reader sees either the old file or the new one, complete; a SIGKILL while the bytes are
written leaves nothing at all, and only one in the two system calls between link and rename
can leave a named temporary file, which the next run removes (:func:`clean_stale`): its name
carries the writing process's id, so a file of a run that is still going is never touched.

Where ``O_TMPFILE`` is not to be had (other systems, some network file systems), the bytes go
to a named temporary file of the same pattern, removed on any error or signal.

What is replaced: the file a symlink points to (the link stays a link), with the target's
permission bits and group. A write that fails (disk full, read-only folder) is one
:class:`~claims.errors.ClaimsError` naming the file; the target is untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from claims.errors import ClaimsError

TEMP_MARK = ".claims-"
STALE_AFTER_SECONDS = 24 * 3600  # a temporary file this old is stale even if its pid lives again
HELD_SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None),
                                 getattr(signal, "SIGINT", None)) if s is not None)


class Interrupted(KeyboardInterrupt):
    """A termination signal arrived: raised where the program was, so every cleanup runs."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"signal {signum}")

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _raise(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """While inside, SIGTERM, SIGHUP and SIGINT raise :class:`Interrupted` (main thread only;
    a program that set its own handlers keeps them)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, object] = {}
    for signum in HELD_SIGNALS:
        current = signal.getsignal(signum)
        if current in (signal.SIG_DFL, signal.default_int_handler):
            previous[signum] = current
            signal.signal(signum, _raise)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Signals arriving inside wait until the block is done (then they act as usual)."""
    can_block = hasattr(signal, "pthread_sigmask")
    if can_block:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        if can_block:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def write_target(path: Path) -> Path:
    """The file a write to ``path`` replaces: a symlink's target (the link itself stays)."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}{TEMP_MARK}{os.getpid()}.{os.urandom(4).hex()}.tmp")


def _mode_for(target: Path) -> tuple[int, int | None]:
    """Permission bits (and group) the new file gets: the old file's, else the umask's."""
    try:
        st = target.stat()
        return st.st_mode & 0o7777, st.st_gid
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask, None


def _error(exc: OSError, target: Path) -> ClaimsError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        why = "the disk is full (no space left on device)"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = f"cannot write in the folder {target.parent} ({exc.strerror})"
    else:
        why = f"cannot write: {exc.strerror or exc}"
    return ClaimsError(f"{why}; nothing was changed, the previous file is as it was", target)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


_AT_FDCWD = -100
_AT_SYMLINK_FOLLOW = 0x400


def _linkat(fd: int, temp: Path) -> None:
    """linkat(2) of /proc/self/fd/N with AT_SYMLINK_FOLLOW: os.link calls link(2), which
    would link the /proc entry itself and fail (EXDEV)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.linkat(_AT_FDCWD, f"/proc/self/fd/{fd}".encode(), _AT_FDCWD, os.fsencode(temp),
                   _AT_SYMLINK_FOLLOW) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(temp))


def _link_into_place(fd: int, target: Path) -> None:
    """Give the nameless file a temporary name and rename it over the target, signals held."""
    temp = _temp_name(target)
    with _signals_held():
        _linkat(fd, temp)
        try:
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise


def write_bytes(data: bytes, path: Path, like: Path | None = None) -> Path:
    """Write ``data`` to ``path`` atomically (see the module's docstring); return the file written.

    The new file gets the permission bits and group of the file it replaces, or of ``like``.
    """
    target = write_target(path)
    mode, gid = _mode_for(like if like is not None and not target.exists() else target)
    try:
        try:
            fd = os.open(target.parent, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o600)
        except (AttributeError, OSError) as exc:
            if isinstance(exc, OSError) and exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR,
                                                               errno.EINVAL, errno.ENOENT):
                raise
            _write_named(data, target, mode, gid)
            return target
        try:
            _write_all(fd, data)
            _own(fd, mode, gid)
            os.fsync(fd)
            try:
                _link_into_place(fd, target)
            except OSError as exc:
                if exc.errno not in (errno.EXDEV, errno.EPERM, errno.ENOENT, errno.EOPNOTSUPP, errno.EINVAL):
                    raise
                _write_named(data, target, mode, gid)  # no /proc here: a named temporary file
        finally:
            os.close(fd)
    except OSError as exc:
        raise _error(exc, target) from None
    _fsync_dir(target.parent)
    return target


def _own(fd: int, mode: int, gid: int | None) -> None:
    if gid is not None:
        with contextlib.suppress(OSError):
            os.fchown(fd, -1, gid)
    os.fchmod(fd, mode)


def _write_named(data: bytes, target: Path, mode: int, gid: int | None) -> None:
    def save(tmp: str) -> None:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    _save_named(save, target, mode, gid)


def _save_named(save: Callable[[str], object], target: Path, mode: int, gid: int | None) -> None:
    temp = _temp_name(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        _own(fd, mode, gid)
    finally:
        os.close(fd)
    try:
        save(str(temp))
        with _signals_held():
            os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def atomic_save(save: Callable[[str], object], path: Path) -> None:
    """Call ``save(tmp_path)`` for a temporary file beside ``path``, then move it into place.

    For writers that need a path (CSV, the combined workbook). Nothing half-written is ever
    left at ``path``: on any error or signal the temporary file is removed and an existing
    ``path`` is untouched.
    """
    target = write_target(path)
    mode, gid = _mode_for(target)
    try:
        _save_named(save, target, mode, gid)
    except OSError as exc:
        raise _error(exc, target) from None
    _fsync_dir(target.parent)


_STALE = re.compile(r"^\.(?P<name>.+?)" + re.escape(TEMP_MARK) + r"(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
_OLD_STYLE = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.tmp$")  # mkstemp's, claims <= 0.1.0


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(path: Path) -> tuple[list[Path], list[Path]]:
    """Temporary files of ``path`` left by a killed run: (removed, left because their run lives)."""
    target = write_target(path)
    removed: list[Path] = []
    left: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed, left
    now = time.time()
    for entry in entries:
        match = _STALE.match(entry.name)
        old_style = None if match else _OLD_STYLE.match(entry.name)
        found = match or old_style
        if not found or found["name"] != target.name or entry.is_dir(follow_symlinks=False):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if match and _alive(int(match["pid"])) and age < STALE_AFTER_SECONDS:
            left.append(Path(entry.path))
            continue
        if old_style and age < 3600:
            left.append(Path(entry.path))
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed, left
