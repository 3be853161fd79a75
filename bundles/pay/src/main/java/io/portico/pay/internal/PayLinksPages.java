package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Making and withdrawing payment links, for operator staff (any customer's invoices) and a customer's
 * administrators (their own): {@code POST /pay/links} with {@code invoice=ID} (repeated) and optionally
 * {@code days} answers a page with the link and a copy button; {@code GET /pay/links} lists the links with a
 * withdraw button each. An invoice page offers "Copy link" with a form posting to {@code /pay/links}.
 */
@Component(service = PayLinksPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("pay/links")
public final class PayLinksPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PayCore core;
    private final Pages pages;

    @Activate
    public PayLinksPages(@Reference PayCore core, @Reference Pages pages) {
        this.core = core;
        this.pages = pages;
    }

    /**
     * The links the user may manage, newest first (of one customer with {@code ?customer=ID}), with a withdraw
     * button on each active one.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("customer") Long customer, @Context ContainerRequestContext request) {
        PortalUser user = linkManager(request);
        Map<String, Object> model = model(request, user, "Payment links");
        model.put("links", core.links().list(user.scope(), customer).stream()
                .map(l -> row(PayLinkView.of(l, core.links().expired(l), null))).toList());
        model.put("staff", user.operatorStaff());
        return page("links.ftlh", model);
    }

    /** Makes a link to pay the invoices posted and shows it, once, with a copy button. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = linkManager(request);
        List<Long> ids = CheckoutSteps.invoiceIds(form.get(CheckoutSteps.INVOICE));
        PaymentLinks.Created created = core.links().create(user.scope(), user.userId(), ids,
                days(form.getFirst("days")));
        Map<String, Object> model = model(request, user, "Payment link");
        model.put("link", row(PayLinkView.of(created.link(), false, url(request.getUriInfo(), created.token()))));
        return Response.status(Response.Status.CREATED).entity(pages.render(PayPages.class, "link.ftlh", model))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** Withdraws a link: opening it afterwards says so. */
    @POST
    @Path("{id: [0-9]{1,18}}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, @Context ContainerRequestContext request) {
        PortalUser user = linkManager(request);
        core.links().revoke(user.scope(), id);
        return Response.seeOther(URI.create("/pay/links")).build();
    }

    /** Copies a link to the clipboard from its page; without JavaScript the link is selected for copying by hand. */
    @GET
    @Path("copy.js")
    @Produces("text/javascript")
    public Response script() throws IOException {
        try (InputStream in = PayLinksPages.class.getResourceAsStream("copy-link.js")) {
            return Response.ok(in.readAllBytes()).header("Cache-Control", "max-age=3600").build();
        }
    }

    /** The address to send: this portal's own, as the person making the link reached it. */
    static String url(UriInfo uri, String token) {
        return uri.getBaseUriBuilder().path("pay").path("l").path(token).build().toString();
    }

    /**
     * The signed-in user who may make payment links: operator staff who see invoices, or a customer's
     * administrator who may pay them (the same trust as inviting a colleague who pays: a link hands paying, and
     * only paying, to someone outside the portal). A member who pays does not hand that on.
     */
    static PortalUser linkManager(ContainerRequestContext request) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        boolean may = user.operatorStaff() ? user.canView(CheckoutSteps.INVOICE)
                : user.managesMembers() && user.canPay(CheckoutSteps.INVOICE);
        if (!may) {
            throw ProblemException.forbidden("Only operator staff and a customer's administrators make payment "
                    + "links.");
        }
        return user;
    }

    /** The validity asked for, in days; empty is the default. */
    static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("The days field must be a whole number of days, 1 to "
                    + PaymentLinks.MAX_DAYS + ".");
        }
    }

    private static Map<String, Object> row(PayLinkView link) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", link.id());
        row.put("customer", link.customer());
        row.put("invoices", link.invoiceNumbers());
        row.put("created", DAY.format(link.createdAt()));
        row.put("expires", DAY.format(link.expiresAt()));
        row.put("opened", link.lastOpenedAt() == null ? "Never" : DAY.format(link.lastOpenedAt()));
        row.put("status", link.status());
        row.put("url", link.url() == null ? "" : link.url());
        return row;
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
