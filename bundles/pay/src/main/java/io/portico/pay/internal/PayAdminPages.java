package io.portico.pay.internal;

import io.portico.api.identity.Organizations;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
 * Settings &gt; Pay for the operator's owners and admins: the processor, connecting the account with it, turning Pay
 * on, fees, partial payments and exempt customers, and how payments are written to NetSuite. Anyone else signed in gets a 403; a field that is not valid
 * answers 400 with the page, the field marked.
 */
@Component(service = PayAdminPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("admin/pay")
public final class PayAdminPages {

    private static final String PATH = "/admin/pay";
    private static final int MAX_CUSTOMERS = 500;
    private static final Map<String, String> NOTICES = Map.of(
            "saved", "The Pay settings were saved.",
            "writeback", "The settings for payments in NetSuite were saved.",
            "processor", "The payment processor was chosen. Connect your account with it next.",
            "returned", "Welcome back. The account's state below is what the processor says now.",
            "on", "Pay is on: customers can pay their invoices online.",
            "off", "Pay is off: customers can no longer pay online.");

    private final PayCore core;
    private final Pages pages;
    private final Organizations organizations;

    @Activate
    public PayAdminPages(@Reference PayCore core, @Reference Pages pages, @Reference Organizations organizations) {
        this.core = core;
        this.pages = pages;
        this.organizations = organizations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response settings(@Context ContainerRequestContext request, @QueryParam("notice") String notice) {
        PortalUser user = admin(request);
        PaySettings settings = core.admin().settings(user.tenantId());
        return page(request, user, 200, settings, PaySettingsForm.of(settings,
                core.admin().exemptions(user.tenantId())), savedWriteback(user), Map.of(), null,
                NOTICES.get(notice == null ? "" : notice));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = admin(request);
        PaySettingsForm entered = new PaySettingsForm(form.getFirst("cardSurchargePercent"),
                form.getFirst("operatorState"), checked(form, "texasSurchargeAllowed"),
                checked(form, "customersAreBusinesses"), form.getFirst("bankFee"), form.getFirst("bankDiscountPercent"),
                checked(form, "partialPayments"), form.getFirst("partialMinimum"),
                form.get("exempt") == null ? List.of() : form.get("exempt"));
        try {
            core.admin().save(actor(user), entered);
        } catch (InvalidSettingException e) {
            return page(request, user, 400, core.admin().settings(user.tenantId()), entered, savedWriteback(user),
                    Map.of(e.field(), e.detail()), "Nothing was saved: correct the field marked below.", null);
        }
        return back("saved");
    }

    @POST
    @Path("writeback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveWriteback(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = admin(request);
        WritebackSettingsForm entered = new WritebackSettingsForm(form.getFirst("accountId"),
                form.getFirst("paymentMethodId"), form.getFirst("timeZone"), form.getFirst("feeRecording"),
                form.getFirst("reversalMode"), form.getFirst("payLinkField"), form.getFirst("warnAfterMinutes"));
        try {
            core.writebackAdmin().save(actor(user), entered);
        } catch (InvalidSettingException e) {
            PaySettings settings = core.admin().settings(user.tenantId());
            return page(request, user, 400, settings, PaySettingsForm.of(settings,
                    core.admin().exemptions(user.tenantId())), entered, Map.of(e.field(), e.detail()),
                    "Nothing was saved: correct the field marked below.", null);
        }
        return back("writeback");
    }

    @POST
    @Path("processor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response processor(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = admin(request);
        try {
            core.admin().chooseProcessor(actor(user), form.getFirst("processor"));
        } catch (InvalidSettingException e) {
            PaySettings settings = core.admin().settings(user.tenantId());
            return page(request, user, 400, settings, PaySettingsForm.of(settings,
                    core.admin().exemptions(user.tenantId())), savedWriteback(user), Map.of(e.field(), e.detail()),
                    e.detail(), null);
        }
        return back("processor");
    }

    /** Sends the admin to the processor's onboarding, which sends them back here. */
    @POST
    @Path("connect")
    @Produces(MediaType.TEXT_HTML)
    public Response connect(@Context ContainerRequestContext request) {
        return onboard(request);
    }

    /**
     * Signs the admin in to the processor's own dashboard (Stripe's Express dashboard: payouts, bank details,
     * disputes' evidence) with an address made now, as such addresses work once; a refusal is shown on this page.
     */
    @POST
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML)
    public Response dashboard(@Context ContainerRequestContext request) {
        PortalUser user = admin(request);
        URI redirect;
        try {
            redirect = core.admin().dashboard(actor(user));
        } catch (ProblemException e) {
            PaySettings settings = core.admin().settings(user.tenantId());
            return page(request, user, e.status(), settings, PaySettingsForm.of(settings,
                    core.admin().exemptions(user.tenantId())), savedWriteback(user), Map.of(), e.getMessage(), null);
        }
        return Response.seeOther(redirect).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Where the processor sends the admin when its onboarding address expired: a new one. */
    @GET
    @Path("refresh")
    @Produces(MediaType.TEXT_HTML)
    public Response refresh(@Context ContainerRequestContext request) {
        return onboard(request);
    }

    @POST
    @Path("enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response enable(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = admin(request);
        boolean on = "true".equals(form.getFirst("on"));
        core.admin().enable(actor(user), on);
        return back(on ? "on" : "off");
    }

    private Response onboard(ContainerRequestContext request) {
        PortalUser user = admin(request);
        var base = request.getUriInfo().getBaseUriBuilder().path("admin").path("pay");
        URI redirect;
        try {
            redirect = core.admin().connect(actor(user), user.organizationName(), user.email(),
                    base.clone().queryParam("notice", "returned").build(), base.clone().path("refresh").build());
        } catch (InvalidSettingException e) {
            throw ProblemException.conflict(e.detail());
        }
        return Response.seeOther(redirect).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private Response page(ContainerRequestContext request, PortalUser user, int status, PaySettings settings,
            PaySettingsForm form, WritebackSettingsForm writeback, Map<String, String> fieldErrors, String error,
            String notice) {
        Optional<PayAdmin.AccountView> account = core.admin().account(settings);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Pay settings");
        model.put("user", user);
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        model.put("currentPath", PATH);
        model.put("enabled", settings.enabled());
        model.put("processor", settings.processor() == null ? "" : settings.processor());
        model.put("processors", core.admin().processors());
        model.put("connected", settings.processorAccountId() != null);
        account.ifPresent(a -> model.put("account", accountView(a)));
        ProcessorAccount processorAccount = account.map(PayAdmin.AccountView::account).orElse(null);
        model.put("ready", processorAccount != null && processorAccount.state() == ProcessorAccount.State.READY);
        boolean suggestState = (form.operatorState() == null || form.operatorState().isBlank())
                && processorAccount != null
                && processorAccount.businessState() != null && fieldErrors.isEmpty();
        model.put("form", suggestState ? new PaySettingsForm(form.cardSurchargePercent(),
                processorAccount.businessState(), form.texasSurchargeAllowed(), form.customersAreBusinesses(),
                form.bankFee(), form.bankDiscountPercent(), form.partialPayments(), form.partialMinimum(),
                form.exempt()) : form);
        model.put("stateFromAccount", suggestState);
        model.put("customers", organizations.customers(null, false, 0, MAX_CUSTOMERS).stream()
                .map(o -> Map.of("id", String.valueOf(o.id()), "name", o.name())).toList());
        model.put("writeback", writeback);
        model.put("feeRecordings", WritebackSettingsForm.FEE_RECORDINGS);
        model.put("reversalModes", WritebackSettingsForm.REVERSAL_MODES);
        model.put("fieldErrors", fieldErrors);
        model.put("maxSurcharge", PaySettingsForm.MAX_SURCHARGE.toPlainString());
        if (error != null) {
            model.put("error", error);
        }
        if (notice != null) {
            model.put("notice", notice);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(PayAdminPages.class, "pay-settings.ftlh", model))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private WritebackSettingsForm savedWriteback(PortalUser user) {
        return WritebackSettingsForm.of(core.writebackAdmin().settings(user.tenantId()));
    }

    private static Map<String, Object> accountView(PayAdmin.AccountView view) {
        Map<String, Object> model = new HashMap<>();
        model.put("processorName", view.processorName());
        model.put("problem", view.problem() == null ? "" : view.problem());
        ProcessorAccount account = view.account();
        if (account != null) {
            model.put("state", switch (account.state()) {
                case NOT_CONNECTED -> "Not connected";
                case ONBOARDING -> "Details still due";
                case RESTRICTED -> "Restricted";
                case READY -> "Ready to take payments";
            });
            model.put("pill", account.state() == ProcessorAccount.State.READY ? "pill-paid"
                    : account.state() == ProcessorAccount.State.RESTRICTED ? "pill-overdue" : "pill-neutral");
            model.put("requirement", account.requirement() == null ? "" : account.requirement());
            model.put("accountId", account.accountId() == null ? "" : account.accountId());
        }
        model.put("dashboard", view.dashboard());
        return model;
    }

    private static Response back(String notice) {
        return Response.seeOther(URI.create(PATH + "?notice=" + notice)).header(HttpHeaders.CACHE_CONTROL,
                "no-store").build();
    }

    private static boolean checked(MultivaluedMap<String, String> form, String name) {
        return "true".equals(form.getFirst(name));
    }

    static PayActor actor(PortalUser user) {
        return new PayActor(user.tenantId(), user.userId(), user.email());
    }

    /** The signed-in operator owner or admin (a browser without a session is sent to sign in first). */
    static PortalUser admin(ContainerRequestContext request) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        if (!operatorAdmin(user)) {
            throw ProblemException.forbidden("Only the operator's administrators may do this.");
        }
        return user;
    }

    static boolean operatorAdmin(PortalUser user) {
        return user.operatorStaff() && (user.role() == Role.OWNER || user.role() == Role.ADMIN);
    }
}
