package io.portico.pay.internal;

import io.portico.api.identity.Organizations;
import io.portico.api.identity.PortalUser;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reconciliation for the operator's owners and admins: every payment's NetSuite write-back (pending, posted with a
 * link to the customer payment in NetSuite, failed with NetSuite's message and the tries, resolved by hand, skipped),
 * filtered by state, customer and date and paged, with Retry and Mark resolved on the rows NetSuite refused. Anyone
 * else gets the 404 of a page that is not there.
 */
@Component(service = ReconciliationPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("admin/reconciliation")
public final class ReconciliationPages {

    static final String PATH = "/admin/reconciliation";
    private static final Map<String, String> NOTICES = Map.of(
            "retried", "The write-back is back in the queue: it will be posted again shortly.",
            "resolved", "The write-back was marked resolved.",
            "links", "Every open invoice without a pay-now link will get one in NetSuite shortly.");

    private final Reconciliation reconciliation;
    private final Pages pages;
    private final Organizations organizations;

    @Activate
    public ReconciliationPages(@Reference Reconciliation reconciliation, @Reference Pages pages,
            @Reference Organizations organizations) {
        this.reconciliation = reconciliation;
        this.pages = pages;
        this.organizations = organizations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @QueryParam("state") String state, @QueryParam("customer") String customer,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("notice") String notice) {
        PortalUser user = admin(request);
        WritebackFilter filter = Reconciliation.filter(user.tenantId(), state, customer, from, to, page, null);
        Reconciliation.Page found = reconciliation.list(filter);
        Formats formats = Formats.forReader(headers.getAcceptableLanguages(), user);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Reconciliation");
        model.put("user", user);
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        model.put("currentPath", PATH);
        model.put("rows", found.rows().stream().map(r -> row(r, formats)).toList());
        model.put("total", found.total());
        model.put("page", found.page());
        model.put("pages", Math.max(1, (found.total() + found.size() - 1) / found.size()));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("state", text(state));
        query.put("customer", text(customer));
        query.put("from", text(from));
        query.put("to", text(to));
        model.put("filter", query);
        model.put("query", queryString(query));
        model.put("states", Reconciliation.STATES);
        model.put("customers", organizations.customers(null, true, 0, 500).stream()
                .map(o -> Map.of("id", String.valueOf(o.id()), "name", o.name())).toList());
        Reconciliation.Overdue overdue = reconciliation.overdue(user.tenantId());
        model.put("overdue", overdue.count());
        model.put("warnAfterMinutes", overdue.warnAfterMinutes());
        model.put("payLinkField", reconciliation.payLinkField(user.tenantId()).orElse(""));
        String said = NOTICES.get(notice == null ? "" : notice);
        if (said != null) {
            model.put("notice", said);
        }
        return Response.ok(pages.render(ReconciliationPages.class, "reconciliation.ftlh", model))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("{externalId}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response retry(@PathParam("externalId") String externalId, MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request) {
        PortalUser user = admin(request);
        reconciliation.retry(PayAdminPages.actor(user), externalId);
        return back("retried", form.getFirst("back"));
    }

    @POST
    @Path("{externalId}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response resolve(@PathParam("externalId") String externalId, MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request) {
        PortalUser user = admin(request);
        reconciliation.resolve(PayAdminPages.actor(user), externalId, form.getFirst("note"));
        return back("resolved", form.getFirst("back"));
    }

    /** Writes a pay-now link into every open NetSuite invoice that has none. */
    @POST
    @Path("pay-links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response publishPayLinks(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = admin(request);
        reconciliation.publishPayLinks(PayAdminPages.actor(user));
        return back("links", form.getFirst("back"));
    }

    private Map<String, Object> row(WritebackRow r, Formats formats) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", r.externalId());
        row.put("when", formats.dateTime(r.createdAt()));
        row.put("customer", r.organizationName());
        row.put("payment", "/payments/" + r.paymentId());
        row.put("paymentStatus", PaymentView.status(r.paymentStatus()));
        row.put("amount", formats.money(r.invoicesAmount(), r.currency()));
        row.put("state", r.state());
        row.put("stateLabel", label(r.state()));
        row.put("pill", switch (r.state()) {
            case "posted" -> "pill-paid";
            case "failed" -> "pill-failed";
            case "pending" -> "pill-processing";
            default -> "pill-neutral";
        });
        row.put("netsuiteId", text(r.netsuiteId()));
        row.put("netsuiteUrl", reconciliation.netsuiteUrl(r).map(URI::toString).orElse(""));
        row.put("attempts", r.attempts());
        row.put("error", text(r.lastError()));
        row.put("postedAt", r.postedAt() == null ? "" : formats.dateTime(r.postedAt()));
        row.put("resolvedAt", r.resolvedAt() == null ? "" : formats.dateTime(r.resolvedAt()));
        row.put("resolvedBy", text(r.resolvedBy()));
        row.put("note", text(r.resolutionNote()));
        row.put("actionable", "failed".equals(r.state()));
        return row;
    }

    static String label(String state) {
        return switch (state) {
            case "pending" -> "Pending";
            case "posted" -> "Posted";
            case "failed" -> "Failed";
            case "resolved" -> "Resolved by hand";
            case "skipped" -> "Skipped";
            default -> state;
        };
    }

    /** Back to the list the action was taken from: its query only, never another address. */
    private static Response back(String notice, String query) {
        String kept = query == null || !query.matches("[A-Za-z0-9=&%._*+-]{0,500}") ? "" : query;
        return Response.seeOther(URI.create(PATH + "?notice=" + notice + (kept.isEmpty() ? "" : "&" + kept)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The operator's owners and admins; anyone else signed in finds no such page. */
    static PortalUser admin(ContainerRequestContext request) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        if (!PayAdminPages.operatorAdmin(user)) {
            throw ProblemException.notFound("There is no such page.");
        }
        return user;
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
