// The developer page's Copy buttons: shown only where the browser can copy; without them the
// fields are read-only and selectable.
(function () {
  "use strict";

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (navigator.clipboard) button.hidden = false;
  });

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (!copy) return;
    var field = document.querySelector(copy.getAttribute("data-copy"));
    field.select();
    navigator.clipboard.writeText(field.value).then(function () {
      var label = copy.textContent;
      copy.textContent = copy.getAttribute("data-copied");
      setTimeout(function () { copy.textContent = label; }, 2000);
    });
  });
})();
