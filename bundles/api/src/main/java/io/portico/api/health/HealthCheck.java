package io.portico.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One aspect of the server's health, registered as a service; the platform runs every registered check for
 * {@code /health} and {@code portico:health}. A check must answer quickly and must not throw: report DOWN instead.
 */
@ConsumerType
public interface HealthCheck {

    /** A short stable key, e.g. {@code database}. */
    String name();

    HealthResult check();
}
