package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/payments}: the payments made in Portico, newest first, scoped like the pages ({@link PaymentsAccess}):
 * filters {@code customer} (staff), {@code status}, {@code from}, {@code to} (YYYY-MM-DD, UTC), paging
 * {@code page} and {@code size} (up to 200); {@code /api/payments/{id}} with allocations, history and refunds.
 */
@Component(service = PaymentsApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/payments")
public final class PaymentsApi {

    private final PayCore core;

    @Activate
    public PaymentsApi(@Reference PayCore core) {
        this.core = core;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PaymentJson.Page list(@Context SecurityContext security, @QueryParam("customer") String customer,
            @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PortalUser user = PaymentsAccess.reader(PortalUser.require(security.getUserPrincipal()));
        PaymentFilter filter = PaymentsAccess.filter(user.scope(), customer, status, from, to, page, size);
        PaymentsQuery.Page found = core.payments().list(filter);
        return new PaymentJson.Page(found.rows().stream().map(PaymentJson::of).toList(), found.total(),
                filter.offset() / filter.limit() + 1, filter.limit());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public PaymentJson detail(@PathParam("id") String id, @Context SecurityContext security) {
        PortalUser user = PaymentsAccess.reader(PortalUser.require(security.getUserPrincipal()));
        return core.payments().find(user.scope(), PaymentsAccess.id(id)).map(PaymentJson::of)
                .orElseThrow(() -> ProblemException.notFound("There is no such payment here."));
    }
}
