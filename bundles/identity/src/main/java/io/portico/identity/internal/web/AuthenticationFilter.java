package io.portico.identity.internal.web;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.auth.Authenticator;
import io.portico.identity.internal.session.SessionCookies;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authenticates every JAX-RS request, of every bundle, before its resource runs: the session cookie or the
 * {@code Authorization: Bearer} API token becomes the request's {@link PortalUser} (the security context's
 * principal and the request property {@link PortalUser#REQUEST_PROPERTY}). Requests without valid credentials go
 * on anonymously; resources decide whether that is enough.
 */
@Component(service = AuthenticationFilter.class, property = PorticoResource.PROPERTY + "=true")
@Provider
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String BEARER = "Bearer ";

    private final Authenticator authenticator;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public AuthenticationFilter(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Client client = client(request);
        request.setProperty(RequestAuth.CLIENT, client);
        CurrentClient.set(client);
        Cookie cookie = request.getCookies().get(SessionCookies.SESSION);
        Authentication auth = authenticator.authenticate(cookie == null ? null : cookie.getValue(), bearer(request));
        request.setProperty(RequestAuth.AUTHENTICATION, auth);
        auth.portalUser().ifPresent(user -> {
            request.setProperty(PortalUser.REQUEST_PROPERTY, user);
            request.setProperty(PortalUser.CSRF_REQUEST_PROPERTY, auth.csrfToken());
            request.setSecurityContext(new PortalSecurityContext(user, client.secure()));
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CurrentClient.clear();
    }

    private Client client(ContainerRequestContext request) {
        boolean secure = request.getSecurityContext().isSecure()
                || "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        String ip = servletRequest == null ? null : servletRequest.getRemoteAddr();
        return new Client(ip, request.getHeaderString(HttpHeaders.USER_AGENT), secure);
    }

    private static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
    }
}
