/* Puts back the browser's own parseInt, parseFloat, String trim and Math.sinh, kept by the page
 * (app.KEEP_NATIVE_BUILTINS) before Dash's Babel polyfill replaced them with slower versions. */
(function () {
  "use strict";
  var kept = window.nativeBuiltins;
  if (!kept) { return; }
  window.parseInt = Number.parseInt = kept.parseInt;
  window.parseFloat = Number.parseFloat = kept.parseFloat;
  String.prototype.trim = kept.trim;
  String.prototype.trimStart = String.prototype.trimLeft = kept.trimStart;
  String.prototype.trimEnd = String.prototype.trimRight = kept.trimEnd;
  Math.sinh = kept.sinh;
})();
