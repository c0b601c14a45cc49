/* Alliance Timeline: buttons that show or hide part of the page where it is narrow.
 *
 * The filter panel (ids.FILTERS_TOGGLE). Under 900 px the panel sits above the chart, and open it
 * would fill a tablet's first view (the chart started 1,490 px down at 768 x 1024). It is closed at
 * first there: a button stands in for its heading, and style.css shows what follows the button
 * only while the button's aria-expanded is "true", the one place the panel's state is kept. In two
 * columns the button is hidden and the panel always open.
 *
 * The dataset's description (ids.LEDE_TOGGLE). On a phone it would fill most of the first view
 * (eleven lines at 320 px): style.css shows its first three lines while the button's aria-expanded
 * is "false". The button shows only while it has something to show: the description is cut short,
 * or it is open. fitLedeToggle follows the description's size, which changes with the window, and
 * its text, which an opened file's own description replaces (closed again, to fit the new text).
 * Dash renders the button shown, as a long description on a phone needs it, so that the page does
 * not move when it is hidden elsewhere (where style.css hides it anyway, or the text is short).
 *
 * Dash sets each button's aria-expanded once, as the button first renders ("false"), and leaves it
 * alone after.
 */
(function () {
  "use strict";

  var TOGGLES = ".filters-toggle, .lede-toggle";
  var LEDE = "page-lede";  // ids.LEDE

  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest(TOGGLES) : null;
    if (!button) { return; }
    button.setAttribute("aria-expanded", String(button.getAttribute("aria-expanded") !== "true"));
  });

  function ledeToggle() { return document.querySelector(".lede-toggle"); }

  function fitLedeToggle() {
    var lede = document.getElementById(LEDE);
    var button = ledeToggle();
    if (!lede || !button) { return; }
    var show = button.getAttribute("aria-expanded") === "true" || lede.scrollHeight > lede.clientHeight + 1;
    if (button.hidden === show) { button.hidden = !show; }
  }

  function newText() {
    var button = ledeToggle();
    if (button) { button.setAttribute("aria-expanded", "false"); }
    fitLedeToggle();
  }

  /* The description comes with Dash's first render: from then on its size and its text are
   * followed (a ResizeObserver's callback runs after layout, so reading the sizes costs no extra
   * layout; a change of text that keeps the size, three lines for three, is one it does not see). */
  function followLede() {
    var lede = document.getElementById(LEDE);
    if (!lede) { return false; }
    new ResizeObserver(fitLedeToggle).observe(lede);
    new MutationObserver(newText).observe(lede, { childList: true, characterData: true, subtree: true });
    return true;
  }
  if (typeof ResizeObserver === "function" && !followLede()) {
    var waiting = new MutationObserver(function () {
      if (followLede()) { waiting.disconnect(); }
    });
    waiting.observe(document.documentElement, { childList: true, subtree: true });
  }
})();
