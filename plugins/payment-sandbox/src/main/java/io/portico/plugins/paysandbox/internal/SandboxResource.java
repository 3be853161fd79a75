package io.portico.plugins.paysandbox.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.payment.Money;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.Pages;
import io.portico.api.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the sandbox processor serves to browsers, as a real processor's own servers would: its element's script, the
 * endpoint that turns a test card or bank account into a token, the onboarding page and the 3-D Secure challenge
 * page. None of it needs a Portico sign-in (a payer with a payment link has none); what it reaches is named by the
 * processor's unguessable ids. A signed-in browser still sends its CSRF token, as for every Portico request.
 */
@Component(service = SandboxResource.class, property = PorticoResource.PROPERTY + "=true")
@Path("pay-sandbox")
public final class SandboxResource {

    private static final String ASSET_CACHE = "public, max-age=86400";

    private final Sandbox sandbox;
    private final Pages pages;
    private final byte[] script;
    private final byte[] style;

    @Activate
    public SandboxResource(@Reference SandboxComponent processor, @Reference Pages pages) {
        this(processor.sandbox(), pages);
    }

    SandboxResource(Sandbox sandbox, Pages pages) {
        this.sandbox = sandbox;
        this.pages = pages;
        this.script = asset("element.js");
        this.style = asset("element.css");
    }

    private static byte[] asset(String name) {
        try (InputStream in = SandboxResource.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The element's script: self-hosted, no inline code; cached for a day. */
    @GET
    @Path("element.js")
    @Produces("text/javascript; charset=utf-8")
    public Response script() {
        return Response.ok(script).header("Cache-Control", ASSET_CACHE).build();
    }

    /** The element's styles, with the portal's design tokens. */
    @GET
    @Path("element.css")
    @Produces("text/css; charset=utf-8")
    public Response style() {
        return Response.ok(style).header("Cache-Control", ASSET_CACHE).build();
    }

    /** A test card or bank account entered in the element becomes a token for the checkout form. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> tokenize(TokenRequest request) {
        return Map.of("token", sandbox.tokenize(request));
    }

    /** The onboarding page: pick the business's state, then finish. */
    @GET
    @Path("onboarding/{account}")
    @Produces(MediaType.TEXT_HTML)
    public Response onboarding(@PathParam("account") String accountId, @Context ContainerRequestContext request) {
        Rows.Account account = sandbox.onboarding(accountId);
        Map<String, Object> model = model(request, "Sandbox onboarding");
        model.put("account", account.id());
        model.put("business", account.businessName() == null ? "your business" : account.businessName());
        model.put("ready", account.ready());
        model.put("states", UsStates.ALL);
        model.put("selected", account.businessState() != null ? account.businessState() : "NV");
        return page("onboarding.ftlh", model);
    }

    /** "Finish onboarding": the account is ready, and the admin goes back to the portal. */
    @POST
    @Path("onboarding/{account}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finishOnboarding(@PathParam("account") String accountId,
            @FormParam("businessState") String businessState) {
        return Response.seeOther(sandbox.finishOnboarding(accountId, businessState)).build();
    }

    /** The 3-D Secure challenge: the payer authenticates, or fails to. */
    @GET
    @Path("challenge/{payment}")
    @Produces(MediaType.TEXT_HTML)
    public Response challenge(@PathParam("payment") String paymentId, @Context ContainerRequestContext request) {
        Rows.Payment payment = sandbox.challenge(paymentId);
        Map<String, Object> model = model(request, "Confirm your payment");
        model.put("payment", payment.id());
        model.put("amount", Money.ofMinor(payment.confirmedMinor() == null ? payment.amountMinor()
                : payment.confirmedMinor(), Currency.getInstance(payment.currency())).toString());
        model.put("pending", "REQUIRES_ACTION".equals(payment.status()));
        return page("challenge.ftlh", model);
    }

    /** The challenge's answer ({@code outcome} is {@code authenticate} or {@code fail}); back to the portal. */
    @POST
    @Path("challenge/{payment}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answerChallenge(@PathParam("payment") String paymentId, @FormParam("outcome") String outcome) {
        if (!"authenticate".equals(outcome) && !"fail".equals(outcome)) {
            throw ProblemException.badRequest("Answer the challenge with outcome authenticate or fail.");
        }
        URI back = sandbox.completeChallenge(paymentId, "authenticate".equals(outcome));
        return Response.seeOther(back).build();
    }

    private static Map<String, Object> model(ContainerRequestContext request, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        PortalUser.from(request.getSecurityContext().getUserPrincipal()).ifPresent(u -> model.put("user", u));
        Object csrf = request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY);
        if (csrf != null) {
            model.put("csrf", csrf);
        }
        return model;
    }

    private Response page(String template, Map<String, Object> model) {
        return Response.ok(pages.render(SandboxResource.class, template, model),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
