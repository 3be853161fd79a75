package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.RecordReader;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
 * Paying invoices in the portal: choose the amounts, enter a payment method in the processor's element, see the
 * surcharge or fee and the total before paying, pay, and see the outcome. Every step reads and writes through the
 * signed-in user's scope; a user without pay access to invoices, another organization's invoice and a payment that
 * does not exist are the same 404.
 */
@Component(service = PayPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("pay")
public final class PayPages {

    private final PayCore core;
    private final CheckoutSteps steps;

    @Activate
    public PayPages(@Reference PayCore core, @Reference Pages pages, @Reference RecordReader records) {
        this.core = core;
        this.steps = new CheckoutSteps(core, pages, records);
    }

    /** The invoices chosen in a list or on a detail page ({@code ?invoice=ID&invoice=ID}), with amounts to adjust. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response choose(@Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = payingUser(request);
        List<Long> ids = CheckoutSteps.invoiceIds(request.getUriInfo().getQueryParameters()
                .get(CheckoutSteps.INVOICE));
        return steps.choose(place(request, user), user.scope(), ids, headers.getAcceptableLanguages());
    }

    /** Opens the payment of the chosen invoices in the amounts entered ({@code amount-ID}) and goes to paying it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response open(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = payingUser(request);
        return steps.open(place(request, user), payer(user), CheckoutSteps.allocations(form));
    }

    /** A payment: the payment-method step while it is open, its outcome afterwards. */
    @GET
    @Path("{payment}")
    @Produces(MediaType.TEXT_HTML)
    public Response payment(@PathParam("payment") String id, @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        PortalUser user = payingUser(request);
        Payer payer = payer(user);
        return steps.payment(place(request, user), payer, find(payer, id), headers.getAcceptableLanguages());
    }

    /** The payment method entered: what it adds or takes off, and the total, before paying. */
    @POST
    @Path("{payment}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response review(@PathParam("payment") String id, MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = payingUser(request);
        Payer payer = payer(user);
        return steps.review(place(request, user), payer, find(payer, id), form.getFirst("methodToken"),
                headers.getAcceptableLanguages());
    }

    /** Pays: the fees are decided again from the processor's facts; a second submit pays nothing more. */
    @POST
    @Path("{payment}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("payment") String id, MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request) {
        PortalUser user = payingUser(request);
        Payer payer = payer(user);
        return steps.confirm(place(request, user), payer, find(payer, id), form.getFirst("methodToken"),
                request.getUriInfo());
    }

    /** Where the processor sends the payer back after a challenge: ask it how it ended. */
    @GET
    @Path("{payment}/return")
    public Response returned(@PathParam("payment") String id, @Context ContainerRequestContext request) {
        PortalUser user = payingUser(request);
        return steps.returned(place(request, user), find(payer(user), id));
    }

    private Payment find(Payer payer, String id) {
        return core.checkout().ledger().find(payer.scope(), CheckoutSteps.publicId(id))
                .orElseThrow(() -> ProblemException.notFound("There is no such payment here."));
    }

    private static Payer payer(PortalUser user) {
        return new Payer(user.scope(), user.userId(), null, user.email());
    }

    private static CheckoutSteps.Place place(ContainerRequestContext request, PortalUser user) {
        return new CheckoutSteps.Place("/pay", true, title -> {
            Map<String, Object> model = new HashMap<>();
            model.put("title", title);
            model.put("user", user);
            model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
            model.put("currentPath", "/records/invoice");
            return model;
        });
    }

    /** The signed-in user, who may pay invoices (a browser without a session is sent to sign in first). */
    private static PortalUser payingUser(ContainerRequestContext request) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        if (!user.canPay(CheckoutSteps.INVOICE)) {
            throw ProblemException.notFound("There is nothing to pay here.");
        }
        return user;
    }
}
