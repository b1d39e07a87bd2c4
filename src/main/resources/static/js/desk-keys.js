// The desk's keyboard: "/" anywhere but in a field goes to the find-or-register field, and Enter on
// a selected arrival (a row of "Expected today", reached with Tab) checks that patient in. The
// arrivals are replaced when the queue changes, so the keys are listened for on the document.
// After a check-in from the arrivals, the page comes back with the next arrival selected, so a
// morning of arrivals is Tab to one, Enter, Enter, ...
(function () {
  'use strict';
  var AGAIN = 'carebook.desk.arrival';
  try {
    if (sessionStorage.getItem(AGAIN)) {
      sessionStorage.removeItem(AGAIN);
      var first = document.querySelector('li[data-appointment][tabindex]');
      if (first) { first.focus(); }
    }
  } catch (e) { /* no storage: nothing to come back to */ }
  document.addEventListener('submit', function (event) {
    if (event.target.closest && event.target.closest('li[data-appointment]')) {
      try { sessionStorage.setItem(AGAIN, '1'); } catch (e) { /* no storage */ }
    }
  });
  function inField(element) {
    return element && (element.isContentEditable || element.matches('input, textarea, select'));
  }
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (event.key === '/' && !inField(target)) {
      var field = document.getElementById('fullName');
      if (field) {
        event.preventDefault();
        field.scrollIntoView({ block: 'center' });
        field.focus();
      }
      return;
    }
    if (event.key === 'Enter' && target && target.matches && target.matches('li[data-appointment]')) {
      var form = target.querySelector('form');
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
    }
  });
})();
