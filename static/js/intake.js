// Intake forms: show the parts that belong to the chosen option. Without script
// everything stays visible (progressive enhancement). No inline script (CSP).
(function () {
  "use strict";

  function checkedValue(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    if (input) { return input.value; }
    var select = form.querySelector('select[name="' + name + '"]');
    return select ? select.value : "";
  }

  function update(form) {
    form.querySelectorAll("[data-show-when]").forEach(function (el) {
      var rule = el.dataset.showWhen.split("=");
      var wanted = rule[1].split(",");
      var hasError = el.querySelector(".is-invalid, .invalid-feedback");
      el.hidden = !hasError && wanted.indexOf(checkedValue(form, rule[0])) === -1;
    });
  }

  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-show-when]")) { return; }
    update(form);
    form.addEventListener("change", function () { update(form); });
    document.body.addEventListener("htmx:afterSwap", function () { update(form); });
  });
})();
