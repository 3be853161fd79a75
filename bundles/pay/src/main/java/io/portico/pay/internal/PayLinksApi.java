package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Payment links in the JSON API, for the same people as {@link PayLinksPages}: {@code POST /api/pay/links} with
 * {@code {"invoices": [ID, ...], "days": 30}} answers 201 with the link's {@code url} (the only time it is given),
 * {@code GET /api/pay/links} lists them (of one customer with {@code ?customer=ID}),
 * {@code POST /api/pay/links/{id}/revoke} withdraws one. And for a link's holder, without an account,
 * {@code GET /api/pay/l/{token}}: the link's invoices with what is left to pay now.
 */
@Component(service = PayLinksApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/pay")
@Produces(MediaType.APPLICATION_JSON)
public final class PayLinksApi {

    private final PayCore core;

    @Activate
    public PayLinksApi(@Reference PayCore core) {
        this.core = core;
    }

    /** What to make a link for: invoices by NetSuite id, and optionally how many days it is valid. */
    public record NewLink(List<Long> invoices, Integer days) {
    }

    /** The links the user may manage, newest first; of one customer with {@code ?customer=ID}. */
    @GET
    @Path("links")
    public List<PayLinkView> list(@QueryParam("customer") Long customer, @Context ContainerRequestContext request) {
        PortalUser user = PayLinksPages.linkManager(request);
        return core.links().list(user.scope(), customer).stream()
                .map(l -> PayLinkView.of(l, core.links().expired(l), null)).toList();
    }

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewLink body, @Context ContainerRequestContext request) {
        PortalUser user = PayLinksPages.linkManager(request);
        if (body == null || body.invoices() == null || body.invoices().isEmpty()
                || body.invoices().stream().anyMatch(id -> id == null || id <= 0)) {
            throw ProblemException.badRequest("Send {\"invoices\": [ID, ...]} with the invoices' ids, and optionally "
                    + "\"days\" (1 to " + PaymentLinks.MAX_DAYS + ").");
        }
        PaymentLinks.Created created = core.links().create(user.scope(), user.userId(), body.invoices(),
                body.days());
        return Response.status(Response.Status.CREATED).entity(PayLinkView.of(created.link(), false,
                PayLinksPages.url(request.getUriInfo(), created.token()))).build();
    }

    @POST
    @Path("links/{id: [0-9]{1,18}}/revoke")
    public PayLinkView revoke(@PathParam("id") long id, @Context ContainerRequestContext request) {
        PortalUser user = PayLinksPages.linkManager(request);
        PayLink link = core.links().revoke(user.scope(), id);
        return PayLinkView.of(link, core.links().expired(link), null);
    }

    /** An invoice of a link as its holder sees it: what is left to pay right now. */
    public record LinkInvoice(long id, String number, String currency, BigDecimal payable, boolean paid) {
    }

    /** A link as its holder sees it. */
    public record OpenedLink(String customer, Instant expiresAt, List<LinkInvoice> invoices) {
    }

    /**
     * What a link asks to be paid, for its holder (no account): 404 for a link that is not valid, has expired or
     * was withdrawn, each in its own words.
     */
    @GET
    @Path("l/{token}")
    public OpenedLink open(@PathParam("token") String token) {
        PayLink link;
        try {
            link = core.links().open(token);
        } catch (ProblemException e) {
            throw ProblemException.notFound(e.detail());
        }
        return new OpenedLink(link.organizationName(), link.expiresAt(), core.checkout().ledger()
                .balances(PaymentLinks.scope(link), link.invoiceIds()).stream()
                .map(i -> new LinkInvoice(i.netsuiteId(), i.number(), i.currency(), i.payable(),
                        i.payable().signum() == 0)).toList());
    }
}
