package io.portico.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.api.records.RecordState;
import io.portico.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The records plugins follow, against a migrated database holding two tenants' records. */
class RecordChangesImplTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestDatabase db;
    private RecordChangesImpl changes;
    private long tenant;
    private long acme;
    private DataScope operator;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        changes = new RecordChangesImpl(db.database().sessionFactory(RecordMapper.class));
        tenant = one("SELECT id FROM organization WHERE kind = 'operator'");
        acme = one("INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (?, 'customer', 'Acme', "
                + "'1001') RETURNING id", tenant);
        operator = new DataScope(tenant, null);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void pagesThroughATypesLiveRecordsInTheOrderTheyWereSynced() {
        record("ns_transaction", tenant, "invoice", 12, acme, T0.plusSeconds(1), false);
        record("ns_transaction", tenant, "invoice", 11, null, T0.plusSeconds(1), false);
        record("ns_transaction", tenant, "invoice", 10, acme, T0.plusSeconds(2), false);
        record("ns_transaction", tenant, "invoice", 13, acme, T0, true);
        record("ns_transaction", tenant, "salesorder", 14, acme, T0, false);

        List<RecordState> first = changes.syncedAfter(operator, "invoice", null, 2);
        assertEquals(List.of(11L, 12L), ids(first), "by sync time, then id; archived and other types left out");
        RecordState eleven = first.get(0);
        assertEquals("invoice", eleven.recordType());
        assertEquals(null, eleven.organizationId(), "not adopted yet");
        assertEquals("INVOICE11", eleven.number());
        assertEquals(T0.plusSeconds(1), eleven.syncedAt());
        assertEquals(acme, first.get(1).organizationId());

        List<RecordState> second = changes.syncedAfter(operator, "invoice", first.get(1).point(), 2);
        assertEquals(List.of(10L), ids(second));
        assertEquals(List.of(), changes.syncedAfter(operator, "invoice", second.get(0).point(), 2));

        update("UPDATE ns_transaction SET synced_at = ? WHERE netsuite_id = 11", Timestamp.from(T0.plusSeconds(3)));
        assertEquals(List.of(11L), ids(changes.syncedAfter(operator, "invoice", second.get(0).point(), 2)),
                "changed again, it comes after the last page");
    }

    @Test
    void entitiesAreFollowedLikeTransactions() {
        record("ns_entity", tenant, "customer", 1001, acme, T0, false);
        List<RecordState> customers = changes.syncedAfter(operator, "customer", null, 10);
        assertEquals(List.of(1001L), ids(customers));
        assertEquals("Name 1001", customers.get(0).name());
        assertEquals(List.of(1001L), ids(changes.current(operator, "customer", List.of(1001L, 1002L))));
    }

    @Test
    void currentTellsOwnerArchivalAndNumberAndLeavesDeletedRecordsOut() {
        record("ns_transaction", tenant, "invoice", 10, acme, T0, false);
        record("ns_transaction", tenant, "invoice", 11, null, T0, true);

        List<RecordState> now = changes.current(operator, "invoice", List.of(10L, 11L, 12L));
        assertEquals(List.of(10L, 11L), ids(now), "12 is not there: deleted or never synced");
        assertEquals(acme, now.get(0).organizationId());
        assertEquals(false, now.get(0).archived());
        assertEquals("INVOICE10", now.get(0).number());
        assertEquals(true, now.get(1).archived(), "archived records are told, not hidden");
        assertEquals(List.of(), changes.current(operator, "salesorder", List.of(10L)), "by type");
        assertEquals(List.of(), changes.current(operator, "invoice", List.of()));
    }

    @Test
    void anotherTenantsRecordsAreNeverReturned() {
        long other = one("INSERT INTO organization (tenant_id, kind, name) VALUES (NULL, 'operator', 'Other') "
                + "RETURNING id");
        record("ns_transaction", other, "invoice", 10, null, T0, false);
        record("ns_transaction", tenant, "invoice", 11, acme, T0, false);

        assertEquals(List.of(11L), ids(changes.syncedAfter(operator, "invoice", null, 10)));
        assertEquals(List.of(11L), ids(changes.current(operator, "invoice", List.of(10L, 11L))));
        assertEquals(List.of(10L), ids(changes.current(new DataScope(other, null), "invoice", List.of(10L, 11L))));
    }

    @Test
    void aCustomersScopeAndOversizedAsksAreRefused() {
        DataScope customer = new DataScope(tenant, acme);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> changes.syncedAfter(customer, "invoice", null, 10));
        assertTrue(e.getMessage().contains("operator"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> changes.current(customer, "invoice", List.of(1L)));
        assertThrows(IllegalArgumentException.class, () -> changes.syncedAfter(operator, "invoice", null, 0));
        assertThrows(IllegalArgumentException.class, () -> changes.syncedAfter(operator, "invoice", null,
                RecordChangesImpl.MAX_IDS + 1));
        List<Long> tooMany = new ArrayList<>();
        for (long i = 0; i <= RecordChangesImpl.MAX_IDS; i++) {
            tooMany.add(i);
        }
        assertThrows(IllegalArgumentException.class, () -> changes.current(operator, "invoice", tooMany));
    }

    private static List<Long> ids(List<RecordState> records) {
        return records.stream().map(RecordState::netsuiteId).toList();
    }

    private void record(String table, long tenantId, String type, long netsuiteId, Long organization, Instant syncedAt,
            boolean archived) {
        update("INSERT INTO " + table + " (tenant_id, organization_id, record_type, netsuite_id, number, name, "
                + "content_hash, sync_generation, synced_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, 0, 1, ?, ?)",
                tenantId, organization, type, netsuiteId, table.equals("ns_entity") ? null
                        : type.toUpperCase() + netsuiteId, "Name " + netsuiteId, Timestamp.from(syncedAt),
                archived ? Timestamp.from(syncedAt) : null);
    }

    private long one(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
