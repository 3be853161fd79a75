// Tells Portico the browser's time zone while the signed-in person has not chosen one, so that pages show times on
// their clock from the next page on. The server keeps it only while no zone is chosen; the account page changes it.
(function () {
  'use strict';
  var script = document.currentScript;
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone || !script || !script.dataset.csrf || !window.fetch) {
    return;
  }
  var body = new URLSearchParams();
  body.set('csrf', script.dataset.csrf);
  body.set('timeZone', zone);
  body.set('guess', 'true');
  fetch('/account/time-zone', { method: 'POST', body: body, credentials: 'same-origin' });
})();
