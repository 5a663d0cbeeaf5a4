// Startdocument / plan van aanpak: warn before leaving a form with unsaved changes.
(function () {
  "use strict";
  var dirty = false;
  var forms = document.querySelectorAll("form[data-unsaved-warning]");
  if (!forms.length) { return; }
  var indicator = document.querySelector("[data-unsaved-indicator]");
  function markDirty() {
    if (dirty) { return; }
    dirty = true;
    if (indicator) { indicator.classList.remove("d-none"); }
  }
  forms.forEach(function (form) {
    form.addEventListener("input", markDirty);
    form.addEventListener("change", markDirty);
    form.addEventListener("submit", function () { dirty = false; });
  });
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
})();
