package io.portico.identity.internal.web;

import io.portico.api.identity.NotSignedInException;
import io.portico.api.identity.PortalUser;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.audit.AuditEntry;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.members.Authority;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.viewas.ViewAs;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private final PluginRegistry plugins;
    private final ViewAs viewAs;

    @Activate
    public AdminPages(@Reference Pages pages, @Reference OrganizationsImpl organizations,
            @Reference AuditLog audit, @Reference PluginRegistry plugins, @Reference ViewAs viewAs) {
        this.pages = pages;
        this.organizations = organizations;
        this.audit = audit;
        this.plugins = plugins;
        this.viewAs = viewAs;
    }

    @GET
    @Path("organizations")
    public Response organizations(@Context ContainerRequestContext request, @QueryParam("q") String query,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        return page(request, "Organizations", "organizations.ftlh", user -> Map.of(
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
            throw new NotSignedInException();
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
            throw new NotSignedInException();
        }
        viewAs.stop(auth, "stopped", RequestAuth.client(request));
        return Html.redirect("/admin/organizations");
    }

    @GET
    @Path("audit")
    public Response audit(@Context ContainerRequestContext request, @QueryParam("before") Long before) {
        return page(request, "Audit log", "audit.ftlh", user -> {
            Formats formats = Formats.forReader(request.getAcceptableLanguages(), user);
            return Map.of("entries", audit.list(null, before, PAGE).stream().map(e -> entry(e, formats)).toList(),
                    "zone", formats.zone().getId());
        });
    }

    /** An audit entry as the page shows it: its time on the reader's clock, record types by their labels. */
    private Map<String, Object> entry(AuditEntry e, Formats formats) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", e.id());
        view.put("when", formats.dateTime(e.occurredAt()));
        view.put("datetime", e.occurredAt() == null ? "" : e.occurredAt().toString());
        view.put("actor", e.actor());
        view.put("action", e.action());
        view.put("subject", e.subject() == null ? "" : e.subject());
        view.put("organizationId", e.organizationId() == null ? "" : e.organizationId().toString());
        view.put("ip", e.ip() == null ? "" : e.ip());
        view.put("detail", detail(e.detail()));
        return view;
    }

    /**
     * What an entry's detail says, as "key: value" pairs; a record-access change names each record type by its
     * label ("Credit memos: view"). The user id repeats the subject and is left out.
     */
    private String detail(Map<String, Object> detail) {
        if (detail == null) {
            return "";
        }
        return new TreeMap<>(detail).entrySet().stream().filter(d -> !"userId".equals(d.getKey())).map(d -> {
            if ("recordAccess".equals(d.getKey()) && d.getValue() instanceof Map<?, ?> access) {
                return "record access: " + (access.isEmpty() ? "as the role allows" : access.entrySet().stream()
                        .map(a -> plugins.recordTypeLabel(String.valueOf(a.getKey())) + " " + a.getValue())
                        .collect(Collectors.joining(", ")));
            }
            return d.getKey() + ": " + d.getValue();
        }).collect(Collectors.joining("; "));
    }

    private Response page(ContainerRequestContext request, String title, String template,
            Function<PortalUser, Map<String, Object>> content) {
        PortalUser user = RequestAuth.authentication(request).user();
        if (user == null) {
            throw new NotSignedInException();
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
