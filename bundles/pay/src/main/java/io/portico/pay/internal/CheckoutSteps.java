package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RecordReader;
import io.portico.api.web.ContentSecurityPolicy;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.ProblemException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * The checkout's pages, one flow for the two kinds of payer: a signed-in user under {@code /pay} and the holder of a
 * payment link under {@code /pay/l/{token}}. Each step is told where the payer's checkout lives (its forms post
 * there) and who pays; finding the payer and their payment is the caller's job.
 */
final class CheckoutSteps {

    static final String INVOICE = "invoice";

    private final PayCore core;
    private final Pages pages;
    private final RecordReader records;

    CheckoutSteps(PayCore core, Pages pages, RecordReader records) {
        this.core = core;
        this.pages = pages;
        this.records = records;
    }

    /**
     * Where a checkout lives and what its pages show besides the steps.
     *
     * @param base the path the checkout's forms post to and its payments live under, e.g. {@code /pay}
     * @param signedIn whether the payer has an account (then invoices link to their pages); a link's holder is asked
     *     for an email for the receipt instead
     * @param model the page model for a title: the user and the CSRF token for the layout and the forms
     */
    record Place(String base, boolean signedIn, Function<String, Map<String, Object>> model) {

        String paymentPath(Payment payment) {
            return base + "/" + payment.publicId();
        }
    }

    /** The invoices to pay with what is left of each and the fee terms; the amounts can be lowered when allowed. */
    Response choose(Place place, DataScope scope, List<Long> ids, List<Locale> languages) {
        List<InvoiceBalance> invoices = core.checkout().ledger().balances(scope, ids);
        if (invoices.size() != ids.size()) {
            throw ProblemException.notFound("There is no such invoice here.");
        }
        PaySettings settings = core.checkout().settings(scope.tenantId());
        Formats amounts = new Formats(languages, null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InvoiceBalance invoice : invoices) {
            RecordDetail detail = records.find(scope, INVOICE, invoice.netsuiteId())
                    .orElseThrow(() -> ProblemException.notFound("There is no such invoice here."));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", String.valueOf(invoice.netsuiteId()));
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
        Map<String, Object> model = model(place, "Pay invoices");
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

    /** Opens the payment of the allocations asked and goes to paying it. */
    Response open(Place place, Payer payer, List<Allocation> allocations) {
        Payment payment = core.checkout().open(payer, allocations);
        return Response.seeOther(URI.create(place.paymentPath(payment))).build();
    }

    /** A payment: the payment-method step while it is open, its outcome afterwards. */
    Response payment(Place place, Payer payer, Payment payment, List<Locale> languages) {
        Formats amounts = new Formats(languages, null);
        Map<String, Object> model = model(place, "created".equals(payment.status()) ? "Pay" : "Payment");
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
    Response review(Place place, Payer payer, Payment payment, String methodToken, List<Locale> languages) {
        if (!"created".equals(payment.status())) {
            return Response.seeOther(URI.create(place.paymentPath(payment))).build();
        }
        Checkout.Review review = core.checkout().review(payer, payment, methodToken);
        Formats amounts = new Formats(languages, null);
        Map<String, Object> model = model(place, "Review and pay");
        model.put("payment", PaymentView.of(payment, core.checkout().ledger().allocations(payment), amounts));
        model.put("review", PaymentView.review(review, amounts));
        model.put("methodToken", methodToken);
        // Paying may answer with a redirect to the processor's challenge page, which the form's policy must allow.
        CheckoutSession session = core.checkout().prepare(payer, payment, description(payment));
        return Response.fromResponse(page("review.ftlh", model)).header(ContentSecurityPolicy.HEADER,
                ContentSecurityPolicy.widened(List.of(), List.of(), List.of(), session.frameSources())).build();
    }

    /** Pays: the fees are decided again from the processor's facts; a second submit pays nothing more. */
    Response confirm(Place place, Payer payer, Payment payment, String methodToken, UriInfo uri) {
        URI back = uri.getBaseUriBuilder().path(place.paymentPath(payment)).path("return").build();
        Checkout.Outcome outcome = core.checkout().confirm(payer, payment.publicId(), methodToken, back);
        return Response.seeOther(outcome.actionUri() != null ? outcome.actionUri()
                : URI.create(place.paymentPath(payment))).build();
    }

    /** Where the processor sends the payer back after a challenge: ask it how it ended. */
    Response returned(Place place, Payment payment) {
        Payment refreshed = core.checkout().refresh(payment);
        return Response.seeOther(URI.create(place.paymentPath(refreshed))).build();
    }

    /** A payment's public id from a path: anything else is a payment that does not exist. */
    static UUID publicId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no such payment here.");
        }
    }

    /** The invoices of a query or form ({@code invoice=ID&invoice=ID}), each once. */
    static List<Long> invoiceIds(List<String> values) {
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

    /** The chosen invoices with the amounts entered for them ({@code invoice} and {@code amount-ID}). */
    static List<Allocation> allocations(MultivaluedMap<String, String> form) {
        List<Allocation> allocations = new ArrayList<>();
        for (long id : invoiceIds(form.get(INVOICE))) {
            allocations.add(new Allocation(id, amount(form.getFirst("amount-" + id), id)));
        }
        return allocations;
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

    private static String description(Payment payment) {
        return "Portico payment " + payment.publicId();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Object> model(Place place, String title) {
        Map<String, Object> model = place.model().apply(title);
        model.put("base", place.base());
        model.put("signedIn", place.signedIn());
        return model;
    }

    private Response page(String template, Map<String, Object> model) {
        return Response.ok(pages.render(PayPages.class, template, model), MediaType.TEXT_HTML_TYPE
                .withCharset("UTF-8")).build();
    }
}
