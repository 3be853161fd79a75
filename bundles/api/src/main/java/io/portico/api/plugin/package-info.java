/** What the platform knows about the plugins it has found: kinds, names, states. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.portico.api.plugin;
