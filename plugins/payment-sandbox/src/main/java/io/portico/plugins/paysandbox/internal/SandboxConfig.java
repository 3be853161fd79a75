package io.portico.plugins.paysandbox.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/io.portico.pay.sandbox.cfg}. */
@ObjectClassDefinition(name = "Portico sandbox payment processor",
        description = "A processor for trying Pay with test cards and bank accounts; no money moves.")
public @interface SandboxConfig {

    String PID = "io.portico.pay.sandbox";

    @AttributeDefinition(description = "The portal's base URL as this node reaches it; webhooks go to "
            + "<portalUrl>/api/pay/webhooks/sandbox.")
    String portalUrl() default "http://127.0.0.1:8181";

    @AttributeDefinition(description = "The webhook signing secret (seal it with portico:secret-seal); empty: one is "
            + "generated once and kept in the database for every node.")
    String webhookSecret() default "";

    @AttributeDefinition(description = "Seconds a bank (ACH) payment stays processing before it settles or is "
            + "returned (days at a real bank).")
    int achSettleSeconds() default 20;

    @AttributeDefinition(description = "Seconds a refund stays pending before it succeeds (days for some card "
            + "refunds at a real processor).")
    int refundSettleSeconds() default 5;

    @AttributeDefinition(description = "Attempts to deliver a webhook before giving up.")
    int webhookAttempts() default 5;

    @AttributeDefinition(description = "Seconds before the first retry of a failed webhook delivery; each later "
            + "retry waits twice as long.")
    int webhookRetrySeconds() default 5;

    @AttributeDefinition(description = "Milliseconds between looks for due bank settlements and webhook deliveries.")
    int pollMillis() default 1000;
}
