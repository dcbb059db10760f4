from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "cdf-samsung-xiaomi.md"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the sample article, so tests may write beside it."""
    target = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, target)
    return target


def write_rule_dir(base: Path, files: dict[str, str], lang: str = "de") -> Path:
    """A user rule directory of the built-in shape: base/<lang>/<file>."""
    folder = base / lang
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return base


def quote_speakers(base: Path, files: dict[str, str], text: str, lang: str = "de") -> list:
    """The speakers of the quotes found in ``text`` with the built-in rules and a user rule
    directory of ``files`` (links under test)."""
    from claims.api import extract_text
    from claims.ruleset import load_ruleset

    ruleset = load_ruleset(lang, (write_rule_dir(base, files, lang),))
    return [c.value["speaker"] for c in extract_text(text, lang=lang, rules=ruleset).claims if c.kind == "quote"]


def require_soffice() -> str:
    """The LibreOffice binary; a developer without it gets a skip that says so, CI a failure."""
    soffice = shutil.which("soffice")
    if soffice is None:
        message = ("LibreOffice is not installed (Debian: apt-get install libreoffice-calc-nogui "
                   "libreoffice-writer-nogui poppler-utils)")
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run this test")
        pytest.skip(message)
    return soffice


from memory_support import _no_user_memory, memory_url, postgres_server, postgres_url  # noqa: E402,F401 (fixtures)
