// The staff calendar: a free slot's quick-book form, fetched by htmx, is brought into view with the
// cursor in its first field, so the desk can type the patient at once.
(function () {
  'use strict';
  document.body.addEventListener('htmx:afterSettle', function (event) {
    var path = (event.detail.pathInfo && event.detail.pathInfo.requestPath) || '';
    if (path.indexOf('/calendar/quick-book') !== 0) { return; }
    var panel = document.getElementById('quick-book');
    if (!panel) { return; }
    panel.scrollIntoView({ block: 'nearest' });
    var first = panel.querySelector('#qb-name');
    if (first) { first.focus(); }
  });
})();
