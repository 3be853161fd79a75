package io.portico.identity.internal.api;

import io.portico.api.identity.PortalUser;
import javax.ws.rs.container.ContainerRequestContext;

/** The signed-in user of an API request, read the way any bundle reads it. */
final class Caller {

    private Caller() {
    }

    /** @throws io.portico.api.identity.NotSignedInException 401 when nobody is signed in */
    static PortalUser of(ContainerRequestContext request) {
        return PortalUser.require(request.getSecurityContext().getUserPrincipal());
    }
}
