package io.portico.web.internal;

import io.portico.api.identity.PortalUser;
import java.net.URI;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** The portal's front door: the signed-in user's dashboard, or the way to sign in. */
@Path("")
public final class HomeResource {

    /** The records bundle's dashboard, every signed-in user's home. */
    static final String DASHBOARD = "/dashboard";

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(@Context ContainerRequestContext request) {
        boolean signedIn = request.getProperty(PortalUser.REQUEST_PROPERTY) instanceof PortalUser;
        return Response.seeOther(URI.create(signedIn ? DASHBOARD : "/sign-in")).build();
    }
}
