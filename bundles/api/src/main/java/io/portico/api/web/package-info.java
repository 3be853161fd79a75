/** How bundles and plugins contribute JAX-RS resources and pages, and report problems to API clients. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package io.portico.api.web;
