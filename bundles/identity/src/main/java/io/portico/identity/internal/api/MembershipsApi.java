package io.portico.identity.internal.api;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.members.MemberAdmin;
import io.portico.identity.internal.web.RequestAuth;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Changes to one membership: role, per-record-type access, approval, removal. */
@Component(service = MembershipsApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/memberships/{id}")
public final class MembershipsApi {

    /** Either or both; {@code recordAccess} maps a record type to {@code none}, {@code view} or {@code pay}. */
    record Change(String role, Map<String, String> recordAccess) {
    }

    private final MemberAdmin members;

    @Activate
    public MembershipsApi(@Reference MemberAdmin members) {
        this.members = members;
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@Context ContainerRequestContext request, @PathParam("id") long id, Change change) {
        if (change == null || change.role() == null && change.recordAccess() == null) {
            throw ProblemException.badRequest("Send {\"role\": ...} and/or {\"recordAccess\": {\"invoice\": \"view\"}}.");
        }
        PortalUser admin = Caller.of(request);
        Client client = RequestAuth.client(request);
        if (change.role() != null) {
            members.changeRole(admin, id, InvitationsApi.role(change.role()), client);
        }
        if (change.recordAccess() != null) {
            members.setRecordAccess(admin, id, change.recordAccess(), client);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("approve")
    public Response approve(@Context ContainerRequestContext request, @PathParam("id") long id) {
        members.approve(Caller.of(request), id, RequestAuth.client(request));
        return Response.noContent().build();
    }

    @DELETE
    public Response remove(@Context ContainerRequestContext request, @PathParam("id") long id) {
        members.remove(Caller.of(request), id, RequestAuth.client(request));
        return Response.noContent().build();
    }
}
