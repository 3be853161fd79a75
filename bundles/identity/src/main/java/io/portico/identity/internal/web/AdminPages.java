package io.portico.identity.internal.web;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.members.Authority;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.viewas.ViewAs;
import java.util.Map;
import java.util.function.Function;
import javax.ws.rs.DefaultValue;
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
 * The operator's admin pages: customer organizations (each links to its people and can be viewed as its customers
 * see it) and the audit log.
 */
@Component(service = AdminPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("admin")
@Produces(MediaType.TEXT_HTML)
public final class AdminPages {

    private static final int PAGE = 100;

    private final Pages pages;
    private final OrganizationsImpl organizations;
    private final AuditLog audit;
    private final ViewAs viewAs;

    @Activate
    public AdminPages(@Reference Pages pages, @Reference OrganizationsImpl organizations,
            @Reference AuditLog audit, @Reference ViewAs viewAs) {
        this.pages = pages;
        this.organizations = organizations;
        this.audit = audit;
        this.viewAs = viewAs;
    }

    @GET
    @Path("organizations")
    public Response organizations(@Context ContainerRequestContext request, @QueryParam("q") String query,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        return page(request, "/admin/organizations", "Organizations", "organizations.ftlh", user -> Map.of(
                "q", query == null ? "" : query,
                "organizations", organizations.customers(query, true, offset, PAGE),
                "offset", Math.max(0, offset), "pageSize", PAGE));
    }

    /** Opens the organization's portal read-only, as its customers see it, from this browser session. */
    @POST
    @Path("organizations/{organization: [0-9]{1,18}}/view-as")
    public Response viewAs(@Context ContainerRequestContext request, @PathParam("organization") long organization) {
        Authentication auth = RequestAuth.authentication(request);
        if (auth.user() == null) {
            return Html.redirect("/sign-in?next=/admin/organizations");
        }
        try {
            viewAs.start(auth, organization, RequestAuth.client(request));
            return Html.redirect("/dashboard");
        } catch (ProblemException e) {
            Map<String, Object> model = Html.model("Organizations", auth.csrfToken());
            model.put("user", auth.user());
            model.put("error", e.detail());
            return Html.page(pages, e.status(), "problem.ftlh", model);
        }
    }

    /** Ends the session's view of a customer's portal and goes back to the organizations. */
    @POST
    @Path("view-as/stop")
    @AllowedWhileViewing
    public Response stopViewing(@Context ContainerRequestContext request) {
        Authentication auth = RequestAuth.authentication(request);
        if (auth.user() == null) {
            return Html.redirect("/sign-in?next=/admin/organizations");
        }
        viewAs.stop(auth, "stopped", RequestAuth.client(request));
        return Html.redirect("/admin/organizations");
    }

    @GET
    @Path("audit")
    public Response audit(@Context ContainerRequestContext request, @QueryParam("before") Long before) {
        return page(request, "/admin/audit", "Audit log", "audit.ftlh",
                user -> Map.of("entries", audit.list(null, before, PAGE)));
    }

    private Response page(ContainerRequestContext request, String path, String title, String template,
            Function<PortalUser, Map<String, Object>> content) {
        PortalUser user = RequestAuth.authentication(request).user();
        if (user == null) {
            return Html.redirect("/sign-in?next=" + path);
        }
        Map<String, Object> model = Html.model(title, RequestAuth.authentication(request).csrfToken());
        model.put("user", user);
        try {
            Authority.requireOperatorAdmin(user);
            model.putAll(content.apply(user));
            return Html.page(pages, 200, template, model);
        } catch (ProblemException e) {
            model.put("error", e.detail());
            return Html.page(pages, e.status(), "problem.ftlh", model);
        }
    }
}
