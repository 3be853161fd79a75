/**
 * Organizations, users and who is signed in.
 *
 * <ul>
 *   <li>{@link io.portico.api.identity.Organizations} keeps the operator's customer organizations in step with
 *       NetSuite (the customer sync calls it) and links NetSuite contacts to them by email, which makes the users
 *       with those verified emails members (the contact sync calls it).</li>
 *   <li>{@link io.portico.api.identity.PortalUser} is the signed-in user of a request. The identity bundle
 *       authenticates every JAX-RS request (session cookie, or {@code Authorization: Bearer} API token) in a
 *       request filter that runs before any resource, and installs the user as the {@code SecurityContext}
 *       principal and as the request property {@link io.portico.api.identity.PortalUser#REQUEST_PROPERTY}.
 *       Resources read it with {@code PortalUser.require(securityContext.getUserPrincipal())} and pass
 *       {@link io.portico.api.identity.PortalUser#scope()} to their mappers, so that every query a portal user can
 *       reach is filtered by organization in the data layer. Anonymous requests have no principal; {@code require}
 *       then throws {@link io.portico.api.identity.NotSignedInException} (401).</li>
 *   <li>The identity bundle also publishes {@link io.portico.api.sso.SsoSignIn}, which ends an SSO flow: it finds
 *       or creates the user by issuer/subject or verified email, links them to an organization (invitation, NetSuite
 *       contact or email domain) and starts a session.</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.portico.api.identity;
