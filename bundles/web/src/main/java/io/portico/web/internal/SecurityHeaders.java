package io.portico.web.internal;

import io.portico.api.web.ContentSecurityPolicy;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.Provider;

/**
 * Browser hardening on every response: everything is served by Portico itself, so the Content-Security-Policy
 * allows only this origin, no inline script or style, no framing, and forms that post only to this origin. A resource
 * that sets a stricter policy of its own (a downloaded file: {@code sandbox; default-src 'none'}) keeps it. Answers are
 * not cached unless the resource says so: most carry one person's data (a session's CSRF token, their invoices).
 */
@Provider
final class SecurityHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!headers.containsKey(ContentSecurityPolicy.HEADER)) {
            headers.putSingle(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.STRICT);
        }
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "same-origin");
    }
}
