package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.secrets.SecretBox;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.netsuite.ConnectionCheck;
import io.portico.netsuite.NetSuiteAccount;
import io.portico.netsuite.NetSuiteConnections;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/admin/settings/netsuite} for the operator's owners and admins: the connection as JSON (secrets only
 * as {@code "set"}), replaced with {@code PUT} (a secret left out or {@code null} keeps the saved one), and
 * {@code POST …/test} checking a connection before it is saved, or the one in use for {@code {}} (no account id). A field
 * that is not valid is a 400 naming it; while {@code etc/io.portico.netsuite.cfg} wins, {@code PUT} is a 409.
 */
@Component(service = NetSuiteSettingsApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/admin/settings/netsuite")
public final class NetSuiteSettingsApi {

    private static final String SET = "set";

    private final NetSuiteSettings settings;

    @Activate
    public NetSuiteSettingsApi(@Reference NetSuiteSettings settings) {
        this.settings = settings;
    }

    /**
     * @param source where the connection in use comes from: {@code file} (it wins), {@code settings} or {@code none}
     * @param connected the account in use, or {@code null}
     * @param problem why the connection set up cannot be used, or {@code null}
     * @param consumerSecret {@code "set"} when one is saved, else {@code null}; likewise the other secrets
     */
    public record NetSuiteJson(String source, Account connected, String problem, String accountId, String baseUrl,
            String authMethod, String consumerKey, String consumerSecret, String tokenId, String tokenSecret,
            String clientId, String certificateId, String privateKey, String algorithm, String scopes,
            String timeZone, String dateFormat, Integer concurrencyLimit) {
    }

    /** An account in use: the id in realm form, the auth method and where requests go. */
    public record Account(String accountId, String authMethod, String host) {
    }

    /** What a {@code PUT} or a test sends; a secret left out keeps the saved one. */
    public record NetSuiteUpdate(String accountId, String baseUrl, String authMethod, String consumerKey,
            String consumerSecret, String tokenId, String tokenSecret, String clientId, String certificateId,
            String privateKey, String algorithm, String scopes, String timeZone, String dateFormat,
            Integer concurrencyLimit) {

        NetSuiteSettingsForm form() {
            return new NetSuiteSettingsForm(accountId, baseUrl, authMethod, consumerKey, plain(consumerSecret),
                    tokenId, plain(tokenSecret), clientId, certificateId, plain(privateKey), algorithm, scopes,
                    timeZone, dateFormat, concurrencyLimit == null ? null : concurrencyLimit.toString());
        }

        /** A value sealed elsewhere is not taken: through the API a secret is sent in plain text (over TLS). */
        private static String plain(String secret) {
            return secret == null || SecretBox.isSealed(secret) ? "" : secret;
        }
    }

    /**
     * What {@code portico:netsuite-test} shows.
     *
     * @param credentials NetSuite's acceptance with the round trip, or its error
     * @param failure NetSuite's error (status, code, message) when it refused, else {@code null}
     * @param netsuite the account's limits as NetSuite reports them, when accepted
     */
    public record CheckJson(boolean accepted, String accountId, String authMethod, String host, String governance,
            String credentials, long roundTripMillis, String failure, String netsuite) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public NetSuiteJson get(@Context ContainerRequestContext request) {
        SettingsActor.admin(request);
        return json();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public NetSuiteJson put(NetSuiteUpdate update, @Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        if (update == null) {
            throw new InvalidSettingException("accountId", "Send the connection as a JSON object.");
        }
        settings.save(SettingsActor.of(user), update.form());
        return json();
    }

    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CheckJson test(NetSuiteUpdate update, @Context ContainerRequestContext request) {
        SettingsActor.admin(request);
        if (update == null || update.accountId() == null || settings.fileWins()) {
            return settings.connections().checkInUse().map(NetSuiteSettingsApi::json).orElseThrow(() ->
                    ProblemException.conflict("No NetSuite account is connected: send the connection to test."));
        }
        return json(settings.test(update.form()));
    }

    private NetSuiteJson json() {
        NetSuiteConnections connections = settings.connections();
        Account connected = connections.account().map(NetSuiteSettingsApi::account).orElse(null);
        String source = connections.source().name().toLowerCase(Locale.ROOT);
        String problem = connections.problem().orElse(null);
        NetSuiteSettingsRow row = settings.saved();
        if (row == null) {
            return new NetSuiteJson(source, connected, problem, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
        }
        return new NetSuiteJson(source, connected, problem, row.accountId(), row.baseUrl(), row.authMethod(),
                row.consumerKey(), set(row.consumerSecret()), row.tokenId(), set(row.tokenSecret()), row.clientId(),
                row.certificateId(), set(row.privateKey()), row.algorithm(), row.scopes(), row.timeZone(),
                row.dateFormat(), row.concurrencyLimit());
    }

    private static Account account(NetSuiteAccount account) {
        return new Account(account.accountId(), account.authMethod().name().toLowerCase(Locale.ROOT),
                account.baseUri().toString());
    }

    private static String set(String secret) {
        return secret == null ? null : SET;
    }

    private static CheckJson json(ConnectionCheck check) {
        NetSuiteAccount account = check.account();
        return new CheckJson(check.accepted(), account.accountId(),
                account.authMethod().name().toLowerCase(Locale.ROOT), account.baseUri().toString(),
                check.configuredGovernance(), check.credentials(), check.roundTripMillis(), check.failure(),
                check.governance());
    }
}
