package io.portico.itest;

import io.portico.tools.stripedouble.StripeDouble;
import java.util.ArrayList;
import java.util.List;

/**
 * Stripe doubles for {@link StripeIT} and {@link StripeBrowserIT}, started in the JVM that drives Pax Exam (not inside
 * Karaf): only the {@code @Configuration} methods touch this class, the tests reach their double over HTTP. Each test
 * class gets a double of its own, so that one's settings (where its pages are) do not reach the other.
 */
final class StripeDoubleServer {

    static final String SECRET_KEY = "sk_test_portico_itest";
    /** Running until the driver's JVM ends. */
    private static final List<StripeDouble> RUNNING = new ArrayList<>();

    private StripeDoubleServer() {
    }

    /** Starts a double and answers its API base. */
    static synchronized String start() {
        StripeDouble stripe = StripeDouble.start(SECRET_KEY);
        RUNNING.add(stripe);
        return stripe.apiBase();
    }
}
