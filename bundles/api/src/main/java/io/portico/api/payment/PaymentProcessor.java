package io.portico.api.payment;

import org.osgi.annotation.versioning.ConsumerType;

/** A payment processor (Stripe, the sandbox), registered with a {@code PluginName}. */
@ConsumerType
public interface PaymentProcessor {

    /** The name shown to admins in the Pay settings, e.g. "Stripe". */
    String displayName();
}
