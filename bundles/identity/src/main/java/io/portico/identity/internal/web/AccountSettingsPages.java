package io.portico.identity.internal.web;

import io.portico.api.identity.NotSignedInException;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.mfa.MfaSettings;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInService;
import io.portico.identity.internal.user.UserDirectory;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.ws.rs.Consumes;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A signed-in person's own settings: the time zone pages show times in, two-step verification, and signing out on
 * every device.
 */
@Component(service = AccountSettingsPages.class, property = PorticoResource.PROPERTY + "=true")
// Forms only: a JSON body answers 415 instead of failing inside Jersey.
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Path("account")
@Produces(MediaType.TEXT_HTML)
public final class AccountSettingsPages {

    private static final int MAX_ZONE_NAME = 64;
    /** The zones people live in, by their IANA names (no legacy aliases such as "US/Pacific"), and UTC. */
    private static final List<String> ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted()).toList();

    private final Pages pages;
    private final MfaSettings mfa;
    private final SignInService signIn;
    private final SessionService sessions;
    private final UserDirectory users;

    @Activate
    public AccountSettingsPages(@Reference Pages pages, @Reference MfaSettings mfa, @Reference SignInService signIn,
            @Reference SessionService sessions, @Reference UserDirectory users) {
        this.pages = pages;
        this.mfa = mfa;
        this.signIn = signIn;
        this.sessions = sessions;
        this.users = users;
    }

    @GET
    public Response page(@Context ContainerRequestContext request, @QueryParam("notice") String notice) {
        Authentication auth = RequestAuth.authentication(request);
        if (!auth.hasSession()) {
            throw new NotSignedInException();
        }
        return render(request, auth, 200, null, Notices.text(notice), mfa.pending(auth.account()));
    }

    /**
     * Keeps the time zone the person chose. With {@code guess=true} (the layout's script, once, from the browser's
     * own zone) it is kept only while none is chosen, and the answer is an empty 204.
     */
    @POST
    @Path("time-zone")
    public Response timeZone(@Context ContainerRequestContext request, @FormParam("timeZone") String name,
            @FormParam("guess") String guess) {
        boolean guessed = "true".equals(guess);
        return step(request, auth -> {
            ZoneId zone = name == null || name.length() > MAX_ZONE_NAME ? null : Formats.zone(name);
            if (zone == null) {
                throw ProblemException.badRequest("Choose a time zone from the list.");
            }
            if (guessed) {
                users.guessTimeZone(auth.account().id(), zone);
                return Response.noContent().build();
            }
            users.chooseTimeZone(auth.account().id(), zone);
            return Html.redirect("/account?notice=time-zone-saved");
        }, guessed);
    }

    @POST
    @Path("mfa")
    public Response startMfa(@Context ContainerRequestContext request) {
        return step(request, auth -> render(request, auth, 200, null, null, mfa.start(auth.account())));
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
        return step(request, step, false);
    }

    /** @param bare a script's request: a refusal is the problem itself, not the page around it */
    private Response step(ContainerRequestContext request, Step step, boolean bare) {
        Authentication auth = RequestAuth.authentication(request);
        if (!auth.hasSession()) {
            if (bare) {
                throw ProblemException.unauthorized("Sign in first.");
            }
            throw new NotSignedInException();
        }
        try {
            return step.run(auth);
        } catch (ProblemException e) {
            if (bare) {
                throw e;
            }
            return render(request, auth, e.status(), e.detail(), null, mfa.pending(auth.account()));
        }
    }

    private Response render(ContainerRequestContext request, Authentication auth, int status, String error,
            String notice, MfaSettings.Enrolment enrolment) {
        Map<String, Object> model = Html.model("Your account", auth.csrfToken());
        ZoneId zone = auth.account().zone();
        Formats formats = new Formats(request.getAcceptableLanguages(), zone);
        model.put("account", Map.of("email", auth.account().email(), "name", auth.account().shownName(),
                "mfaEnabled", auth.account().mfaEnabled(), "since", formats.dateTime(auth.account().createdAt()),
                "sessionSince", formats.dateTime(auth.session().createdAt()),
                "timeZone", zone == null ? "" : zone.getId()));
        model.put("zones", ZONES);
        auth.portalUser().ifPresent(user -> model.put("user", user));
        if (enrolment != null) {
            model.put("enrolment", enrolment);
        }
        Notices.put(model, error, notice);
        return Html.page(pages, status, "account.ftlh", model);
    }
}
