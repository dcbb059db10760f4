"""Load a language's rule set: compiled once (:mod:`claims.ruleset.compiler`), then kept in the
user's cache (:mod:`claims.ruleset.cache`) under a key that covers every file it was made of.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import threading
from pathlib import Path

import regex

from claims.config import DEFAULT_LANG
from claims.ruleset import cache
from claims.ruleset.compiler import RuleSet, _build_ruleset
from claims.ruleset.files import _rule_dirs


def _cache_key(lang: str, dirs: list[Path], disabled: tuple[str, ...]) -> str:
    """Changes whenever a rule file, word list, the tool or the regex module changes."""
    from claims import __version__

    digest = hashlib.sha256(f"{__version__}|{regex.__version__}|{sys.version}|{lang}|{disabled}".encode())
    from claims import findings

    package = Path(findings.__file__).parent
    here = Path(__file__)
    # the pickled classes' shape and what the compiler checks them against
    for code in (here, *(here.with_name(name) for name in ("schema.py", "files.py", "compiler.py", "grammar.py")),
                 here.parents[1] / "kinds.py", *sorted(package.glob("*.py"))):
        digest.update(code.read_bytes())
    for folder in dirs:
        digest.update(str(folder.resolve()).encode())  # the rules remember where they live (messages)
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


@functools.lru_cache(maxsize=16)
def load_ruleset(lang: str = DEFAULT_LANG, extra_dirs: tuple[Path, ...] = (),
                 disabled: tuple[str, ...] = ()) -> RuleSet:
    """Load and compile the rules of ``lang``; later directories override rules by id.

    ``disabled`` holds rule ids or kinds to leave out. Compiling takes the regex
    module about half a second, so a compiled rule set is kept in the user's
    cache directory (``~/.cache/claims``; ``CLAIMS_CACHE_DIR`` to move it,
    ``CLAIMS_NO_CACHE=1`` to do without); a pickled pattern of the regex module
    holds its compiled code, so loading it does not compile again. A cache file is
    unpickled only after its HMAC with the user's secret key checks out, and only from a
    folder of the user's that nobody else may write (:mod:`claims.ruleset.cache`). The cache key
    covers every rule file's content, so an edited rule is never served stale. A
    process's first compile runs in a forked child where it can (see
    ``_compiled_in_child``).
    """
    dirs = _rule_dirs(lang, tuple(Path(d) for d in extra_dirs))
    cache_folder = cache.cache_dir()
    if cache_folder is None:
        return _build_ruleset(lang, dirs, disabled)
    cache_file = cache_folder / f"ruleset-{lang}-{_cache_key(lang, dirs, disabled)}.pickle"
    cached = _read_cache(cache_file)
    if cached is None and _compiled_in_child(lang, dirs, disabled, cache_folder, cache_file):
        cached = _read_cache(cache_file)
    if cached is not None:
        return cached
    ruleset = _build_ruleset(lang, dirs, disabled)
    _write_cache(ruleset, lang, cache_folder, cache_file)
    return ruleset


def _read_cache(cache_file: Path) -> RuleSet | None:
    return cache.read(cache_file, RuleSet)


def _write_cache(ruleset: RuleSet, lang: str, folder: Path, cache_file: Path) -> None:
    cache.write(ruleset, cache_file, f"ruleset-{lang}-*.pickle")


_forked = False


def _compiled_in_child(lang: str, dirs: list[Path], disabled: tuple[str, ...], folder: Path,
                       cache_file: Path) -> bool:
    """Compile the rule set in a forked child that writes the cache; True when it did.

    Compiling leaves ~9 MiB of freed but fragmented memory behind, which a process that then
    extracts from a long text never gets back (its peak was 81 MiB instead of 75). A child's
    memory goes with it. Only where forking is safe: POSIX, and no other thread running; a
    child that fails (a broken rule file) leaves the compiling, and its error message, to
    the process itself.
    """
    global _forked
    # Once per process: a process that loads several rule sets (a test run, a server) compiles
    # the later ones itself, where the regex module's cache of compiled patterns makes the
    # shared built-in patterns cost nothing the second time.
    if _forked or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    _forked = True
    try:
        pid = os.fork()
    except OSError:
        return False
    if pid == 0:  # the child: compile, write, leave without running the parent's exit handlers
        code = 1
        try:
            _write_cache(_build_ruleset(lang, dirs, disabled), lang, folder, cache_file)
            code = 0 if cache_file.is_file() else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
