package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.portico.api.plugin.PluginRegistry;
import io.portico.api.sso.SsoIdentity;
import io.portico.api.sso.SsoProvider;
import io.portico.api.sso.SsoSignIn;
import io.portico.api.sso.SsoSignedIn;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * SSO against the real distribution and a real OIDC server (mock-oauth2-server) that runs in the test driver: a
 * provider configured by a .cfg file alone, and the Google and Entra plugin bundles installed at runtime, each walked
 * through the browser redirects. The identity bundle's sign-in service is stood in for by a recording one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SsoIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String IDP_PROPERTY = "portico.itest.idp";
    private static final String TENANT = "0b5e7a54-3c1a-4f7e-9a0e-5d2b8f1c6a11";
    private static final String VERIFIED_GOOGLE_CLAIMS = "{\"email\":\"ann@acme.example\",\"email_verified\":true}";

    @Inject
    private PluginRegistry registry;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final RecordingSignIn signIn = new RecordingSignIn();
    private ServiceRegistration<SsoSignIn> signInRegistration;

    @Configuration
    public Option[] config() {
        String idp = Idp.start();
        return OptionUtils.combine(distribution(databasePassword()),
                editConfigurationFilePut("etc/io.portico.sso.oidc-mock.cfg", "issuer", idp + "/portico"),
                editConfigurationFilePut("etc/io.portico.sso.oidc-mock.cfg", "clientId", "portico-it"),
                editConfigurationFilePut("etc/io.portico.sso.oidc-mock.cfg", "clientSecret", "not-so-secret"),
                editConfigurationFilePut("etc/io.portico.sso.oidc-mock.cfg", "buttonLabel", "Sign in with Mock"),
                editConfigurationFilePut("etc/io.portico.sso.entra.cfg", "authority", idp),
                editConfigurationFilePut("etc/io.portico.sso.entra.cfg", "tenant", TENANT),
                editConfigurationFilePut("etc/io.portico.sso.entra.cfg", "allowedTenants", TENANT),
                editConfigurationFilePut("etc/io.portico.sso.entra.cfg", "clientId", "portico-entra-it"),
                editConfigurationFilePut("etc/io.portico.sso.entra.cfg", "clientSecret", "not-so-secret"),
                editConfigurationFilePut("etc/io.portico.sso.google.cfg", "issuer", idp + "/google"),
                editConfigurationFilePut("etc/io.portico.sso.google.cfg", "clientId", "portico-google-it"),
                editConfigurationFilePut("etc/io.portico.sso.google.cfg", "clientSecret", "not-so-secret"),
                systemProperty(IDP_PROPERTY).value(idp));
    }

    /** Outranks the identity bundle's sign-in service, so the test sees exactly what the flow hands over. */
    @Before
    public void signInService() {
        signInRegistration = bundleContext.registerService(SsoSignIn.class, signIn, outranking());
    }

    private static Dictionary<String, Object> outranking() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        return properties;
    }

    @After
    public void noSignInService() {
        signInRegistration.unregister();
    }

    @Test
    public void aProviderConfiguredByFileSignsInWithAVerifiedEmail() throws Exception {
        awaitProvider("mock");
        HttpResponse<String> providers = portico("/auth/sso", null);
        assertTrue(providers.body(), providers.body().contains("\"label\":\"Sign in with Mock\""));

        HttpResponse<String> signedIn = signIn("mock", "/invoices", "ann", VERIFIED_GOOGLE_CLAIMS).response();

        assertEquals(signedIn.body(), 303, signedIn.statusCode());
        assertEquals("/signed-in", URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath());
        assertTrue(signedIn.headers().allValues("Set-Cookie").contains("portico_session=it; Path=/; HttpOnly"));
        SsoIdentity identity = signIn.identities.get(0);
        assertEquals("ann", identity.subject());
        assertEquals(System.getProperty(IDP_PROPERTY) + "/portico", identity.issuer());
        assertEquals("ann@acme.example", identity.verifiedEmail().orElseThrow());
        assertEquals("/invoices", signIn.returnTos.get(0));
    }

    @Test
    public void aReplayedAnswerOrAnotherBrowserIsRefused() throws Exception {
        awaitProvider("mock");
        Walk walk = signIn("mock", "/", "ann", VERIFIED_GOOGLE_CLAIMS);
        assertEquals(303, walk.response().statusCode());

        HttpResponse<String> replay = portico(walk.callback(), walk.cookie());
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body(), replay.body().contains("no longer valid"));

        Walk other = signIn("mock", "/", "eve", VERIFIED_GOOGLE_CLAIMS, false);
        assertEquals(400, other.response().statusCode());
        assertTrue(other.response().body(), other.response().body().contains("another browser"));
        assertEquals(1, signIn.identities.size());
    }

    @Test
    public void anUnverifiedEmailGetsAClearErrorAndChangesNothing() throws Exception {
        awaitProvider("mock");
        HttpResponse<String> refused = signIn("mock", "/", "ann",
                "{\"email\":\"ann@acme.example\",\"email_verified\":false}").response();

        assertEquals(403, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.body(), refused.body().contains("Your email address is not verified"));
        assertTrue(signIn.identities.isEmpty());
    }

    @Test
    public void withoutASignInServiceNobodyIsSentAway() throws Exception {
        awaitProvider("mock");
        Bundle identity = bundle("io.portico.identity");
        signInRegistration.unregister();
        identity.stop();
        try {
            assertEquals(503, portico("/auth/sso/mock", null).statusCode());
        } finally {
            identity.start();
            signInRegistration = bundleContext.registerService(SsoSignIn.class, signIn, outranking());
        }
    }

    @Test
    public void entraPluginInstalledAtRuntimeChecksTenantAndDomainVerifiedEmail() throws Exception {
        Bundle plugin = installPlugin("portico-plugin-sso-entra");
        awaitProvider("entra");

        HttpResponse<String> unverified = signIn("entra", "/", "entra-ann",
                "{\"email\":\"ann@acme.example\",\"preferred_username\":\"ann@acme.example\"}").response();
        assertEquals(unverified.body(), 403, unverified.statusCode());

        HttpResponse<String> verified = signIn("entra", "/", "entra-ann",
                "{\"email\":\"ann@acme.example\",\"xms_edov\":true}").response();
        assertEquals(verified.body(), 303, verified.statusCode());
        assertEquals(TENANT, signIn.identities.get(0).tenantId());

        plugin.uninstall();
        await("the entra provider to go", WAIT, () -> registry.find(SsoProvider.class, "entra").isEmpty());
        assertEquals(404, portico("/auth/sso/entra", null).statusCode());
    }

    @Test
    public void googlePluginInstalledAtRuntimeSignsIn() throws Exception {
        Bundle plugin = installPlugin("portico-plugin-sso-google");
        awaitProvider("google");

        HttpResponse<String> signedIn = signIn("google", "/", "google-ann", VERIFIED_GOOGLE_CLAIMS).response();

        assertEquals(signedIn.body(), 303, signedIn.statusCode());
        assertEquals("ann@acme.example", signIn.identities.get(0).verifiedEmail().orElseThrow());
        plugin.uninstall();
    }

    /** What a browser saw: the final response, and the callback and cookie it used. */
    private record Walk(HttpResponse<String> response, String callback, String cookie) {
    }

    private Walk signIn(String provider, String returnTo, String user, String claims) throws Exception {
        return signIn(provider, returnTo, user, claims, true);
    }

    /**
     * Clicks the provider's button, signs in on the provider's login page with these claims, and follows the
     * redirect back to Portico, with the browser-binding cookie or, to act as another browser, without it.
     */
    private Walk signIn(String provider, String returnTo, String user, String claims, boolean sameBrowser)
            throws Exception {
        HttpResponse<String> start = portico("/auth/sso/" + provider + "?returnTo="
                + URLEncoder.encode(returnTo, StandardCharsets.UTF_8), null);
        assertEquals(start.body(), 303, start.statusCode());
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(login.body(), 302, login.statusCode());
        URI callback = URI.create(login.headers().firstValue("Location").orElseThrow());
        String path = callback.getRawPath() + "?" + callback.getRawQuery();
        return new Walk(portico(path, sameBrowser ? cookie : null), path, cookie);
    }

    private HttpResponse<String> portico(String pathAndQuery, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Bundle installPlugin(String artifactId) throws BundleException {
        Bundle plugin = bundleContext.installBundle(bundleUrl(artifactId));
        plugin.start();
        return plugin;
    }

    private void awaitProvider(String name) throws InterruptedException {
        await("SSO provider " + name, WAIT, () -> registry.find(SsoProvider.class, name).isPresent()
                && status("/auth/sso") == 200);
    }

    /** Stands in for the identity bundle's sign-in service. */
    private static final class RecordingSignIn implements SsoSignIn {
        final List<SsoIdentity> identities = new CopyOnWriteArrayList<>();
        final List<String> returnTos = new CopyOnWriteArrayList<>();

        @Override
        public SsoSignedIn signIn(String provider, SsoIdentity identity, String returnTo) {
            identities.add(identity);
            returnTos.add(returnTo);
            return new SsoSignedIn(URI.create("/signed-in"), List.of("portico_session=it; Path=/; HttpOnly"));
        }
    }

    /**
     * The identity provider, in the test driver's JVM (never loaded inside Karaf). Interactive login lets each test
     * choose the claims; the Entra-like issuer {@code <tenant>/v2.0} also puts the tenant id into its tokens.
     */
    static final class Idp {

        private static MockOAuth2Server server;

        private Idp() {
        }

        static synchronized String start() {
            if (server == null) {
                RequestMappingTokenCallback entraTenant = new RequestMappingTokenCallback(TENANT + "/v2.0",
                        List.of(new RequestMapping("client_id", "*", Map.of("tid", TENANT), "JWT")), 3600L);
                server = new MockOAuth2Server(new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(),
                        Set.of(entraTenant)));
                server.start();
            }
            return server.baseUrl().toString().replaceAll("/+$", "");
        }
    }
}
