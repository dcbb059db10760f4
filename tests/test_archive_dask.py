"""docs/archive.md: the Dask bag example runs as written on a local process pool."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import claims

DOC = Path(__file__).resolve().parents[1] / "docs" / "archive.md"

ARCHIVE = [
    {"id": "a-1", "date": "2025-03-24", "text": "Die Messe beginnt am 17. März in Bozen. Es kamen rund 800 Gäste."},
    {"id": "a-2", "date": "2024-11-02", "text": "Bürgermeisterin Anna Berger sagte, der Umbau koste 2,5 Millionen Euro."},
    {"id": "a-3", "date": None, "text": "   "},
    {"id": "a-4", "date": "2023-06-01", "text": "Es war der heißeste Juni seit 1950, meldete der Wetterdienst."},
]


def _dask() -> None:
    try:
        import dask.bag  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("dask is missing; CI installs the test extra, which has it")
        pytest.skip("dask is not installed (pip install 'claims[test]')")


def test_the_documented_dask_bag_example_gives_the_claims_of_each_article(tmp_path):
    _dask()
    block = re.search(r"## With a Dask bag.*?```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block, "docs/archive.md lost its Dask example"
    namespace: dict = {"__name__": "archive_example"}
    exec(compile(block.group(1), str(DOC), "exec"), namespace)
    archive = tmp_path / "archive"
    archive.mkdir()
    for part in range(2):
        with (archive / f"part-{part}.jsonl").open("w", encoding="utf-8") as handle:
            for record in ARCHIVE[part * 2:part * 2 + 2]:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    namespace["run"](str(archive), str(out))

    rows = [json.loads(line) for path in sorted(out.glob("claims-*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]
    expected = []
    for record in ARCHIVE:
        if not record["text"].strip():
            continue
        result = claims.extract(record["text"], lang="de", date=record["date"])
        expected += [json.loads(json.dumps({"article": record["id"], **c.public()}, default=str))
                     for c in result.claims]
    assert [r for r in rows if "error" not in r] == expected
    assert len(expected) >= 4
    assert [r["article"] for r in rows if "error" in r] == ["a-3"]
