package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.RecordReader;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paying through a no-login payment link, {@code /pay/l/{token}}: the link's invoices with their current balances,
 * then the same checkout as signed-in payers, every step under the link's path and bound to it (a payment is found
 * only through the link it was made with). The holder needs no account; their email is asked for the receipt.
 *
 * <p>Forms are protected like identity's pages before sign-in: a random token in a cookie that the form repeats
 * (a cross-site page can make the browser post but cannot read the cookie). When the browser is signed in anyway,
 * the session's own CSRF token is used, as the platform's filter checks it.
 */
@Component(service = PayLinkPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("pay/l/{token}")
public final class PayLinkPages {

    static final String CSRF_COOKIE = "portico_pay_link_csrf";
    private static final String CSRF_FIELD = "csrf";
    private static final Logger LOG = LoggerFactory.getLogger(PayLinkPages.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PayCore core;
    private final Pages pages;
    private final CheckoutSteps steps;

    @Activate
    public PayLinkPages(@Reference PayCore core, @Reference Pages pages, @Reference RecordReader records) {
        this.core = core;
        this.pages = pages;
        this.steps = new CheckoutSteps(core, pages, records);
    }

    /** The link's invoices as they stand now (paid ones say so) and the amounts to pay; nothing from the URL. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response choose(@PathParam("token") String token, @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        return guarded(() -> {
            PayLink link = core.links().open(token);
            Form form = form(request, headers);
            return form.deliver(steps.choose(place(link, token, form), PaymentLinks.scope(link), link.invoiceIds(),
                    headers.getAcceptableLanguages()));
        });
    }

    /** Opens the payment of the amounts entered, of the link's invoices only, with the email for the receipt. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response open(@PathParam("token") String token, MultivaluedMap<String, String> fields,
            @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        return guarded(() -> {
            PayLink link = core.links().find(token);
            Form form = checked(request, headers, fields);
            Payer payer = PaymentLinks.payer(link, fields.getFirst("email"));
            return steps.open(place(link, token, form), payer,
                    PaymentLinks.ofLink(link, CheckoutSteps.allocations(fields)));
        });
    }

    /** A payment of this link: the payment-method step while it is open, its outcome afterwards. */
    @GET
    @Path("{payment}")
    @Produces(MediaType.TEXT_HTML)
    public Response payment(@PathParam("token") String token, @PathParam("payment") String id,
            @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        return guarded(() -> {
            PayLink link = core.links().find(token);
            Payment payment = core.links().payment(link, CheckoutSteps.publicId(id));
            Form form = form(request, headers);
            return form.deliver(steps.payment(place(link, token, form), payer(link, payment), payment,
                    headers.getAcceptableLanguages()));
        });
    }

    /** The payment method entered: what it adds or takes off, and the total, before paying. */
    @POST
    @Path("{payment}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response review(@PathParam("token") String token, @PathParam("payment") String id,
            MultivaluedMap<String, String> fields, @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        return guarded(() -> {
            PayLink link = core.links().find(token);
            Payment payment = core.links().payment(link, CheckoutSteps.publicId(id));
            Form form = checked(request, headers, fields);
            return steps.review(place(link, token, form), payer(link, payment), payment, fields.getFirst("methodToken"),
                    headers.getAcceptableLanguages());
        });
    }

    /** Pays: the fees are decided again from the processor's facts; a second submit pays nothing more. */
    @POST
    @Path("{payment}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("token") String token, @PathParam("payment") String id,
            MultivaluedMap<String, String> fields, @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        return guarded(() -> {
            PayLink link = core.links().find(token);
            Payment payment = core.links().payment(link, CheckoutSteps.publicId(id));
            Form form = checked(request, headers, fields);
            return steps.confirm(place(link, token, form), payer(link, payment), payment, fields.getFirst("methodToken"),
                    request.getUriInfo());
        });
    }

    /** Where the processor sends the payer back after a challenge: ask it how it ended. */
    @GET
    @Path("{payment}/return")
    public Response returned(@PathParam("token") String token, @PathParam("payment") String id) {
        return guarded(() -> {
            PayLink link = core.links().find(token);
            return steps.returned(place(link, token, null), core.links().payment(link, CheckoutSteps.publicId(id)));
        });
    }

    /** The payer of a payment already opened: the email they gave when they opened it. */
    private static Payer payer(PayLink link, Payment payment) {
        return new Payer(PaymentLinks.scope(link), null, link.id(), payment.payerEmail());
    }

    private CheckoutSteps.Place place(PayLink link, String token, Form form) {
        return new CheckoutSteps.Place("/pay/l/" + token, false, title -> {
            Map<String, Object> model = new HashMap<>();
            model.put("title", title);
            model.put("csrf", form == null ? "" : form.token());
            model.put("operator", pages.branding().name());
            model.put("linkFor", link.organizationName());
            return model;
        });
    }

    /**
     * The token the page's forms repeat: the session's when signed in, otherwise the browser's link cookie or a new
     * one that the response sets.
     */
    private static Form form(ContainerRequestContext request, HttpHeaders headers) {
        Object session = request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY);
        if (session instanceof String sessionToken) {
            return new Form(sessionToken, null);
        }
        Cookie cookie = headers.getCookies().get(CSRF_COOKIE);
        if (cookie != null && PaymentLinks.wellFormed(cookie.getValue())) {
            return new Form(cookie.getValue(), null);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        boolean secure = request.getSecurityContext().isSecure()
                || "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        return new Form(fresh, CSRF_COOKIE + "=" + fresh + "; Path=/pay/l/; Max-Age=86400; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }

    /**
     * The form's token checked against the browser's cookie (a signed-in browser's was checked by the platform).
     *
     * @throws ProblemException 403 when it does not match
     */
    private static Form checked(ContainerRequestContext request, HttpHeaders headers,
            MultivaluedMap<String, String> fields) {
        Form form = form(request, headers);
        String presented = fields.getFirst(CSRF_FIELD);
        if (form.setCookie() != null || presented == null || !MessageDigest.isEqual(
                form.token().getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("This form has expired. Open the payment link again and retry.");
        }
        return form;
    }

    /** A form's CSRF token, and the cookie to set when the browser had none. */
    private record Form(String token, String setCookie) {

        Response deliver(Response page) {
            return setCookie == null ? page : Response.fromResponse(page).header("Set-Cookie", setCookie).build();
        }
    }

    /**
     * Runs a step of a page whose path holds a token (a payment link, a bank verification link). The platform logs an
     * unexpected failure with the path: such a failure is logged here without it instead, so that a token never
     * reaches a log.
     */
    static Response guarded(Supplier<Response> step) {
        try {
            return step.get();
        } catch (ProblemException | WebApplicationException expected) {
            throw expected;
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Unexpected error on a page reached by a link with a token (incident {})", incident, e);
            throw new ProblemException(500, "Internal Server Error",
                    "The server could not complete the request; quote incident " + incident + " to support.");
        }
    }
}
