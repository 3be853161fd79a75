// Keeps the progress of running syncs current on the admin sync pages: while a row shows a running sync, polls the
// JSON admin API and updates the row's figures in place. When a shown run ends, the page reloads to show its outcome,
// unless the administrator is editing the configuration form: then a note says so instead.
(function () {
  'use strict';

  var POLL_MILLIS = 2000;
  var table = document.querySelector('[data-sync-status]');
  if (!table) {
    return;
  }
  var source = table.getAttribute('data-sync-status');
  var form = document.querySelector('form[data-sync-config]');
  var editing = false;
  if (form) {
    form.addEventListener('input', function () { editing = true; });
  }

  function count(n) {
    return Number(n).toLocaleString('en-US');
  }

  // The console's format: m:ss, or h:mm:ss from an hour on.
  function duration(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    var ss = (s < 10 ? '0' : '') + s;
    return h > 0 ? h + ':' + (m < 10 ? '0' : '') + m + ':' + ss : m + ':' + ss;
  }

  function set(row, field, text) {
    var element = row.querySelector('[data-run-field="' + field + '"]');
    if (element) {
      element.textContent = text;
    }
  }

  function show(row, run) {
    var total = run.estimatedTotal;
    var known = total !== null && total > 0;
    set(row, 'phase', run.phase);
    set(row, 'done', count(run.recordsDone));
    set(row, 'total', known ? count(total) : '?');
    set(row, 'percent', known ? Math.floor(Math.min(1, run.recordsDone / total) * 100) + '%' : '');
    set(row, 'rate', count(Math.round(run.ratePerSecond)) + '/s');
    set(row, 'eta', run.etaSeconds === null ? '?' : duration(run.etaSeconds));
    var bar = row.querySelector('[data-run-progress]');
    if (bar && known) {
      bar.max = total;
      bar.value = Math.min(run.recordsDone, total);
    }
  }

  function ended() {
    var note = document.querySelector('[data-sync-ended]');
    if (editing && note) {
      note.hidden = false;
    } else if (!editing) {
      window.location.reload();
    }
  }

  function poll() {
    var rows = table.querySelectorAll('tr[data-run-id]');
    if (rows.length === 0) {
      return;
    }
    fetch(source, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        // Signed out or no longer allowed: stop, the next reload says why.
        if (response.status === 401 || response.status === 403) {
          return null;
        }
        return response.ok ? response.json() : {};
      })
      .then(function (body) {
        if (body === null) {
          return;
        }
        var configs = body.configs || (body.recordType ? [body] : []);
        var byType = {};
        configs.forEach(function (c) { byType[c.recordType] = c; });
        var over = false;
        Array.prototype.forEach.call(rows, function (row) {
          var config = byType[row.getAttribute('data-record-type')];
          var run = config && config.currentRun;
          if (run && String(run.id) === row.getAttribute('data-run-id')) {
            show(row, run);
          } else if (config) {
            over = true;
            row.removeAttribute('data-run-id');
          }
        });
        if (over) {
          ended();
        }
        window.setTimeout(poll, POLL_MILLIS);
      })
      .catch(function () {
        window.setTimeout(poll, POLL_MILLIS);
      });
  }

  window.setTimeout(poll, POLL_MILLIS);
}());
