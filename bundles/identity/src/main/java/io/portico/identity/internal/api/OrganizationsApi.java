package io.portico.identity.internal.api;

import io.portico.api.identity.Organization;
import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.invite.Invitation;
import io.portico.identity.internal.invite.Invitations;
import io.portico.identity.internal.members.Authority;
import io.portico.identity.internal.members.MemberAdmin;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.policy.PolicyRecord;
import io.portico.identity.internal.user.MemberRecord;
import io.portico.identity.internal.web.RequestAuth;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Organizations with their members, invitations and sign-in policy. Operator staff see every organization; an
 * organization's admin sees their own.
 */
@Component(service = OrganizationsApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/organizations")
@Produces(MediaType.APPLICATION_JSON)
public final class OrganizationsApi {

    record Policy(Boolean mfaRequired, String selfRegistration) {
    }

    record NewInvitation(String email, String role) {
    }

    private final OrganizationsImpl organizations;
    private final MemberAdmin members;
    private final Invitations invitations;

    @Activate
    public OrganizationsApi(@Reference OrganizationsImpl organizations, @Reference MemberAdmin members,
            @Reference Invitations invitations) {
        this.organizations = organizations;
        this.members = members;
        this.invitations = invitations;
    }

    @GET
    public List<Organization> list(@Context ContainerRequestContext request, @QueryParam("q") String query,
            @QueryParam("archived") @DefaultValue("false") boolean archived,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        PortalUser user = Caller.of(request);
        if (!user.operatorStaff()) {
            throw ProblemException.forbidden("Only the operator's staff list organizations.");
        }
        return organizations.customers(query, archived, offset, limit);
    }

    @GET
    @Path("{id}")
    public Organization get(@Context ContainerRequestContext request, @PathParam("id") long id) {
        PortalUser user = Caller.of(request);
        if (!user.operatorStaff() && user.organizationId() != id) {
            throw ProblemException.notFound("No organization " + id + ".");
        }
        return organizations.find(id).orElseThrow(() -> ProblemException.notFound("No organization " + id + "."));
    }

    @GET
    @Path("{id}/members")
    public List<MemberRecord> members(@Context ContainerRequestContext request, @PathParam("id") long id) {
        return members.members(Caller.of(request), id);
    }

    @GET
    @Path("{id}/invitations")
    public List<Invitation> invitations(@Context ContainerRequestContext request, @PathParam("id") long id) {
        return invitations.list(Caller.of(request), id);
    }

    @POST
    @Path("{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@Context ContainerRequestContext request, @PathParam("id") long id,
            NewInvitation invitation) {
        if (invitation == null) {
            throw ProblemException.badRequest("Send {\"email\": ..., \"role\": \"admin\"|\"member\"|\"viewer\"}.");
        }
        Invitation sent = invitations.invite(Caller.of(request), id, invitation.email(),
                InvitationsApi.role(invitation.role()), RequestAuth.client(request));
        return Response.created(URI.create("/api/invitations/" + sent.id())).entity(sent).build();
    }

    @GET
    @Path("{id}/policy")
    public PolicyRecord policy(@Context ContainerRequestContext request, @PathParam("id") long id) {
        return members.policy(Caller.of(request), id);
    }

    @PUT
    @Path("{id}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyRecord setPolicy(@Context ContainerRequestContext request, @PathParam("id") long id, Policy policy) {
        PortalUser admin = Caller.of(request);
        Authority.requireManager(admin, id);
        if (policy == null || policy.mfaRequired() == null) {
            throw ProblemException.badRequest("Send {\"mfaRequired\": true|false, \"selfRegistration\": "
                    + "\"open\"|\"approval\"|\"closed\"|null}.");
        }
        return members.setPolicy(admin, id, policy.mfaRequired(), policy.selfRegistration(),
                RequestAuth.client(request));
    }
}
