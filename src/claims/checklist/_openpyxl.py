"""Import openpyxl without numpy.

openpyxl imports numpy when it is installed, only to accept numpy numbers as
cell values; the checklist never passes any. That import costs about 90 ms of
the 0.6 s a cold ``claims extract`` may take, so it is skipped here: while
openpyxl loads, ``numpy`` is marked unimportable, and the mark is removed
afterwards (a later ``import numpy`` elsewhere works as usual). If numpy is
already loaded, nothing changes.
"""

from __future__ import annotations

import sys

if "openpyxl" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import openpyxl
    finally:
        del sys.modules["numpy"]
else:
    import openpyxl

Workbook = openpyxl.Workbook

__all__ = ["Workbook", "openpyxl"]
