/* Alliance Timeline: the chart without a mouse.
 * One tab stop on the chart; Left/Right move between events in time order within a theme lane,
 * Up/Down move to the nearest event in the lane above or below, Home/End jump to the first and
 * last event, Enter or Space opens the details, Escape closes them. The focused event is shown
 * with its hover label and announced through a polite live region.
 * Used by the app (assets) and inlined into exported pages and /embed.
 */
(function () {
  "use strict";

  function textOf(markup) {
    // Hover text is escaped markup made by the server; parsing it runs nothing.
    return new DOMParser().parseFromString(String(markup).replace(/<br>/g, ". "), "text/html").body.textContent;
  }

  /* The chart's marks by lane, top lane first, each lane in time order. One trace holds every
   * lane's marks; its y values name their lanes. */
  function lanesOf(plot) {
    var byLane = new Map();
    (plot.data || []).forEach(function (trace, curve) {
      if (!trace.meta || trace.meta.role !== "events" || !trace.x) { return; }
      trace.x.forEach(function (x, index) {
        var lane = trace.y[index];
        if (!byLane.has(lane)) { byLane.set(lane, []); }
        byLane.get(lane).push({
          curve: curve, point: index, time: Date.parse(x), id: trace.customdata[index][0], text: textOf(trace.hovertext[index])
        });
      });
    });
    var lanes = Array.from(byLane.values());
    lanes.forEach(function (points) { points.sort(function (a, b) { return a.time - b.time; }); });
    return lanes;
  }

  function attach(region, options) {
    if (!region || region.dataset.keyboard) { return; }
    region.dataset.keyboard = "on";
    region.tabIndex = 0;
    var lane = 0;
    var index = -1;

    function focusMark(plot, lanes) {
      var mark = lanes[lane][index];
      if (window.Plotly && window.Plotly.Fx) {
        window.Plotly.Fx.hover(plot, [{ curveNumber: mark.curve, pointNumber: mark.point }]);
      }
      var position = (region.dataset.positionText || "Event {n} of {total} in this lane.")
        .replace("{n}", index + 1).replace("{total}", lanes[lane].length);
      options.announce(mark.text + ". " + position);
      region.dataset.focusedEvent = mark.id;
    }

    region.addEventListener("keydown", function (event) {
      var plot = region.querySelector(".js-plotly-plot");
      if (!plot) { return; }
      var lanes = lanesOf(plot);
      if (!lanes.length) { return; }
      lane = Math.min(lane, lanes.length - 1);
      var key = event.key;
      var current = index >= 0 ? lanes[lane][Math.min(index, lanes[lane].length - 1)] : null;
      if (key === "ArrowRight") { index = Math.min(index + 1, lanes[lane].length - 1); }
      else if (key === "ArrowLeft") { index = Math.max(index - 1, 0); }
      else if (key === "Home") { index = 0; }
      else if (key === "End") { index = lanes[lane].length - 1; }
      else if (key === "ArrowUp" || key === "ArrowDown") {
        lane = key === "ArrowUp" ? Math.max(lane - 1, 0) : Math.min(lane + 1, lanes.length - 1);
        var time = current ? current.time : lanes[lane][0].time;
        index = 0;
        lanes[lane].forEach(function (mark, position) {
          if (Math.abs(mark.time - time) < Math.abs(lanes[lane][index].time - time)) { index = position; }
        });
      } else if ((key === "Enter" || key === " ") && current) {
        options.open(current.id);
        options.announce((region.dataset.openedText || "Details opened:") + " " + current.text);
      } else if (key === "Escape") {
        options.close();
        return;
      } else {
        return;
      }
      event.preventDefault();
      if (key !== "Enter" && key !== " ") { focusMark(plot, lanes); }
    });
    region.addEventListener("blur", function () {
      var plot = region.querySelector(".js-plotly-plot");
      if (plot && window.Plotly && window.Plotly.Fx) { window.Plotly.Fx.unhover(plot); }
    });
  }

  window.AllianceTimelineKeys = { attach: attach };

  // In the app: wire the chart once Dash has drawn it.
  if (!document.getElementById("react-entry-point")) { return; }
  function wire() {
    var announcer = document.getElementById("chart-announcer");
    document.querySelectorAll(".timeline-region").forEach(function (region) {
      attach(region, {
        announce: function (text) { if (announcer) { announcer.textContent = text; } },
        open: function (id) {
          if (window.dash_clientside && window.dash_clientside.set_props) {
            window.dash_clientside.set_props("keyboard-select", { data: { id: id, at: Date.now() } });
          }
        },
        close: function () {
          var button = document.getElementById("details-close");
          var details = document.getElementById("details");
          if (button && details && !details.hidden) { button.click(); }
        }
      });
    });
  }
  new MutationObserver(wire).observe(document.documentElement, { childList: true, subtree: true });
  // In a story, Left and Right step through it (unless a text field has the focus).
  document.addEventListener("keydown", function (event) {
    var panel = document.getElementById("story-panel");
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
    var inChart = document.activeElement && document.activeElement.closest && document.activeElement.closest(".timeline-region");
    if (!panel || panel.hidden || typing || inChart) { return; }
    var target = event.key === "ArrowRight" ? "story-next" : event.key === "ArrowLeft" ? "story-previous" : null;
    var button = target && document.getElementById(target);
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  });
})();
