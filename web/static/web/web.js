/* What every web face shares in the browser; progressive enhancement only: every page works without this file.
   Loaded with defer, so it runs once the page is parsed. No inline scripts anywhere (Content-Security-Policy). */
(function () {
  "use strict";

  // A form came back with errors: put the focus on the summary, so a screen reader reads it first.
  function toonFoutsamenvatting(binnen) {
    var samenvatting = binnen.querySelector("[data-foutsamenvatting]");
    if (samenvatting) {
      samenvatting.focus();
    }
  }

  // A link in the summary puts the focus in the field itself (a plain #link would only scroll to it).
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-foutsamenvatting] a[href^='#']");
    var veld = link && document.getElementById(link.getAttribute("href").slice(1));
    if (veld) {
      event.preventDefault();
      veld.focus();
      (veld.closest(".utrecht-form-field, .utrecht-form-fieldset") || veld).scrollIntoView();
    }
  });

  // htmx requests carry Django's CSRF token (every page has one, in the language switch's form).
  document.addEventListener("htmx:config:request", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) {
      event.detail.ctx.request.headers["X-CSRFToken"] = token.value;
    }
  });

  // A form that htmx swapped in with errors gets the same focus as a whole page.
  document.addEventListener("htmx:after:settle", function (event) {
    toonFoutsamenvatting(event.target);
  });

  toonFoutsamenvatting(document);
})();
