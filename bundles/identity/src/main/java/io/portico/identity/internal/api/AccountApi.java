package io.portico.identity.internal.api;

import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.account.PasswordResets;
import io.portico.identity.internal.account.Registrations;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.auth.Authenticator;
import io.portico.identity.internal.mfa.MfaSettings;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInOutcome;
import io.portico.identity.internal.web.RequestAuth;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The JSON counterparts of the account pages: password resets, registration, email confirmation, MFA. */
@Component(service = AccountApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AccountApi {

    record Email(String email) {
    }

    record Link(String token, String name, String password) {
    }

    record Code(String code) {
    }

    private final PasswordResets resets;
    private final Registrations registrations;
    private final MfaSettings mfa;
    private final SessionService sessions;
    private final Authenticator authenticator;

    @Activate
    public AccountApi(@Reference PasswordResets resets, @Reference Registrations registrations,
            @Reference MfaSettings mfa, @Reference SessionService sessions,
            @Reference Authenticator authenticator) {
        this.resets = resets;
        this.registrations = registrations;
        this.mfa = mfa;
        this.sessions = sessions;
        this.authenticator = authenticator;
    }

    /** Emails a reset link if the address has an account; the answer is the same either way. */
    @POST
    @Path("password-resets")
    public Response requestReset(@Context ContainerRequestContext request, Email email) {
        resets.request(email == null ? null : email.email(), RequestAuth.client(request));
        return Response.accepted(Map.of("status", "check_email")).build();
    }

    @POST
    @Path("password-resets/complete")
    public Response completeReset(@Context ContainerRequestContext request, Link link) {
        Client client = RequestAuth.client(request);
        resets.complete(required(link).token(), link.password(), client);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, sessions.clearCookie(client)).build();
    }

    @POST
    @Path("registrations")
    public Response register(@Context ContainerRequestContext request, Email email) {
        registrations.register(email == null ? null : email.email(), RequestAuth.client(request));
        return Response.accepted(Map.of("status", "check_email")).build();
    }

    @POST
    @Path("registrations/complete")
    public Response completeRegistration(@Context ContainerRequestContext request, Link link) {
        Client client = RequestAuth.client(request);
        return signedInOr(registrations.finish(required(link).token(), link.name(), link.password(), client),
                "pending_approval", client);
    }

    @POST
    @Path("email-verifications")
    public Response verify(@Context ContainerRequestContext request, Link link) {
        registrations.confirm(required(link).token(), RequestAuth.client(request));
        return Response.noContent().build();
    }

    /** Starts turning on two-step verification: returns the key for the authenticator app. */
    @POST
    @Path("me/mfa")
    public MfaSettings.Enrolment startMfa(@Context ContainerRequestContext request) {
        return mfa.start(signedIn(request).account());
    }

    @POST
    @Path("me/mfa/confirm")
    public Response confirmMfa(@Context ContainerRequestContext request, Code code) {
        mfa.confirm(signedIn(request).account(), code == null ? null : code.code(), RequestAuth.client(request));
        return Response.noContent().build();
    }

    @POST
    @Path("me/mfa/disable")
    public Response disableMfa(@Context ContainerRequestContext request, Code code) {
        Authentication auth = signedIn(request);
        mfa.disable(auth.account(), auth.memberships(), code == null ? null : code.code(),
                RequestAuth.client(request));
        return Response.noContent().build();
    }

    private Response signedInOr(Optional<SignInOutcome> outcome, String status, Client client) {
        return outcome.map(o -> Response.ok(Views.me(authenticator.authenticate(o.session().token(), null)))
                        .header(HttpHeaders.SET_COOKIE, sessions.cookie(o.session(), client)).build())
                .orElseGet(() -> Response.accepted(Map.of("status", status)).build());
    }

    /** A person with a browser session past the password (not an API token: these are personal settings). */
    private static Authentication signedIn(ContainerRequestContext request) {
        Authentication auth = RequestAuth.authentication(request);
        if (!auth.hasSession()) {
            throw ProblemException.unauthorized("Sign in first.");
        }
        return auth;
    }

    private static Link required(Link link) {
        if (link == null || link.token() == null) {
            throw ProblemException.badRequest("Send {\"token\": ...} with the token from the emailed link.");
        }
        return link;
    }
}
