/**
 * Single sign-on: provider plugins ({@link io.portico.api.sso.SsoProvider}) that end with a verified email and
 * subject, and the sign-in service ({@link io.portico.api.sso.SsoSignIn}) that turns such an identity into a session.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.api.sso;
