// The staff calendar. A free slot's quick-book form, fetched by htmx, is brought into view with the
// cursor in its first field. The day grid refreshes itself every 30 seconds (hx-trigger on
// #day-grid), but never under the desk's hands: not while a confirmation is open or a control in
// the grid has the focus, and the grid keeps its sideways scroll.
(function () {
  'use strict';
  var scrollLeft = 0;

  document.body.addEventListener('htmx:beforeRequest', function (event) {
    var grid = event.detail.elt;
    if (!grid || !grid.hasAttribute || !grid.hasAttribute('data-grid-refresh')) { return; }
    var focused = document.activeElement;
    var busy = grid.querySelector('details[open]') ||
      (focused && focused !== grid && grid.contains(focused) && !focused.classList.contains('cb-grid-scroll'));
    if (busy) { event.preventDefault(); return; }
    var scroller = grid.querySelector('.cb-grid-scroll');
    scrollLeft = scroller ? scroller.scrollLeft : 0;
  });

  document.body.addEventListener('htmx:afterSettle', function (event) {
    var path = (event.detail.pathInfo && event.detail.pathInfo.requestPath) || '';
    if (path.indexOf('/calendar/quick-book') === 0) {
      var panel = document.getElementById('quick-book');
      if (!panel) { return; }
      panel.scrollIntoView({ block: 'nearest' });
      var first = panel.querySelector('#qb-name');
      if (first) { first.focus(); }
      return;
    }
    var grid = document.getElementById('day-grid');
    if (grid && path.indexOf('/calendar') === 0) {
      var scroller = grid.querySelector('.cb-grid-scroll');
      if (scroller) { scroller.scrollLeft = scrollLeft; }
      grid.setAttribute('data-refreshed', String(Number(grid.getAttribute('data-refreshed') || 0) + 1));
    }
  });
})();
