/* Alliance Timeline: the upload control's file input (dcc.Upload draws it, hidden, in the control).
 *
 * A file input fires no change when the file chosen is the one it holds already. The control
 * empties it before it opens the file chooser for a click, but a keyboard reader tabs to the input
 * itself and opens the chooser from there: one who opened a file, went back to the bundled
 * timeline or fixed the file, and chose it again, got nothing. The input is emptied once the
 * control has taken each file, so that every choice is a change, however the chooser was opened.
 * A dropped file does not go through the input.
 *
 * The input has no label of its own: the upload panel carries one in the page's language
 * (upload_panel.upload_panel), given to the input once the control is in the page (it comes with
 * the later parts and stays).
 */
(function () {
  "use strict";

  var INPUT = "#upload input[type=file]";  // ids.UPLOAD

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || !input.matches || !input.matches(INPUT)) { return; }
    // After the control has taken the file (its handler runs before this one, at the page's root).
    setTimeout(function () { input.value = ""; }, 0);
  });

  function label() {
    var input = document.querySelector(INPUT);
    var panel = input && input.closest(".upload-panel");
    if (!panel) { return false; }
    if (!input.getAttribute("aria-label")) { input.setAttribute("aria-label", panel.dataset.fileLabel); }
    return true;
  }
  if (!label()) {
    var waiting = new MutationObserver(function () {
      if (label()) { waiting.disconnect(); }
    });
    waiting.observe(document.documentElement, { childList: true, subtree: true });
  }
})();
