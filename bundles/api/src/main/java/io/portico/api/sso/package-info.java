/** Single sign-on plugins: a sign-in that ends with a verified email and subject. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.api.sso;
