/** The shared PostgreSQL DataSource and MyBatis session factories for platform bundles and plugins. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.api.db;
