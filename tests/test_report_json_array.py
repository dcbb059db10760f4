"""Several articles' JSON documents are one JSON array, written as each arrives."""

from __future__ import annotations

import io
import json

from claims.report.jsonout import JsonArray


def test_several_documents_make_one_json_array():
    out = io.StringIO()
    array = JsonArray(out, many=True)
    array.add('{"a": 1}')
    array.add('{"b": 2}')
    array.close()
    assert json.loads(out.getvalue()) == [{"a": 1}, {"b": 2}]


def test_a_batch_whose_articles_all_failed_is_an_empty_array():
    out = io.StringIO()
    array = JsonArray(out, many=True)
    array.close()
    assert out.getvalue() == "[]\n"


def test_one_article_is_its_document_not_an_array():
    out = io.StringIO()
    array = JsonArray(out, many=False)
    array.add('{"a": 1}')
    array.close()
    assert out.getvalue() == '{"a": 1}\n'
