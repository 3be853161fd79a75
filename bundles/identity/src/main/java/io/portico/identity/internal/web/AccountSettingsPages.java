package io.portico.identity.internal.web;

import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.mfa.MfaSettings;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInService;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A signed-in person's own settings: two-step verification, and signing out on every device. */
@Component(service = AccountSettingsPages.class, property = PorticoResource.PROPERTY + "=true")
// Forms only: a JSON body answers 415 instead of failing inside Jersey.
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Path("account")
@Produces(MediaType.TEXT_HTML)
public final class AccountSettingsPages {

    private final Pages pages;
    private final MfaSettings mfa;
    private final SignInService signIn;
    private final SessionService sessions;

    @Activate
    public AccountSettingsPages(@Reference Pages pages, @Reference MfaSettings mfa, @Reference SignInService signIn,
            @Reference SessionService sessions) {
        this.pages = pages;
        this.mfa = mfa;
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @GET
    public Response page(@Context ContainerRequestContext request) {
        Authentication auth = RequestAuth.authentication(request);
        if (!auth.hasSession()) {
            return Html.redirect("/sign-in?next=/account");
        }
        return render(auth, 200, null, null, mfa.pending(auth.account()));
    }

    @POST
    @Path("mfa")
    public Response startMfa(@Context ContainerRequestContext request) {
        return step(request, auth -> render(auth, 200, null, null, mfa.start(auth.account())));
    }

    @POST
    @Path("mfa/confirm")
    public Response confirmMfa(@Context ContainerRequestContext request, @FormParam("code") String code) {
        return step(request, auth -> {
            mfa.confirm(auth.account(), code, RequestAuth.client(request));
            return Html.redirect("/account");
        });
    }

    @POST
    @Path("mfa/disable")
    public Response disableMfa(@Context ContainerRequestContext request, @FormParam("code") String code) {
        return step(request, auth -> {
            mfa.disable(auth.account(), auth.memberships(), code, RequestAuth.client(request));
            return Html.redirect("/account");
        });
    }

    @POST
    @Path("sign-out-everywhere")
    @AllowedWhileViewing
    public Response signOutEverywhere(@Context ContainerRequestContext request) {
        return step(request, auth -> {
            Client client = RequestAuth.client(request);
            signIn.signOutEverywhere(auth, client);
            return Html.redirect("/sign-in?notice=signed-out-everywhere", sessions.clearCookie(client));
        });
    }

    private interface Step {
        Response run(Authentication auth);
    }

    private Response step(ContainerRequestContext request, Step step) {
        Authentication auth = RequestAuth.authentication(request);
        if (!auth.hasSession()) {
            return Html.redirect("/sign-in?next=/account");
        }
        try {
            return step.run(auth);
        } catch (ProblemException e) {
            return render(auth, e.status(), e.detail(), null, mfa.pending(auth.account()));
        }
    }

    private Response render(Authentication auth, int status, String error, String notice,
            MfaSettings.Enrolment enrolment) {
        Map<String, Object> model = Html.model("Your account", auth.csrfToken());
        model.put("account", Map.of("email", auth.account().email(), "name", auth.account().shownName(),
                "mfaEnabled", auth.account().mfaEnabled()));
        auth.portalUser().ifPresent(user -> model.put("user", user));
        if (enrolment != null) {
            model.put("enrolment", enrolment);
        }
        Notices.put(model, error, notice);
        return Html.page(pages, status, "account.ftlh", model);
    }
}
