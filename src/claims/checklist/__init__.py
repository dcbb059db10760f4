"""The checklist workbook: labels (data files per language), layout, value display, writer.

The workbook's contract with its readers (``claims check``, ``claims update``)
is in :mod:`claims.checklist.layout`: sheet keys, column keys, the hidden
``_claims`` and ``_meta`` sheets and the custom document properties.
"""
