package io.portico.identity.internal.web;

import io.portico.api.identity.PortalUser;
import java.security.Principal;
import java.util.Locale;
import javax.ws.rs.core.SecurityContext;

/**
 * The JAX-RS security context of a signed-in request: the principal is the {@link PortalUser}; its roles are the
 * membership role ({@code admin}, {@code member}, ...) and {@code operator} for operator staff.
 */
final class PortalSecurityContext implements SecurityContext {

    private final PortalUser user;
    private final boolean secure;

    PortalSecurityContext(PortalUser user, boolean secure) {
        this.user = user;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return user;
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && (role.toLowerCase(Locale.ROOT).equals(user.role().name().toLowerCase(Locale.ROOT))
                || "operator".equals(role) && user.operatorStaff());
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return user.authMethod() == io.portico.api.identity.AuthMethod.API_TOKEN ? "Bearer" : FORM_AUTH;
    }
}
