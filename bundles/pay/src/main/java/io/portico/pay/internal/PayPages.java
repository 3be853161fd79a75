package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RecordReader;
import io.portico.api.web.ContentSecurityPolicy;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static final String INVOICE = "invoice";

    private final PayCore core;
    private final Pages pages;
    private final RecordReader records;

    @Activate
    public PayPages(@Reference PayCore core, @Reference Pages pages, @Reference RecordReader records) {
        this.core = core;
        this.pages = pages;
        this.records = records;
    }

    /** The invoices chosen in a list or on a detail page ({@code ?invoice=ID&invoice=ID}), with amounts to adjust. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response choose(@Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = payingUser(request);
        List<Long> ids = invoiceIds(request.getUriInfo().getQueryParameters().get(INVOICE));
        List<InvoiceBalance> invoices = core.checkout().ledger().balances(user.scope(), ids);
        if (invoices.size() != ids.size()) {
            throw ProblemException.notFound("There is no such invoice here.");
        }
        PaySettings settings = core.checkout().settings(user.tenantId());
        Amounts amounts = new Amounts(headers.getAcceptableLanguages());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InvoiceBalance invoice : invoices) {
            RecordDetail detail = records.find(user.scope(), INVOICE, invoice.netsuiteId())
                    .orElseThrow(() -> ProblemException.notFound("There is no such invoice here."));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", invoice.netsuiteId());
            row.put("number", invoice.number());
            row.put("href", "/records/invoice/" + invoice.netsuiteId());
            row.put("payable", amounts.money(invoice.payable(), invoice.currency()));
            row.put("amount", Amounts.plain(invoice.payable(), invoice.currency()));
            row.put("paid", invoice.payable().signum() == 0);
            row.put("lines", detail.lines().getOrDefault("items", List.of()).stream().map(l -> Map.of(
                    "item", text(l.item()), "description", text(l.description()),
                    "amount", l.amount() == null ? "" : amounts.money(l.amount(), invoice.currency()))).toList());
            rows.add(row);
        }
        Map<String, Object> model = model(request, user, "Pay invoices");
        model.put("invoices", rows);
        model.put("enabled", settings.enabled());
        model.put("partial", settings.partialPayments());
        model.put("surchargePercent", settings.cardSurchargePercent().signum() > 0
                ? settings.cardSurchargePercent().stripTrailingZeros().toPlainString() : null);
        model.put("bankFee", settings.bankFee().signum() > 0 ? amounts.money(settings.bankFee(), "USD") : null);
        model.put("bankDiscount", settings.bankDiscountPercent().signum() > 0
                ? settings.bankDiscountPercent().stripTrailingZeros().toPlainString() : null);
        return page("choose.ftlh", model);
    }

    /** Opens the payment of the chosen invoices in the amounts entered ({@code amount-ID}) and goes to paying it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response open(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = payingUser(request);
        List<Allocation> allocations = new ArrayList<>();
        for (long id : invoiceIds(form.get(INVOICE))) {
            allocations.add(new Allocation(id, amount(form.getFirst("amount-" + id), id)));
        }
        Payer payer = new Payer(user.scope(), user.userId(), null, user.email());
        Payment payment = core.checkout().open(payer, allocations);
        return Response.seeOther(URI.create("/pay/" + payment.publicId())).build();
    }

    /** A payment: the payment-method step while it is open, its outcome afterwards. */
    @GET
    @Path("{payment}")
    @Produces(MediaType.TEXT_HTML)
    public Response payment(@PathParam("payment") String id, @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        PortalUser user = payingUser(request);
        Payer payer = payer(user);
        Payment payment = find(payer, id);
        Amounts amounts = new Amounts(headers.getAcceptableLanguages());
        Map<String, Object> model = model(request, user, "created".equals(payment.status()) ? "Pay" : "Payment");
        model.put("payment", PaymentView.of(payment, core.checkout().ledger().allocations(payment), amounts));
        if ("created".equals(payment.status())) {
            CheckoutSession session = core.checkout().prepare(payer, payment, description(payment));
            model.put("element", session.elementAttributes());
            model.put("scripts", session.scripts().stream().map(URI::toString).toList());
            return Response.fromResponse(page("method.ftlh", model)).header(ContentSecurityPolicy.HEADER,
                    ContentSecurityPolicy.widened(session.scriptSources(), session.frameSources(),
                            session.connectSources(), session.frameSources())).build();
        }
        return page("outcome.ftlh", model);
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
        Payment payment = find(payer, id);
        if (!"created".equals(payment.status())) {
            return Response.seeOther(URI.create("/pay/" + payment.publicId())).build();
        }
        Checkout.Review review = core.checkout().review(payer, payment, form.getFirst("methodToken"));
        Amounts amounts = new Amounts(headers.getAcceptableLanguages());
        Map<String, Object> model = model(request, user, "Review and pay");
        model.put("payment", PaymentView.of(payment, core.checkout().ledger().allocations(payment), amounts));
        model.put("review", PaymentView.review(review, amounts));
        model.put("methodToken", form.getFirst("methodToken"));
        // Paying may answer with a redirect to the processor's challenge page, which the form's policy must allow.
        CheckoutSession session = core.checkout().prepare(payer, payment, description(payment));
        return Response.fromResponse(page("review.ftlh", model)).header(ContentSecurityPolicy.HEADER,
                ContentSecurityPolicy.widened(List.of(), List.of(), List.of(), session.frameSources())).build();
    }

    /** Pays: the fees are decided again from the processor's facts; a second submit pays nothing more. */
    @POST
    @Path("{payment}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("payment") String id, MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request) {
        PortalUser user = payingUser(request);
        Payer payer = payer(user);
        UUID publicId = find(payer, id).publicId();
        URI back = request.getUriInfo().getBaseUriBuilder().path("pay").path(publicId.toString()).path("return")
                .build();
        Checkout.Outcome outcome = core.checkout().confirm(payer, publicId, form.getFirst("methodToken"), back);
        return Response.seeOther(outcome.actionUri() != null ? outcome.actionUri()
                : URI.create("/pay/" + publicId)).build();
    }

    /** Where the processor sends the payer back after a challenge: ask it how it ended. */
    @GET
    @Path("{payment}/return")
    public Response returned(@PathParam("payment") String id, @Context ContainerRequestContext request) {
        PortalUser user = payingUser(request);
        Payment payment = core.checkout().refresh(find(payer(user), id));
        return Response.seeOther(URI.create("/pay/" + payment.publicId())).build();
    }

    private Payment find(Payer payer, String id) {
        UUID publicId;
        try {
            publicId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no such payment here.");
        }
        return core.checkout().ledger().find(payer.scope(), publicId)
                .orElseThrow(() -> ProblemException.notFound("There is no such payment here."));
    }

    private static Payer payer(PortalUser user) {
        return new Payer(user.scope(), user.userId(), null, user.email());
    }

    private static String description(Payment payment) {
        return "Portico payment " + payment.publicId();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** The signed-in user, who may pay invoices (a browser without a session is sent to sign in first). */
    private static PortalUser payingUser(ContainerRequestContext request) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        if (!user.canPay(INVOICE)) {
            throw ProblemException.notFound("There is nothing to pay here.");
        }
        return user;
    }

    private static List<Long> invoiceIds(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw ProblemException.badRequest("Choose at least one invoice to pay (invoice).");
        }
        if (values.size() > PaymentLedger.MAX_INVOICES) {
            throw ProblemException.badRequest("Pay at most " + PaymentLedger.MAX_INVOICES + " invoices at once.");
        }
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            try {
                long id = Long.parseLong(value.trim());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                throw ProblemException.notFound("There is no such invoice here.");
            }
        }
        return ids;
    }

    private static BigDecimal amount(String value, long invoice) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("Enter an amount for each invoice (amount-" + invoice + ").");
        }
        String plain = value.trim().replace(",", "");
        if (plain.length() > 20 || !plain.matches("-?[0-9]*(\\.[0-9]+)?")) {
            throw ProblemException.badRequest("The amount-" + invoice + " field is not an amount: write it like "
                    + "1234.56.");
        }
        return new BigDecimal(plain);
    }

    private static Map<String, Object> model(ContainerRequestContext request, PortalUser user, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("user", user);
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        model.put("currentPath", "/records/invoice");
        return model;
    }

    private Response page(String template, Map<String, Object> model) {
        return Response.ok(pages.render(PayPages.class, template, model), MediaType.TEXT_HTML_TYPE
                .withCharset("UTF-8")).build();
    }
}
