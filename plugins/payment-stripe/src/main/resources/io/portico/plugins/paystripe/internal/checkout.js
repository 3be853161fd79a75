// Stripe's Payment Element on Portico's checkout page. The page renders one element with data- attributes inside the
// form that has the hidden methodToken field; this script loads Stripe.js from Stripe (data-stripe-js), mounts the
// Payment Element for a deferred intent (amount, currency, payment method types, the operator's account) and the
// Address Element (the billing state decides a card surcharge), and on submit has Stripe.js create a
// ConfirmationToken: its id goes into methodToken and the form is submitted. Card and bank data stay in Stripe's
// frames; Portico's server reads the token's preview and confirms the payment itself.
(function () {
  'use strict';

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    return node;
  }

  function mount(host) {
    var form = host.closest('form');
    if (!form || host.getAttribute('data-mounted')) { return; }
    host.setAttribute('data-mounted', 'true');
    var payment = el('div', { 'class': 'stripe-payment' });
    var address = el('div', { 'class': 'stripe-address' });
    var error = el('p', { 'class': 'field-error', role: 'alert', hidden: 'hidden' });
    var button = el('button', { type: 'submit', 'class': 'primary', text: 'Continue', disabled: 'disabled' });
    host.appendChild(payment);
    host.appendChild(address);
    host.appendChild(error);
    host.appendChild(button);

    function fail(message) {
      error.textContent = message || 'Stripe could not take this payment method.';
      error.hidden = false;
      button.disabled = false;
    }

    var loader = el('script', { src: host.getAttribute('data-stripe-js') });
    loader.addEventListener('error', function () { fail('Stripe could not be reached. Please try again later.'); });
    loader.addEventListener('load', function () {
      if (typeof window.Stripe !== 'function') { fail('Stripe could not be reached. Please try again later.'); return; }
      var stripe = window.Stripe(host.getAttribute('data-publishable-key'));
      var elements = stripe.elements({
        mode: 'payment',
        amount: Number(host.getAttribute('data-amount')),
        currency: host.getAttribute('data-currency'),
        paymentMethodTypes: host.getAttribute('data-payment-method-types').split(' '),
        onBehalfOf: host.getAttribute('data-on-behalf-of')
      });
      elements.create('payment').mount(payment);
      elements.create('address', { mode: 'billing' }).mount(address);
      button.disabled = false;

      form.addEventListener('submit', function (event) {
        event.preventDefault();
        error.hidden = true;
        button.disabled = true;
        elements.submit().then(function (submitted) {
          if (submitted.error) { throw submitted.error; }
          return stripe.createConfirmationToken({ elements: elements });
        }).then(function (result) {
          if (result.error) { throw result.error; }
          form.querySelector('input[name=methodToken]').value = result.confirmationToken.id;
          form.submit();
        }).catch(function (e) { fail(e && e.message); });
      });
    });
    document.head.appendChild(loader);
  }

  function start() {
    document.querySelectorAll('[data-processor="stripe"]').forEach(mount);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
