"""The page's callbacks, called through Dash's real HTTP endpoint without a browser."""

from __future__ import annotations

import json

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.filters import FilterState
from dashboard.interaction import Action, resolve_action, state_from_store, state_to_store
from dashboard.urlstate import ViewState


@pytest.fixture(scope="module")
def app(mini):
    return create_app(mini)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


# The pattern-matched components on the page for the mini dataset: theme buttons, judgement buttons.
PATTERNS = {
    ids.THEME_TOGGLE: ["law", "alliance", "forces", "regional"],
    ids.THEME_COUNT: ["law", "alliance", "forces", "regional"],
    ids.JUDGEMENT_CHOICE: [ids.ANY_JUDGEMENT, "grow", "pay"],
}


def expand(item_id: str, prop: str, values: dict[str, object]) -> object:
    """An input or output as the browser sends it: concrete ids for a pattern, one dict otherwise."""
    if item_id.startswith("{"):
        kind = json.loads(item_id)["type"]
        return [
            {"id": {"type": kind, "index": index}, "property": prop, "value": values.get(f"{kind}:{index}.{prop}")}
            for index in PATTERNS.get(kind, [])
        ]
    return {"id": item_id, "property": prop, "value": values.get(f"{item_id}.{prop}")}


def call(app, client, output_id: str, values: dict[str, object], changed: list[str]) -> dict:
    """POST one callback as the browser would; ``values`` maps "id.property" to its value."""
    key = next(key for key in app.callback_map if f"..{output_id}." in key)
    callback = app.callback_map[key]
    outputs = []
    for part in key.strip(".").split("..."):
        item_id, prop = part.rsplit(".", 1)
        expanded = expand(item_id, prop, {})
        outputs.append(
            [{"id": o["id"], "property": prop} for o in expanded]
            if isinstance(expanded, list)
            else {"id": item_id, "property": prop}
        )
    body = {
        "output": key,
        "outputs": outputs,
        "inputs": [expand(item["id"], item["property"], values) for item in callback["inputs"]],
        "state": [expand(item["id"], item["property"], values) for item in callback["state"]],
        "changedPropIds": changed,
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.get_data(as_text=True)
    return json.loads(response.get_data(as_text=True))["response"] if response.status_code == 200 else {}


def test_opening_a_shared_link_sets_the_controls(app, client):
    response = call(
        app, client, ids.URL, {"url.search": "?themes=forces&from=1950&q=war&event=korean-war"}, ["url.search"]
    )
    assert ids.URL not in response  # the URL is left as it is
    pressed = {key: value["aria-pressed"] for key, value in response.items() if ids.THEME_TOGGLE in key}
    assert list(pressed.values()) == ["false", "false", "true", "false"]
    assert response[ids.YEARS]["value"] == [1950, 2021]
    assert response[ids.YEAR_FROM]["value"] == 1950
    assert response[ids.SEARCH]["value"] == "war"
    assert state_from_store(response[ids.STATE]["data"]) == ViewState(
        FilterState(themes=("forces",), start=1950, query="war"), "korean-war"
    )


def test_editing_a_control_writes_the_url(app, client):
    values = {
        "url.search": "",
        f"{ids.YEARS}.value": [1945, 2021],
        f"{ids.SEARCH}.value": "treaty",
        f"{ids.STATE}.data": state_to_store(ViewState(FilterState(themes=("law", "alliance")))),
    }
    response = call(app, client, ids.URL, values, [f"{ids.SEARCH}.value"])
    assert response[ids.URL]["search"] == "?themes=law,alliance&q=treaty"


def test_a_theme_button_toggles_its_theme(app, client):
    values = {
        f"{ids.THEME_TOGGLE}:forces.n_clicks": 1,
        f"{ids.YEARS}.value": [1945, 2021],
        f"{ids.STATE}.data": state_to_store(ViewState()),
    }
    changed = [json.dumps({"index": "forces", "type": ids.THEME_TOGGLE}, separators=(",", ":")) + ".n_clicks"]
    response = call(app, client, ids.URL, values, changed)
    assert response[ids.URL]["search"] == "?themes=law,alliance,regional"


def test_typing_a_year_uses_the_number_boxes(app, client):
    values = {
        f"{ids.YEARS}.value": [1945, 2021],
        f"{ids.YEAR_FROM}.value": 1960,
        f"{ids.YEAR_TO}.value": None,
        f"{ids.STATE}.data": state_to_store(ViewState()),
    }
    response = call(app, client, ids.URL, values, [f"{ids.YEAR_FROM}.value"])
    assert response[ids.URL]["search"] == "?from=1960"
    assert response[ids.YEARS]["value"] == [1960, 2021]


def test_render_draws_the_state(app, client, mini):
    state = ViewState(FilterState(themes=("forces",)), "self-defense-forces")
    response = call(app, client, ids.TIMELINE, {f"{ids.STATE}.data": state_to_store(state)}, [f"{ids.STATE}.data"])
    figure = response[ids.TIMELINE]["figure"]
    drawn = {row[0] for trace in figure["data"] if trace["meta"]["role"] == "events" for row in trace["customdata"]}
    assert drawn == {"korean-war", "police-reserve", "self-defense-forces", "budget-rise"}
    assert response[ids.SUMMARY]["children"] == "4 of 8 events"
    assert response[ids.EMPTY]["hidden"] is True
    assert response[ids.DETAILS]["hidden"] is False
    body = json.dumps(response[ids.DETAILS + "-body"]["children"])
    assert "Self-Defense Forces" in body and "1 July 1954" in body
    rows = response[ids.LIST_TABLE]["rowData"]
    assert [row["id"] for row in rows] == ["korean-war", "police-reserve", "self-defense-forces", "budget-rise"]
    assert rows[0]["date"] == "25 June 1950 – 27 July 1953" and rows[0]["themes"] == "Region, Forces"
    assert response[ids.LIST_TABLE]["rowClassRules"] == {"selected-row": "params.data.id === 'self-defense-forces'"}


def test_render_of_an_empty_view_shows_the_empty_state(app, client):
    state = ViewState(FilterState(query="nothing matches this"))
    response = call(app, client, ids.TIMELINE, {f"{ids.STATE}.data": state_to_store(state)}, [f"{ids.STATE}.data"])
    assert response[ids.SUMMARY]["children"] == "0 of 8 events"
    assert response[ids.EMPTY]["hidden"] is False
    assert response[ids.TIMELINE]["style"] == {"display": "none"}


def test_store_round_trip():
    state = ViewState(FilterState(themes=("a",), start=1, end=2, query="q", judgement="j"), "e", "-title")
    assert state_from_store(json.loads(json.dumps(state_to_store(state)))) == state
    assert state_from_store(None) == ViewState()


def test_resolve_action():
    assert resolve_action(None, None, None) == (Action.OPEN_URL, None)
    assert resolve_action(ids.SEARCH, "x", None) == (Action.EDIT_FILTERS, None)
    clicked = {"rowId": "korean-war", "colId": "title", "value": "Korean War"}
    assert resolve_action(ids.LIST_TABLE, clicked, None) == (Action.SELECT_EVENT, "korean-war")
    assert resolve_action(ids.LIST_TABLE, None, None) is None
    click = {"points": [{"customdata": ["korean-war", "Korean War", "1950", ""]}]}
    assert resolve_action(ids.TIMELINE, click, click) == (Action.SELECT_EVENT, "korean-war")
    assert resolve_action(ids.TIMELINE, {"points": [{}]}, {"points": [{}]}) is None
    assert resolve_action("something-else", 1, None) is None


def test_health_endpoint(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json()["events"] == 8
