"""The requests the page sends to the server's callbacks, built from an app's own callback map.

Shared by the benchmarks that replay them (scale.py, load_test.py).
"""

from __future__ import annotations

import json

from dashboard import ids


def callback_body(app, output: str, values: dict) -> bytes:
    """The request the page sends for the server callback whose first output is ``output``."""
    key = next(
        key
        for key, entry in app.callback_map.items()
        if "callback" in entry and key.strip(".").split("...")[0].split("@")[0] == output
    )
    callback = app.callback_map[key]

    def dependency(item):
        if item["id"].startswith("{"):
            return []
        return {"id": item["id"], "property": item["property"], "value": values.get(f"{item['id']}.{item['property']}")}

    parts = [p.split("@")[0] for p in key.strip(".").split("...")]
    outputs = [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts]
    body = {
        "output": key,
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": [dependency(i) for i in callback["inputs"]],
        "state": [dependency(i) for i in callback["state"]],
        "changedPropIds": [f"{ids.STATE}.data"],
    }
    return json.dumps(body).encode()
