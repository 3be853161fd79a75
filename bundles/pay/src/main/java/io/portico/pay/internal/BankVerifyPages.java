package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.payment.BankVerification;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * {@code /pay/verify/{token}}: the page the payer of a bank payment reaches from the emailed link, with the payment's
 * invoices and amount, when the micro-deposits arrive, and a form for the descriptor code or the two amounts, which
 * Portico sends to the processor. No sign-in: the sealed token is the key, and a form without it cannot be posted,
 * so a cross-site page has nothing to forge; a signed-in browser repeats its session's CSRF token, which the
 * platform checks.
 */
@Component(service = BankVerifyPages.class, property = PorticoResource.PROPERTY + "=true")
@Path(BankVerifyPages.PATH + "/{token}")
public final class BankVerifyPages {

    static final String PATH = "/pay/verify";

    private final PayCore core;
    private final Pages pages;

    @Activate
    public BankVerifyPages(@Reference PayCore core, @Reference Pages pages) {
        this.core = core;
        this.pages = pages;
    }

    /** What the payment waits for now, asked of the processor (the payer may have verified elsewhere meanwhile). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token, @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        return PayLinkPages.guarded(() -> {
            Payment payment = core.bankVerifications().open(token);
            BankVerifications.Awaiting awaiting = core.bankVerifications().awaiting(payment);
            return render(token, request, headers, awaiting, null, Map.of(), 200);
        });
    }

    /** Sends the code or amounts to the processor; a wrong answer is shown with the processor's sentence. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response verify(@PathParam("token") String token, MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        return PayLinkPages.guarded(() -> {
            Payment payment = core.bankVerifications().open(token);
            try {
                core.bankVerifications().verify(payment, form.getFirst("code"), form.getFirst("amount1"),
                        form.getFirst("amount2"));
            } catch (ProblemException e) {
                if (e.status() != 400 && e.status() != 409) {
                    throw e;
                }
                BankVerifications.Awaiting now = core.bankVerifications().awaiting(payment);
                return render(token, request, headers, now, e.getMessage(), form, e.status());
            }
            return Response.seeOther(URI.create(PATH + "/" + token)).build();
        });
    }

    private Response render(String token, ContainerRequestContext request, HttpHeaders headers,
            BankVerifications.Awaiting awaiting, String error, Map<String, List<String>> typed, int status) {
        Formats formats = new Formats(headers.getAcceptableLanguages(), null);
        Payment payment = awaiting.payment();
        Map<String, Object> model = new HashMap<>();
        model.put("title", awaiting.verification() != null ? "Verify your bank account" : "Payment");
        Object csrf = request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY);
        model.put("csrf", csrf instanceof String session ? session : "");
        model.put("signedIn", false);
        model.put("action", PATH + "/" + token);
        model.put("payment", PaymentView.of(payment, core.checkout().ledger().allocations(payment), formats));
        model.put("error", error == null ? "" : error);
        model.put("code", first(typed, "code"));
        model.put("amount1", first(typed, "amount1"));
        model.put("amount2", first(typed, "amount2"));
        BankVerification verification = awaiting.verification();
        if (verification != null) {
            Map<String, Object> view = new HashMap<>();
            view.put("amounts", verification.kind() == BankVerification.Kind.AMOUNTS);
            view.put("arrives", verification.arrivesBy() == null ? ""
                    : formats.date(LocalDate.ofInstant(verification.arrivesBy(), ZoneOffset.UTC)));
            view.put("processorPage", verification.processorPage() == null ? ""
                    : verification.processorPage().toString());
            model.put("verification", view);
        }
        return Response.status(status).entity(pages.render(PayPages.class, "verify.ftlh", model))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                // The token is the key to the payment: no referrer carries it to the processor's page.
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store").build();
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        String value = values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
        return value.length() > 10 ? value.substring(0, 10) : value;
    }
}
