"""The page's callbacks, called through Dash's real HTTP endpoint without a browser."""

from __future__ import annotations

import base64
import gzip
import json
import re
from dataclasses import replace

import numpy as np
import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard import ids
from dashboard.app import create_app
from dashboard.chart_data import chart_payload, chart_payload_json
from dashboard.filters import FilterState, filter_mask, theme_counts
from dashboard.interaction import Action, resolve_action, state_from_store, state_to_store
from dashboard.layout import later_filters, later_filters_rows, later_parts
from dashboard.localise import localise
from dashboard.uploads import Limits
from dashboard.urlstate import ViewState, to_query


@pytest.fixture(scope="module")
def app(mini):
    return create_app(mini)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


# The pattern-matched components on the page for the mini dataset: theme buttons, judgement buttons.
PATTERNS = {
    ids.THEME_TOGGLE: ["law", "alliance", "forces", "regional"],
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


def call(app, client, output: str, values: dict[str, object], changed: list[str], page: str = "/") -> dict:
    """POST one server callback as the browser would, to the page at ``page`` (its language's
    path). ``output`` is the callback's first output ("id.property"); ``values`` maps
    "id.property" to its value."""
    key = next(
        key
        for key, entry in app.callback_map.items()
        if "callback" in entry and key.strip(".").split("...")[0].split("@")[0] == output  # a server callback
    )
    callback = app.callback_map[key]
    outputs = []
    for part in key.strip(".").split("..."):
        item_id, prop = part.split("@")[0].rsplit(".", 1)
        expanded = expand(item_id, prop, {})
        outputs.append(
            [{"id": o["id"], "property": prop} for o in expanded]
            if isinstance(expanded, list)
            else {"id": item_id, "property": prop}
        )
    body = {
        "output": key,
        "outputs": outputs if key.startswith("..") else outputs[0],  # a single output is sent bare
        "inputs": [expand(item["id"], item["property"], values) for item in callback["inputs"]],
        "state": [expand(item["id"], item["property"], values) for item in callback["state"]],
        "changedPropIds": changed,
    }
    response = client.post(page + "_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.get_data(as_text=True)
    return json.loads(response.get_data(as_text=True))["response"] if response.status_code == 200 else {}


STATE_DATA = f"{ids.STATE}.data"


SHARED = "?themes=forces&from=1950&q=war&event=korean-war"
SHARED_STATE = ViewState(FilterState(themes=("forces",), start=1950, query="war"), "korean-war")


def test_opening_a_shared_link_reads_its_state(app, client):
    # The page asks for it as its first callback runs (assets/timeline.js, openAddress): the server
    # does not read the address on a first load by itself, which a plain address would waste.
    (sync_state,) = [
        item
        for item in client.get("/_dash-dependencies").get_json()
        if item["output"].startswith(f"..{ids.STATE}.data...")
    ]
    assert sync_state["prevent_initial_call"]
    navigated = f"{ids.ADDRESS_NAVIGATED}.data"
    response = call(app, client, STATE_DATA, {navigated: {"search": SHARED, "at": 1}}, [navigated])
    assert state_from_store(response[ids.STATE]["data"]) == SHARED_STATE
    assert response[ids.ZOOM]["data"] is None  # new years: the whole range again
    # An address that reads as the default view is answered too: the page waits for the state.
    response = call(app, client, STATE_DATA, {navigated: {"search": "?fbclid=x", "at": 2}}, [navigated])
    assert state_from_store(response[ids.STATE]["data"]) == ViewState()


FIRST_VIEW = re.compile(r'<script type="application/json" id="first-view">([^<]*)</script>')


@pytest.mark.parametrize("page", ["/", "/ja/"])
@pytest.mark.parametrize(
    "search",
    [
        SHARED,
        "?fbclid=x",
        "?from=1800&to=2100",
        "?story=grow&step=2",
        "?story=pay&step=9&q=x",
        "?themes=&sort=-title",
        "?q=treaty+japan&from=1990",
        "?q=zzzz",
    ],
)
def test_a_shared_links_page_carries_the_view_the_server_would_answer(app, client, mini, search, page):
    # The page draws a shared link's view from the page itself (app.first_view_script) instead of
    # asking the server first: what it carries is what the server answers for that address, and for
    # its search words, and whether the view has no events.
    carried = json.loads(FIRST_VIEW.search(client.get(page + search).get_data(as_text=True)).group(1))
    assert carried["search"] == search
    navigated = f"{ids.ADDRESS_NAVIGATED}.data"
    answer = call(app, client, STATE_DATA, {navigated: {"search": search, "at": 1}}, [navigated], page)
    assert carried["state"] == answer[ids.STATE]["data"]
    assert carried["zoom"] == answer.get(ids.ZOOM, {}).get("data")
    state = {STATE_DATA: carried["state"]}
    searched = call(app, client, f"{ids.MATCHES}.data", state, [STATE_DATA], page).get(ids.MATCHES, {}).get("data")
    assert carried.get("matches") == searched
    shown = filter_mask(localise(mini, page.strip("/") or "en"), state_from_store(carried["state"]).filters)
    assert carried["empty"] == (not shown.any())


@pytest.mark.parametrize("search", ["?from=%C2%B2", "?story=grow&step=%D9%A1", "?to=" + "9" * 5000])
def test_a_link_with_a_year_that_is_no_number_opens_the_page(app, client, search):
    # "²" and "١" are digits to str.isdigit, not to int(): such a link made the page an error.
    page = client.get("/" + search)
    assert page.status_code == 200
    carried = json.loads(FIRST_VIEW.search(page.get_data(as_text=True)).group(1))
    navigated = f"{ids.ADDRESS_NAVIGATED}.data"
    answer = call(app, client, STATE_DATA, {navigated: {"search": search, "at": 1}}, [navigated])
    assert carried["state"] == answer[ids.STATE]["data"]
    assert client.get("/embed" + search).status_code == 200


def test_a_page_is_never_kept_for_another_reader(client):
    # Dash answers any path with the page, and the page carries its address's view: it is neither
    # kept by the server's compression (which keeps files under paths like /assets/) nor cached.
    gzip_headers = {"Accept-Encoding": "gzip"}
    first = client.get("/x/assets/y?q=aaaa", headers=gzip_headers)
    second = client.get("/x/assets/y?q=bbbb", headers=gzip_headers)
    assert b"?q=bbbb" in gzip.decompress(second.data) and b"?q=aaaa" not in gzip.decompress(second.data)
    assert first.headers["Cache-Control"] == second.headers["Cache-Control"] == "no-cache"


def test_a_plain_address_and_a_hostile_one_carry_nothing_that_runs(client):
    assert not FIRST_VIEW.search(client.get("/").get_data(as_text=True))
    page = client.get("/?q=%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E&themes=%26lt;").get_data(as_text=True)
    carried = FIRST_VIEW.search(page).group(1)
    assert "<" not in carried and ">" not in carried and "&" not in carried
    assert json.loads(carried)["state"]["filters"]["query"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in page
    # Dash fills in its page template's parts after the block is in: an address naming one stays
    # text (it put the page's scripts in the block, and ran the renderer again).
    for part in ("scripts", "renderer", "config", "app_entry"):
        page = client.get(f"/?q=%7B%25{part}%25%7D").get_data(as_text=True)
        carried = FIRST_VIEW.search(page).group(1)
        assert json.loads(carried)["state"]["filters"]["query"] == "{%" + part + "%}"
        assert "%" not in carried and page.count("new DashRenderer") == 1


def test_back_and_forward_open_the_address_they_come_to(app, client):
    navigated = f"{ids.ADDRESS_NAVIGATED}.data"
    values = {navigated: {"search": SHARED, "at": 1}, "url.search": "?q=stale"}
    response = call(app, client, STATE_DATA, values, [navigated])
    assert state_from_store(response[ids.STATE]["data"]) == SHARED_STATE


def test_the_address_bar_catching_up_changes_nothing(app, client):
    # The page's own changes of address do not reach the state: one answered late would undo a step.
    (key,) = [
        key for key, entry in app.callback_map.items() if "callback" in entry and key.startswith(f"..{ids.STATE}.")
    ]
    assert "url" not in {item["id"] for item in app.callback_map[key]["inputs"]}
    state = ViewState(FilterState(themes=("law", "alliance"), query="treaty"))
    navigated = f"{ids.ADDRESS_NAVIGATED}.data"
    values = {navigated: {"search": to_query(state), "at": 1}, STATE_DATA: state_to_store(state)}
    assert call(app, client, STATE_DATA, values, [navigated]) == {}  # 204: no update


def test_clicking_a_mark_selects_its_event(app, client):
    click = {"points": [{"customdata": ["police-reserve"]}]}
    values = {f"{ids.TIMELINE}.clickData": click, STATE_DATA: state_to_store(ViewState())}
    response = call(app, client, STATE_DATA, values, [f"{ids.TIMELINE}.clickData"])
    assert state_from_store(response[ids.STATE]["data"]).event == "police-reserve"


def test_of_changes_passed_on_together_the_one_that_is_an_action_is_answered(app, client):
    # Dash passes on the changes of one moment together: here the keyboard's store emptied (not an
    # action), listed first, and a row of the event list clicked.
    unclicked = f"{ids.KEY_SELECT}.data"
    row = f"{ids.ROW_CLICK}.data"
    values = {row: {"rowId": "police-reserve", "colId": "title"}, STATE_DATA: state_to_store(ViewState())}
    response = call(app, client, STATE_DATA, values, [unclicked, row])
    assert state_from_store(response[ids.STATE]["data"]).event == "police-reserve"
    assert call(app, client, STATE_DATA, values, [unclicked]) == {}  # alone: nothing to answer


def test_the_state_callback_names_nothing_that_comes_into_the_page_later(app, client):
    # A callback waiting on the server is dropped when one of its inputs comes into the page (a shared
    # link's state would be lost, and the chart would wait for it): the story buttons come with the
    # later filters, so their clicks reach sync_state through a store of the first layout.
    (sync_state,) = [
        item
        for item in client.get("/_dash-dependencies").get_json()
        if item["output"].startswith(f"..{ids.STATE}.data...")
    ]
    layout = json.dumps(client.get("/_dash-layout").get_json())
    for item in sync_state["inputs"]:
        assert not item["id"].startswith("{") and json.dumps(item["id"]) in layout, item
    started = f"{ids.STORY_CLICK}.data"
    values = {started: {"story": "grow", "clicks": 1}, STATE_DATA: state_to_store(ViewState())}
    state = state_from_store(call(app, client, STATE_DATA, values, [started])[ids.STATE]["data"])
    assert (state.story, state.step) == ("grow", 1)


def test_search_answers_with_a_bitmask_of_matching_rows(app, client, mini):
    state = ViewState(FilterState(query="forces"))
    response = call(app, client, f"{ids.MATCHES}.data", {STATE_DATA: state_to_store(state)}, [STATE_DATA])
    matches = response[ids.MATCHES]["data"]
    assert matches["query"] == "forces" and matches["total"] == len(mini.events)
    bits = np.unpackbits(np.frombuffer(base64.b64decode(matches["bits"]), dtype=np.uint8), bitorder="little")
    expected = filter_mask(mini, state.filters).to_numpy()
    assert 0 < expected.sum() < len(expected)
    assert bits[: len(expected)].astype(bool).tolist() == expected.tolist()
    # No search, or the same one again: no request answered.
    assert call(app, client, f"{ids.MATCHES}.data", {STATE_DATA: state_to_store(ViewState())}, [STATE_DATA]) == {}
    values = {STATE_DATA: state_to_store(state), f"{ids.MATCHES}.data": matches}
    assert call(app, client, f"{ids.MATCHES}.data", values, [STATE_DATA]) == {}
    # An answer the page holds for other data (a copy of the page kept from before the data changed)
    # is answered again, or the chart would wait for it for ever.
    values[f"{ids.MATCHES}.data"] = {**matches, "total": len(mini.events) + 1}
    assert call(app, client, f"{ids.MATCHES}.data", values, [STATE_DATA])[ids.MATCHES]["data"] == matches


def test_render_shows_the_list_and_details_of_the_state(app, client):
    state = ViewState(FilterState(themes=("forces",)), "self-defense-forces")
    response = call(app, client, f"{ids.LIST}.children", {STATE_DATA: state_to_store(state)}, [STATE_DATA])
    assert response[ids.DETAILS]["hidden"] is False
    body = json.dumps(response[ids.DETAILS + "-body"]["children"])
    assert "Self-Defense Forces" in body and "1 July 1954" in body
    assert response[ids.CHART_SUMMARY]["children"].startswith("4 events from 1950")
    response = call(app, client, f"{ids.LIST_TABLE}.rowData", {STATE_DATA: state_to_store(state)}, [STATE_DATA])
    rows = response[ids.LIST_TABLE]["rowData"]
    assert [row["id"] for row in rows] == ["korean-war", "police-reserve", "self-defense-forces", "budget-rise"]
    assert rows[0]["date"] == "25 June 1950 – 27 July 1953" and rows[0]["themes"] == "Region, Forces"
    assert response[ids.LIST_TABLE]["rowClassRules"] == {"selected-row": "params.data.id === 'self-defense-forces'"}


def test_the_grid_and_the_later_parts_are_put_in_when_the_page_asks_for_them(app, client, mini):
    layout = json.dumps(client.get("/_dash-layout").get_json())
    response = call(
        app, client, f"{ids.LIST_HOLDER}.children", {f"{ids.FIRST_DRAWN}.data": True}, [f"{ids.FIRST_DRAWN}.data"]
    )
    heading, hint, grid = response[ids.LIST_HOLDER]["children"]
    assert heading["props"]["id"] == "event-list-title" and "Choose a row" in hint["props"]["children"]
    props = grid["props"]
    assert props["id"] == ids.LIST_TABLE and props["rowData"] == []
    assert [column["field"] for column in props["columnDefs"]] == ["date", "title", "themes", "importance"]
    # The list's heading, the export choices, the chart's key and the upload control: not in the
    # first layout (the upload control's face is, with no id, aria-hidden), put in now.
    parts = (ids.LIST_HOLDER, ids.EXPORT_PANEL, ids.CHART_KEY, ids.UPLOAD_HOLDER)
    later = {part: json.dumps(response[part]["children"]) for part in parts}
    texts = ('"Events"', '"export-button"', "Keyboard help", '"Upload"')
    (control,) = response[ids.UPLOAD_HOLDER]["children"]
    assert control["props"]["id"] == ids.UPLOAD and control["props"]["max_size"] == Limits.from_environment().max_bytes
    assert "upload-drop upload-face" in layout
    for part, text in zip(parts, texts, strict=True):
        assert text in later[part] and text not in layout
    # Nor are the credits and the filter panel's lower part: show_dataset_parts puts
    # them in (next tests).
    assert mini.metadata.attribution not in layout and ids.FOOTER not in response
    drawn = f"{ids.FIRST_DRAWN}.data"
    filters = json.dumps(call(app, client, f"{ids.LATER_FILTERS}.children", {drawn: True}, [drawn]))
    assert "Reset all filters" in filters and "Reset all filters" not in layout


def later_controls(dataset) -> dict[tuple[str, str], dict]:
    """The controls of the filter panel's lower part, by (kind, index), with their props."""
    found = {}

    def walk(node):
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "to_plotly_json"):
            props = node.to_plotly_json()["props"]
            if isinstance(props.get("id"), dict):
                found[(props["id"]["type"], props["id"]["index"])] = props
            walk(props.get("children"))

    walk(later_filters(dataset))
    return found


def test_the_later_filters_come_in_empty_for_the_page_to_show_its_state(mini):
    # The page's controls callback (assets/timeline.js) shows the state in them as they come in; its
    # edit callback ignores them while they show the state it came with, or come with empty boxes.
    found = later_controls(mini)
    first, last = mini.year_bounds
    slider = found[(ids.YEARS, ids.ONE)]
    assert slider["value"] == [first, last] and (slider["min"], slider["max"]) == (first, last)
    assert found[(ids.YEAR_FROM, ids.ONE)]["value"] is None and found[(ids.YEAR_TO, ids.ONE)]["value"] is None
    pressed = {index: props["aria-pressed"] for (kind, index), props in found.items() if kind == ids.JUDGEMENT_CHOICE}
    assert pressed == {ids.ANY_JUDGEMENT: "true", "grow": "false", "pay": "false"}
    assert {index for kind, index in found if kind == ids.STORY_START} == {"grow", "pay"}
    assert (ids.RESET, ids.ONE) in found
    # A dataset without key judgements: no judgement or story buttons.
    kinds = {kind for kind, _ in later_controls(replace(mini, judgements=()))}
    assert kinds == {ids.YEARS, ids.YEAR_FROM, ids.YEAR_TO, ids.RESET}


@pytest.mark.parametrize("judgements", ["all", "without stories", "none"])
def test_the_room_kept_for_the_later_filters_counts_their_rows_of_buttons(mini, bundled, judgements):
    # style.css keeps room for one row per judgement button and per story button (the browser tests
    # check that the chart below does not move in a one-column page).
    for dataset in (mini, bundled):
        if judgements == "without stories":  # no event supports a judgement: no story to start
            dataset = replace(dataset, events=dataset.events.assign(judgements=[()] * len(dataset.events)))
            assert dataset.judgements and later_filters_rows(dataset)["--story-rows"] == "0"
        elif judgements == "none":
            dataset = replace(dataset, judgements=())
        kinds = [kind for kind, _ in later_controls(dataset)]
        rows = later_filters_rows(dataset)
        assert rows == {
            "--judgement-rows": str(kinds.count(ids.JUDGEMENT_CHOICE)),
            "--story-rows": str(kinds.count(ids.STORY_START)),
        }
        assert rows["--judgement-rows"] != "1"  # "Any" comes only with judgements to choose from


def test_the_credits_and_the_later_filters_go_in_with_the_later_parts_and_follow_the_dataset(
    app, client, mini, mini_path
):
    drawn, opened = f"{ids.FIRST_DRAWN}.data", f"{ids.DATASET}.data"
    response = call(app, client, f"{ids.LATER_FILTERS}.children", {drawn: True, opened: None}, [drawn])
    credits = json.dumps(response[ids.FOOTER]["children"])
    assert mini.metadata.attribution in credits and "Made with Alliance Timeline." in credits
    assert "Key judgement" in json.dumps(response[ids.LATER_FILTERS]["children"])
    # A file opened in the page: its own credits (it has none) and filters (no key judgements),
    # whichever input came last.
    content = "data:text/csv;base64," + base64.b64encode((mini_path / "events.csv").read_bytes()).decode()
    stored = {"name": "events.csv", "content": content}
    response = call(app, client, f"{ids.LATER_FILTERS}.children", {drawn: True, opened: stored}, [opened])
    credits = json.dumps(response[ids.FOOTER]["children"])
    assert mini.metadata.attribution not in credits and "Made with Alliance Timeline." in credits
    assert "Key judgement" not in json.dumps(response[ids.LATER_FILTERS]["children"])


def test_the_first_layout_shows_each_themes_count_of_events(client, mini):
    # The page leaves the counts alone where they are right already (assets/timeline.js, controls).
    layout = client.get("/_dash-layout").get_json()
    counts = {}

    def walk(node):
        if isinstance(node, dict):
            found = node.get("props", {}).get("id")
            if isinstance(found, dict) and found.get("type") == "theme-toggle":
                counts[found["index"]] = node["props"]["data-count"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(layout)
    assert counts == {theme: str(count) for theme, count in theme_counts(mini, FilterState()).items()}


@pytest.mark.parametrize("prefix", ["/", "/ja/"])
def test_every_id_a_callback_names_is_in_the_page_or_its_later_parts(client, mini, prefix):
    # Dash's own check is off (the grid and other parts come in later), so this one stands in for it.
    def component_ids(node):
        if isinstance(node, dict):
            if "props" in node and "id" in node["props"]:
                found = node["props"]["id"]
                yield json.dumps(found, sort_keys=True) if isinstance(found, dict) else found
            for value in node.values():
                yield from component_ids(value)
        elif isinstance(node, list):
            for value in node:
                yield from component_ids(value)

    def pattern(item_id):
        # A pattern id ({"type": ..., "index": ["ALL"]}, as JSON) stands for the ids of that type.
        return json.loads(item_id)["type"] if item_id.startswith("{") else item_id

    layout = client.get(prefix + "_dash-layout").get_json()
    later = json.loads(json.dumps([later_parts(Limits()), later_filters(mini)], cls=PlotlyJSONEncoder))
    present = {pattern(item_id) for item_id in component_ids([layout, later])}
    named = set()
    for callback in client.get(prefix + "_dash-dependencies").get_json():
        for part in callback["output"].strip(".").split("..."):
            item_id = part.split("@")[0].rsplit(".", 1)[0]
            named.add(pattern(item_id))
        named |= {pattern(item["id"]) for item in callback["inputs"] + callback["state"]}
    assert len(named) > 30
    assert named - present == set()


@pytest.mark.parametrize("prefix", ["/", "/ja/"])
def test_the_page_names_where_its_dataset_is_and_the_server_serves_it_there(client, mini, prefix):
    def stores(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == ids.CHART_DATA:
                yield node["props"]["data"]
            for value in node.values():
                yield from stores(value)
        elif isinstance(node, list):
            for value in node:
                yield from stores(value)

    # The layout stays small: it says where the chart data is, and the page fetches it as it starts.
    (stored,) = stores(client.get(prefix + "_dash-layout").get_json())
    assert stored == {"href": prefix + "_chart-data.json"}
    data = client.get(stored["href"]).get_json()
    assert data["events"]["id"] == mini.events["id"].tolist() and data["lang"] == ("ja" if "ja" in prefix else "en")
    assert data["total"] == len(mini.events) and [lane["id"] for lane in data["lanes"]] == [t.id for t in mini.themes]
    packed = client.get(stored["href"], headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip" and json.loads(gzip.decompress(packed.data)) == data
    again = client.get(stored["href"], headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["ETag"]})
    assert again.status_code == 304 and not again.data


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_chart_data_text_encoded_column_by_column_is_the_payload(mini, lang):
    text = chart_payload_json(mini, lang)
    assert len(json.loads(text)["events"]["hover"]) == len(mini.events)
    # The payload, compact and ASCII only (one byte per character in Python), keys in its order.
    assert text == json.dumps(chart_payload(mini, lang), ensure_ascii=True, separators=(",", ":"))


def test_store_round_trip():
    state = ViewState(FilterState(themes=("a",), start=1, end=2, query="q", judgement="j"), "e", "-title")
    assert state_from_store(json.loads(json.dumps(state_to_store(state)))) == state
    assert state_from_store(None) == ViewState()


def test_resolve_action():
    assert resolve_action(None, None, None) is None  # no control to answer
    assert resolve_action(ids.ADDRESS_NAVIGATED, {"search": ""}, None) == (Action.OPEN_URL, None)
    assert resolve_action(ids.SEARCH, "x", None) == (Action.EDIT_FILTERS, None)
    clicked = {"rowId": "korean-war", "colId": "title", "value": "Korean War"}
    assert resolve_action(ids.ROW_CLICK, clicked, None) == (Action.SELECT_EVENT, "korean-war")
    assert resolve_action(ids.ROW_CLICK, None, None) is None
    click = {"points": [{"customdata": ["korean-war", "Korean War", "1950", ""]}]}
    assert resolve_action(ids.TIMELINE, click, click) == (Action.SELECT_EVENT, "korean-war")
    assert resolve_action(ids.TIMELINE, {"points": [{}]}, {"points": [{}]}) is None
    assert resolve_action("something-else", 1, None) is None


def test_health_endpoint(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json()["events"] == 8
