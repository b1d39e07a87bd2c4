// The dashboard's first-steps checklist and the booking-link poster. Everything here has a
// way without JavaScript: the link is a selectable input, the copy of Monday's hours is done by
// the server on a submit, and the poster prints from the browser's menu.
(function () {
  "use strict";

  function wire(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      if (navigator.clipboard) button.hidden = false;
    });
    var print = root.querySelector("#print");
    if (print) print.hidden = false;
  }

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) {
      var field = document.querySelector(copy.getAttribute("data-copy"));
      field.select();
      navigator.clipboard.writeText(field.value).then(function () {
        var label = copy.textContent;
        copy.textContent = copy.getAttribute("data-copied");
        setTimeout(function () { copy.textContent = label; }, 2000);
      });
      return;
    }
    if (event.target.closest("#copy-weekdays")) {
      event.preventDefault();
      ["start", "end"].forEach(function (edge) {
        var monday = document.querySelector('[data-day="MONDAY"][data-edge="' + edge + '"]');
        ["TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"].forEach(function (day) {
          document.querySelector('[data-day="' + day + '"][data-edge="' + edge + '"]').value =
            monday.value;
        });
      });
      return;
    }
    if (event.target.closest("#print")) window.print();
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.id === "booking-link") event.target.select();
  });

  // after htmx saved the hours and swapped the checklist in, keep the place and the buttons
  document.addEventListener("htmx:afterSettle", function () {
    var checklist = document.getElementById("checklist");
    if (checklist) {
      wire(checklist);
      var title = document.getElementById("checklist-title");
      title.setAttribute("tabindex", "-1");
      title.focus();
    }
  });

  wire(document);
})();
