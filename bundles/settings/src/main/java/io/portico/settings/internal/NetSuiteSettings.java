package io.portico.settings.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.api.db.Database;
import io.portico.api.secrets.SecretBox;
import io.portico.netsuite.AuthMethod;
import io.portico.netsuite.ConnectionCheck;
import io.portico.netsuite.InvalidConnectionException;
import io.portico.netsuite.NetSuiteConnection;
import io.portico.netsuite.NetSuiteConnections;
import io.portico.netsuite.StoredNetSuiteConnection;
import io.portico.api.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Settings &gt; NetSuite, kept in PostgreSQL with its secrets sealed by {@link SecretBox}: the
 * {@link StoredNetSuiteConnection} the NetSuite client follows on every node, unless
 * {@code etc/io.portico.netsuite.cfg} exists, which wins (then nothing is saved here). A saved secret is never shown
 * again: an empty secret field keeps it.
 */
@Component(service = {StoredNetSuiteConnection.class, NetSuiteSettings.class})
public final class NetSuiteSettings implements StoredNetSuiteConnection, SettingsSection {

    static final String FILE = "etc/io.portico.netsuite.cfg";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("accountId", "Account ID"),
            Map.entry("baseUrl", "Base URL"), Map.entry("authMethod", "Authentication"),
            Map.entry("consumerKey", "Consumer key"), Map.entry("consumerSecret", "Consumer secret"),
            Map.entry("tokenId", "Token ID"), Map.entry("tokenSecret", "Token secret"),
            Map.entry("clientId", "Client ID"), Map.entry("certificateId", "Certificate ID"),
            Map.entry("privateKey", "Private key"), Map.entry("algorithm", "Algorithm"),
            Map.entry("scopes", "Scopes"), Map.entry("timeZone", "Time zone"),
            Map.entry("dateFormat", "Date format"), Map.entry("concurrencyLimit", "Concurrency limit"));

    private final SqlSessionFactory sessions;
    private final SecretBox secrets;
    private final NetSuiteConnections connections;

    @Activate
    public NetSuiteSettings(@Reference Database database, @Reference SecretBox secrets,
            @Reference NetSuiteConnections connections) {
        this(database.sessionFactory(NetSuiteSettingsMapper.class, AuditMapper.class), secrets, connections);
    }

    NetSuiteSettings(SqlSessionFactory sessions, SecretBox secrets, NetSuiteConnections connections) {
        this.sessions = sessions;
        this.secrets = secrets;
        this.connections = connections;
    }

    @Override
    public Optional<NetSuiteConnection> connection() {
        return Optional.ofNullable(saved()).map(NetSuiteSettings::connection);
    }

    /** The saved row, secrets sealed; {@code null} while none is saved. */
    NetSuiteSettingsRow saved() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(NetSuiteSettingsMapper.class).current();
        }
    }

    NetSuiteConnections connections() {
        return connections;
    }

    /** Whether {@code etc/io.portico.netsuite.cfg} sets the connection, so that this page's is not used. */
    boolean fileWins() {
        return connections.source() == NetSuiteConnections.Source.FILE;
    }

    /**
     * Checks the connection and saves it, its secrets sealed, writing the change to the audit log in the same
     * transaction (secrets as "changed", never their values). Every node's client follows within seconds.
     *
     * @throws InvalidSettingException naming the first field that is not valid; nothing is saved then
     * @throws ProblemException 409 while the configuration file wins
     */
    void save(SettingsActor actor, NetSuiteSettingsForm form) {
        if (fileWins()) {
            throw ProblemException.conflict(FILE + " sets the NetSuite connection and wins over this page: change "
                    + "that file, or delete it to connect here.");
        }
        try (SqlSession session = sessions.openSession(false)) {
            write(session, actor, row(checked(form, session.getMapper(NetSuiteSettingsMapper.class).current())));
            session.commit(true);
        }
    }

    private void write(SqlSession session, SettingsActor actor, NetSuiteSettingsRow after) {
        NetSuiteSettingsMapper mapper = session.getMapper(NetSuiteSettingsMapper.class);
        NetSuiteSettingsRow before = mapper.current();
        mapper.save(actor.tenantId(), actor.userId(), after);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", before == null ? null : fields(before));
        detail.put("after", fields(after));
        for (String secret : NetSuiteConnection.SECRETS) {
            detail.put(secret, change(before == null ? null : secret(before, secret), secret(after, secret)));
        }
        try {
            session.getMapper(AuditMapper.class).insertAudit(actor.tenantId(), actor.userId(), actor.label(),
                    "settings.netsuite", "NetSuite connection", JSON.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The connection as the settings document carries it, named as the page's fields. Secrets are never exported;
     * an admin may add them to a document in plain text, and an import seals them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String accountId, String baseUrl, String authMethod, String consumerKey, String consumerSecret,
            String tokenId, String tokenSecret, String clientId, String certificateId, String privateKey,
            String algorithm, String scopes, String timeZone, String dateFormat, Integer concurrencyLimit) {

        String secret(String name) {
            return switch (name) {
                case "consumerSecret" -> consumerSecret;
                case "tokenSecret" -> tokenSecret;
                case "privateKey" -> privateKey;
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    @Override
    public String key() {
        return "netsuite";
    }

    @Override
    public Document export() {
        NetSuiteSettingsRow row = saved();
        return row == null ? null : new Document(row.accountId(), row.baseUrl(), row.authMethod(), row.consumerKey(),
                null, row.tokenId(), null, row.clientId(), row.certificateId(), null, row.algorithm(), row.scopes(),
                row.timeZone(), row.dateFormat(), row.concurrencyLimit());
    }

    /**
     * The document's connection replaces the saved one. A secret it leaves out is this portal's saved one, but only
     * while the saved connection is to the same account by the same method: another account's secrets are never
     * paired with it. While the configuration file wins, a document with a connection is refused (409).
     */
    @Override
    public Checked check(SettingsActor actor, JsonNode value, DocumentReader read) {
        if (fileWins()) {
            throw ProblemException.conflict(FILE + " sets the NetSuite connection here and wins over saved "
                    + "settings: leave \"netsuite\" out of the document (or set it to null) to import the rest.");
        }
        Document document = read.read(value, Document.class);
        for (String name : NetSuiteConnection.SECRETS) {
            if (SecretBox.isSealed(document.secret(name))) {
                throw new InvalidSettingException(name, "Give the " + LABELS.get(name).toLowerCase(Locale.ROOT)
                        + " itself: a sealed value can only be opened by the portal that sealed it.");
            }
        }
        NetSuiteSettingsForm form = new NetSuiteSettingsForm(document.accountId(), document.baseUrl(),
                document.authMethod(), document.consumerKey(), Objects.requireNonNullElse(document.consumerSecret(), ""),
                document.tokenId(), Objects.requireNonNullElse(document.tokenSecret(), ""), document.clientId(),
                document.certificateId(), Objects.requireNonNullElse(document.privateKey(), ""), document.algorithm(),
                document.scopes(), document.timeZone(), document.dateFormat(),
                document.concurrencyLimit() == null ? null : String.valueOf(document.concurrencyLimit()));
        NetSuiteSettingsRow saved = saved();
        boolean sameAccount = saved != null && saved.accountId().equalsIgnoreCase(Objects.toString(
                document.accountId(), "").strip()) && saved.authMethod().equals(form.checkedAuthMethod());
        NetSuiteSettingsRow after;
        try {
            after = row(checked(form, sameAccount ? saved : null));
        } catch (InvalidSettingException e) {
            if (NetSuiteConnection.SECRETS.contains(e.field()) && document.secret(e.field()) == null) {
                throw new InvalidSettingException(e.field(), "The document has no " + LABELS.get(e.field())
                        .toLowerCase(Locale.ROOT) + " (secrets are never exported), and this portal has none saved "
                        + "for account " + form.accountId().strip() + ": add \"" + e.field() + "\" to the document, or "
                        + "leave \"netsuite\" out to keep this portal's connection.");
            }
            throw e;
        }
        List<String> given = NetSuiteConnection.SECRETS.stream().filter(n -> document.secret(n) != null).toList();
        return new Checked() {
            @Override
            public String summary() {
                return "NetSuite: account " + after.accountId() + " by " + after.authMethod().toUpperCase(Locale.ROOT)
                        + (given.isEmpty() ? ", this portal's saved secrets kept." : ", secrets from the document.");
            }

            @Override
            public void write(SqlSession session, SettingsActor by) {
                NetSuiteSettings.this.write(session, by, after);
            }
        };
    }

    /** Nothing to read again: the connections service rereads the saved connection on every node within seconds. */
    @Override
    public void reread() {
    }

    /**
     * Calls NetSuite with the form's connection (the saved secrets where none was entered) without saving it; the
     * connection in use is left alone whatever NetSuite answers.
     *
     * @throws InvalidSettingException naming the first field that is not valid
     */
    ConnectionCheck test(NetSuiteSettingsForm form) {
        NetSuiteConnection connection = checked(form, saved());
        try {
            return connections.check(connection);
        } catch (InvalidConnectionException e) {
            throw invalid(e);
        }
    }

    /** The form as a connection with every secret sealed, checked as the NetSuite client will use it. */
    NetSuiteConnection checked(NetSuiteSettingsForm form, NetSuiteSettingsRow saved) {
        String method = form.checkedAuthMethod();
        boolean tba = method.equals("tba");
        String accountId = NetSuiteSettingsForm.text("accountId", form.accountId());
        if (accountId == null) {
            throw new InvalidSettingException("accountId", "Enter the account ID, like 123456 or 123456_SB1 for a "
                    + "sandbox (Setup > Company > Company Information in NetSuite).");
        }
        Map<String, String> entered = form.secrets();
        String privateKey = entered.get("privateKey");
        if (privateKey.length() > NetSuiteSettingsForm.MAX_PRIVATE_KEY) {
            throw new InvalidSettingException("privateKey", "The private key must be one PEM key of at most "
                    + NetSuiteSettingsForm.MAX_PRIVATE_KEY + " characters.");
        }
        NetSuiteConnection connection = new NetSuiteConnection(accountId,
                NetSuiteSettingsForm.text("baseUrl", form.baseUrl()), tba ? AuthMethod.TBA : AuthMethod.M2M,
                tba ? NetSuiteSettingsForm.text("consumerKey", form.consumerKey()) : null,
                tba ? sealed(entered.get("consumerSecret"), saved, "consumerSecret") : null,
                tba ? NetSuiteSettingsForm.text("tokenId", form.tokenId()) : null,
                tba ? sealed(entered.get("tokenSecret"), saved, "tokenSecret") : null,
                tba ? null : NetSuiteSettingsForm.text("clientId", form.clientId()),
                tba ? null : NetSuiteSettingsForm.text("certificateId", form.certificateId()),
                tba ? null : sealed(privateKey, saved, "privateKey"),
                Objects.requireNonNullElse(NetSuiteSettingsForm.text("algorithm", form.algorithm()), "PS256")
                        .toUpperCase(Locale.ROOT),
                Objects.requireNonNullElse(NetSuiteSettingsForm.text("scopes", form.scopes()), "rest_webservices"),
                Objects.requireNonNullElse(NetSuiteSettingsForm.text("timeZone", form.timeZone()),
                        NetSuiteSettingsForm.DEFAULT_TIME_ZONE),
                Objects.requireNonNullElse(NetSuiteSettingsForm.text("dateFormat", form.dateFormat()),
                        NetSuiteSettingsForm.DEFAULT_DATE_FORMAT),
                form.checkedConcurrencyLimit());
        try {
            connections.validate(connection);
        } catch (InvalidConnectionException e) {
            throw invalid(e);
        }
        return connection;
    }

    /**
     * The secrets entered in the form, sealed, for the page to carry in hidden fields after a Test or a refused save,
     * so that nothing typed is lost and no secret goes back to the browser readable.
     */
    Map<String, String> carried(NetSuiteSettingsForm form) {
        Map<String, String> carried = new LinkedHashMap<>();
        form.secrets().forEach((name, entered) -> {
            if (!entered.isBlank()) {
                carried.put(name, SecretBox.isSealed(entered) ? entered : secrets.seal(entered.strip()));
            }
        });
        return carried;
    }

    /** What was entered, sealed (a value the page carried is sealed already); else the saved secret. */
    private String sealed(String entered, NetSuiteSettingsRow saved, String name) {
        if (entered != null && !entered.isBlank()) {
            return SecretBox.isSealed(entered) ? entered : secrets.seal(entered.strip());
        }
        return saved == null ? null : secret(saved, name);
    }

    /** The client's message names the property first ("privateKey is not …"): the page names the field instead. */
    private static InvalidSettingException invalid(InvalidConnectionException e) {
        String property = e.property();
        String label = LABELS.getOrDefault(property, property);
        String message = e.getMessage();
        String detail = message.endsWith(" is not configured") ? "Enter the " + label.toLowerCase(Locale.ROOT) + "."
                : message.startsWith(property) ? label + message.substring(property.length()) + "." : message;
        return new InvalidSettingException(LABELS.containsKey(property) ? property : "accountId", detail);
    }

    private static NetSuiteConnection connection(NetSuiteSettingsRow row) {
        return new NetSuiteConnection(row.accountId(), row.baseUrl(),
                AuthMethod.valueOf(row.authMethod().toUpperCase(Locale.ROOT)), row.consumerKey(),
                row.consumerSecret(), row.tokenId(), row.tokenSecret(), row.clientId(), row.certificateId(),
                row.privateKey(), row.algorithm(), row.scopes(), row.timeZone(), row.dateFormat(),
                row.concurrencyLimit());
    }

    private static NetSuiteSettingsRow row(NetSuiteConnection c) {
        return new NetSuiteSettingsRow(c.accountId(), c.baseUrl(), c.authMethod().name().toLowerCase(Locale.ROOT),
                c.consumerKey(), c.consumerSecret(), c.tokenId(), c.tokenSecret(), c.clientId(), c.certificateId(),
                c.privateKey(), c.algorithm(), c.scopes(), c.timeZone(), c.dateFormat(), c.concurrencyLimit());
    }

    static String secret(NetSuiteSettingsRow row, String name) {
        return switch (name) {
            case "consumerSecret" -> row.consumerSecret();
            case "tokenSecret" -> row.tokenSecret();
            case "privateKey" -> row.privateKey();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A secret's change as the audit log records it: never its value. */
    private static String change(String before, String after) {
        if (Objects.equals(before, after)) {
            return after == null ? "none" : "unchanged";
        }
        return after == null ? "removed" : "changed";
    }

    /** The row's fields without the secrets. */
    private static Map<String, Object> fields(NetSuiteSettingsRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accountId", row.accountId());
        fields.put("baseUrl", row.baseUrl());
        fields.put("authMethod", row.authMethod());
        fields.put("consumerKey", row.consumerKey());
        fields.put("tokenId", row.tokenId());
        fields.put("clientId", row.clientId());
        fields.put("certificateId", row.certificateId());
        fields.put("algorithm", row.algorithm());
        fields.put("scopes", row.scopes());
        fields.put("timeZone", row.timeZone());
        fields.put("dateFormat", row.dateFormat());
        fields.put("concurrencyLimit", row.concurrencyLimit());
        return fields;
    }
}
