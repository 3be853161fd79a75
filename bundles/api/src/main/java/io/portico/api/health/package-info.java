/** Health checks that the platform aggregates into /health and portico:health. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.api.health;
