package io.portico.itest;

import io.portico.tools.stripedouble.StripeDouble;

/**
 * The Stripe double of {@link StripeIT}, started in the JVM that drives Pax Exam (not inside Karaf): only the
 * {@code @Configuration} method touches this class, the tests reach the double over HTTP.
 */
final class StripeDoubleServer {

    static final String SECRET_KEY = "sk_test_portico_itest";
    private static StripeDouble stripe;

    private StripeDoubleServer() {
    }

    static synchronized String apiBase() {
        if (stripe == null) {
            stripe = StripeDouble.start(SECRET_KEY);
        }
        return stripe.apiBase();
    }
}
