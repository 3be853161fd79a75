package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.settings.internal.FieldMappingUpdate.Field;
import io.portico.settings.internal.FieldMappingUpdate.Value;
import io.portico.testing.TestDatabase;
import io.portico.testing.TestRecordTypes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settings &gt; Field mapping against PostgreSQL: the operator's mapper as two nodes see it, what is refused, the
 * attribute keys of synced records offered and accepted, the audit.
 */
class FieldMappingSettingsTest {

    private static final RecordTypeDescriptor INVOICES = new RecordTypeDescriptor("Invoices", "invoice",
            RecordCategory.TRANSACTION, List.of(new FieldDescriptor("number", "Invoice #", FieldType.TEXT),
                    new FieldDescriptor("status", "Status", FieldType.STATUS),
                    new FieldDescriptor("dueDate", "Due", FieldType.DATE)),
            List.of(new FieldDescriptor("number", "Invoice #", FieldType.TEXT),
                    new FieldDescriptor("memo", "Memo", FieldType.TEXT)), 10);

    private static TestDatabase db;
    private static SettingsActor actor;

    private final AtomicLong clock = new AtomicLong();
    private FieldMappingSettings node1;
    private FieldMappingSettings node2;
    private FieldMappingSettings.MappableType invoices;

    @BeforeAll
    static void database() throws Exception {
        db = TestDatabase.create();
        actor = OperatorAdmin.of(db);
        long tenant = actor.tenantId();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (int i = 1; i <= 4; i++) {
                s.execute("INSERT INTO ns_transaction (tenant_id, record_type, netsuite_id, number, status,"
                        + " attributes, content_hash, sync_generation) VALUES (" + tenant + ", 'invoice', " + i
                        + ", 'INV-" + i + "', 'A', '{\"shipVia\": \"Carrier " + (i % 2) + "\", \"memo\": \"m\","
                        + " \"nested\": {\"a\": 1}}', 0, 0)");
            }
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void nodes() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM settings_field_mapping");
            s.execute("DELETE FROM audit_log");
        }
        PluginRegistry registry = TestRecordTypes.registry(Map.of("invoice", TestRecordTypes.type(INVOICES)));
        node1 = new FieldMappingSettings(db.database().sessionFactory(FieldMappingMapper.class, AuditMapper.class),
                registry, clock::get);
        node2 = new FieldMappingSettings(db.database().sessionFactory(FieldMappingMapper.class, AuditMapper.class),
                registry, clock::get);
        invoices = node1.type("invoice");
    }

    @Test
    void aSavedMappingIsTheDefaultMapperOnEveryNodeAndIsAudited() throws Exception {
        assertEquals("Invoice #", node2.label("invoice", "number", "Invoice #"));
        save(new FieldMappingUpdate(List.of(new Field("number", " Invoice no. ", false, null),
                new Field("status", null, false, List.of(new Value("A", "Approved"), new Value("B", "Paid in full"))),
                new Field("dueDate", null, true, null)), List.of("status", "number", "dueDate"), null));

        assertEquals("Invoice no.", node1.label("invoice", "number", "Invoice #"));
        assertEquals("Memo", node1.label("invoice", "memo", "Memo"));
        assertEquals("Invoice #", node1.label("salesorder", "number", "Invoice #"), "other types keep theirs");
        assertFalse(node1.visible("invoice", "dueDate"));
        assertEquals(List.of("status", "number", "dueDate"), node1.listColumns("invoice", List.of("number")));
        assertEquals(List.of("number", "memo"), node1.detailFields("invoice", List.of("number", "memo")));
        assertEquals(Map.of("A", "Approved", "B", "Paid in full", "C", "Cancelled"),
                node1.valueMap("invoice", "status", Map.of("A", "Accepted", "C", "Cancelled")),
                "added to what the mappers before it made, overriding them");

        assertEquals("Invoice #", node2.label("invoice", "number", "Invoice #"), "until its next read");
        clock.addAndGet(Reread.REFRESH_NANOS);
        assertEquals("Invoice no.", node2.label("invoice", "number", "Invoice #"));

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT action, detail->'after'->'fields'->'number'->>'label',"
                        + " detail->'before'->'fields' FROM audit_log")) {
            assertTrue(r.next());
            assertEquals("settings.field_mapping", r.getString(1));
            assertEquals("Invoice no.", r.getString(2));
            assertEquals("{}", r.getString(3));
        }
    }

    @Test
    void whatEqualsTheRecordTypesOwnIsStoredAsNoneSoAPluginsLaterChangeShows() {
        FieldMapping mapping = node1.checked(actor.tenantId(), invoices, new FieldMappingUpdate(List.of(
                new Field("number", "Invoice #", false, List.of())), List.of("number", "status", "dueDate"),
                List.of("number", "memo")));
        assertEquals(FieldMapping.NONE, mapping);
    }

    @Test
    void attributesOfTheSyncedRecordsAreOfferedWithSamplesAndCanBeAdded() {
        List<FieldMappingMapper.AttributeSample> samples = node1.samples(actor.tenantId(), invoices);
        assertEquals(List.of("memo", "shipVia"), samples.stream().map(FieldMappingMapper.AttributeSample::key)
                .toList(), "scalar values only");
        assertEquals(List.of("Carrier 0", "Carrier 1"), samples.get(1).samples());
        assertEquals(4, samples.get(1).records());

        save(new FieldMappingUpdate(List.of(new Field("shipVia", "Shipped by", false, null)), null,
                List.of("number", "shipVia")));
        assertEquals("Shipped by", node1.label("invoice", "shipVia", "shipVia"));
        assertEquals(List.of("number", "shipVia"), node1.detailFields("invoice", List.of("number", "memo")));
    }

    @Test
    void refusesWhatIsNotValidNamingTheFieldAndSavesNothing() {
        assertEquals("type", assertThrows(InvalidSettingException.class, () -> node1.type("nosuchtype")).field());
        assertEquals("field", refused(new Field("noSuchAttribute", null, false, null)));
        assertEquals("field", refused(new Field("bad key; DROP", null, false, null)));
        assertEquals("values.status", refused(new Field("status", null, false, List.of(new Value("A", "Approved"),
                new Value(" A ", "Accepted")))), "a raw value named twice");
        assertEquals("values.status", refused(new Field("status", null, false, List.of(new Value("A", " ")))));
        assertEquals("label.number", refused(new Field("number", "  ", false, null)), "an empty label");
        assertEquals("label.number", refused(new Field("number", "x".repeat(81), false, null)));
        assertEquals("label.number", refused(new Field("number", "Invoice\u0000", false, null)), "a NUL byte");
        assertEquals("values.status", refused(new Field("status", null, false, List.of(new Value("A\u0000",
                "Approved")))));
        assertEquals("field.number", refused(new Field("number", null, false, null),
                new Field("number", null, true, null)));
        assertEquals("listColumns", assertThrows(InvalidSettingException.class, () -> node1.checked(
                actor.tenantId(), invoices, new FieldMappingUpdate(List.of(), List.of("number", "shipVia"), null)))
                .field(), "a field not added first");
        assertEquals("detailFields", assertThrows(InvalidSettingException.class, () -> node1.checked(
                actor.tenantId(), invoices, new FieldMappingUpdate(List.of(), null, List.of("memo", "memo"))))
                .field());
        assertEquals(FieldMapping.NONE, node1.mapping("invoice"), "nothing was saved");
    }

    private String refused(Field... fields) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> node1.checked(
                actor.tenantId(), invoices, new FieldMappingUpdate(List.of(fields), null, null)));
        assertEquals(400, e.status());
        return e.field();
    }

    private void save(FieldMappingUpdate update) {
        node1.save(actor, invoices, node1.checked(actor.tenantId(), invoices, update));
    }
}
