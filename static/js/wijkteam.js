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
})();
