"""Which articles changed since a git ref (``claims check --changed BASE``).

What counts: files that ``git diff --name-only BASE`` lists (committed, staged
or unstaged changes against BASE: added, modified, renamed to, copied, type
changed; not deleted), plus untracked files git does not ignore, that have a
readable article extension (``.txt .md .docx .html`` …) and still exist.
Paths given on the command line limit the search (git pathspecs).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from claims.errors import ClaimsError
from claims.text.reader import READABLE_SUFFIXES


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ClaimsError("--changed needs git, which is not installed") from None
    if done.returncode != 0:
        message = " ".join((done.stderr.strip().splitlines() or ["git failed"])[-1:])
        raise ClaimsError(f"git {' '.join(args[:2])}: {message}")
    return done.stdout


def changed_articles(base: str, paths: tuple[str, ...] = (), cwd: Path | None = None) -> list[Path]:
    """Articles changed since ``base`` (and untracked ones), relative to ``cwd``, sorted."""
    where = Path(cwd or Path.cwd())
    if base.startswith("-"):
        raise ClaimsError(f"--changed {base!r}: not a git ref")
    try:
        root = Path(_git(["rev-parse", "--show-toplevel"], where).strip())
    except ClaimsError as exc:
        raise ClaimsError(f"--changed needs a git repository ({exc.message})", where) from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], where)
    except ClaimsError:
        raise ClaimsError(f"--changed {base}: no such commit, branch or tag in this repository "
                          f"(in CI, fetch it: actions/checkout with fetch-depth: 0)") from None
    spec = ["--", *paths] if paths else []
    names = _git(["diff", "--name-only", "-z", "--diff-filter=ACMRT", base, *spec], where).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name", *spec],
                  where).split("\0")
    found: set[Path] = set()
    for name in filter(None, names):
        path = root / name
        if path.suffix.lower() in READABLE_SUFFIXES and path.is_file():
            found.add(path)
    cwd_resolved = where.resolve()
    out = []
    for path in sorted(found):
        try:
            out.append(path.resolve().relative_to(cwd_resolved))
        except ValueError:
            out.append(path)
    return out
