// The payment link page's copy button: copies the link to the clipboard and says so. Without JavaScript the button
// stays hidden and the link's field is there to copy by hand.
(function () {
  'use strict';

  var button = document.querySelector('[data-copy]');
  if (!button) {
    return;
  }
  var field = document.getElementById(button.getAttribute('data-copy'));
  var status = document.querySelector('[data-copy-status]');
  button.hidden = false;
  field.addEventListener('focus', function () { field.select(); });
  button.addEventListener('click', function () {
    field.select();
    var done = function () { status.textContent = 'Link copied. It is not shown again once you leave this page.'; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
    } else {
      document.execCommand('copy');
      done();
    }
  });
}());
