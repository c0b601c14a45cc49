/* Alliance Timeline: the filter panel's button in one column.
 *
 * Under 900 px the filter panel sits above the chart, and open it would fill a tablet's first view
 * (the chart started 1,490 px down at 768 x 1024). It is closed at first there: its heading is a
 * button (ids.FILTERS_TOGGLE) that opens and closes it, and style.css hides the rest of the panel
 * while <html> has no data-filters-open. The state lives on <html>, which Dash never renders, so
 * that the page's own updates of the panel (its later part, the button's label) leave it alone.
 * In two columns the button is hidden and the panel always open.
 */
(function () {
  "use strict";

  var OPEN = "data-filters-open";

  function setOpen(button, open) {
    if (open) {
      document.documentElement.setAttribute(OPEN, "");
    } else {
      document.documentElement.removeAttribute(OPEN);
    }
    button.setAttribute("aria-expanded", String(open));
  }

  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest(".filters-toggle") : null;
    if (!button) { return; }
    setOpen(button, !document.documentElement.hasAttribute(OPEN));
  });
})();
