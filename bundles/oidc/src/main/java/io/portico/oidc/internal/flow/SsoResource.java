package io.portico.oidc.internal.flow;

import io.portico.api.db.Database;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoProvider;
import io.portico.api.sso.SsoSignIn;
import io.portico.api.sso.SsoSignedIn;
import io.portico.api.web.PorticoResource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code /auth/sso}: the sign-in providers, {@code /auth/sso/{provider}} to begin a sign-in and
 * {@code /auth/sso/{provider}/callback} where the provider sends the browser back.
 */
@Component(service = SsoResource.class, property = PorticoResource.PROPERTY + "=true")
@Path("auth/sso")
public class SsoResource {

    static final String BINDING_COOKIE = "portico_sso";
    /** How long a person may take at the provider; also the binding cookie's lifetime. */
    private static final Duration SIGN_IN_LIFETIME = Duration.ofMinutes(10);

    /** One sign-in provider as the sign-in page lists it. */
    public record ProviderView(String name, String label, String start) {
    }

    private final PluginRegistry plugins;
    private final SsoLoginFlow flow;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SsoSignIn signIn;

    @Activate
    public SsoResource(@Reference PluginRegistry plugins, @Reference Database database) {
        this.plugins = plugins;
        Clock clock = Clock.systemUTC();
        this.flow = new SsoLoginFlow(name -> plugins.find(SsoProvider.class, name),
                new PendingLogins(database.sessionFactory(PendingLoginMapper.class), clock, SIGN_IN_LIFETIME),
                () -> Optional.ofNullable(signIn), clock);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ProviderView> providers() {
        return plugins.names(SsoProvider.class).stream()
                .flatMap(name -> plugins.find(SsoProvider.class, name).stream()
                        .map(p -> new ProviderView(name, p.buttonLabel(), "/auth/sso/" + name)))
                .toList();
    }

    @GET
    @Path("{provider}")
    public Response begin(@PathParam("provider") String provider, @QueryParam("returnTo") String returnTo,
            @CookieParam(BINDING_COOKIE) String binding, @Context UriInfo uri) {
        URI callback = uri.getBaseUriBuilder().path("auth/sso/{provider}/callback").build(provider);
        try {
            SsoLoginFlow.Started started = flow.start(provider, callback, returnTo, binding);
            return Response.seeOther(started.authorizationUri())
                    .header("Set-Cookie", bindingCookie(started.browserBinding(), started.secure()))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (SsoException e) {
            throw SsoProblems.of(e);
        }
    }

    @GET
    @Path("{provider}/callback")
    public Response callback(@PathParam("provider") String provider, @CookieParam(BINDING_COOKIE) String binding,
            @Context UriInfo uri) {
        Map<String, String> parameters = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> parameters.put(name, values.get(0)));
        try {
            SsoSignedIn signedIn = flow.finish(provider, parameters, binding);
            Response.ResponseBuilder response = Response.seeOther(signedIn.location())
                    .header("Cache-Control", "no-store");
            signedIn.setCookies().forEach(cookie -> response.header("Set-Cookie", cookie));
            return response.build();
        } catch (SsoException e) {
            throw SsoProblems.of(e);
        }
    }

    /** Lax, so the browser sends it on the provider's top-level redirect back to us. */
    private static String bindingCookie(String value, boolean secure) {
        return BINDING_COOKIE + "=" + value + "; Path=/auth/sso; Max-Age=" + SIGN_IN_LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
