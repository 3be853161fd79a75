package io.portico.identity.internal.api;

import io.portico.api.identity.Role;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.auth.Authenticator;
import io.portico.identity.internal.invite.Invitation;
import io.portico.identity.internal.invite.Invitations;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.web.RequestAuth;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * One invitation: accepting it (with the emailed link's token), and its admins' resend and revoke. Invitations
 * are sent and listed under their organization ({@link OrganizationsApi}).
 */
@Component(service = InvitationsApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/invitations")
@Produces(MediaType.APPLICATION_JSON)
public final class InvitationsApi {

    /** Accepting: {@code name} and {@code password} only when the address has no account yet. */
    record Acceptance(String token, String name, String password) {
    }

    private final Invitations invitations;
    private final SessionService sessions;
    private final Authenticator authenticator;

    @Activate
    public InvitationsApi(@Reference Invitations invitations, @Reference SessionService sessions,
            @Reference Authenticator authenticator) {
        this.invitations = invitations;
        this.sessions = sessions;
        this.authenticator = authenticator;
    }

    /** Signs a new person in (200 with the session) or adds the membership to an existing account (202). */
    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(@Context ContainerRequestContext request, Acceptance acceptance) {
        if (acceptance == null || acceptance.token() == null) {
            throw ProblemException.badRequest("Send {\"token\": ...} with the token from the emailed link.");
        }
        Client client = RequestAuth.client(request);
        return invitations.accept(acceptance.token(), acceptance.name(), acceptance.password(), client)
                .map(o -> Response.ok(Views.me(authenticator.authenticate(o.session().token(), null)))
                        .header(HttpHeaders.SET_COOKIE, sessions.cookie(o.session(), client)).build())
                .orElseGet(() -> Response.accepted(Map.of("status", "accepted_sign_in")).build());
    }

    @POST
    @Path("{id}/resend")
    public Invitation resend(@Context ContainerRequestContext request, @PathParam("id") long id) {
        return invitations.resend(Caller.of(request), id, RequestAuth.client(request));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@Context ContainerRequestContext request, @PathParam("id") long id) {
        invitations.revoke(Caller.of(request), id, RequestAuth.client(request));
        return Response.noContent().build();
    }

    static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("role must be one of owner, admin, member, viewer.");
        }
    }
}
