package io.portico.identity.internal.web;

import io.portico.api.identity.NotSignedInException;
import io.portico.api.identity.Organization;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.invite.Invitation;
import io.portico.identity.internal.invite.Invitations;
import io.portico.identity.internal.members.MemberAdmin;
import io.portico.identity.internal.org.OrganizationsImpl;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
 * An organization's people, for its admins and the operator's: members with their roles, open invitations, and
 * the invite form. Each action posts, then comes back to the page.
 */
@Component(service = MembersPages.class, property = PorticoResource.PROPERTY + "=true")
// Forms only: a JSON body answers 415 instead of failing inside Jersey.
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Path("members")
@Produces(MediaType.TEXT_HTML)
public final class MembersPages {

    private final Pages pages;
    private final OrganizationsImpl organizations;
    private final MemberAdmin members;
    private final Invitations invitations;

    @Activate
    public MembersPages(@Reference Pages pages, @Reference OrganizationsImpl organizations,
            @Reference MemberAdmin members, @Reference Invitations invitations) {
        this.pages = pages;
        this.organizations = organizations;
        this.members = members;
        this.invitations = invitations;
    }

    @GET
    public Response page(@Context ContainerRequestContext request, @QueryParam("organization") Long organizationId,
            @QueryParam("notice") String notice) {
        PortalUser user = RequestAuth.authentication(request).user();
        if (user == null) {
            throw new NotSignedInException();
        }
        long id = organizationId == null ? user.organizationId() : organizationId;
        try {
            return render(request, user, id, 200, null, Notices.text(notice));
        } catch (ProblemException e) {
            return Html.page(pages, e.status(), "problem.ftlh", problem(request, user, e));
        }
    }

    @POST
    @Path("invite")
    public Response invite(@Context ContainerRequestContext request, @FormParam("organization") String organization,
            @FormParam("email") String email, @FormParam("role") String role) {
        return act(request, organization, "invitation-sent",
                (user, id, client) -> invitations.invite(user, id, email, role(role), client));
    }

    @POST
    @Path("{membership}/role")
    public Response role(@Context ContainerRequestContext request, @PathParam("membership") long membership,
            @FormParam("organization") String organization, @FormParam("role") String role) {
        return act(request, organization, "member-updated",
                (user, id, client) -> members.changeRole(user, membership, role(role), client));
    }

    @POST
    @Path("{membership}/approve")
    public Response approve(@Context ContainerRequestContext request, @PathParam("membership") long membership,
            @FormParam("organization") String organization) {
        return act(request, organization, "member-updated",
                (user, id, client) -> members.approve(user, membership, client));
    }

    @POST
    @Path("{membership}/remove")
    public Response remove(@Context ContainerRequestContext request, @PathParam("membership") long membership,
            @FormParam("organization") String organization) {
        return act(request, organization, "member-removed",
                (user, id, client) -> members.remove(user, membership, client));
    }

    @POST
    @Path("invitations/{invitation}/resend")
    public Response resend(@Context ContainerRequestContext request, @PathParam("invitation") long invitation,
            @FormParam("organization") String organization) {
        return act(request, organization, "invitation-sent",
                (user, id, client) -> invitations.resend(user, invitation, client));
    }

    @POST
    @Path("invitations/{invitation}/revoke")
    public Response revoke(@Context ContainerRequestContext request, @PathParam("invitation") long invitation,
            @FormParam("organization") String organization) {
        return act(request, organization, "invitation-revoked",
                (user, id, client) -> invitations.revoke(user, invitation, client));
    }

    private interface Action {
        void run(PortalUser user, long organizationId, Client client);
    }

    private Response act(ContainerRequestContext request, String organization, String notice, Action action) {
        PortalUser user = RequestAuth.authentication(request).user();
        if (user == null) {
            throw new NotSignedInException();
        }
        long id = Forms.id(organization, "organization");
        try {
            action.run(user, id, RequestAuth.client(request));
            return Html.redirect("/members?organization=" + id + "&notice=" + notice);
        } catch (ProblemException e) {
            try {
                return render(request, user, id, e.status(), e.detail(), null);
            } catch (ProblemException notAllowed) {
                return Html.page(pages, notAllowed.status(), "problem.ftlh", problem(request, user, notAllowed));
            }
        }
    }

    private Response render(ContainerRequestContext request, PortalUser user, long organizationId, int status,
            String error, String notice) {
        Organization organization = organizations.find(organizationId)
                .orElseThrow(() -> ProblemException.notFound("No such organization."));
        Map<String, Object> model = Html.model("People of " + organization.name(),
                RequestAuth.authentication(request).csrfToken());
        model.put("user", user);
        model.put("organization", organization);
        model.put("members", members.members(user, organizationId));
        List<Invitation> open = invitations.list(user, organizationId);
        Formats formats = Formats.forReader(request.getAcceptableLanguages(), user);
        model.put("invitations", open);
        // When each link stops working, on the reader's clock, by the invitation's id.
        model.put("expires", open.stream().collect(Collectors.toMap(i -> String.valueOf(i.id()),
                i -> formats.dateTime(i.expiresAt()))));
        model.put("roles", Arrays.stream(Role.values()).filter(r -> r.allowedIn(organization.kind()))
                .map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        Notices.put(model, error, notice);
        return Html.page(pages, status, "members.ftlh", model);
    }

    private static Map<String, Object> problem(ContainerRequestContext request, PortalUser user,
            ProblemException e) {
        Map<String, Object> model = Html.model(e.title(), RequestAuth.authentication(request).csrfToken());
        model.put("user", user);
        model.put("error", e.detail());
        return model;
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Choose a role.");
        }
    }
}
