package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.web.Branding;
import io.portico.api.web.BrandingSource;
import io.portico.api.web.ProblemException;
import io.portico.api.web.SidebarLayout.Placement;
import io.portico.netsuite.NetSuiteConnections;
import io.portico.testing.TestDatabase;
import io.portico.testing.TestRecordTypes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The settings document against PostgreSQL: an export imports into an empty portal as the same settings, secrets
 * never leave, every refusal names its key and changes nothing, and the sections are written in one transaction.
 */
class SettingsTransferTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    private static final RecordTypeDescriptor INVOICES = new RecordTypeDescriptor("Invoices", "invoice",
            RecordCategory.TRANSACTION, List.of(new FieldDescriptor("number", "Invoice #", FieldType.TEXT),
                    new FieldDescriptor("status", "Status", FieldType.STATUS)),
            List.of(new FieldDescriptor("number", "Invoice #", FieldType.TEXT)), 10);
    private static final List<String> TABLES = List.of("settings_branding", "settings_sidebar",
            "settings_field_mapping", "settings_netsuite");

    private static TestDatabase db;
    private static SettingsActor actor;

    private final AtomicLong nanos = new AtomicLong();
    private final FakeNetSuiteConnections connections = new FakeNetSuiteConnections();
    private BrandingSettings branding;
    private SidebarSettings sidebar;
    private FieldMappingSettings fieldMapping;
    private NetSuiteSettings netsuite;
    private SettingsTransfer transfer;

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
    void emptyPortal() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DELETE FROM " + table);
            }
            s.execute("DELETE FROM audit_log");
        }
        PluginRegistry registry = TestRecordTypes.registry(Map.of("invoice", TestRecordTypes.type(INVOICES)));
        branding = new BrandingSettings(db.database().sessionFactory(BrandingMapper.class, AuditMapper.class),
                new Branding("Portico", "#1f4e79", null), nanos::get);
        sidebar = new SidebarSettings(db.database().sessionFactory(SidebarMapper.class, AuditMapper.class), registry,
                nanos::get);
        fieldMapping = new FieldMappingSettings(db.database().sessionFactory(FieldMappingMapper.class,
                AuditMapper.class), registry, nanos::get);
        netsuite = new NetSuiteSettings(db.database().sessionFactory(NetSuiteSettingsMapper.class, AuditMapper.class),
                FakeNetSuiteConnections.SECRETS, connections);
        transfer = transfer(List.of(branding, sidebar, fieldMapping, netsuite));
    }

    private SettingsTransfer transfer(List<SettingsSection> sections) {
        return new SettingsTransfer(db.database().sessionFactory(BrandingMapper.class, SidebarMapper.class,
                FieldMappingMapper.class, NetSuiteSettingsMapper.class, AuditMapper.class), sections,
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
    }

    private void configure() {
        branding.save(actor, new BrandingForm("Acme portal", "#0b5394", "ar@acme.test", "+1 555 010 0199",
                "Acme Inc."), new BrandingSource.Image(ImageUpload.PNG, PNG), false, null, false);
        sidebar.save(actor, List.of(new Placement("invoice", "Bills", "receipt", false),
                new Placement("dashboard", null, null, false)));
        fieldMapping.save(actor, fieldMapping.type("invoice"), fieldMapping.checked(actor.tenantId(),
                fieldMapping.type("invoice"), new FieldMappingUpdate(List.of(new FieldMappingUpdate.Field("status",
                        "State", false, List.of(new FieldMappingUpdate.Value("A", "Approved")))), null, null)));
        netsuite.save(actor, new NetSuiteSettingsForm("123456_SB1", "", "tba", "ck", "consumer-plain", "tid",
                "token-plain", "", "", "", "", "", "", "", ""));
    }

    @Test
    void anExportImportsIntoAnEmptyPortalAsTheSameSettingsOnceItsSecretsAreAdded() throws Exception {
        configure();
        byte[] exported = transfer.export();
        String text = new String(exported, StandardCharsets.UTF_8);
        assertFalse(text.contains("plain") || text.contains("ENC("), "no secret leaves, sealed or not: " + text);
        JsonNode document = JSON.readTree(exported);
        assertEquals(1, document.get("formatVersion").intValue());
        assertEquals("2026-12-07T10:00:00Z", document.get("exportedAt").textValue());
        assertTrue(document.at("/branding/logo").textValue().startsWith("data:image/png;base64,"));
        assertEquals("Bills", document.at("/sidebar/entries/0/label").textValue());
        assertEquals("Approved", document.at("/fieldMapping/invoice/fields/0/values/0/display").textValue());
        assertEquals("123456_SB1", document.at("/netsuite/accountId").textValue());
        Map<String, List<String>> staging = rows();

        emptyPortal();
        InvalidSettingException noSecrets = assertThrows(InvalidSettingException.class,
                () -> transfer.importDocument(actor, exported, true));
        assertEquals("netsuite.tokenSecret", noSecrets.field(), noSecrets.detail());
        assertTrue(noSecrets.detail().contains("secrets are never exported"), noSecrets.detail());
        assertTrue(rows().values().stream().allMatch(List::isEmpty), "nothing was written");

        ObjectNode withSecrets = (ObjectNode) JSON.readTree(exported);
        ((ObjectNode) withSecrets.get("netsuite")).put("consumerSecret", "consumer-plain").put("tokenSecret",
                "token-plain");
        SettingsTransfer.Outcome outcome = transfer.importDocument(actor, JSON.writeValueAsBytes(withSecrets), true);
        assertTrue(outcome.written());
        assertEquals(4, outcome.changes().size(), outcome.changes().toString());
        assertEquals(staging.get("settings_branding"), rows().get("settings_branding"));
        assertEquals(staging.get("settings_sidebar"), rows().get("settings_sidebar"));
        assertEquals(staging.get("settings_field_mapping"), rows().get("settings_field_mapping"));
        assertEquals("Acme portal", branding.branding().name(), "this node shows it at once");
        assertEquals("Bills", sidebar.placements().get(0).label());
        assertEquals("State", fieldMapping.label("invoice", "status", "Status"));
        NetSuiteSettingsRow connection = netsuite.saved();
        assertEquals("123456_SB1", connection.accountId());
        assertEquals("token-plain", FakeNetSuiteConnections.SECRETS.reveal(connection.tokenSecret()), "sealed here");
        assertEquals(List.of("settings.branding", "settings.sidebar", "settings.field_mapping", "settings.netsuite",
                "settings.import"), auditActions());
    }

    @Test
    void reimportingOnTheSamePortalKeepsItsSecretsAndChecksWithoutWriting() throws Exception {
        configure();
        String sealed = netsuite.saved().tokenSecret();
        byte[] exported = transfer.export();
        Map<String, List<String>> before = rows();
        int audited = auditActions().size();

        SettingsTransfer.Outcome checked = transfer.importDocument(actor, exported, false);
        assertFalse(checked.written());
        assertEquals(audited, auditActions().size(), "a check writes nothing");

        transfer.importDocument(actor, exported, true);
        assertEquals(sealed, netsuite.saved().tokenSecret(), "same account: the saved secrets are kept");
        assertEquals(before.get("settings_sidebar"), rows().get("settings_sidebar"));
        assertEquals(before.get("settings_field_mapping"), rows().get("settings_field_mapping"));
    }

    @Test
    void anotherAccountNeverGetsThisPortalsSecrets() throws Exception {
        configure();
        ObjectNode document = (ObjectNode) JSON.readTree(transfer.export());
        ((ObjectNode) document.get("netsuite")).put("accountId", "123456");
        assertEquals("netsuite.tokenSecret", refused(document));
    }

    @Test
    void sectionsLeftOutOrNullAreKeptAndFieldMappingLeftOutOfItsSectionIsReset() throws Exception {
        configure();
        ObjectNode document = (ObjectNode) JSON.readTree(transfer.export());
        document.remove("branding");
        document.putNull("netsuite");
        ((ObjectNode) document.get("fieldMapping")).remove("invoice");
        ((ObjectNode) document.get("sidebar")).putArray("entries");
        transfer.importDocument(actor, JSON.writeValueAsBytes(document), true);
        assertEquals("Acme portal", branding.branding().name());
        assertEquals("123456_SB1", netsuite.saved().accountId());
        assertEquals("Status", fieldMapping.label("invoice", "status", "Status"), "back to the plugin's own");
        assertEquals(List.of(), sidebar.placements());
    }

    @Test
    void everyRefusalNamesItsKeyAndChangesNothing() throws Exception {
        configure();
        byte[] exported = transfer.export();
        Map<String, List<String>> before = rows();
        int audited = auditActions().size();

        assertEquals("formatVersion", refused(edit(exported, d -> d.put("formatVersion", 2))));
        assertEquals("formatVersion", refused(edit(exported, d -> d.put("formatVersion", "1"))));
        assertEquals("formatVersion", refused(edit(exported, d -> d.put("formatVersion",
                new java.math.BigInteger("9".repeat(40))))));
        assertEquals("formatVersion", refused(edit(exported, d -> d.remove("formatVersion"))));
        assertEquals("payments", refused(edit(exported, d -> d.put("payments", true))));
        assertEquals("branding.colour2", refused(edit(exported, d -> ((ObjectNode) d.get("branding"))
                .put("colour2", "#000000"))));
        assertEquals("branding.colour", refused(edit(exported, d -> ((ObjectNode) d.get("branding"))
                .put("colour", "javascript:alert(1)"))));
        assertEquals("branding.logo", refused(edit(exported, d -> ((ObjectNode) d.get("branding"))
                .put("logo", "data:image/png;base64,%%%"))));
        assertEquals("branding.logo", refused(edit(exported, d -> ((ObjectNode) d.get("branding"))
                .put("logo", "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(
                        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(
                                StandardCharsets.UTF_8))))));
        assertEquals("sidebar.entries", refused(edit(exported, d -> ((ObjectNode) d.get("sidebar"))
                .put("entries", "invoice"))));
        assertEquals("sidebar.key", refused(edit(exported, d -> ((ObjectNode) d.at("/sidebar/entries/0"))
                .put("key", "customrecord_gone"))));
        assertEquals("fieldMapping.nothing.type", refused(edit(exported, d -> ((ObjectNode) d.get("fieldMapping"))
                .set("nothing", JSON.createObjectNode()))));
        assertEquals("fieldMapping.invoice.values.status", refused(edit(exported, d -> ((com.fasterxml.jackson
                .databind.node.ArrayNode) d.at("/fieldMapping/invoice/fields/0/values")).addObject()
                .put("raw", "A").put("display", "Again"))));
        assertEquals("fieldMapping.invoice.fields[0].hidden", refused(edit(exported, d -> ((ObjectNode) d.at(
                "/fieldMapping/invoice/fields/0")).put("hidden", "maybe"))));
        assertEquals("netsuite.tokenSecret", refused(edit(exported, d -> ((ObjectNode) d.get("netsuite"))
                .put("tokenSecret", "ENC(abc)"))));
        assertEquals("branding.footer", refused(edit(exported, d -> ((ObjectNode) d.get("branding"))
                .put("footer", "a\u0000b"))));
        assertEquals("document", refused("{\"formatVersion\": 1,".getBytes(StandardCharsets.UTF_8)));
        assertEquals("document", refused("{\"formatVersion\": 1, \"formatVersion\": 1}".getBytes(
                StandardCharsets.UTF_8)));
        assertEquals("document", refused("[1]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("document", refused(("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)).getBytes(
                StandardCharsets.UTF_8)));

        assertEquals(before, rows());
        assertEquals(audited, auditActions().size());
    }

    @Test
    void aDocumentWithAConnectionIsRefusedWhileTheFileWinsAndTheRestImportsWithoutIt() throws Exception {
        configure();
        byte[] exported = transfer.export();
        connections.source = NetSuiteConnections.Source.FILE;
        ProblemException conflict = assertThrows(ProblemException.class,
                () -> transfer.importDocument(actor, exported, true));
        assertEquals(409, conflict.status());
        transfer.importDocument(actor, edit(exported, d -> {
            d.putNull("netsuite");
            ((ObjectNode) d.get("branding")).put("name", "Imported portal");
        }), true);
        assertEquals("Imported portal", branding.branding().name(), "the rest imports");
    }

    @Test
    void aSectionThatFailsToWriteRollsBackTheOthers() throws Exception {
        SettingsSection failing = new SettingsSection() {
            @Override
            public String key() {
                return "failing";
            }

            @Override
            public Object export() {
                return Map.of();
            }

            @Override
            public Checked check(SettingsActor by, JsonNode value, DocumentReader read) {
                return new Checked() {
                    @Override
                    public String summary() {
                        return "fails";
                    }

                    @Override
                    public void write(SqlSession session, SettingsActor writer) {
                        throw new IllegalStateException("the database went away");
                    }
                };
            }

            @Override
            public void reread() {
            }
        };
        configure();
        List<SettingsSection> sections = new ArrayList<>(List.of(branding, sidebar, fieldMapping));
        sections.add(failing);
        SettingsTransfer withFailure = transfer(sections);
        byte[] exported = withFailure.export();
        sidebar.save(actor, List.of());
        Map<String, List<String>> before = rows();
        assertThrows(IllegalStateException.class, () -> withFailure.importDocument(actor, exported, true));
        assertEquals(before, rows(), "the branding and sidebar written before the failure were rolled back");
    }

    private String refused(JsonNode document) throws Exception {
        return refused(JSON.writeValueAsBytes(document));
    }

    private String refused(byte[] document) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> transfer.importDocument(actor, document, true));
        assertFalse(e.detail().contains("java.") || e.detail().contains("com.fasterxml")
                || e.detail().contains("Constraints"), e.detail());
        return e.field();
    }

    private static byte[] edit(byte[] document, java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode copy = (ObjectNode) JSON.readTree(document);
        change.accept(copy);
        return JSON.writeValueAsBytes(copy);
    }

    /** Each settings table's rows as text, without the columns that say when and by whom. */
    private static Map<String, List<String>> rows() throws Exception {
        Map<String, List<String>> rows = new java.util.TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                List<String> texts = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT to_jsonb(t) - 'updated_at' - 'updated_by' - 'version' "
                        + "- 'consumer_secret' - 'token_secret' - 'private_key' FROM " + table + " t ORDER BY 1::text")) {
                    while (r.next()) {
                        texts.add(r.getString(1));
                    }
                }
                rows.put(table, texts);
            }
        }
        return rows;
    }

    private static List<String> auditActions() throws Exception {
        List<String> actions = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT action FROM audit_log ORDER BY id")) {
            while (r.next()) {
                actions.add(r.getString(1));
            }
        }
        return actions;
    }
}
