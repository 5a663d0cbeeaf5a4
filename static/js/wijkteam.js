// Small behaviour shared by every page. No inline script anywhere (CSP).
(function () {
  "use strict";
  // Disable a submit button after the first submit: a double click makes one request.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.submitted === "1") {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = "1";
    window.setTimeout(function () { form.dataset.submitted = ""; }, 5000);
  });

  // A refused submit comes back as the same page with the errors marked. Focus the
  // first field in error, not the form's autofocus field: the keyboard user starts
  // where the work is, and a screen reader reads that field's label and error. The
  // error summary above the form (role="alert") stays as it is.
  var INVALID = "input.is-invalid, select.is-invalid, textarea.is-invalid, " +
    "[aria-invalid='true']";
  function visible(element) {
    return element.type !== "hidden" && element.getClientRects().length > 0;
  }
  var invalid = Array.prototype.filter.call(document.querySelectorAll(INVALID), visible);
  if (invalid.length) {
    // A focused field makes the browser skip autofocus; drop it anyway, in case
    // the browser has not looked at it yet.
    document.querySelectorAll("[autofocus]").forEach(function (element) {
      element.removeAttribute("autofocus");
    });
    invalid[0].focus();
  }
})();
