// Keeps a part of a page live. A container with data-live-stream (a server-sent event stream) and
// data-live-source (the address of the part) fetches the part again, into data-live-target, each
// time the stream says the queue changed (or puts in place the part the stream sends), and once a
// minute for the waiting times. A receptionist
// typing inside the part is not interrupted: the refresh waits until the field is left.
(function () {
  'use strict';
  document.querySelectorAll('[data-live-stream]').forEach(function (live) {
    var target = live.getAttribute('data-live-target');
    var status = live.querySelector('[data-live-status]');
    var busy = false;
    var again = false;

    function typing() {
      var field = document.activeElement;
      var part = document.querySelector(target);
      return part && field && part.contains(field) && field.matches('input, textarea, select') && field.value;
    }

    function refresh() {
      if (busy) { again = true; return; }
      if (typing()) {
        again = true;
        document.activeElement.addEventListener('blur', function () { setTimeout(refresh, 0); }, { once: true });
        return;
      }
      busy = true;
      again = false;
      htmx.ajax('GET', live.getAttribute('data-live-source'), { target: target, swap: 'outerHTML' })
        .then(function () {
          live.setAttribute('data-live-updates', String(Number(live.getAttribute('data-live-updates') || 0) + 1));
          live.dispatchEvent(new CustomEvent('live:updated', { bubbles: true }));
        })
        .finally(function () {
          busy = false;
          if (again) { refresh(); }
        });
    }

    function show(state) {
      if (status) {
        status.textContent = status.getAttribute('data-' + state);
        status.classList.toggle('text-bg-success', state === 'live');
        status.classList.toggle('text-bg-secondary', state !== 'live');
        status.hidden = false;
      }
    }

    var stream = new EventSource(live.getAttribute('data-live-stream'));
    var opened = false;
    stream.addEventListener('ready', function () {
      show('live');
      live.setAttribute('data-live-ready', 'true');
      if (opened) { refresh(); } // back after a break: signals may have been missed
      opened = true;
    });
    stream.addEventListener('queue', refresh);
    // a board sent what it shows: put it in place, no request needed
    stream.addEventListener('screen', function (event) {
      var part = document.querySelector(target);
      if (!event.data || !part) { refresh(); return; }
      part.outerHTML = event.data;
      live.setAttribute('data-live-updates', String(Number(live.getAttribute('data-live-updates') || 0) + 1));
      live.dispatchEvent(new CustomEvent('live:updated', { bubbles: true }));
    });
    stream.onerror = function () { show('away'); };
    setInterval(refresh, 60000);
  });
})();
