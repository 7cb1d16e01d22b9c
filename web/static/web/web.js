/* What every web face shares in the browser; progressive enhancement only: every page works without this file.
   Loaded with defer, so it runs once the page is parsed. No inline scripts anywhere (Content-Security-Policy). */
(function () {
  "use strict";
  // A form came back with errors: put the focus on the summary, so a screen reader reads it first.
  var samenvatting = document.querySelector("[data-foutsamenvatting]");
  if (samenvatting) {
    samenvatting.focus();
  }
})();
