// The sandbox processor's payment element: mounted in the checkout page's element, it collects a test card or bank
// account, trades it at the sandbox's token endpoint for a token, puts the token in the form's methodToken field and
// submits the form. Its inputs have no name, so card and bank numbers are never posted to the portal's own pages.
(function () {
  'use strict';

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function field(id, label, attrs) {
    var input = el('input', Object.assign({ id: id, type: 'text', autocomplete: 'off' }, attrs));
    return { input: input, node: el('label', { 'for': id }, [document.createTextNode(label), input]) };
  }

  function mount(host) {
    var form = host.closest('form');
    if (!form || host.getAttribute('data-mounted')) { return; }
    host.setAttribute('data-mounted', 'true');
    var id = host.getAttribute('data-payment');
    var methods = (host.getAttribute('data-methods') || 'card').split(' ');
    var states = JSON.parse(host.getAttribute('data-states') || '{}');
    var tests = JSON.parse(host.getAttribute('data-test-cards') || '[]');
    var css = el('link', { rel: 'stylesheet', href: '/pay-sandbox/element.css' });
    document.head.appendChild(css);

    var kind = methods[0];
    var box = el('div', { 'class': 'sandbox-element' });
    if (methods.length > 1) {
      var choice = el('fieldset', {}, [el('legend', { text: 'Pay with' })]);
      methods.forEach(function (m) {
        var radio = el('input', { type: 'radio', id: id + '-kind-' + m, value: m });
        radio.checked = m === kind;
        radio.addEventListener('change', function () { kind = m; show(); });
        choice.appendChild(el('label', { 'for': radio.id, 'class': 'check' }, [radio,
          document.createTextNode(m === 'card' ? ' Card' : ' US bank account (ACH)')]));
      });
      choice.querySelectorAll('input').forEach(function (r) { r.setAttribute('name', 'sandbox-kind'); });
      box.appendChild(choice);
    }
    var card = el('div', { 'class': 'sandbox-card' });
    var number = field(id + '-number', 'Card number', { inputmode: 'numeric', placeholder: '4242 4242 4242 4242' });
    var expiry = field(id + '-expiry', 'Expiry (MM/YY)', { inputmode: 'numeric', placeholder: '12/34' });
    var cvc = field(id + '-cvc', 'CVC', { inputmode: 'numeric', placeholder: '123' });
    [number, expiry, cvc].forEach(function (f) { card.appendChild(f.node); });
    var bank = el('div', { 'class': 'sandbox-bank' });
    var routing = field(id + '-routing', 'Routing number', { inputmode: 'numeric', placeholder: '110000000' });
    var account = field(id + '-account', 'Account number', { inputmode: 'numeric', placeholder: '000123456789' });
    [routing, account].forEach(function (f) { bank.appendChild(f.node); });
    var state = el('select', { id: id + '-state' });
    Object.keys(states).forEach(function (code) { state.appendChild(el('option', { value: code, text: states[code] })); });
    state.appendChild(el('option', { value: '', text: 'Outside the US' }));
    state.value = 'NV';
    var error = el('p', { 'class': 'field-error', role: 'alert', hidden: 'hidden' });
    var button = el('button', { type: 'submit', 'class': 'primary', text: 'Continue' });
    box.appendChild(card);
    box.appendChild(bank);
    box.appendChild(el('label', { 'for': state.id }, [document.createTextNode('Billing address\u2019s state'), state]));
    box.appendChild(error);
    box.appendChild(button);

    var list = el('ul', {});
    tests.forEach(function (t) {
      var use = el('button', { type: 'button', 'class': 'link', text: t.number });
      use.addEventListener('click', function () {
        if (t.kind === 'card') { number.input.value = t.number; expiry.input.value = expiry.input.value || '12/34'; cvc.input.value = cvc.input.value || '123'; } else { routing.input.value = '110000000'; account.input.value = t.number; }
        kind = t.kind;
        box.querySelectorAll('input[type=radio]').forEach(function (r) { r.checked = r.value === kind; });
        show();
      });
      if (methods.indexOf(t.kind) >= 0) { list.appendChild(el('li', {}, [use, document.createTextNode(' ' + t.label)])); }
    });
    box.appendChild(el('details', { 'class': 'sandbox-tests' }, [el('summary', { text: 'Test numbers (sandbox: no money moves)' }), list]));
    host.appendChild(box);

    function show() {
      card.hidden = kind !== 'card';
      bank.hidden = kind === 'card';
    }
    show();

    function fail(message) {
      error.textContent = message;
      error.hidden = false;
      button.disabled = false;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      var body = { account: host.getAttribute('data-account'), kind: kind, billingState: state.value };
      if (kind === 'card') {
        body.cardNumber = number.input.value; body.expiry = expiry.input.value; body.cvc = cvc.input.value;
      } else {
        body.routingNumber = routing.input.value; body.accountNumber = account.input.value;
      }
      var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
      var csrf = form.querySelector('input[name=csrf]');
      if (csrf) { headers['X-CSRF-Token'] = csrf.value; }
      fetch(host.getAttribute('data-tokens-url'), { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (json) {
            if (!response.ok || !json.token) { throw new Error(json.detail || 'The sandbox could not take this payment method.'); }
            form.querySelector('input[name=methodToken]').value = json.token;
            form.submit();
          });
        })
        .catch(function (e) { fail(e.message); });
    });
  }

  function start() {
    document.querySelectorAll('[data-processor="sandbox"]').forEach(mount);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
