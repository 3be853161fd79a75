/**
 * The shared PostgreSQL DataSource and MyBatis session factories for platform bundles and plugins, and (1.1) the
 * plugins' own schemas: {@link io.portico.api.db.PluginSchema}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.portico.api.db;
