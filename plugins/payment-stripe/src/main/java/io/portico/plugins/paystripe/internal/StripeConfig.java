package io.portico.plugins.paystripe.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/io.portico.pay.stripe.cfg}: without it the Stripe processor is not offered. */
@ObjectClassDefinition(name = "Portico Stripe payment processor",
        description = "Stripe Connect (Express accounts, destination charges) for Pay: cards and US bank accounts.")
public @interface StripeConfig {

    String PID = "io.portico.pay.stripe";

    @AttributeDefinition(description = "The platform's secret API key (sk_live_… or sk_test_…); seal it with "
            + "portico:secret-seal.")
    String secretKey();

    @AttributeDefinition(description = "The platform's publishable key (pk_live_… or pk_test_…), given to "
            + "Stripe.js.")
    String publishableKey();

    @AttributeDefinition(description = "The signing secret (whsec_…) of the account webhook endpoint "
            + "<portal>/api/pay/webhooks/stripe/account; sealed.")
    String webhookSecret();

    @AttributeDefinition(description = "The signing secret (whsec_…) of the Connect webhook endpoint "
            + "<portal>/api/pay/webhooks/stripe/connect; sealed.")
    String connectWebhookSecret();

    @AttributeDefinition(description = "Stripe's API address; another only for a test double or a staging mock.")
    String apiBase() default "https://api.stripe.com";

    @AttributeDefinition(description = "Where the checkout page loads Stripe.js from; another only for a test "
            + "stand-in.")
    String scriptUrl() default StripeProcessor.STRIPE_JS;

    @AttributeDefinition(description = "The platform's fee on each payment, in hundredths of a percent (25 = 0.25 %), "
            + "taken as the application fee of the destination charge; 0: none.")
    int applicationFeeBasisPoints() default 0;

    @AttributeDefinition(description = "Retries of a request Stripe did not answer (same idempotency key).")
    int maxNetworkRetries() default 2;
}
