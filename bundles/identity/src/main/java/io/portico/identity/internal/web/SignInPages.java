package io.portico.identity.internal.web;

import io.portico.api.identity.NotSignedInException;
import io.portico.identity.internal.LocalPaths;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.sso.SsoProvider;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.crypto.Totp;
import io.portico.identity.internal.mfa.MfaService;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInOutcome;
import io.portico.identity.internal.signin.SignInService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The sign-in pages: password, TOTP code (or the MFA setup an organization requires), organization, sign-out. */
@Component(service = SignInPages.class, property = PorticoResource.PROPERTY + "=true")
// Forms only: a JSON body answers 415 instead of failing inside Jersey.
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Path("/")
@Produces(MediaType.TEXT_HTML)
public final class SignInPages {

    /** A sign-in button of an SSO provider; {@code start} is where the SSO flow begins. */
    public record SsoButton(String label, String start) {
    }

    private final Pages pages;
    private final SignInService signIn;
    private final SessionService sessions;
    private final MfaService mfa;
    private final PluginRegistry plugins;

    @Activate
    public SignInPages(@Reference Pages pages, @Reference SignInService signIn, @Reference SessionService sessions,
            @Reference MfaService mfa, @Reference PluginRegistry plugins) {
        this.pages = pages;
        this.signIn = signIn;
        this.sessions = sessions;
        this.mfa = mfa;
        this.plugins = plugins;
    }

    @GET
    @Path("sign-in")
    public Response signInPage(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @QueryParam("next") String next, @QueryParam("notice") String notice) {
        Authentication auth = RequestAuth.authentication(request);
        if (auth.state() != Authentication.State.ANONYMOUS) {
            return Html.redirect(NextStep.path(auth.state(), next));
        }
        return signInForm(request, headers, 200, next, null, Notices.text(notice));
    }

    @POST
    @Path("sign-in")
    public Response signIn(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @FormParam("email") String email, @FormParam("password") String password,
            @FormParam("csrf") String csrf, @FormParam("next") String next) {
        Client client = RequestAuth.client(request);
        try {
            if (RequestAuth.authentication(request).session() == null) {
                AnonymousCsrf.check(headers, csrf);
            }
            SignInOutcome outcome = signIn.signIn(email, password, client);
            return Html.redirect(NextStep.path(outcome.next(), next),
                    sessions.cookie(outcome.session(), client));
        } catch (ProblemException e) {
            Map<String, Object> keep = Map.of("email", email == null ? "" : email);
            return signInForm(request, headers, e.status(), next, e.detail(), null, keep);
        }
    }

    @GET
    @Path("sign-in/mfa")
    public Response mfaPage(@Context ContainerRequestContext request) {
        Authentication auth = RequestAuth.authentication(request);
        if (auth.state() != Authentication.State.MFA_PENDING) {
            return Html.redirect("/sign-in");
        }
        return mfaForm(auth, 200, null);
    }

    @POST
    @Path("sign-in/mfa")
    public Response mfa(@Context ContainerRequestContext request, @FormParam("code") String code,
            @FormParam("next") String next) {
        Authentication auth = RequestAuth.authentication(request);
        if (auth.state() != Authentication.State.MFA_PENDING) {
            return Html.redirect("/sign-in");
        }
        Client client = RequestAuth.client(request);
        try {
            SignInOutcome outcome = signIn.completeMfa(auth, code, client);
            return Html.redirect(NextStep.path(outcome.next(), next),
                    sessions.cookie(outcome.session(), client));
        } catch (ProblemException e) {
            return mfaForm(auth, e.status(), e.detail());
        }
    }

    @POST
    @Path("sign-out")
    @AllowedWhileViewing
    public Response signOut(@Context ContainerRequestContext request) {
        Client client = RequestAuth.client(request);
        signIn.signOut(RequestAuth.authentication(request), client);
        return Html.redirect("/sign-in?notice=signed-out", sessions.clearCookie(client));
    }

    @GET
    @Path("choose-organization")
    public Response choosePage(@Context ContainerRequestContext request) {
        Authentication auth = RequestAuth.authentication(request);
        if (!auth.hasSession()) {
            throw new NotSignedInException();
        }
        return chooseForm(auth, 200, null);
    }

    @POST
    @Path("choose-organization")
    public Response choose(@Context ContainerRequestContext request,
            @FormParam("organizationId") String organizationId) {
        Authentication auth = RequestAuth.authentication(request);
        if (!auth.hasSession()) {
            return Html.redirect("/sign-in");
        }
        try {
            signIn.chooseOrganization(auth, Forms.id(organizationId, "organization"), RequestAuth.client(request));
            return Html.redirect("/");
        } catch (ProblemException e) {
            return chooseForm(auth, e.status(), e.detail());
        }
    }

    private Response signInForm(ContainerRequestContext request, HttpHeaders headers, int status, String next,
            String error, String notice) {
        return signInForm(request, headers, status, next, error, notice, Map.of());
    }

    private Response signInForm(ContainerRequestContext request, HttpHeaders headers, int status, String next,
            String error, String notice, Map<String, Object> keep) {
        String token = AnonymousCsrf.token(headers);
        Map<String, Object> model = Html.model("Sign in", token);
        model.put("next", LocalPaths.orRoot(next));
        model.put("ssoButtons", ssoButtons(LocalPaths.orRoot(next)));
        model.putAll(keep);
        Notices.put(model, error, notice);
        boolean secure = sessions.secure(RequestAuth.client(request));
        return Html.page(pages, status, "sign-in.ftlh", model, AnonymousCsrf.setCookie(token, secure));
    }

    /** The SSO providers' buttons; the SSO flow is served at {@code /auth/sso/<provider>} by the SSO bundle. */
    private List<SsoButton> ssoButtons(String next) {
        String returnTo = URLEncoder.encode(next, StandardCharsets.UTF_8);
        return plugins.names(SsoProvider.class).stream()
                .flatMap(name -> plugins.find(SsoProvider.class, name).stream()
                        .map(p -> new SsoButton(p.buttonLabel(), "/auth/sso/" + name + "?returnTo=" + returnTo)))
                .toList();
    }

    private Response mfaForm(Authentication auth, int status, String error) {
        boolean enrolling = !auth.account().mfaEnabled();
        Map<String, Object> model = Html.model(enrolling ? "Set up two-step verification" : "Two-step verification",
                auth.csrfToken());
        if (enrolling) {
            String secret = mfa.pendingSecret(auth.account().id());
            if (secret == null) {
                secret = mfa.startEnrolment(auth.account().id());
            }
            model.put("secret", secret);
            model.put("otpauth", Totp.uri(pages.branding().name(), auth.account().email(), secret));
        }
        model.put("enrolling", enrolling);
        Notices.put(model, error, null);
        return Html.page(pages, status, "mfa.ftlh", model);
    }

    private Response chooseForm(Authentication auth, int status, String error) {
        Map<String, Object> model = Html.model("Choose an organization", auth.csrfToken());
        model.put("memberships", auth.memberships());
        model.put("current", auth.session().organizationId() == null ? -1L : auth.session().organizationId());
        auth.portalUser().ifPresent(user -> model.put("user", user));
        Notices.put(model, error, auth.memberships().isEmpty()
                ? "Your account does not belong to any organization at the moment." : null);
        return Html.page(pages, status, "choose-organization.ftlh", model);
    }
}
