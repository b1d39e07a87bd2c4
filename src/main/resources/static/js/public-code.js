// The code page's "Send the code again": disabled with a countdown until the server allows it.
// Without JavaScript the button is enabled on the next load once the delay has passed; the server
// refuses an early resend anyway.
(function () {
  var button = document.getElementById("resend");
  if (!button) return;
  var left = parseInt(button.getAttribute("data-wait"), 10) || 0;
  var countdown = button.getAttribute("data-countdown");
  function tick() {
    if (left <= 0) {
      button.disabled = false;
      button.textContent = button.getAttribute("data-label");
      return;
    }
    button.disabled = true;
    button.textContent = countdown.replace("{0}", String(left));
    left -= 1;
    setTimeout(tick, 1000);
  }
  tick();
})();
