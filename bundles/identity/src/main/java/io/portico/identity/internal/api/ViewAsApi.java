package io.portico.identity.internal.api;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.viewas.ViewAs;
import io.portico.identity.internal.web.AllowedWhileViewing;
import io.portico.identity.internal.web.RequestAuth;
import java.time.Instant;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * "View as customer" for a browser session's API calls: {@code POST} starts viewing a customer organization
 * read-only ({@code {"organizationId": …}}), {@code GET} says what the session views, {@code DELETE} stops. While
 * viewing, every {@code /api/*} read of the session is the customer's; see {@link ViewAs}.
 */
@Component(service = ViewAsApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/view-as")
@Produces(MediaType.APPLICATION_JSON)
public final class ViewAsApi {

    record Start(Long organizationId) {
    }

    /** @param until when the view ends at the latest */
    record Viewing(boolean viewing, Long organizationId, String organizationName, Instant until) {
    }

    private final ViewAs viewAs;

    @Activate
    public ViewAsApi(@Reference ViewAs viewAs) {
        this.viewAs = viewAs;
    }

    @GET
    public Viewing current(@Context ContainerRequestContext request) {
        Authentication auth = signedIn(request);
        PortalUser user = auth.user();
        return user.viewingAs()
                ? new Viewing(true, user.organizationId(), user.organizationName(), auth.session().viewingUntil())
                : new Viewing(false, null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Viewing start(@Context ContainerRequestContext request, Start start) {
        Authentication auth = signedIn(request);
        if (start == null || start.organizationId() == null) {
            throw ProblemException.badRequest("Send {\"organizationId\": ...}, the customer organization to view.");
        }
        ViewAs.View view = viewAs.start(auth, start.organizationId(), RequestAuth.client(request));
        return new Viewing(true, view.organizationId(), view.organizationName(), view.until());
    }

    @DELETE
    @AllowedWhileViewing
    public Response stop(@Context ContainerRequestContext request) {
        viewAs.stop(signedIn(request), "stopped", RequestAuth.client(request));
        return Response.noContent().build();
    }

    private static Authentication signedIn(ContainerRequestContext request) {
        Authentication auth = RequestAuth.authentication(request);
        if (auth.user() == null) {
            throw ProblemException.unauthorized("Sign in first.");
        }
        return auth;
    }
}
