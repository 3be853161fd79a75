package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/pay/reconciliation} for the operator's owners and admins, as the Reconciliation page: the write-backs
 * newest first with filters {@code state}, {@code customer}, {@code from}, {@code to} (YYYY-MM-DD, UTC) and paging
 * {@code page}, {@code size} (up to 200); {@code POST .../{externalId}/retry} and
 * {@code POST .../{externalId}/resolve} with {@code {"note": "..."}}; {@code POST .../pay-links} writes a pay-now link
 * into every open NetSuite invoice that has none. Anyone else gets 404.
 */
@Component(service = ReconciliationApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/pay/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public final class ReconciliationApi {

    private final Reconciliation reconciliation;

    @Activate
    public ReconciliationApi(@Reference Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /** A write-back as the API shows it; {@code netsuiteUrl} is the customer payment's page in NetSuite. */
    public record Row(String externalId, UUID payment, long customerId, String customer, String paymentStatus,
            BigDecimal amount, String currency, String state, String netsuiteId, String netsuiteUrl, int attempts,
            String lastError, Instant createdAt, Instant postedAt, Instant resolvedAt, String resolvedBy,
            String resolutionNote) {
    }

    /** @param overdue how many wait longer than {@code warnAfterMinutes} */
    public record Page(List<Row> writebacks, long total, int page, int size, long overdue, int warnAfterMinutes) {
    }

    /** What was done in NetSuite by hand. */
    public record Resolution(String note) {
    }

    @GET
    public Page list(@Context ContainerRequestContext request, @QueryParam("state") String state,
            @QueryParam("customer") String customer, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PortalUser user = ReconciliationPages.admin(request);
        Reconciliation.Page found = reconciliation.list(Reconciliation.filter(user.tenantId(), state, customer, from,
                to, page, size));
        Reconciliation.Overdue overdue = reconciliation.overdue(user.tenantId());
        return new Page(found.rows().stream().map(this::row).toList(), found.total(), found.page(), found.size(),
                overdue.count(), overdue.warnAfterMinutes());
    }

    @POST
    @Path("{externalId}/retry")
    public Row retry(@PathParam("externalId") String externalId, @Context ContainerRequestContext request) {
        PortalUser user = ReconciliationPages.admin(request);
        return row(reconciliation.retry(PayAdminPages.actor(user), externalId));
    }

    @POST
    @Path("{externalId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Row resolve(@PathParam("externalId") String externalId, Resolution body,
            @Context ContainerRequestContext request) {
        PortalUser user = ReconciliationPages.admin(request);
        return row(reconciliation.resolve(PayAdminPages.actor(user), externalId, body == null ? null : body.note()));
    }

    /** How many open invoices were queued for a pay-now link. */
    public record Published(int invoices) {
    }

    @POST
    @Path("pay-links")
    public Published publishPayLinks(@Context ContainerRequestContext request) {
        PortalUser user = ReconciliationPages.admin(request);
        return new Published(reconciliation.publishPayLinks(PayAdminPages.actor(user)));
    }

    private Row row(WritebackRow r) {
        return new Row(r.externalId(), r.paymentId(), r.organizationId(), r.organizationName(), r.paymentStatus(),
                r.invoicesAmount(), r.currency(), r.state(), r.netsuiteId(),
                reconciliation.netsuiteUrl(r).map(Object::toString).orElse(null), r.attempts(), r.lastError(),
                r.createdAt(), r.postedAt(), r.resolvedAt(), r.resolvedBy(), r.resolutionNote());
    }
}
