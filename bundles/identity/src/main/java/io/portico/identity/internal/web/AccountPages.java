package io.portico.identity.internal.web;

import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.account.PasswordResets;
import io.portico.identity.internal.account.Registrations;
import io.portico.identity.internal.invite.Invitations;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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

/**
 * The pages reached before sign-in or from an emailed link: forgotten password, reset, registration, email
 * confirmation and invitations. Links are only checked when their page opens; the form's POST uses them up.
 */
@Component(service = AccountPages.class, property = PorticoResource.PROPERTY + "=true")
// Forms only: a JSON body answers 415 instead of failing inside Jersey.
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Path("/")
@Produces(MediaType.TEXT_HTML)
public final class AccountPages {

    private final Pages pages;
    private final PasswordResets resets;
    private final Registrations registrations;
    private final Invitations invitations;
    private final SessionService sessions;

    @Activate
    public AccountPages(@Reference Pages pages, @Reference PasswordResets resets,
            @Reference Registrations registrations, @Reference Invitations invitations,
            @Reference SessionService sessions) {
        this.pages = pages;
        this.resets = resets;
        this.registrations = registrations;
        this.invitations = invitations;
        this.sessions = sessions;
    }

    @GET
    @Path("forgot-password")
    public Response forgotPage(@Context ContainerRequestContext request, @Context HttpHeaders headers) {
        return form(request, headers, 200, "forgot-password.ftlh", "Forgot your password?", Map.of(), null);
    }

    @POST
    @Path("forgot-password")
    public Response forgot(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @FormParam("email") String email, @FormParam("csrf") String csrf) {
        return attempt(request, headers, "forgot-password.ftlh", "Forgot your password?",
                Map.of("email", safe(email)), () -> {
                    AnonymousCsrf.check(headers, csrf);
                    resets.request(email, RequestAuth.client(request));
                    return Html.redirect("/sign-in?notice=check-email");
                });
    }

    @GET
    @Path("reset-password")
    public Response resetPage(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @QueryParam("token") String token) {
        return attempt(request, headers, "reset-password.ftlh", "Choose a new password", Map.of("token", safe(token)),
                () -> form(request, headers, 200, "reset-password.ftlh", "Choose a new password",
                        Map.of("token", token, "email", resets.check(token)), null));
    }

    @POST
    @Path("reset-password")
    public Response reset(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @FormParam("token") String token, @FormParam("password") String password,
            @FormParam("csrf") String csrf) {
        return attempt(request, headers, "reset-password.ftlh", "Choose a new password", Map.of("token", safe(token)),
                () -> {
                    AnonymousCsrf.check(headers, csrf);
                    Client client = RequestAuth.client(request);
                    resets.complete(token, password, client);
                    return Html.redirect("/sign-in?notice=password-reset", sessions.clearCookie(client));
                });
    }

    @GET
    @Path("register")
    public Response registerPage(@Context ContainerRequestContext request, @Context HttpHeaders headers) {
        return form(request, headers, 200, "register.ftlh", "Register", Map.of(), null);
    }

    @POST
    @Path("register")
    public Response register(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @FormParam("email") String email, @FormParam("csrf") String csrf) {
        return attempt(request, headers, "register.ftlh", "Register", Map.of("email", safe(email)), () -> {
            AnonymousCsrf.check(headers, csrf);
            registrations.register(email, RequestAuth.client(request));
            return Html.redirect("/sign-in?notice=check-email");
        });
    }

    @GET
    @Path("verify-email")
    public Response verifyPage(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @QueryParam("token") String token) {
        return attempt(request, headers, "verify-email.ftlh", "Confirm your email address",
                Map.of("token", safe(token)), () -> form(request, headers, 200, "verify-email.ftlh",
                        "Confirm your email address", Map.of("token", token, "email", registrations.email(token),
                                "registering", registrations.isRegistration(token)), null));
    }

    @POST
    @Path("verify-email")
    public Response verify(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @FormParam("token") String token, @FormParam("name") String name, @FormParam("password") String password,
            @FormParam("csrf") String csrf) {
        Map<String, Object> keep = Map.of("token", safe(token), "name", safe(name), "registering", true);
        return attempt(request, headers, "verify-email.ftlh", "Confirm your email address", keep, () -> {
            AnonymousCsrf.check(headers, csrf);
            Client client = RequestAuth.client(request);
            if (!registrations.isRegistration(token)) {
                registrations.confirm(token, client);
                return Html.redirect("/sign-in?notice=email-verified");
            }
            return signedInOr(registrations.finish(token, name, password, client), "pending-approval", client);
        });
    }

    @GET
    @Path("invitations/accept")
    public Response invitationPage(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @QueryParam("token") String token) {
        return attempt(request, headers, "accept-invitation.ftlh", "Accept the invitation",
                Map.of("token", safe(token)), () -> {
                    Invitations.Pending pending = invitations.check(token);
                    return form(request, headers, 200, "accept-invitation.ftlh", "Accept the invitation",
                            Map.of("token", token, "invitation", pending.invitation(),
                                    "hasAccount", pending.hasAccount()), null);
                });
    }

    @POST
    @Path("invitations/accept")
    public Response acceptInvitation(@Context ContainerRequestContext request, @Context HttpHeaders headers,
            @FormParam("token") String token, @FormParam("name") String name, @FormParam("password") String password,
            @FormParam("csrf") String csrf) {
        Map<String, Object> keep = Map.of("token", safe(token), "name", safe(name));
        return attempt(request, headers, "accept-invitation.ftlh", "Accept the invitation", keep, () -> {
            if (RequestAuth.authentication(request).session() == null) {
                AnonymousCsrf.check(headers, csrf);
            }
            Client client = RequestAuth.client(request);
            return signedInOr(invitations.accept(token, name, password, client), "invitation-accepted", client);
        });
    }

    private Response signedInOr(Optional<SignInOutcome> outcome, String notice, Client client) {
        return outcome.map(o -> Html.redirect(NextStep.path(o.next(), "/"), sessions.cookie(o.session(), client)))
                .orElseGet(() -> Html.redirect("/sign-in?notice=" + notice));
    }

    /** Runs a step; a problem re-renders the form with its message and what the person typed (never passwords). */
    private Response attempt(ContainerRequestContext request, HttpHeaders headers, String template, String title,
            Map<String, Object> keep, Supplier<Response> step) {
        try {
            return step.get();
        } catch (ProblemException e) {
            return form(request, headers, e.status(), template, title, keep, e.detail());
        }
    }

    private Response form(ContainerRequestContext request, HttpHeaders headers, int status, String template,
            String title, Map<String, Object> values, String error) {
        String token = AnonymousCsrf.token(headers);
        Map<String, Object> model = Html.model(title, token);
        model.putAll(values);
        model.putIfAbsent("linkBroken", status == 404 || status == 410);
        Notices.put(model, error, null);
        boolean secure = sessions.secure(RequestAuth.client(request));
        return Html.page(pages, status, template, model, AnonymousCsrf.setCookie(token, secure));
    }

    private static String safe(String value) {
        return value == null ? "" : value;
    }
}
