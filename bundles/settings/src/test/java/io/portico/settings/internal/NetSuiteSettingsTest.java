package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.secrets.SecretBox;
import io.portico.api.web.ProblemException;
import io.portico.netsuite.AuthMethod;
import io.portico.netsuite.ConnectionCheck;
import io.portico.netsuite.NetSuiteConnection;
import io.portico.netsuite.NetSuiteConnections;
import io.portico.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings &gt; NetSuite against PostgreSQL: secrets sealed and kept, the audit log, fields named, the file wins. */
class NetSuiteSettingsTest {

    private static TestDatabase db;
    private static SettingsActor actor;

    private final FakeNetSuiteConnections connections = new FakeNetSuiteConnections();
    private NetSuiteSettings settings;

    @BeforeAll
    static void database() throws Exception {
        db = TestDatabase.create();
        actor = OperatorAdmin.of(db);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM settings_netsuite");
            s.execute("DELETE FROM audit_log");
        }
        settings = new NetSuiteSettings(db.database().sessionFactory(NetSuiteSettingsMapper.class,
                AuditMapper.class), FakeNetSuiteConnections.SECRETS, connections);
    }

    private static NetSuiteSettingsForm tba(String accountId, String consumerSecret, String tokenSecret) {
        return new NetSuiteSettingsForm(accountId, "", "tba", "ck", consumerSecret, "tid", tokenSecret, "", "", "",
                "", "", "", "", "");
    }

    @Test
    void secretsAreSealedAtRestAndAuditedAsChangedNeverTheirValues() throws Exception {
        assertTrue(settings.connection().isEmpty());
        settings.save(actor, tba(" 123456_sb1 ", "consumer-plain", "token-plain"));

        NetSuiteConnection saved = settings.connection().orElseThrow();
        assertEquals("123456_sb1", saved.accountId());
        assertEquals(AuthMethod.TBA, saved.authMethod());
        assertEquals("ENC(nialp-remusnoc)", saved.consumerSecret());
        assertEquals("token-plain", FakeNetSuiteConnections.SECRETS.reveal(saved.tokenSecret()));
        assertEquals("America/Los_Angeles", saved.timeZone(), "NetSuite's default");
        assertEquals(5, saved.concurrencyLimit());
        String stored = query("SELECT concat_ws(' ', consumer_secret, token_secret) FROM settings_netsuite");
        assertFalse(stored.contains("plain"), stored);
        String audit = query("SELECT detail::text FROM audit_log WHERE action = 'settings.netsuite'");
        assertTrue(audit.contains("\"consumerSecret\": \"changed\"") && audit.contains("\"privateKey\": \"none\""),
                audit);
        assertFalse(audit.contains("plain") || audit.contains("ENC("), audit);
    }

    @Test
    void anEmptySecretKeepsTheSavedOneSoOtherFieldsChangeAlone() throws Exception {
        settings.save(actor, tba("123456", "c1", "t1"));
        String sealed = settings.connection().orElseThrow().tokenSecret();
        settings.save(actor, new NetSuiteSettingsForm("123456", "", "tba", "ck2", "", "tid", "", "", "", "", "", "",
                "Europe/Berlin", "d.M.yyyy", "10"));

        NetSuiteConnection saved = settings.connection().orElseThrow();
        assertEquals("ck2", saved.consumerKey());
        assertEquals(sealed, saved.tokenSecret());
        assertEquals("Europe/Berlin", saved.timeZone());
        assertEquals(10, saved.concurrencyLimit());
        String audit = query("SELECT detail::text FROM audit_log ORDER BY id DESC LIMIT 1");
        assertTrue(audit.contains("\"tokenSecret\": \"unchanged\"") && audit.contains("\"consumerKey\": \"ck2\""),
                audit);
    }

    @Test
    void aSecretThePageCarriedSealedIsSavedAsItIs() {
        NetSuiteSettingsForm typed = tba("123456", "c1", "t1");
        String carried = settings.carried(typed).get("tokenSecret");
        assertEquals("t1", FakeNetSuiteConnections.SECRETS.reveal(carried));
        settings.save(actor, NetSuiteSettingsForm.of(name -> switch (name) {
            case "accountId" -> "123456";
            case "authMethod" -> "tba";
            case "consumerSecret" -> "c1";
            case "sealed.tokenSecret" -> carried;
            default -> "";
        }));
        assertEquals(carried, settings.connection().orElseThrow().tokenSecret());
    }

    @Test
    void switchingToM2mRemovesTheTbaSecrets() throws Exception {
        settings.save(actor, tba("123456", "c1", "t1"));
        settings.save(actor, new NetSuiteSettingsForm("123456", "", "m2m", "", "", "", "", "client", "cert",
                placeholderKey(), "es256", "", "", "", ""));
        NetSuiteConnection saved = settings.connection().orElseThrow();
        assertNull(saved.consumerSecret());
        assertEquals("ES256", saved.algorithm());
        assertTrue(SecretBox.isSealed(saved.privateKey()));
        String audit = query("SELECT detail::text FROM audit_log ORDER BY id DESC LIMIT 1");
        assertTrue(audit.contains("\"consumerSecret\": \"removed\"") && audit.contains("\"privateKey\": \"changed\""),
                audit);
    }

    /** The client's key check is faked here, so the key is a placeholder: no key material is written down. */
    private static String placeholderKey() {
        return "placeholder ES256 key for a faked check";
    }

    @Test
    void aFieldThatIsNotValidIsNamedAndNothingIsSaved() throws Exception {
        assertEquals("accountId", assertThrows(InvalidSettingException.class,
                () -> settings.save(actor, tba(" ", "c", "t"))).field());
        assertEquals("authMethod", assertThrows(InvalidSettingException.class, () -> settings.save(actor,
                new NetSuiteSettingsForm("1", "", "oauth3", "", "", "", "", "", "", "", "", "", "", "", ""))).field());
        assertEquals("concurrencyLimit", assertThrows(InvalidSettingException.class, () -> settings.save(actor,
                new NetSuiteSettingsForm("1", "", "tba", "", "", "", "", "", "", "", "", "", "", "", "0"))).field());
        InvalidSettingException pem = assertThrows(InvalidSettingException.class,
                () -> settings.save(actor, tba("123456", "c", "BAD-PEM")));
        assertEquals("privateKey", pem.field(), "the client's check names the field");
        assertEquals("Private key is not a PKCS#8 PEM key.", pem.detail());
        assertEquals("Enter the token secret.", assertThrows(InvalidSettingException.class,
                () -> settings.save(actor, tba("123456", "c", ""))).detail());
        assertEquals("0", query("SELECT count(*) FROM settings_netsuite"));
        assertEquals("0", query("SELECT count(*) FROM audit_log"));
    }

    @Test
    void whileTheFileWinsNothingIsSaved() throws Exception {
        connections.source = NetSuiteConnections.Source.FILE;
        ProblemException conflict = assertThrows(ProblemException.class,
                () -> settings.save(actor, tba("123456", "c", "t")));
        assertEquals(409, conflict.status());
        assertTrue(conflict.detail().contains("etc/io.portico.netsuite.cfg"), conflict.detail());
        assertEquals("0", query("SELECT count(*) FROM settings_netsuite"));
    }

    @Test
    void aTestChecksTheFormWithTheSavedSecretsAndSavesNothing() throws Exception {
        settings.save(actor, tba("123456", "c1", "t1"));
        ConnectionCheck check = settings.test(tba("654321", "", ""));
        assertFalse(check.accepted());
        NetSuiteConnection tested = connections.checked.get(0);
        assertEquals("654321", tested.accountId());
        assertEquals("t1", FakeNetSuiteConnections.SECRETS.reveal(tested.tokenSecret()), "the saved secret, never shown, is used");
        assertEquals("123456", settings.connection().orElseThrow().accountId());
    }

    private static String query(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** The NetSuite client's checks, reduced to what these tests need: the property names its messages start with. */
}
