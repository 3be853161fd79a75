// A stand-in for Stripe.js (https://js.stripe.com/v3/) for browser tests without the internet: the same calls
// Portico's checkout script makes (Stripe(pk), elements({mode, amount, currency, paymentMethodTypes, onBehalfOf}),
// create('payment'|'address').mount(el), elements.submit(), createConfirmationToken({elements})), but plain DOM
// instead of Stripe's iframes, and a choice among the double's test payment methods instead of card or bank fields. The
// confirmation token is created at https://api.stripe.com (the test routes that origin to the double) with the
// publishable key in the body, as Stripe.js does.
(function () {
  'use strict';
  var METHODS = [
    ['card', 'pm_card_visa', 'Visa credit \u2022\u2022\u2022\u2022 4242'],
    ['card', 'pm_card_visa_debit', 'Visa debit \u2022\u2022\u2022\u2022 5556'],
    ['card', 'pm_card_chargeDeclined', 'Visa, declined \u2022\u2022\u2022\u2022 0002'],
    ['card', 'pm_card_authenticationRequired', 'Visa, 3-D Secure \u2022\u2022\u2022\u2022 3184'],
    ['us_bank_account', 'fca_test', 'US bank account (instant verification) \u2022\u2022\u2022\u2022 6789'],
    // Entered by hand (Stripe's "enter bank details manually"): the double's micro-deposit test accounts.
    ['us_bank_account', 'manual_000123456789', 'US bank account entered by hand (micro-deposit code) \u2022\u2022\u2022\u2022 6789'],
    ['us_bank_account', 'manual_000222222227', 'US bank account entered by hand (two micro-deposits) \u2022\u2022\u2022\u2022 2227']
  ];
  var STATES = ['NV', 'FL', 'CO', 'CT', 'CA', 'NY', 'TX'];

  function select(id, label, options) {
    var wrapper = document.createElement('label');
    wrapper.setAttribute('for', id);
    wrapper.textContent = label;
    var field = document.createElement('select');
    field.id = id;
    options.forEach(function (o) {
      var option = document.createElement('option');
      option.value = o[0];
      option.textContent = o[1];
      field.appendChild(option);
    });
    wrapper.appendChild(field);
    return { node: wrapper, field: field };
  }

  window.Stripe = function (publishableKey) {
    return {
      elements: function (options) {
        var chosen = { method: null, state: null };
        return {
          options: options,
          chosen: chosen,
          create: function (type) {
            return {
              mount: function (target) {
                if (type === 'payment') {
                  var allowed = METHODS.filter(function (m) { return options.paymentMethodTypes.indexOf(m[0]) >= 0; });
                  var s = select('standin-method', 'Test payment method (Stripe.js stand-in)',
                    allowed.map(function (m) { return [m[1], m[2]]; }));
                  chosen.method = s.field;
                  target.appendChild(s.node);
                } else {
                  var a = select('standin-state', 'Billing state', STATES.map(function (st) { return [st, st]; }));
                  chosen.state = a.field;
                  target.appendChild(a.node);
                }
              }
            };
          },
          submit: function () { return Promise.resolve({}); }
        };
      },
      createConfirmationToken: function (args) {
        var chosen = args.elements.chosen;
        var method = chosen.method.value;
        var body = 'key=' + encodeURIComponent(publishableKey);
        if (method.indexOf('fca_') === 0) {
          body += '&payment_method_data[type]=us_bank_account'
            + '&payment_method_data[us_bank_account][financial_connections_account]=' + encodeURIComponent(method);
        } else if (method.indexOf('manual_') === 0) {
          body += '&payment_method_data[type]=us_bank_account'
            + '&payment_method_data[us_bank_account][routing_number]=110000000'
            + '&payment_method_data[us_bank_account][account_number]=' + encodeURIComponent(method.substring(7));
        } else {
          body += '&payment_method=' + encodeURIComponent(method);
        }
        body += '&payment_method_data[billing_details][address][state]=' + encodeURIComponent(chosen.state.value);
        return fetch('https://api.stripe.com/v1/test_helpers/confirmation_tokens', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: body
        }).then(function (response) { return response.json(); }).then(function (json) {
          return json.error ? { error: json.error } : { confirmationToken: json };
        });
      }
    };
  };
}());
