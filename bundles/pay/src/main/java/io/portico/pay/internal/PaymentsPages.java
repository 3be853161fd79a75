package io.portico.pay.internal;

import io.portico.api.identity.Organizations;
import io.portico.api.identity.PortalUser;
import io.portico.api.payment.Dispute;
import io.portico.api.payment.PaymentException;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The payments made in Portico: a customer's own, or every customer's for operator staff (filterable by customer,
 * status and date, and as CSV), each with its invoices, fees, method, status history and refunds. The operator's
 * admins refund from a payment's page.
 */
@Component(service = PaymentsPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("payments")
public final class PaymentsPages {

    private static final String PATH = "/payments";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PayCore core;
    private final Pages pages;
    private final Organizations organizations;

    @Activate
    public PaymentsPages(@Reference PayCore core, @Reference Pages pages, @Reference Organizations organizations) {
        this.core = core;
        this.pages = pages;
        this.organizations = organizations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @QueryParam("customer") String customer, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page) {
        PortalUser user = PaymentsAccess.reader(PortalUser.require(request.getSecurityContext().getUserPrincipal()));
        PaymentFilter filter = PaymentsAccess.filter(user.scope(), customer, status, from, to, page, null);
        PaymentsQuery.Page found = core.payments().list(filter);
        Formats amounts = new Formats(headers.getAcceptableLanguages(), null);
        Map<String, Object> model = model(request, user, "Payments made here");
        model.put("payments", found.rows().stream().map(p -> row(p, amounts)).toList());
        model.put("total", found.total());
        int pageNumber = filter.offset() / filter.limit() + 1;
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (found.total() + filter.limit() - 1) / filter.limit()));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("customer", text(customer));
        query.put("status", text(status));
        query.put("from", text(from));
        query.put("to", text(to));
        model.put("filter", query);
        model.put("query", queryString(query));
        if (user.operatorStaff()) {
            model.put("customers", organizations.customers(null, true, 0, 500).stream()
                    .map(o -> Map.of("id", String.valueOf(o.id()), "name", o.name())).toList());
        }
        model.put("statuses", PaymentsAccess.STATUSES.stream().sorted()
                .map(s -> Map.of("value", s, "label", PaymentView.status(s))).toList());
        return html(200, "payments.ftlh", model);
    }

    @GET
    @Path("csv")
    @Produces("text/csv")
    public Response csv(@Context ContainerRequestContext request, @QueryParam("customer") String customer,
            @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to) {
        PortalUser user = PaymentsAccess.reader(PortalUser.require(request.getSecurityContext().getUserPrincipal()));
        PaymentFilter first = PaymentsAccess.filter(user.scope(), customer, status, from, to, null,
                String.valueOf(PaymentsQuery.MAX_PAGE));
        StreamingOutput body = out -> {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a BOM, so that Excel reads UTF-8
            out.write(("Date,Payment,Customer,Payer,Status,Currency,Invoices,Surcharge,Bank fee,Bank discount,Total,"
                    + "Refunded,Method\r\n").getBytes(StandardCharsets.UTF_8));
            PaymentFilter filter = first;
            List<PaymentRow> rows;
            do {
                rows = core.payments().list(filter).rows();
                for (PaymentRow p : rows) {
                    out.write(String.join(",", List.of(p.createdAt().toString(), p.publicId().toString(),
                            csvCell(p.organizationName()), csvCell(p.payerEmail()), p.status(), p.currency(),
                            plain(p.invoicesAmount()), plain(p.surcharge()), plain(p.bankFee()),
                            plain(p.bankDiscount()), plain(p.total()), plain(p.amountRefunded()),
                            csvCell(method(p)))).concat("\r\n").getBytes(StandardCharsets.UTF_8));
                }
                filter = new PaymentFilter(filter.scope(), filter.organizationId(), filter.status(), filter.from(),
                        filter.to(), filter.offset() + filter.limit(), filter.limit());
            } while (rows.size() == filter.limit());
        };
        return Response.ok(body, new MediaType("text", "csv", "UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"payments.csv\"").build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response detail(@PathParam("id") String id, @Context ContainerRequestContext request,
            @Context HttpHeaders headers, @QueryParam("notice") String notice) {
        PortalUser user = PaymentsAccess.reader(PortalUser.require(request.getSecurityContext().getUserPrincipal()));
        return detailPage(request, headers, user, PaymentsAccess.id(id), 200, null,
                "refunded".equals(notice) ? "The refund was made." : null, "");
    }

    /** Refunds all or part of the payment: the operator's admins only. */
    @POST
    @Path("{id}/refund")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response refund(@PathParam("id") String id, MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = PaymentsAccess.reader(PortalUser.require(request.getSecurityContext().getUserPrincipal()));
        UUID publicId = PaymentsAccess.id(id);
        if (!PayAdminPages.operatorAdmin(user)) {
            throw ProblemException.forbidden("Only the operator's administrators may refund.");
        }
        String amount = form.getFirst("amount");
        try {
            core.refunds().refund(user.scope(), publicId, amount(amount), form.getFirst("reason"),
                    PayAdminPages.actor(user));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return detailPage(request, headers, user, publicId, e.status(), e.detail(), null, text(amount));
        }
        return Response.seeOther(URI.create(PATH + "/" + publicId + "?notice=refunded"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private Response detailPage(ContainerRequestContext request, HttpHeaders headers, PortalUser user, UUID id,
            int status, String error, String notice, String amount) {
        PaymentsQuery.Detail detail = core.payments().find(user.scope(), id)
                .orElseThrow(() -> ProblemException.notFound("There is no such payment here."));
        Formats amounts = new Formats(headers.getAcceptableLanguages(), null);
        PaymentRow p = detail.payment();
        Map<String, Object> model = model(request, user, "Payment");
        Map<String, Object> view = row(p, amounts);
        view.put("invoicesAmount", amounts.money(p.invoicesAmount(), p.currency()));
        view.put("surcharge", positive(p.surcharge()) ? amounts.money(p.surcharge(), p.currency()) : null);
        view.put("bankFee", positive(p.bankFee()) ? amounts.money(p.bankFee(), p.currency()) : null);
        view.put("bankDiscount", positive(p.bankDiscount()) ? amounts.money(p.bankDiscount(), p.currency()) : null);
        view.put("failureReason", text(p.failureReason()));
        view.put("payer", text(p.payerEmail()));
        model.put("payment", view);
        model.put("invoices", detail.allocations().stream().map(a -> Map.of(
                "number", a.invoiceNumber() == null ? String.valueOf(a.invoiceNetsuiteId()) : a.invoiceNumber(),
                "href", "/records/invoice/" + a.invoiceNetsuiteId(),
                "amount", amounts.money(a.amount(), p.currency()))).toList());
        model.put("events", detail.events().stream().map(e -> Map.of("status", PaymentView.status(e.status()),
                "when", WHEN.format(e.occurredAt()), "detail", text(e.detail()))).toList());
        model.put("refunds", detail.refunds().stream().map(r -> Map.of("amount", amounts.money(r.amount(),
                p.currency()), "status", r.status(), "reason", text(r.reason()), "failureReason",
                text(r.failureReason()), "when", WHEN.format(r.createdAt()))).toList());
        if ("disputed".equals(p.status()) && user.operatorStaff()) {
            disputes(model, p, amounts);
        }
        boolean refundable = PayAdminPages.operatorAdmin(user) && ("succeeded".equals(p.status())
                || "partially_refunded".equals(p.status()));
        model.put("refundable", refundable);
        model.put("refundLeft", Amounts.plain(p.refundable(), p.currency()));
        model.put("amount", amount);
        model.put("currency", p.currency());
        if (error != null) {
            model.put("error", error);
        }
        if (notice != null) {
            model.put("notice", notice);
        }
        return html(status, "payment.ftlh", model);
    }

    /** A disputed payment's disputes, asked from its processor now (nothing is kept), for the operator's staff. */
    private void disputes(Map<String, Object> model, PaymentRow p, Formats amounts) {
        try {
            model.put("disputes", core.checkout().disputes(p).stream().map(d -> Map.of(
                    "status", disputeStatus(d.status()), "amount", amounts.money(d.amount().amount(), p.currency()),
                    "reason", text(d.reason()),
                    "due", d.evidenceDueBy() == null ? "" : WHEN.format(d.evidenceDueBy()))).toList());
        } catch (PaymentException e) {
            model.put("disputesError", e.getMessage());
        }
    }

    private static String disputeStatus(Dispute.Status status) {
        return switch (status) {
            case NEEDS_RESPONSE -> "Needs a response";
            case UNDER_REVIEW -> "Under review";
            case WON -> "Won";
            case LOST -> "Lost";
            case CLOSED -> "Closed";
        };
    }

    private static Map<String, Object> row(PaymentRow p, Formats amounts) {
        Map<String, Object> row = new HashMap<>();
        row.put("href", PATH + "/" + p.publicId());
        row.put("id", p.publicId().toString());
        row.put("when", WHEN.format(p.createdAt()));
        row.put("customer", p.organizationName());
        row.put("total", amounts.money(p.total(), p.currency()));
        row.put("refunded", positive(p.amountRefunded()) ? amounts.money(p.amountRefunded(), p.currency()) : "");
        row.put("status", PaymentView.status(p.status()));
        row.put("pill", PaymentView.pill(p.status()));
        row.put("method", method(p));
        return row;
    }

    private static String method(PaymentRow p) {
        if (p.methodKind() == null) {
            return "";
        }
        String last4 = p.methodLast4() == null ? "" : " ending in " + p.methodLast4();
        if ("us_bank_account".equals(p.methodKind())) {
            return "Bank account" + last4;
        }
        String funding = p.cardFunding() == null || "unknown".equals(p.cardFunding()) ? "" : p.cardFunding() + " ";
        return (p.methodBrand() == null ? "" : p.methodBrand() + " ") + funding + "card" + last4;
    }

    private static BigDecimal amount(String value) {
        if (value == null || value.isBlank()) {
            return null; // all that is left
        }
        String plain = value.trim().replace(",", "");
        if (plain.length() > 20 || !plain.matches("-?[0-9]*(\\.[0-9]+)?") || plain.equals("-")) {
            throw ProblemException.badRequest("The amount to refund is not an amount: write it like 1234.56.");
        }
        return new BigDecimal(plain);
    }

    private static Map<String, Object> model(ContainerRequestContext request, PortalUser user, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("user", user);
        model.put("staff", user.operatorStaff());
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        model.put("currentPath", PATH);
        return model;
    }

    private Response html(int status, String template, Map<String, Object> model) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(PaymentsPages.class, template, model))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private static String csvCell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // a spreadsheet must not run a cell as a formula
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static boolean positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
