package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.web.Navigation;
import io.portico.api.web.SidebarLayout;
import io.portico.api.web.SidebarLayout.Placement;
import io.portico.testing.TestDatabase;
import io.portico.testing.TestRecordTypes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings &gt; Sidebar against PostgreSQL: saving in order, what is refused, plugins that come and go, the audit. */
class SidebarSettingsTest {

    private static TestDatabase db;
    private static SettingsActor actor;

    private final Map<String, RecordType> types = new TreeMap<>();
    private final AtomicLong clock = new AtomicLong();
    private SidebarSettings node1;
    private SidebarSettings node2;

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
    void nodes() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM settings_sidebar");
            s.execute("DELETE FROM audit_log");
        }
        types.put("invoice", type("Invoices", 10, RecordCategory.TRANSACTION));
        types.put("salesorder", type("Sales orders", 20, RecordCategory.TRANSACTION));
        types.put("customer", type("Customers", 1, RecordCategory.ENTITY));
        node1 = new SidebarSettings(db.database().sessionFactory(SidebarMapper.class, AuditMapper.class), TestRecordTypes.registry(types),
                clock::get);
        node2 = new SidebarSettings(db.database().sessionFactory(SidebarMapper.class, AuditMapper.class), TestRecordTypes.registry(types),
                clock::get);
    }

    @Test
    void rowsAreTheDashboardAndTheRecordTypesWithPortalPages() {
        assertEquals(List.of("dashboard", "invoice", "salesorder"), keys(node1.rows()));
        assertTrue(node1.rows().stream().noneMatch(SidebarSettings.Row::placed));
    }

    @Test
    void savesInOrderShowsOnOtherNodesAfterTheirRefreshAndANewPluginComesLast() throws Exception {
        node2.placements();
        node1.save(actor, List.of(new Placement("salesorder", " Orders ", "package", false),
                new Placement("dashboard", "Dashboard", "layout-dashboard", false),
                new Placement("invoice", null, null, true)));
        assertEquals(List.of(new Placement("salesorder", "Orders", "package", false),
                new Placement("dashboard", null, null, false), new Placement("invoice", null, null, true)),
                node1.placements(), "labels and icons equal to the defaults are stored as the defaults");
        assertEquals(List.of(), node2.placements());
        clock.addAndGet(Reread.REFRESH_NANOS);
        assertEquals(node1.placements(), node2.placements());

        types.put("creditmemo", type("Credit memos", 5, RecordCategory.TRANSACTION));
        List<SidebarSettings.Row> rows = node1.rows();
        assertEquals(List.of("salesorder", "dashboard", "invoice", "creditmemo"), keys(rows));
        assertFalse(rows.get(3).placed(), "installed since: not placed");

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT action, detail->'after'->0->>'label' FROM audit_log")) {
            assertTrue(r.next());
            assertEquals("settings.sidebar", r.getString(1));
            assertEquals("Orders", r.getString(2));
        }
    }

    @Test
    void aStoppedPluginKeepsItsPlacement() {
        node1.save(actor, List.of(new Placement("invoice", "Bills", null, false)));
        types.remove("invoice");
        node1.save(actor, List.of(new Placement("salesorder", null, null, true)));
        assertEquals(List.of(new Placement("salesorder", null, null, true), new Placement("invoice", "Bills", null,
                false)), node1.placements());
    }

    @Test
    void refusesUnknownAndRepeatedEntriesUnknownIconsLongLabelsAndAHiddenDashboard() {
        assertEquals("key", refused(new Placement("customrecord_gone", null, null, false)));
        assertEquals("key", refused(new Placement("customer", null, null, false)), "no portal pages");
        assertEquals("key", refused(new Placement("invoice", null, null, false),
                new Placement("invoice", null, null, true)));
        assertEquals("icon.invoice", refused(new Placement("invoice", null, "skull", false)));
        assertEquals("label.invoice", refused(new Placement("invoice", "x".repeat(41), null, false)));
        assertEquals("shown.dashboard", refused(new Placement("dashboard", null, null, true)));
        assertEquals(List.of(), node1.placements(), "nothing was saved");
    }

    @Test
    void runningPartsWithAKeyArePlacedRenamedReiconedAndHiddenLikeRecordTypes() {
        Navigation statement = user -> List.of();
        Navigation documents = user -> List.of();
        node1.addPart(statement, part(SidebarLayout.STATEMENT, "Statement"));
        node1.addPart(documents, part(SidebarLayout.DOCUMENTS, "Documents"));
        List<SidebarSettings.Row> rows = node1.rows();
        assertEquals(List.of("dashboard", "invoice", "salesorder", "statement", "documents"), keys(rows),
                "after the record types, in the order they started");
        assertEquals("Statement", rows.get(3).defaultLabel());

        node1.save(actor, List.of(new Placement("documents", "Files", "folder", false),
                new Placement("dashboard", null, null, false), new Placement("statement", "Statement", null, true)));
        assertEquals(List.of(new Placement("documents", "Files", "folder", false),
                new Placement("dashboard", null, null, false), new Placement("statement", null, null, true)),
                node1.placements());
        assertTrue(node1.hidden(SidebarLayout.STATEMENT));
        assertFalse(node1.hidden(SidebarLayout.DOCUMENTS));
        assertEquals(List.of("documents", "dashboard", "statement", "invoice", "salesorder"), keys(node1.rows()));

        node1.removePart(documents);
        node1.save(actor, List.of(new Placement("statement", null, null, false)));
        assertEquals(List.of(new Placement("statement", null, null, false),
                new Placement("documents", "Files", "folder", false)), node1.placements(),
                "a stopped plugin's page keeps its placement");
    }

    @Test
    void aPartThatIsNotRunningIsRefusedByName() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> node1.save(actor, List.of(new Placement("documents", null, null, false))));
        assertEquals(400, e.status());
        assertEquals("key", e.field());
        assertTrue(e.detail().contains("'documents'"), e.detail());
    }

    private static Map<String, Object> part(String key, String label) {
        return Map.of(Navigation.PART, true, Navigation.PART_KEY, key, Navigation.PART_LABEL, label);
    }

    private String refused(Placement... entries) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> node1.save(actor, List.of(entries)));
        assertEquals(400, e.status());
        return e.field();
    }

    private static List<String> keys(List<SidebarSettings.Row> rows) {
        return rows.stream().map(r -> r.placement().key()).toList();
    }

    private static RecordType type(String label, int order, RecordCategory category) {
        return TestRecordTypes.type(new RecordTypeDescriptor(label, "x", category, List.of(), List.of(), order));
    }
}
