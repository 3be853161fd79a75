package io.portico.plugins.paystripe.internal;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.portico.api.payment.PaymentException;

/** Stripe's errors as the platform's: what a payer can read, Stripe's request id for the admin who looks it up. */
final class StripeErrors {

    private StripeErrors() {
    }

    static PaymentException map(StripeException e) {
        String request = e.getRequestId() == null ? "" : " (Stripe request " + e.getRequestId() + ")";
        if (e instanceof ApiConnectionException) {
            return new PaymentException(PaymentException.Kind.UNAVAILABLE,
                    "Stripe could not be reached; please try again in a moment." + request, e);
        }
        if (e instanceof RateLimitException || e instanceof ApiException) {
            return new PaymentException(PaymentException.Kind.UNAVAILABLE,
                    "Stripe is busy; please try again in a moment." + request, e);
        }
        if (e instanceof AuthenticationException || e instanceof PermissionException) {
            return new PaymentException(PaymentException.Kind.REJECTED,
                    "Stripe refused the portal's API key: an administrator must check the Stripe settings." + request,
                    e);
        }
        return new PaymentException(PaymentException.Kind.REJECTED, stripeMessage(e) + request, e);
    }

    /** Stripe's own sentence, without the code and request id stripe-java appends to it. */
    static String stripeMessage(StripeException e) {
        if (e.getStripeError() != null && e.getStripeError().getMessage() != null) {
            return e.getStripeError().getMessage();
        }
        return "Stripe refused the request.";
    }
}
