/* Alliance Timeline: filtering and drawing the timeline in the browser.
 *
 * The server sends a dataset once as compact columns (dashboard/chart_data.py); from then on a
 * filter click is answered here, with no request: the new view state, the filter controls, the
 * URL, the summary and the figure. Search is the one filter the server answers (a bitmask of the
 * matching events), since it needs the full text.
 *
 * The figure is the one dashboard/figures.py builds in Python for exports: same traces, same
 * level of detail (past a budget of marks, the less important events are counted per lane and
 * year, and the chart says so), same era labels. A browser test checks that the two agree.
 *
 * AllianceTimeline holds the pure functions; dash_clientside.timeline wires them to Dash.
 */
(function () {
  "use strict";

  var DAY = 86400000;
  var FONT_SIZE = 13;  // the chart's font size, as in figures.timeline_figure
  var DEFAULT_STATE = {
    filters: { themes: null, start: null, end: null, query: "", judgement: null },
    event: null, sort: "date", story: null, step: 1
  };
  var prepared = new WeakMap();

  function pad(number, width) {
    var text = String(Math.abs(number));
    while (text.length < width) { text = "0" + text; }
    return (number < 0 ? "-" : "") + text;
  }

  function isoDay(day) {
    var date = new Date(day * DAY);
    return pad(date.getUTCFullYear(), 4) + "-" + pad(date.getUTCMonth() + 1, 2) + "-" + pad(date.getUTCDate(), 2);
  }

  function dayOf(text) {
    return Math.floor(Date.parse(String(text).slice(0, 10) + "T00:00:00Z") / DAY);
  }

  function columns(data) {
    // Typed copies of the columns, made once per dataset.
    var ready = prepared.get(data);
    if (ready) { return ready; }
    var events = data.events;
    ready = {
      n: events.id.length,
      x: Int32Array.from(events.x),
      start: Int32Array.from(events.start),
      last: Int32Array.from(events.last),
      startYear: Int32Array.from(events.startYear),
      lastYear: Int32Array.from(events.lastYear),
      importance: Uint8Array.from(events.importance),
      period: Uint8Array.from(events.period),
      index: null
    };
    prepared.set(data, ready);
    return ready;
  }

  /* The server's own dataset is a file of its own (routes.serve_chart_data), fetched as soon as this
   * script runs, beside Dash's start-up: the store only says where it is ({href}). */
  var served = { href: null, data: null, ready: null };
  function fetchServed(href) {
    var loading = { href: href, data: null, ready: null };
    loading.ready = fetch(href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) { loading.data = data; })
      .catch(function (error) { console.error("The timeline's data did not load from " + href + ": " + error.message); });
    served = loading;
  }
  (function fetchAtStart() {
    var config = document.getElementById("_dash-config");
    if (!config || typeof fetch !== "function") { return; }  // not the app's page (tests, exports)
    // The page's path and chart_data.CHART_DATA_FILE: what the layout's store will name, known sooner.
    fetchServed((JSON.parse(config.textContent).requests_pathname_prefix || "/") + "_chart-data.json");
  })();

  /* A callback of the chart data (argument ``position``) that Dash may call before the server's
   * dataset has arrived: it then answers once it has (Dash waits for a returned promise). */
  function withData(callback, position) {
    return function () {
      var args = arguments;
      var stored = args[position];
      if (!stored || typeof stored.href !== "string") { return callback.apply(null, args); }
      if (served.href !== stored.href) { fetchServed(stored.href); }
      if (served.data) { return callback.apply(null, args); }
      var context = clientside.callback_context;  // Dash's, for this call only
      return served.ready.then(function () {
        clientside.callback_context = context;
        try { return callback.apply(null, args); } finally { delete clientside.callback_context; }
      });
    };
  }

  var parsed = { text: null, data: null };
  function payload(stored) {
    if (stored && typeof stored.href === "string") { return served.href === stored.href ? served.data : null; }
    // An opened file's data is in the store, as JSON text (lighter for the server); parsed once.
    if (typeof stored !== "string") { return stored; }
    if (parsed.text !== stored) { parsed = { text: stored, data: JSON.parse(stored) }; }
    return parsed.data;
  }

  function stateOf(stored) {
    return stored && stored.filters ? stored : DEFAULT_STATE;
  }

  function hasTerms(query) {
    return /\S/.test(query || "");
  }

  // Each search answer's bitmask, decoded once. Kept apart from the answer, which is the matches
  // store's value: Dash sends that value with every call that names the store (callbacks.search).
  var decodedBits = new WeakMap();

  function matchBits(data, filters, matches) {
    // The search bitmask for these filters: null when there is no search, undefined while it is on its way.
    if (!hasTerms(filters.query)) { return null; }
    if (!matches || matches.query !== filters.query || matches.total !== data.total) { return undefined; }
    if (!decodedBits.has(matches)) {
      var raw = atob(matches.bits);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
      decodedBits.set(matches, bytes);
    }
    return decodedBits.get(matches);
  }

  function laneFlags(data, themes) {
    // One flag per lane: shown or not (every lane when themes is null).
    return data.lanes.map(function (lane) { return themes == null || themes.indexOf(lane.id) >= 0; });
  }

  /* The events passing every filter, as a 0/1 mask over the dataset's rows (filters.filter_mask). */
  function filterMask(data, filters, bits, ignoreThemes) {
    var cols = columns(data);
    var events = data.events;
    var mask = new Uint8Array(cols.n);
    var flags = filters.themes != null && !ignoreThemes ? laneFlags(data, filters.themes) : null;
    var judgement = filters.judgement ? data.judgements.indexOf(filters.judgement) : null;
    for (var i = 0; i < cols.n; i++) {
      if (filters.start != null && cols.lastYear[i] < filters.start) { continue; }
      if (filters.end != null && cols.startYear[i] > filters.end) { continue; }
      if (bits && !(bits[i >> 3] & (1 << (i & 7)))) { continue; }
      if (judgement !== null && events.judgements[i].indexOf(judgement) < 0) { continue; }
      if (flags) {
        var themes = events.themes[i], any = false;
        for (var t = 0; t < themes.length; t++) { if (flags[themes[t]]) { any = true; break; } }
        if (!any) { continue; }
      }
      mask[i] = 1;
    }
    return mask;
  }

  /* Per lane, how many events would show if it were selected, given the other filters. */
  function themeCounts(data, filters, bits) {
    var mask = filterMask(data, filters, bits, true);
    var counts = data.lanes.map(function () { return 0; });
    for (var i = 0; i < mask.length; i++) {
      if (!mask[i]) { continue; }
      var themes = data.events.themes[i];
      for (var t = 0; t < themes.length; t++) { counts[themes[t]] += 1; }
    }
    return counts;
  }

  /* Which filtered events are drawn one by one, which counted (detail.plan_detail). */
  function planDetail(data, rows, flags, windowDays, maxMarks) {
    var cols = columns(data);
    var themes = data.events.themes;
    var marks = new Int32Array(rows.length), visible = new Uint8Array(rows.length);
    var total = 0;
    rows.forEach(function (row, k) {
      var count = 0;
      for (var t = 0; t < themes[row].length; t++) { if (flags[themes[row][t]]) { count += 1; } }
      marks[k] = count;
      visible[k] = !windowDays || (cols.last[row] >= windowDays[0] && cols.start[row] <= windowDays[1]) ? 1 : 0;
      if (visible[k]) { total += count; }
    });
    var level = null;
    if (total > maxMarks) {
      level = 3;
      for (var candidate = 2; candidate <= 3; candidate++) {
        var sum = 0;
        for (var k = 0; k < rows.length; k++) {
          if (visible[k] && cols.importance[rows[k]] >= candidate) { sum += marks[k]; }
        }
        if (sum <= maxMarks) { level = candidate; break; }
      }
    }
    var shown = [], counted = [];
    rows.forEach(function (row, k) {
      var chosen = visible[k] && (level === null || cols.importance[row] >= level);
      (chosen ? shown : counted).push(row);
    });
    return { shown: shown, counted: counted, minImportance: level };
  }

  function escapeLabel(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function thousands(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /* Marks of one lane closer than a bucket (detail.merge_marks): one mark each, at its most
   * important event (the first of them on a tie); buckets in time order. */
  function mergeMarks(cols, rows, merge) {
    var byBucket = new Map();
    rows.forEach(function (row) {
      var bucket = Math.floor((cols.x[row] - merge.start) / merge.width);
      var group = byBucket.get(bucket);
      if (!group) { byBucket.set(bucket, { bucket: bucket, lead: row, count: 1 }); return; }
      group.count += 1;
      if (cols.importance[row] > cols.importance[group.lead]) { group.lead = row; }
    });
    return Array.from(byBucket.values()).sort(function (a, b) { return a.bucket - b.bucket; });
  }

  /* Spans of one lane joined where they overlap or nearly touch (detail.merge_spans). */
  function mergeSpans(spans, width) {
    spans.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var joined = [];
    spans.forEach(function (span) {
      var open = joined[joined.length - 1];
      if (open && span[0] - open[1] <= width) { open[1] = Math.max(open[1], span[1]); } else { joined.push([span[0], span[1]]); }
    });
    return joined;
  }

  /* A lane's marks and periods, added to the marks trace and the periods of every lane
   * (figures._lane_marks, _lane_spans). */
  function addLane(data, lane, laneNumber, rows, merge, marks, periods) {
    var cols = columns(data);
    var events = data.events;
    var sizes = data.style.sizes;
    var spans = [];
    rows.forEach(function (row) { if (cols.period[row]) { spans.push([cols.start[row], cols.last[row]]); } });
    if (merge) { spans = mergeSpans(spans, merge.width); }
    spans.forEach(function (span) { periods.push({ lane: lane, first: span[0], last: span[1] }); });
    var groups = merge ? mergeMarks(cols, rows, merge) : rows.map(function (row) { return { lead: row, count: 1 }; });
    var marker = marks.marker;
    groups.forEach(function (group) {
      var row = group.lead;
      var primary = events.themes[row][0] === laneNumber;
      marks.x.push(isoDay(cols.x[row]));
      marks.y.push(lane.label);
      marker.color.push(lane.color);
      marker.size.push(sizes[String(cols.importance[row])]);
      marker.symbol.push(primary ? lane.symbol : lane.symbol + "-open");
      marker.line.width.push(primary ? 1 : 2.5);
      marker.line.color.push(primary ? "#ffffff" : lane.color);
      marks.customdata.push([events.id[row]]);
      marks.hovertext.push(group.count > 1
        ? events.hover[row] + "<br><i>" + escapeLabel(data.text.merged.replace("{count}", thousands(group.count - 1))) + "</i>"
        : events.hover[row]);
      marks.meta.lane.push(lane.id);
      if (merge) { marks.meta.merged.push(group.count); }
    });
  }

  /* Every lane's periods as one trace of bars in their lanes' colours, SPAN_PX thick (lanePx: the
   * pixels between two lanes), or nothing (figures._add_spans). */
  var SPAN_PX = 7, DAY_MS = 86400000;
  function spansTrace(periods, lanePx) {
    return {
      type: "bar", orientation: "h",
      y: periods.map(function (bar) { return bar.lane.label; }),
      base: periods.map(function (bar) { return isoDay(bar.first); }),
      x: periods.map(function (bar) { return (bar.last - bar.first) * DAY_MS; }),
      width: SPAN_PX / lanePx,
      marker: { color: periods.map(function (bar) { return bar.lane.color; }), line: { width: 0 } },
      opacity: 0.45, hoverinfo: "skip", name: "Periods", uid: "spans",
      meta: { role: "spans", lane: periods.map(function (bar) { return bar.lane.id; }) }
    };
  }

  function marksTrace(data, merge) {
    var meta = { role: "events", lane: [] };
    if (merge) { meta.merged = []; }
    return {
      type: "scatter", x: [], y: [], mode: "markers", name: "Events",
      marker: { color: [], opacity: 1, size: [], symbol: [], line: { width: [], color: [] } },
      customdata: [], hovertext: [], hovertemplate: data.style.hoverTemplate, uid: "events", meta: meta
    };
  }

  /* Counted events per lane and year, as one faint band behind the lanes (figures._add_counts). */
  function countTrace(data, plan, laneNumbers) {
    var cols = columns(data);
    var first = Infinity, last = -Infinity;
    plan.counted.forEach(function (row) {
      first = Math.min(first, cols.startYear[row]);
      last = Math.max(last, cols.startYear[row]);
    });
    var position = new Map(laneNumbers.map(function (number, k) { return [number, k]; }));
    var grid = laneNumbers.map(function () { return new Array(last - first + 1).fill(0); });
    plan.counted.forEach(function (row) {
      data.events.themes[row].forEach(function (number) {
        if (position.has(number)) { grid[position.get(number)][cols.startYear[row] - first] += 1; }
      });
    });
    var edges = [];
    for (var year = first; year <= last + 1; year++) { edges.push(pad(year, 4) + "-01-01"); }
    return {
      type: "heatmap", x: edges, y: laneNumbers.map(function (number) { return data.lanes[number].label; }),
      z: grid.map(function (counts) { return counts.map(function (count) { return count || null; }); }),
      hovertext: grid.map(function (counts) {
        return counts.map(function (count, k) {
          return count ? escapeLabel(data.text.counted.replace("{count}", thousands(count)).replace("{year}", first + k)) : null;
        });
      }),
      hovertemplate: "%{hovertext}<extra></extra>", hoverongaps: false, showscale: false, zmin: 0,
      colorscale: data.style.countColors, ygap: data.style.countGap,
      name: data.text.countedName, uid: "counts",
      meta: { role: "counts", lanes: laneNumbers.map(function (number) { return data.lanes[number].id; }), counts: grid }
    };
  }

  /* Under the chart, what it does not draw one by one: counted events, merged marks (figures._add_detail_note). */
  function addDetailNote(data, layout, plan, filteredTotal, merged) {
    var sentences = [];
    if (plan.counted.length) {
      var level = { 2: "all notable and major events", 3: "all major events" }[plan.minImportance] || "every event";
      sentences.push("Drawn one by one: " + thousands(plan.shown.length) + " of " + thousands(filteredTotal) +
        " events (" + level + " in view). Grey bands count the other " + thousands(plan.counted.length) +
        " per year: zoom in or filter to see them.");
    }
    if (merged) { sentences.push(data.text.mergedNote); }
    layout.annotations.push({
      text: sentences.map(escapeLabel).join("<br>"),
      xref: "paper", yref: "paper", x: 0, y: 0, yanchor: "top", yshift: -data.style.timeLabels, name: "detail-note",
      xanchor: "left", align: "left", showarrow: false,
      font: { size: 12, color: "#52606d" }
    });
  }

  function timeRange(cols, rows) {
    // From the first to the last day covered, with a margin either side (figures.time_range).
    var first = Infinity, last = -Infinity;
    rows.forEach(function (row) {
      if (cols.start[row] < first) { first = cols.start[row]; }
      if (cols.last[row] > last) { last = cols.last[row]; }
    });
    var margin = Math.max((last - first) * 0.03, 120);
    return [isoDay(Math.floor(first - margin)), isoDay(Math.floor(last + margin))];
  }

  function addEras(data, layout, xRange, plotWidth) {
    // Shade each era; returns its labels, in as few rows as fit (figures._add_eras).
    var style = data.style;
    var axisStart = dayOf(xRange[0]), axisEnd = dayOf(xRange[1]);
    var axisDays = Math.max(axisEnd - axisStart, 1);
    var rowEnds = [], labels = [];
    data.eras.forEach(function (era) {
      layout.shapes.push({
        fillcolor: era.fill, layer: "below", line: { width: 0 }, type: "rect",
        x0: isoDay(era.start), x1: isoDay(era.end), xref: "x", y0: 0, y1: 1, yref: "y domain"
      });
      if (era.end < axisStart || era.start > axisEnd) { return; }
      var width = era.length * style.eraCharPx / plotWidth;  // as fractions of the axis
      var startAt = (era.start - axisStart) / axisDays, endAt = (era.end - axisStart) / axisDays;
      var left = Math.max(startAt, 0);
      var rightAligned = left + width > 1;
      if (rightAligned) { left = endAt - width; }
      // A row keeps what answers each label's hover (the label and its era) apart from the next.
      var rowLeft = Math.max(Math.min(left, startAt), 0);
      var row = rowEnds.findIndex(function (taken) { return taken <= rowLeft; });
      if (row < 0) { row = rowEnds.length; rowEnds.push(0); }
      rowEnds[row] = Math.max(left + width + 0.01, endAt);
      // What answers hover: the label's room (in whole days) and its era.
      var room = Math.floor(width * axisDays);
      var labelFirst = rightAligned ? era.end - room : Math.max(era.start, axisStart);
      var first = Math.min(labelFirst, era.start), last = Math.max(labelFirst + room, era.end);
      labels.push({
        x: rightAligned ? isoDay(era.end) : isoDay(Math.max(era.start, axisStart)) + "T00:00:00",
        row: row, rightAligned: rightAligned, text: era.label, hover: era.hover,
        first: isoDay(first), days: last - first
      });
    });
    return labels;
  }

  /* The era labels as one trace of text in the plot's top strip, above the lanes (lanesPx high), on
   * the hidden axis y2 that counts pixels up from the plot's bottom, and a trace of transparent bars
   * under them that tells each era's name and dates wherever its label is hovered
   * (figures._add_era_labels). */
  function eraLabelTraces(data, labels, lanesPx) {
    var rowPx = data.style.eraRow, color = data.style.eraColor;
    var rows = labels.map(function (label) { return lanesPx + rowPx * (label.row + 0.5); });
    return [{
      type: "scatter", mode: "text", yaxis: "y2", cliponaxis: false, showlegend: false,
      x: labels.map(function (label) { return label.x; }),
      y: rows,
      text: labels.map(function (label) { return label.text; }),
      textposition: labels.map(function (label) { return label.rightAligned ? "middle left" : "middle right"; }),
      textfont: { size: 11, color: color }, hoverinfo: "skip", name: "Eras", uid: "eras", meta: { role: "eras" }
    }, {
      type: "bar", orientation: "h", yaxis: "y2", y: rows, width: rowPx,
      base: labels.map(function (label) { return label.first; }),
      x: labels.map(function (label) { return label.days * DAY; }),
      marker: { color: "rgba(0, 0, 0, 0)", line: { width: 0 } },
      hovertext: labels.map(function (label) { return label.hover; }), hovertemplate: data.style.hoverTemplate,
      hoverlabel: { bgcolor: color, bordercolor: color, font: { color: "#ffffff" } },
      showlegend: false, name: "Eras", uid: "era-hover", meta: { role: "era-hover" }
    }];
  }

  /* The timeline figure of a view (figures.timeline_figure); undefined while a search is on its way.
   * SVG throughout: merging marks that would overlap keeps any view to 1,000 marks, or 111 per lane.
   * plotWidth: the plot's width in pixels, which the era labels are laid out for (style.plotPx when
   * not given). */
  function buildFigure(data, stored, zoom, matches, plotWidth) {
    var state = stateOf(stored);
    var filters = state.filters;
    var bits = matchBits(data, filters, matches);
    if (bits === undefined) { return undefined; }
    var cols = columns(data);
    var mask = filterMask(data, filters, bits, false);
    var rows = [];
    for (var i = 0; i < mask.length; i++) { if (mask[i]) { rows.push(i); } }
    var flags = laneFlags(data, filters.themes);
    var laneNumbers = [];
    flags.forEach(function (shown, number) { if (shown) { laneNumbers.push(number); } });
    var windowDays = zoom ? [dayOf(zoom[0]), dayOf(zoom[1])] : null;
    var plan = planDetail(data, rows, flags, windowDays, data.style.maxMarks);
    var thinned = plan.counted.length > 0;
    var layout = { annotations: [], shapes: [] };
    var traces = [];
    var marks = 0;
    plan.shown.forEach(function (row) {
      data.events.themes[row].forEach(function (number) { if (flags[number]) { marks += 1; } });
    });
    var everyRow = rows.length ? rows : Array.from({ length: cols.n }, function (_, row) { return row; });
    var xRange = zoom ? [zoom[0], zoom[1]] : timeRange(cols, everyRow);
    var axisStart = dayOf(xRange[0]);
    // As many buckets as marks of the smallest size drawn fit across the chart (detail.merge_buckets).
    var buckets = Math.max(1, Math.round(data.style.mergeChartPx / data.style.sizes[String(plan.minImportance || 1)]));
    var merge = marks > data.style.mergeMarks
      ? { start: axisStart, width: Math.max(dayOf(xRange[1]) - axisStart, 1) / buckets } : null;
    var marksOfLanes = marksTrace(data, merge);
    var periods = [];
    laneNumbers.forEach(function (number) {
      var inLane = plan.shown.filter(function (row) { return data.events.themes[row].indexOf(number) >= 0; });
      addLane(data, data.lanes[number], number, inLane, merge, marksOfLanes, periods);
    });
    traces.push(marksOfLanes);
    if (thinned) { traces.push(countTrace(data, plan, laneNumbers)); }
    if (thinned || merge) { addDetailNote(data, layout, plan, rows.length, merge !== null); }
    var selected = state.event != null ? rows.find(function (row) { return data.events.id[row] === state.event; }) : undefined;
    if (selected !== undefined) {
      var shownLanes = data.events.themes[selected].filter(function (number) { return flags[number]; });
      traces.push({
        type: "scatter",
        x: shownLanes.map(function () { return isoDay(cols.x[selected]); }),
        y: shownLanes.map(function (number) { return data.lanes[number].label; }),
        mode: "markers", marker: { size: 30, symbol: "circle-open", color: "#111827", line: { width: 3 } },
        hoverinfo: "skip", name: "Selected event", uid: "selection", meta: { role: "selection", event: state.event }
      });
    }
    var eraLabels = data.eras.length ? addEras(data, layout, xRange, plotWidth || data.style.plotPx) : [];
    var labels = laneNumbers.map(function (number) { return data.lanes[number].label; });
    var font = data.style.font;
    // The plot's top strip holds the era labels, a row each; the lanes share what is below it. The
    // chart grows by any row past two, and by the notes under it (figures.timeline_figure).
    var eraRows = eraLabels.reduce(function (most, label) { return Math.max(most, label.row + 1); }, 0);
    var notes = (thinned ? 1 : 0) + (merge ? 1 : 0);
    var height = Math.max(310, 120 + 62 * labels.length) + data.style.eraRow * Math.max(eraRows - 2, 0) + data.style.notePx * notes;
    var top = data.style.topMargin, bottom = data.style.timeLabels + data.style.notePx * notes;
    var plotPx = height - top - bottom;
    var lanesPx = plotPx - data.style.eraRow * eraRows;
    var lanePx = lanesPx / (labels.length + 0.2);
    if (periods.length) { traces.push(spansTrace(periods, lanePx)); }
    if (eraLabels.length) { traces.push.apply(traces, eraLabelTraces(data, eraLabels, lanesPx)); }
    Object.assign(layout, {
      template: data.style.template,
      font: { family: font, size: FONT_SIZE, color: "#1f2933" },
      height: height,
      margin: { l: data.style.leftMargin, r: data.style.rightMargin, t: top, b: bottom },
      showlegend: false, hovermode: "closest", hoverlabel: { font: { family: font } }, dragmode: "zoom",
      uirevision: (filters.start == null ? "None" : filters.start) + "-" + (filters.end == null ? "None" : filters.end),
      meta: { thinned: thinned, drawn: plan.shown.length, counted: plan.counted.length, merged: merge !== null },
      xaxis: { type: "date", range: xRange, showgrid: true, gridcolor: "#e4e7eb", title: {}, ticklabeloverflow: "allow", automargin: false },
      yaxis: {
        type: "category", categoryorder: "array", categoryarray: labels.slice().reverse(),
        range: [-0.6, labels.length - 0.4 + (plotPx - lanesPx) / lanePx], fixedrange: true,
        ticklabelposition: "inside", ticklabelshift: -Math.floor(Math.min(data.style.laneNameRise, lanePx / 2)), ticklabeloverflow: "allow",
        tickfont: { size: 12, color: data.style.laneNameColor }, automargin: false, title: {}
      },
      yaxis2: { overlaying: "y", range: [0, plotPx], visible: false, fixedrange: true }
    });
    if (!rows.length) {
      layout.annotations.push({
        text: data.text.empty, xref: "paper", yref: "paper", x: 0.5, y: 0.5, showarrow: false,
        font: { size: 16, color: "#52606d" }
      });
    }
    return { figure: { data: traces, layout: layout }, shown: rows.length, thinned: thinned, merged: merge !== null };
  }

  /* The filters normalised against the dataset (filters.normalise). */
  function normalise(data, filters) {
    var first = data.years[0], last = data.years[1];
    var themes = filters.themes;
    if (themes != null) {
      var known = data.lanes.map(function (lane) { return lane.id; });
      themes = known.filter(function (id) { return themes.indexOf(id) >= 0; });
      if (themes.length === known.length) { themes = null; }
    }
    var start = filters.start == null || filters.start <= first ? null : Math.min(filters.start, last);
    var end = filters.end == null || filters.end >= last ? null : Math.max(filters.end, first);
    if (start != null && end != null && start > end) { var swap = start; start = end; end = swap; }
    var judgement = filters.judgement && data.judgements.indexOf(filters.judgement) >= 0 ? filters.judgement : null;
    return { themes: themes, start: start, end: end, query: String(filters.query || "").trim(), judgement: judgement };
  }

  /* The years the controls show for some filters: the dataset's bounds where they are open. */
  function yearsOf(data, filters) {
    return [filters.start == null ? data.years[0] : filters.start, filters.end == null ? data.years[1] : filters.end];
  }

  /* A component's id from its DOM id: a pattern id's is JSON (ids.dom_id); null when unreadable. */
  function idOf(domId) {
    var id = String(domId || "");
    if (id.charAt(0) !== "{") { return id; }
    try { return JSON.parse(id); } catch (error) { return null; }
  }

  /* The id in one of Dash's "id.property" names of a change. */
  function triggerOf(propId) {
    var name = String(propId || "");
    return idOf(name.slice(0, Math.max(name.lastIndexOf("."), 0)));
  }

  /* What kind of control a trigger is: its id, or its type for a pattern id (ids.later_control). */
  function kindOf(trigger) {
    return trigger && typeof trigger === "object" ? trigger.type : trigger;
  }

  /* The zoom after a filter edit: a change of years or a reset shows the whole range again. */
  function zoomAfter(before, next, trigger, zoom) {
    var yearsChanged = next.filters.start !== before.filters.start || next.filters.end !== before.filters.end;
    var reset = kindOf(trigger) === "reset-filters" || trigger === "empty-state-reset";
    return yearsChanged || reset ? null : zoom;
  }

  function yearOf(value, bound) {
    return typeof value === "number" && isFinite(value) ? Math.trunc(value) : bound;
  }

  var YEAR_KINDS = ["year-filter", "year-from", "year-to"];
  var VALUE_KINDS = YEAR_KINDS.concat(["search-filter"]);
  var BUTTON_KINDS = ["theme-toggle", "judgement-choice", "theme-filter-all", "theme-filter-none", "reset-filters",
    "empty-state-reset"];

  /* The state after a filter control was used (interaction.next_state); null to ignore it. */
  function editFilters(data, stored, trigger, value, years, query) {
    var state = stateOf(stored);
    var current = state.filters;
    var allThemes = data.lanes.map(function (lane) { return lane.id; });
    var themes = current.themes == null ? allThemes : current.themes;
    years = years || [];
    var controls = {
      themes: themes, start: yearOf(years[0], data.years[0]), end: yearOf(years[1], data.years[1]),
      query: query || "", judgement: current.judgement
    };
    var type = kindOf(trigger);
    if (BUTTON_KINDS.indexOf(type) >= 0 && !value) { return null; }  // a button just drawn, not clicked
    if (type === "theme-toggle" || type === "judgement-choice") {
      if (type === "theme-toggle") {
        controls.themes = themes.indexOf(trigger.index) >= 0
          ? themes.filter(function (id) { return id !== trigger.index; }) : themes.concat([trigger.index]);
      } else {
        controls.judgement = trigger.index === "any" ? null : trigger.index;
      }
    } else if (type === "theme-filter-all") {
      controls.themes = null;
    } else if (type === "theme-filter-none") {
      controls.themes = [];
    } else if (type === "reset-filters" || type === "empty-state-reset") {
      return DEFAULT_STATE;
    } else if (VALUE_KINDS.indexOf(type) < 0) {
      return null;
    }
    return Object.assign({}, state, { filters: normalise(data, controls) });
  }

  /* The state after the filter controls' changes that Dash passes on together (the later filters
   * coming into the page and a click, say), each applied in turn, and the last that changed it;
   * null when none did. Each change takes its own control's value from the page and every other
   * filter from the state. years, yearFrom and yearTo are the year controls' values, as lists of
   * one (none before the later filters are in); query is the search box's. */
  function editChanges(data, stored, changes, years, yearFrom, yearTo, query) {
    var before = stateOf(stored), state = before, trigger = null;
    // Year controls that have just come into the page, the slider with its boxes empty
    // (layout.later_filters), until controls shows the state in them: nothing was edited.
    var kinds = changes.map(function (change) { return kindOf(triggerOf(change.prop_id)); });
    var arriving = kinds.indexOf("year-filter") >= 0 && changes.some(function (change, position) {
      return kinds[position] === "year-from" && change.value == null;
    });
    changes.forEach(function (change, position) {
      var id = triggerOf(change.prop_id), kind = kinds[position];
      if (arriving && YEAR_KINDS.indexOf(kind) >= 0) { return; }
      var edit = function (from) {
        var fromInputs = kind === "year-from" || kind === "year-to";
        var shown = fromInputs ? [(yearFrom || [])[0], (yearTo || [])[0]]
          : kind === "year-filter" ? (years || [])[0] : yearsOf(data, from.filters);
        return editFilters(data, from, id, change.value, shown, kind === "search-filter" ? query : from.filters.query);
      };
      var edited = edit(state);
      // A year control or the search box showing the state the call came with changed nothing (one
      // coming into the page, shown that state by controls, say): after a reset passed on with it,
      // it must not bring that state back. (Before any change, the test below says as much.)
      if (state !== before && VALUE_KINDS.indexOf(kind) >= 0) {
        var shownBefore = edit(before);
        if (shownBefore === null || same(shownBefore, before)) { return; }
      }
      if (edited !== null && !same(edited, state)) { state = edited; trigger = id; }
    });
    return trigger === null ? null : { state: state, trigger: trigger };
  }

  function same(a, b) {
    return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
  }

  function canonical(value) {
    if (Array.isArray(value)) { return value.map(canonical); }
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).sort().forEach(function (key) {
        if (key !== "source") { out[key] = canonical(value[key]); }
      });
      return out;
    }
    return value === undefined ? null : value;
  }

  /* The URL query of a state (urlstate.to_query: Python's urlencode, commas kept). */
  function toQuery(stored) {
    var state = stateOf(stored);
    var filters = state.filters;
    var params = [];
    if (filters.themes != null) { params.push(["themes", filters.themes.join(",")]); }
    if (filters.start != null) { params.push(["from", String(filters.start)]); }
    if (filters.end != null) { params.push(["to", String(filters.end)]); }
    if (filters.query) { params.push(["q", filters.query]); }
    if (filters.judgement) { params.push(["judgement", filters.judgement]); }
    if (state.event) { params.push(["event", state.event]); }
    if (state.sort && state.sort !== "date") { params.push(["sort", state.sort]); }
    if (state.story) { params.push(["story", state.story]); params.push(["step", String(state.step)]); }
    if (!params.length) { return ""; }
    return "?" + params.map(function (pair) { return encode(pair[0]) + "=" + encode(pair[1]); }).join("&");
  }

  function encode(text) {
    return encodeURIComponent(text)
      .replace(/[!'()*~]/g, function (c) { return c === "~" ? c : "%" + c.charCodeAt(0).toString(16).toUpperCase(); })
      .replace(/%20/g, "+").replace(/%2C/g, ",");
  }

  /* How many filters a state has on (themes left out, years narrowed, search words, a judgement),
   * and the label of the filter panel's button (one column), which says so. */
  function filtersOn(filters) {
    return [filters.themes != null, filters.start != null || filters.end != null, hasTerms(filters.query),
      !!filters.judgement].filter(Boolean).length;
  }
  function filtersLabel(data, filters) {
    var on = filtersOn(filters);
    return on ? data.text.filtersOn.replace("{n}", on) : data.text.filters;
  }

  function summary(data, shown) {
    var template = data.total === 1 ? data.text.summaryOne : data.text.summary;
    return template.replace("{shown}", shown).replace("{total}", data.total);
  }

  window.AllianceTimeline = {
    filterMask: filterMask, themeCounts: themeCounts, planDetail: planDetail, buildFigure: buildFigure,
    normalise: normalise, editFilters: editFilters, editChanges: editChanges, toQuery: toQuery, matchBits: matchBits,
    isoDay: isoDay, payload: payload, zoomWindow: zoomWindow, filtersLabel: filtersLabel
  };

  /* What the chart shows now, kept by the callbacks below for the fast path. */
  var live = { data: null, state: null, zoom: null, matches: null, shown: null, count: null, redraws: false };

  function revision(state, zoom, matches, data) {
    // Same view, same revision: Plotly then skips comparing the data arrays of an identical figure.
    // The chart's width is part of the view: the era labels are laid out for it.
    return JSON.stringify([canonical(stateOf(state)), zoom || null, matches ? matches.query : null, data.total, data.lang,
      chartWidth() || null]);
  }

  function drawView(state, zoom, matches, data) {
    var width = chartWidth();
    var plotWidth = width ? width - data.style.leftMargin - data.style.rightMargin : undefined;
    var built = buildFigure(data, state, zoom, matches, plotWidth > 0 ? plotWidth : undefined);
    if (built === undefined) { return built; }
    built.figure.layout.datarevision = revision(state, zoom, matches, data);
    if (width) { built.figure.layout.width = width; }
    return built;
  }

  /* The chart's width, from its box. With both its width and height given, dcc.Graph leaves the
   * chart's size alone: before, each change of height (a lane hidden or shown) made it resize the
   * chart, which redrew it a second time 0.1 s after every click. followWidth follows the box. */
  var chartBox = ".timeline-region";
  var GRAPH_ID = "timeline";  // ids.TIMELINE
  var boxWidth = null;  // kept by followWidth, so that a click need not measure the page
  function chartWidth() {
    if (boxWidth) { return boxWidth; }
    var box = document.querySelector(chartBox);
    if (!box || !box.clientWidth) { return undefined; }
    var style = getComputedStyle(box);
    return Math.floor(box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  }
  function followWidth() {
    var box = document.querySelector(chartBox);
    if (!box || box.timelineFollowsWidth || typeof ResizeObserver !== "function") { return; }
    box.timelineFollowsWidth = true;
    new ResizeObserver(function (entries) {
      var width = Math.floor(entries[entries.length - 1].contentRect.width);
      boxWidth = width > 0 ? width : null;
      var plot = document.querySelector("#timeline .js-plotly-plot");
      if (!plot || !boxWidth || !plot._fullLayout || plot._fullLayout.width === boxWidth) { return; }
      // The era labels are laid out for the plot's width: the view is drawn again for the new one.
      var built = live.data && live.shown ? drawView(live.state, live.zoom, live.matches, live.data) : undefined;
      if (built === undefined) {
        window.Plotly.relayout(plot, { width: boxWidth });
        return;
      }
      live.shown = built.figure.layout.datarevision;
      // Through the graph, so that it holds the figure it shows (a zoom redraws the graph's own).
      clientside.set_props(GRAPH_ID, { figure: built.figure });
    }).observe(box);
  }

  /* Which filter buttons show a state pressed: its themes (every lane's when none is left out) and
   * its judgement ("any" when none is chosen). */
  function pressedButtons(data, filters) {
    return {
      themes: filters.themes == null ? data.lanes.map(function (lane) { return lane.id; }) : filters.themes,
      judgement: filters.judgement || "any"
    };
  }

  /* The fast path: a filter button redraws the chart at once, shows the filter buttons' new state in
   * the same frame, and lets the frame paint; only once Plotly has drawn does Dash see the click (the
   * same click, passed on) and route it through its callbacks, which draw the same figure, at the
   * same revision, for free, write the same pressed states, and update the counts, list and link. */
  var BUTTONS = ".theme-toggle, .judgement-toggle, #theme-filter-all, #theme-filter-none, .reset-filters, #empty-state-reset";
  function showPressed(data, filters) {
    var pressed = pressedButtons(data, filters);
    document.querySelectorAll(".theme-toggle, .judgement-toggle").forEach(function (button) {
      var id;
      try { id = JSON.parse(button.id); } catch (error) { return; }
      var on = id.type === "theme-toggle" ? pressed.themes.indexOf(id.index) >= 0 : id.index === pressed.judgement;
      button.setAttribute("aria-pressed", String(on));
    });
  }
  var passing = false;
  function passOn(button) {
    requestAnimationFrame(function () {
      setTimeout(function () {
        passing = true;
        try { button.click(); } finally { passing = false; }
      }, 0);
    });
  }
  document.addEventListener("click", function (event) {
    if (passing) { return; }
    var button = event.target && event.target.closest ? event.target.closest(BUTTONS) : null;
    var plot = document.querySelector("#timeline .js-plotly-plot");
    if (!button || !plot || !live.data || !window.Plotly) { return; }
    var trigger = idOf(button.id);
    if (trigger === null) { return; }
    var data = live.data;
    var state = stateOf(live.state);
    var filters = state.filters;
    var next = editFilters(data, state, trigger, 1, yearsOf(data, filters), filters.query);
    if (next === null || same(next, state)) { return; }
    var zoom = zoomAfter(state, next, trigger, live.zoom);
    var built = drawView(next, zoom, live.matches, data);
    // The config the chart was drawn with: a different one would make Plotly redraw everything twice.
    if (built === undefined) { return; }
    var drawn = window.Plotly.react(plot, built.figure.data, built.figure.layout, plot._context);
    showPressed(data, next.filters);
    // A second click before Dash catches up edits this view, not the last one.
    live = Object.assign({}, live, { state: next, zoom: zoom, shown: built.figure.layout.datarevision, count: built.shown,
      redraws: built.thinned || built.merged });
    event.stopPropagation();
    var pass = function () { passOn(button); };
    Promise.resolve(drawn).then(pass, pass);
  }, true);

  /* A year box applies the year typed on Enter, or when focus leaves it (dcc.Input's debounce).
   * dcc.Input (Dash 4.4) compares that year with the value the box had when it last counted an Enter
   * or a blur, not with one written into it since: after "Reset all filters" wrote the first year
   * into a box, typing the year it showed before did nothing. The page makes the comparison it
   * should: a valid year typed that is not the box's value in Dash's layout is passed on. */
  function passTypedYear(event) {
    var box = event.target;
    if (event.type === "keydown" && (event.key !== "Enter" || event.isComposing)) { return; }
    if (!box || box.tagName !== "INPUT" || !box.closest(".year-input")) { return; }
    var api = window.dash_component_api;
    if (!api || typeof api.getLayout !== "function" || typeof clientside.set_props !== "function") { return; }
    setTimeout(function () {  // after dcc.Input's own handler, which may have passed it on
      var year = box.valueAsNumber;
      if (!box.isConnected || !box.checkValidity() || !isFinite(year)) { return; }
      var id = idOf(box.id);
      var held = id && api.getLayout(id);
      if (held && held.props && held.props.value !== year) { clientside.set_props(id, { value: year }); }
    }, 0);
  }
  document.addEventListener("keydown", passTypedYear, true);
  document.addEventListener("focusout", passTypedYear, true);

  /* Back and forward: the page opens the address it came to (callbacks.sync_state). Its own changes
   * of address are not passed on: one answered late would take the view back a step. */
  window.addEventListener("popstate", function () {
    if (typeof clientside.set_props === "function") { openAddress(); }
  });

  /* The event list (an AG Grid) is put in the page once the chart has first drawn: mounting both at
   * once holds up the first chart by about 0.3 s on a 2-core machine. It waits at most LIST_WAIT ms. */
  var LIST_WAIT = 4000;
  function showList() {
    if (typeof clientside.set_props !== "function") { setTimeout(showList, 50); return; }  // Dash not up yet
    loadGridScript(function () { clientside.set_props("first-drawn", { data: true }); });
  }
  /* The grid's script, which the page names (app.GRID_SCRIPT) but leaves for now, then ready(): also
   * when the script fails to load, so that the other later parts (layout.later_parts) still go in. */
  function loadGridScript(ready) {
    var named = document.getElementById("grid-script");
    if (window.dash_ag_grid || !named) { ready(); return; }
    var script = document.createElement("script");
    script.src = named.href;
    script.onload = ready;
    script.onerror = ready;
    document.body.appendChild(script);
  }
  function showListSoon() {
    whenPlot(function (plot) { return plot._fullLayout && plot.querySelector(".main-svg"); }, LIST_WAIT, function () {
      requestAnimationFrame(function () { setTimeout(showList, 0); });
    });
  }

  /* Calls ready(plot) once the chart's plot passes test (checked every 50 ms), or ready(null) after
   * patience ms without it. */
  function whenPlot(test, patience, ready) {
    var since = performance.now();
    (function check() {
      var plot = document.querySelector("#timeline .js-plotly-plot");
      if (plot && test(plot)) {
        ready(plot);
      } else if (performance.now() - since > patience) {
        ready(null);
      } else {
        setTimeout(check, 50);
      }
    })();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showListSoon);
  } else {
    showListSoon();
  }

  /* The time range a relayout asks for (interaction.zoom_window): [start, end], null for the full
   * view (a double click), or false when it left the time axis alone (a resize keeps the zoom). */
  function zoomWindow(relayout) {
    relayout = relayout || {};
    if (relayout["xaxis.autorange"]) { return null; }
    var range = "xaxis.range[0]" in relayout && "xaxis.range[1]" in relayout
      ? [relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]] : relayout["xaxis.range"];
    if (!Array.isArray(range) || range.length !== 2) { return false; }
    return [String(range[0]).slice(0, 10), String(range[1]).slice(0, 10)];
  }

  /* Zooming a chart that counts or merges events redraws it for the window, straight from Plotly's
   * own event: no request, and no zoom lost to the graph's own resize, which Dash's relayoutData
   * (the latest relayout only) would keep instead. */
  function followZoom(plot) {
    if (plot.timelineFollowsZoom) { return; }
    plot.timelineFollowsZoom = true;
    plot.on("plotly_relayout", function (relayout) {
      var range = zoomWindow(relayout);
      if (range === false || (range === null ? live.zoom == null : !live.redraws && live.zoom == null)) { return; }
      clientside.set_props("zoom-window", { data: range });
    });
  }

  function followZoomSoon() {
    whenPlot(function (plot) { return typeof plot.on === "function"; }, 5000, function (plot) {
      if (plot) { followZoom(plot); }
    });
  }

  var clientside = window.dash_clientside = window.dash_clientside || {};

  /* A shared link's view comes in the page itself (app.first_view_script: its state and zoom, as
   * the server reads the address, and the events its search words match): the first draw draws it
   * at once, and the stores take it, which every other part of the page follows. A page without
   * it for this address asks the server (callbacks.sync_state), the way back and forward do
   * (popstate, above). A plain address has no state to read, so a first load without one sends no
   * request before the chart. */
  function firstView() {
    var block = document.getElementById("first-view");  // app.FIRST_VIEW_ID
    if (!block) { return null; }
    try {
      var view = JSON.parse(block.textContent);
      return view && view.search === window.location.search && view.state ? view : null;
    } catch (error) {
      return null;
    }
  }
  var opening = firstView();  // read once, as the page loads: the first draw and the empty state use it
  function firstOpeningAddress(callback) {
    var opened = false;
    return function () {
      var args = Array.prototype.slice.call(arguments);
      if (!opened && window.location.search) {
        if (!opening) {
          openAddress();
        } else if (!args[0]) {
          // The matches first: the server's search, which the state calls, then has its answer.
          if (opening.matches) { clientside.set_props("search-matches", { data: opening.matches }); }
          clientside.set_props("view-state", { data: opening.state });
          if (opening.zoom) { clientside.set_props("zoom-window", { data: opening.zoom }); }
          args[0] = opening.state;
          args[1] = opening.zoom;
          args[2] = opening.matches || args[2];
        }
      }
      opened = true;
      return callback.apply(null, args);
    };
  }
  /* A shared link to a view with no events shows the empty state in the chart's place from the
   * page's first paint (style.css, .first-view-empty), not the chart's room until the first draw
   * finds nothing to draw; the first view with events drawn ends it. */
  var EMPTY_FIRST_VIEW = "first-view-empty";
  if (opening && opening.empty) { document.documentElement.classList.add(EMPTY_FIRST_VIEW); }

  function openAddress() {
    clientside.set_props("address-navigated", { data: { search: window.location.search, at: Date.now() } });
  }
  function noUpdate() { return clientside.no_update; }
  function context() { return clientside.callback_context || {}; }

  clientside.timeline = {
    /* A filter control was used: the new state (and the zoom, which a change of years resets). The
     * year controls come as lists of one (or none, before the later filters are in). */
    edit: withData(function (_themes, _judgements, _all, _none, years, yearFrom, yearTo, query, _reset, _empty, stored, data) {
      data = payload(data);
      var changes = context().triggered || [];
      var edited = data ? editChanges(data, stored, changes, years, yearFrom, yearTo, query) : null;
      if (edited === null) { return [noUpdate(), noUpdate()]; }
      // Changes passed on together: controls may have written some of them in this chain of calls,
      // and Dash would not run it again for the state made here. It is asked again, after the chain.
      if (changes.length > 1) {
        setTimeout(function () { clientside.set_props("controls-refresh", { data: Date.now() }); }, 0);
      }
      var zoom = zoomAfter(stateOf(stored), edited.state, edited.trigger, noUpdate());
      // Remember which control made the change, so its value is not written back under the reader.
      return [Object.assign({}, edited.state, { source: kindOf(edited.trigger) }), zoom];
    }, 11),

    /* The controls showing a state; a control already showing it is left alone (never echo, and
     * no work for Dash: the first view's toggles and counts come from the server already). */
    controls: withData(function (stored, matches, data, _laterFilters, _refresh, years, yearFrom, yearTo, query,
      themesPressed, counts, judgementsPressed) {
      data = payload(data);
      var ctx = context();
      var outputs = ctx.outputs_list || [];
      var state = stateOf(stored);
      var filters = state.filters;
      var none = function (position) { return (outputs[position] || []).map(noUpdate); };
      if (!data) { return [none(0), none(1), none(2), none(3), none(4), noUpdate(), none(6)]; }
      var shownYears = yearsOf(data, filters);
      var first = shownYears[0], last = shownYears[1];
      var pressed = pressedButtons(data, filters);
      var bits = matchBits(data, filters, matches);
      var laneCounts = bits === undefined ? null : themeCounts(data, filters, bits);
      var laneIds = data.lanes.map(function (lane) { return lane.id; });
      var source = state.source;  // the control the reader is using keeps its own value
      var changed = function (shown) {  // a value to show, or no update where it is shown already
        return function (value, position) { return (shown || [])[position] === value ? noUpdate() : value; };
      };
      var yearBox = function (shown, kind, year) {  // an empty box is filled; the reader's keeps its value
        return (shown || []).map(function (value) {
          return value != null && (source === kind || value === year) ? noUpdate() : year;
        });
      };
      return [
        (outputs[0] || []).map(function (o) { return String(pressed.themes.indexOf(o.id.index) >= 0); })
          .map(changed(themesPressed)),
        (outputs[1] || []).map(function (o) {
          var position = laneIds.indexOf(o.id.index);
          return laneCounts === null ? noUpdate() : String(position >= 0 ? laneCounts[position] : 0);
        }).map(changed(counts)),
        // The year controls: one of each once the later filters are in (the boxes empty at first), none before.
        (years || []).map(function (shown) {
          var kept = shown && (source === "year-filter" || (shown[0] === first && shown[1] === last));
          return kept ? noUpdate() : [first, last];
        }),
        yearBox(yearFrom, "year-from", first),
        yearBox(yearTo, "year-to", last),
        source === "search-filter" || String(query || "").trim() === filters.query ? noUpdate() : filters.query,
        (outputs[6] || []).map(function (o) { return String(o.id.index === pressed.judgement); })
          .map(changed(judgementsPressed))
      ];
    }, 2),

    /* A cell clicked in the event list, passed on to the state's store (nothing when there is none). */
    listClick: function (cell) {
      return cell == null ? noUpdate() : cell;
    },

    /* A story's button clicked, passed on to callbacks.sync_state; buttons coming into the page
     * (Dash passes them on as changes, with no clicks) are not. */
    storyClick: function () {
      var clicked = (context().triggered || []).filter(function (change) { return change.value; })[0];
      var id = clicked && triggerOf(clicked.prop_id);
      return id && id.index ? { story: id.index, clicks: clicked.value } : noUpdate();
    },

    /* The filter panel's button names how many filters are on (assets/disclosures.js). */
    filtersButton: withData(function (stored, shown, data) {
      data = payload(data);
      var label = data ? filtersLabel(data, stateOf(stored).filters) : shown;
      return label === shown ? noUpdate() : label;
    }, 2),

    /* The address bar follows the state (a shared link restores it). */
    url: function (stored, search) {
      if (!stored) { return noUpdate(); }
      var query = toQuery(stored);
      return query === (search || "") ? noUpdate() : query;
    },

    /* The chart, the live summary and the empty state for a state and zoom. The first call also
     * opens a shared link's view (firstOpeningAddress). */
    draw: firstOpeningAddress(withData(function (stored, zoom, matches, data) {
      data = payload(data);
      var none = [noUpdate(), noUpdate(), noUpdate(), noUpdate()];
      // A shared link: wait for the server to read its state rather than flash the default view.
      if (!data || (!stored && window.location.search)) { return none; }
      var figure = noUpdate();
      if (live.data !== data || revision(stored, zoom, matches, data) !== live.shown) {
        // Not what the fast path has drawn already (which is left as it is): the view is built.
        var built = drawView(stored, zoom, matches, data);
        if (built === undefined) { return none; }
        figure = built.figure;
        // Zooming redraws a chart that counts or merges events: it then draws what is in view.
        live = { shown: figure.layout.datarevision, count: built.shown, redraws: built.thinned || built.merged };
      }
      live = Object.assign(live, { data: data, state: stored, zoom: zoom, matches: matches });
      followZoomSoon();
      followWidth();
      var empty = live.count === 0;
      if (!empty) { document.documentElement.classList.remove(EMPTY_FIRST_VIEW); }
      return [figure, summary(data, live.count), !empty, empty ? { display: "none" } : {}];
    }, 3))
  };
})();
