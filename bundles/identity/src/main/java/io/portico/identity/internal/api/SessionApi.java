package io.portico.identity.internal.api;

import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.auth.Authenticator;
import io.portico.identity.internal.session.SessionCookies;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInOutcome;
import io.portico.identity.internal.signin.SignInService;
import io.portico.identity.internal.web.AllowedWhileViewing;
import io.portico.identity.internal.web.RequestAuth;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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

/**
 * The JSON counterpart of the sign-in pages. The session travels in the same HttpOnly cookie; every state-changing
 * call made with it must send the session's {@code csrfToken} as the {@code X-CSRF-Token} header.
 */
@Component(service = SessionApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionApi {

    record Credentials(String email, String password) {
    }

    record Code(String code) {
    }

    record Choice(Long organizationId) {
    }

    private final SignInService signIn;
    private final SessionService sessions;
    private final Authenticator authenticator;

    @Activate
    public SessionApi(@Reference SignInService signIn, @Reference SessionService sessions,
            @Reference Authenticator authenticator) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.authenticator = authenticator;
    }

    @GET
    @Path("me")
    public Views.Me me(@Context ContainerRequestContext request) {
        Authentication auth = RequestAuth.authentication(request);
        if (auth.state() == Authentication.State.ANONYMOUS) {
            throw ProblemException.unauthorized("Sign in first.");
        }
        return Views.me(auth);
    }

    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(@Context ContainerRequestContext request, Credentials credentials) {
        if (credentials == null) {
            throw ProblemException.badRequest("Send {\"email\": ..., \"password\": ...}.");
        }
        Client client = RequestAuth.client(request);
        return started(signIn.signIn(credentials.email(), credentials.password(), client), client);
    }

    @POST
    @Path("session/mfa")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response mfa(@Context ContainerRequestContext request, Code code) {
        Client client = RequestAuth.client(request);
        return started(signIn.completeMfa(RequestAuth.authentication(request), code == null ? null : code.code(),
                client), client);
    }

    @PUT
    @Path("session/organization")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.Me choose(@Context ContainerRequestContext request, Choice choice) {
        if (choice == null || choice.organizationId() == null) {
            throw ProblemException.badRequest("Send {\"organizationId\": ...}.");
        }
        Authentication auth = RequestAuth.authentication(request);
        signIn.chooseOrganization(auth, choice.organizationId(), RequestAuth.client(request));
        return Views.me(reload(request));
    }

    @DELETE
    @Path("session")
    @AllowedWhileViewing
    public Response signOut(@Context ContainerRequestContext request) {
        Client client = RequestAuth.client(request);
        signIn.signOut(RequestAuth.authentication(request), client);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, sessions.clearCookie(client)).build();
    }

    /** Signs the caller out on every device. */
    @DELETE
    @Path("sessions")
    @AllowedWhileViewing
    public Response signOutEverywhere(@Context ContainerRequestContext request) {
        Client client = RequestAuth.client(request);
        int ended = signIn.signOutEverywhere(RequestAuth.authentication(request), client);
        return Response.ok(Map.of("sessionsEnded", ended))
                .header(HttpHeaders.SET_COOKIE, sessions.clearCookie(client)).build();
    }

    private Response started(SignInOutcome outcome, Client client) {
        Authentication auth = authenticator.authenticate(outcome.session().token(), null);
        return Response.ok(Views.me(auth)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.SET_COOKIE, sessions.cookie(outcome.session(), client)).build();
    }

    /** The caller's authentication after a change to their session. */
    private Authentication reload(ContainerRequestContext request) {
        return authenticator.authenticate(request.getCookies().get(SessionCookies.SESSION).getValue(), null);
    }
}
