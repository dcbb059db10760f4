"""The compiled-rule cache, safe to load: every file is authenticated before it is unpickled.

A compiled pattern of the regex module can only be stored with pickle (its compiled code
travels in the pickle, so loading it does not compile again), and unpickling a file runs
whatever code its author put in it. So a cache file is trusted only when

- it lies in a folder owned by this user that no other user may write to (a shared or
  world-writable folder is not used at all: the rules are then compiled every time), and
- it carries an HMAC-SHA256 of its payload made with this user's secret key, which is
  checked before a byte of the payload is unpickled.

The key is 32 random bytes in ``key`` of the user's own cache folder
(``$XDG_CACHE_HOME/claims`` or ``~/.cache/claims``, made with mode 0700), file mode 0600,
never in a folder ``CLAIMS_CACHE_DIR`` names: that may be a folder others can put files
in (a repository), and a key planted beside planted cache files would prove nothing.
A file whose name anyone can compute but whose tag they cannot is just compiled over.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import stat
import tempfile
from pathlib import Path
from typing import Any

MAGIC = b"claims-ruleset-cache 2\n"
KEY_BYTES = 32
TAG_BYTES = hashlib.sha256().digest_size


def default_dir() -> Path:
    """The user's own cache folder for claims (where the key always lives)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claims"


def cache_dir() -> Path | None:
    """Where compiled rule sets go: ``CLAIMS_CACHE_DIR``, else the default; None without a cache."""
    if os.environ.get("CLAIMS_NO_CACHE"):
        return None
    if "CLAIMS_CACHE_DIR" in os.environ:
        return Path(os.environ["CLAIMS_CACHE_DIR"])
    return default_dir()


def _private(info: os.stat_result, *, exact: int | None = None) -> bool:
    """Owned by this user and writable by no one else (``exact``: no access for others at all)."""
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return False
    mode = stat.S_IMODE(info.st_mode)
    if exact is not None:
        return mode & exact == 0
    return mode & 0o022 == 0


def usable_folder(folder: Path, create: bool) -> bool:
    """Whether ``folder`` may hold trusted cache files: ours, and not writable by others."""
    try:
        if create and not folder.exists():
            folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _private(info)


def _key(create: bool) -> bytes | None:
    """This user's secret key; made on first use. None when there is no private place for it."""
    folder = default_dir()
    if not usable_folder(folder, create):
        return None
    path = folder / "key"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        if not create:
            return None
        return _new_key(folder, path)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode) or not _private(os.fstat(fd), exact=0o077):
            return None  # a key others could read (or write) keeps no secret
        key = handle.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None


def _new_key(folder: Path, path: Path) -> bytes | None:
    key = secrets.token_bytes(KEY_BYTES)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".key-")  # mode 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        try:
            os.link(tmp, path)  # fails if another process made the key meanwhile: use theirs
        finally:
            os.unlink(tmp)
    except FileExistsError:
        return _key(create=False)
    except OSError:
        return None
    return key


def _tag(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def read(path: Path, expected: type) -> Any:
    """The object cached in ``path`` if its tag proves we wrote it, else None."""
    folder = path.parent
    if not usable_folder(folder, create=False):
        return None
    key = _key(create=False)
    if key is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            data = handle.read()
    except OSError:
        return None
    head = len(MAGIC) + TAG_BYTES
    if not data.startswith(MAGIC) or len(data) <= head:
        return None
    tag, payload = data[len(MAGIC):head], data[head:]
    if not hmac.compare_digest(tag, _tag(key, payload)):
        return None  # not ours: never unpickled
    try:
        found = pickle.loads(payload)
    except Exception:  # a file of ours from another version of a class: compile instead
        return None
    return found if isinstance(found, expected) else None


def write(obj: Any, path: Path, stale_glob: str, keep: int = 8) -> None:
    """Store ``obj`` at ``path`` with its tag (atomically); quietly nothing where we cannot."""
    folder = path.parent
    if not usable_folder(folder, create=True):
        return
    key = _key(create=True)
    if key is None:
        return
    try:
        payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".ruleset-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + _tag(key, payload) + payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        stale = sorted(folder.glob(stale_glob), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stale[keep:]:  # keep a few (other --rules combinations), not every past edit
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk is no reason to fail; we just compile next time too
