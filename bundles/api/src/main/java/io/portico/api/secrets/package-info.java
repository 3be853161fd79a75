/** Secrets encrypted at rest with a key kept outside the database. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.api.secrets;
