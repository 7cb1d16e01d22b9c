// A nicety only: a form that submits once (the server makes sure of that) disables its button after the click.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.classList || !form.classList.contains("eenmalig")) { return; }
  window.setTimeout(function () {
    form.querySelectorAll("button[type=submit]").forEach(function (knop) { knop.disabled = true; });
  }, 0);
});
