/* What every web face shares in the browser; progressive enhancement only: every page works without this file.
   Loaded with defer, so it runs once the page is parsed. No inline scripts anywhere (Content-Security-Policy). */
(function () {
  "use strict";
  var samenvatting = document.querySelector("[data-foutsamenvatting]");
  if (!samenvatting) {
    return;
  }
  // A form came back with errors: put the focus on the summary, so a screen reader reads it first.
  samenvatting.focus();
  // A link in the summary puts the focus in the field itself (a plain #link would only scroll to it).
  samenvatting.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var veld = link && document.getElementById(link.getAttribute("href").slice(1));
    if (veld) {
      event.preventDefault();
      veld.focus();
      var kader = veld.closest(".utrecht-form-field, .utrecht-form-fieldset") || veld;
      kader.scrollIntoView();
    }
  });
})();
