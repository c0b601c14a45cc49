/* Alliance Timeline: the filter panel's button in one column.
 *
 * Under 900 px the filter panel sits above the chart, and open it would fill a tablet's first view
 * (the chart started 1,490 px down at 768 x 1024). It is closed at first there: a button
 * (ids.FILTERS_TOGGLE) stands in for its heading, and style.css shows what follows the button only
 * while the button's aria-expanded is "true", the one place the panel's state is kept. Dash sets
 * aria-expanded once, as the button first renders ("false"), and leaves it alone after. In two
 * columns the button is hidden and the panel always open.
 */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest(".filters-toggle") : null;
    if (!button) { return; }
    button.setAttribute("aria-expanded", String(button.getAttribute("aria-expanded") !== "true"));
  });
})();
