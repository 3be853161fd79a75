package io.portico.api.health;

import org.osgi.annotation.versioning.ProviderType;

/** Runs every registered {@link HealthCheck} and reports the plugins in one report. */
@ProviderType
public interface HealthService {

    HealthReport report();
}
