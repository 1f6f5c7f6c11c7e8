"""Results written once per format: a kept answer is not written again for every request."""
from __future__ import annotations

import csv
import io
import json

from zonekg.graph.executor import SelectResult
from zonekg.graph.results import write


def test_a_result_is_written_once_per_format_and_each_format_stays_its_own() -> None:
    rows = [(("uri", f"https://w3id.org/zonekg/id/project/项目{i}", None, None),
             ("literal", f"名称{i}", "zh", None)) for i in range(3)]
    result = SelectResult(["p", "name"], rows, truncated=False)
    as_json = write(result, "json")
    as_csv = write(result, "csv")
    assert write(result, "json") is as_json and write(result, "csv") is as_csv
    bindings = json.loads(as_json)["results"]["bindings"]
    assert [b["name"]["value"] for b in bindings] == ["名称0", "名称1", "名称2"]
    assert list(csv.reader(io.StringIO(as_csv.decode())))[1] == ["https://w3id.org/zonekg/id/project/项目0", "名称0"]
    assert SelectResult(["p", "name"], rows, truncated=False) == result  # what was written is not compared
