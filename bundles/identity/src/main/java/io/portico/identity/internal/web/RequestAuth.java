package io.portico.identity.internal.web;

import io.portico.identity.internal.Client;
import io.portico.identity.internal.auth.Authentication;
import javax.ws.rs.container.ContainerRequestContext;

/** The identity bundle's view of the current request, kept in request properties by the authentication filter. */
public final class RequestAuth {

    static final String AUTHENTICATION = Authentication.class.getName();
    static final String CLIENT = Client.class.getName();

    private RequestAuth() {
    }

    public static Authentication authentication(ContainerRequestContext request) {
        Object value = request.getProperty(AUTHENTICATION);
        return value instanceof Authentication a ? a : Authentication.ANONYMOUS;
    }

    public static Client client(ContainerRequestContext request) {
        Object value = request.getProperty(CLIENT);
        return value instanceof Client c ? c : Client.none();
    }
}
