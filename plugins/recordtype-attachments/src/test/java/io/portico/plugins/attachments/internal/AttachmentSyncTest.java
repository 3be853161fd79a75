package io.portico.plugins.attachments.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attachments runs against a migrated database, with NetSuite's side arranged by the test. */
class AttachmentSyncTest {

    private static final AttachmentSync.Settings SETTINGS = new AttachmentSync.Settings(
            List.of("invoice", "salesorder", "customer"), 1000, Duration.ofHours(24), 5000);
    private static final byte[] PDF = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);

    private TestData data;
    private FakeSource netsuite;
    private MutableClock clock;
    private AttachmentSync sync;

    @BeforeEach
    void setUp() {
        data = new TestData();
        data.transaction("invoice", 100, "1001", data.acme);
        data.transaction("invoice", 101, "1002", data.globex);
        data.transaction("salesorder", 102, "1001", data.acme);
        data.transaction("creditmemo", 103, "1001", data.acme);
        data.customer(1001, data.acme);
        netsuite = new FakeSource();
        clock = new MutableClock(Instant.now());
        sync = new AttachmentSync(TestData.store(data.db), TestData.records(data.db), netsuite, clock);
    }

    @AfterEach
    void tearDown() {
        data.close();
    }

    @Test
    void filesAreStoredWithTypeSizeAndChecksumForTheRecordsOrganization() {
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        netsuite.attach(100, 5001, "INV100.pdf", "PDF", PDF, "2026-01-10 09:00:00")
                .attach(100, 5002, "photo.png", "PNGIMAGE", png, "2026-01-10 09:01:00")
                .attach(102, 5003, "terms.txt", null, "Net 30".getBytes(StandardCharsets.UTF_8), "2026-01-11 08:00:00")
                .attach(1001, 5004, "contract.docx", "WORD", new byte[] {1, 2, 3}, "2026-01-01 00:00:00")
                .attach(103, 5005, "not synced.pdf", "PDF", PDF, "2026-01-01 00:00:00");

        AttachmentSync.Outcome o = sync.run(SETTINGS);

        assertEquals(4, o.records(), "the invoices, the sales order and the customer");
        assertEquals(4, o.stored());
        assertNull(o.stopped());
        Map<Long, Map<String, Object>> stored = data.attachments();
        assertEquals(4, stored.size(), "credit memos are not configured");
        Map<String, Object> pdf = stored.get(5001L);
        assertEquals("invoice", pdf.get("record_type"));
        assertEquals(100L, pdf.get("record_netsuite_id"));
        assertEquals(data.acme, pdf.get("organization_id"));
        assertEquals("INV100.pdf", pdf.get("name"));
        assertEquals("application/pdf", pdf.get("content_type"));
        assertEquals((long) PDF.length, pdf.get("size_bytes"));
        assertEquals(AttachmentSync.sha256(PDF), pdf.get("sha256"));
        assertEquals(64, ((String) pdf.get("sha256")).length());
        assertArrayEquals(PDF, (byte[]) pdf.get("content"));
        assertEquals("stored", pdf.get("status"));
        assertEquals("image/png", stored.get(5002L).get("content_type"));
        assertEquals("text/plain", stored.get(5003L).get("content_type"), "by the name when NetSuite has no type");
        assertEquals("customer", stored.get(5004L).get("record_type"));
        assertEquals(Set.of("invoice", "salesorder", "customer"), Set.copyOf(
                netsuite.listedTypes), "records are listed by type, never mixed");
        assertEquals(3, netsuite.listedTypes.size(), "one call per type");
    }

    @Test
    void unchangedFilesAreNotDownloadedAgainAndChangedOrRemovedOnesFollowNetSuite() {
        netsuite.attach(100, 5001, "INV100.pdf", "PDF", PDF, "2026-01-10 09:00:00")
                .attach(100, 5002, "old.pdf", "PDF", PDF, "2026-01-10 09:00:00");
        sync.run(SETTINGS);
        assertEquals(2, netsuite.reads.size());

        clock.advance(Duration.ofMinutes(15));
        assertEquals(0, sync.run(SETTINGS).records(), "nothing changed, nothing is due");

        clock.advance(Duration.ofHours(25));
        byte[] revised = "%PDF-1.4 revised".getBytes(StandardCharsets.US_ASCII);
        netsuite.detachAll(100);
        netsuite.attach(100, 5001, "INV100.pdf", "PDF", revised, "2026-01-16 12:00:00");
        AttachmentSync.Outcome o = sync.run(SETTINGS);
        assertEquals(1, o.stored());
        assertEquals(1, o.removed());
        assertEquals(List.of(5001L, 5002L, 5001L), netsuite.reads);
        Map<Long, Map<String, Object>> stored = data.attachments();
        assertEquals(List.of(5001L), List.copyOf(stored.keySet()));
        assertEquals(AttachmentSync.sha256(revised), stored.get(5001L).get("sha256"));

        clock.advance(Duration.ofHours(25));
        assertEquals(1, sync.run(SETTINGS).unchanged());
    }

    @Test
    void aRecordChangedSinceItsLastLookUpIsLookedUpAgain() {
        sync.run(SETTINGS);
        netsuite.attach(101, 5010, "late.pdf", "PDF", PDF, "2026-01-15 10:05:00");
        clock.advance(Duration.ofMinutes(10));
        data.update("UPDATE ns_transaction SET synced_at = ? WHERE netsuite_id = 101",
                Timestamp.from(clock.instant().minusSeconds(60)));

        AttachmentSync.Outcome o = sync.run(SETTINGS);
        assertEquals(1, o.records());
        assertEquals(1, o.stored());
        assertEquals(data.globex, data.attachments().get(5010L).get("organization_id"));
    }

    @Test
    void aFileOverTheLimitIsAnErrorOfItsOwnAndTheRunGoesOn() {
        netsuite.attach(100, 5001, "scan.tif", "TIFFIMAGE", new byte[1001], "2026-01-10 09:00:00")
                .attach(100, 5002, "INV100.pdf", "PDF", PDF, "2026-01-10 09:00:00")
                .attach(101, 5003, "huge-but-unknown.zip", "ZIP", new byte[5000], "2026-01-10 09:00:00")
                .attach(101, 5004, "gone.pdf", "PDF", PDF, "2026-01-10 09:00:00");
        netsuite.infos.put(5003L, new AttachmentSource.FileInfo(5003, null, "2026-01-10 09:00:00"));
        netsuite.unreadable.add(5004L);

        AttachmentSync.Outcome o = sync.run(SETTINGS);

        assertEquals(1, o.stored());
        assertEquals(2, o.tooLarge());
        assertEquals(1, o.failed());
        assertNull(o.stopped());
        assertTrue(!netsuite.reads.contains(5001L), "a file known to be too large is never downloaded");
        Map<Long, Map<String, Object>> stored = data.attachments();
        Map<String, Object> tif = stored.get(5001L);
        assertEquals("too-large", tif.get("status"));
        assertEquals(1001L, tif.get("size_bytes"));
        assertNull(tif.get("sha256"));
        assertNull(tif.get("content"));
        assertEquals("the file is 1001 bytes, more than the limit of 1000 bytes (maxBytes of io.portico.attachments)",
                tif.get("error"));
        assertEquals("too-large", stored.get(5003L).get("status"), "checked again once downloaded");
        assertEquals(5000L, stored.get(5003L).get("size_bytes"));
        assertEquals("failed", stored.get(5004L).get("status"));
        assertTrue(((String) stored.get(5004L).get("error")).contains("RCRD_DSNT_EXIST"));
        assertEquals("stored", stored.get(5002L).get("status"));
        assertEquals(3, o.errors().size());
        assertTrue(o.errors().get(0).startsWith("invoice 100, file 5001 'scan.tif': the file is 1001 bytes"),
                o.errors().get(0));

        clock.advance(Duration.ofHours(25));
        AttachmentSync.Settings larger = new AttachmentSync.Settings(SETTINGS.recordTypes(), 2000,
                SETTINGS.rescanAfter(), 5000);
        AttachmentSync.Outcome raised = sync.run(larger);
        assertEquals("stored", data.attachments().get(5001L).get("status"), "a raised limit stores it next time");
        assertEquals(1, raised.tooLarge());
    }

    @Test
    void whenNetSuiteCannotListAttachmentsTheRunStopsAndTheRecordsStayDue() {
        netsuite.listFailure = new AttachmentSourceException("the attachments RESTlet failed: SSS_INVALID_SCRIPTLET_ID");
        AttachmentSync.Outcome o = sync.run(SETTINGS);
        assertNotNull(o.stopped());
        assertTrue(o.stopped().contains("SSS_INVALID_SCRIPTLET_ID"), o.stopped());
        assertEquals(0, o.records());

        netsuite.listFailure = null;
        assertEquals(4, sync.run(SETTINGS).records());
    }

    @Test
    void attachmentsFollowTheirRecordsOrganizationAndArchiving() {
        data.transaction("invoice", 104, "1003", null);
        netsuite.attach(104, 5020, "orphan.pdf", "PDF", PDF, "2026-01-10 09:00:00")
                .attach(101, 5021, "globex.pdf", "PDF", PDF, "2026-01-10 09:00:00");
        AttachmentSync.Outcome first = sync.run(SETTINGS);
        assertNull(first.stopped());
        assertNull(data.attachments().get(5020L).get("organization_id"));

        long initech = data.one("INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + data.tenant
                + ", 'customer', 'Initech', '1003') RETURNING id");
        data.update("UPDATE ns_transaction SET organization_id = ? WHERE netsuite_id = 104", initech);
        data.update("UPDATE ns_transaction SET archived_at = now() WHERE netsuite_id = 101");
        clock.advance(Duration.ofMinutes(15));
        sync.run(SETTINGS);

        assertEquals(initech, data.attachments().get(5020L).get("organization_id"), "adopted with its invoice");
        assertNotNull(data.attachments().get(5021L).get("archived_at"), "archived with its invoice");

        data.update("UPDATE ns_transaction SET archived_at = NULL WHERE netsuite_id = 101");
        sync.run(SETTINGS);
        assertNull(data.attachments().get(5021L).get("archived_at"), "back with its invoice");
        data.update("DELETE FROM ns_transaction WHERE netsuite_id = 101");
        sync.run(SETTINGS);
        assertNotNull(data.attachments().get(5021L).get("archived_at"), "archived when its invoice is deleted");
    }

    @Test
    void recordNumbersAreStoredAndFollowTheirRecords() {
        data.update("UPDATE ns_entity SET name = 'Acme Corporation' WHERE netsuite_id = 1001");
        netsuite.attach(100, 5001, "INV100.pdf", "PDF", PDF, "2026-01-10 09:00:00")
                .attach(1001, 5002, "contract.pdf", "PDF", PDF, "2026-01-10 09:00:00");
        sync.run(SETTINGS);
        assertEquals("INVOICE100", data.attachments().get(5001L).get("record_number"));
        assertEquals("Acme Corporation", data.attachments().get(5002L).get("record_number"),
                "a customer is found by its name");

        data.update("UPDATE ns_transaction SET number = 'INV-2026-100' WHERE netsuite_id = 100");
        data.update("UPDATE ns_attachment SET record_number = NULL WHERE file_netsuite_id = 5002");
        clock.advance(Duration.ofMinutes(15));
        assertEquals(0, sync.run(SETTINGS).records(), "following records looks nothing up in NetSuite");
        assertEquals("INV-2026-100", data.attachments().get(5001L).get("record_number"));
        assertEquals("Acme Corporation", data.attachments().get(5002L).get("record_number"),
                "rows from before record numbers were kept get theirs");
    }

    @Test
    void aRecordCommittedAfterALaterOneWasLookedUpIsLookedUpToo() {
        sync.run(SETTINGS);
        Timestamp late = (Timestamp) data.list("SELECT min(synced_at) AS t FROM ns_transaction").get(0).get("t");
        data.transaction("invoice", 105, "1001", data.acme);
        data.update("UPDATE ns_transaction SET synced_at = ? WHERE netsuite_id = 105",
                Timestamp.from(late.toInstant().minusSeconds(60)));
        netsuite.attach(105, 5030, "late.pdf", "PDF", PDF, "2026-01-10 09:00:00");
        clock.advance(Duration.ofMinutes(15));

        AttachmentSync.Outcome o = sync.run(SETTINGS);
        assertEquals(1, o.records());
        assertEquals(data.acme, data.attachments().get(5030L).get("organization_id"));
    }

    @Test
    void aRunLooksUpAtMostItsLimitAndTheNextGoesOnWhereItStopped() {
        AttachmentSync.Settings two = new AttachmentSync.Settings(SETTINGS.recordTypes(), 1000,
                SETTINGS.rescanAfter(), 2);
        assertEquals(2, sync.run(two).records());
        assertEquals(2, sync.run(two).records());
        assertEquals(0, sync.run(two).records(), "the invoices, the sales order and the customer, once each");
        assertEquals(4, data.one("SELECT count(*) FROM ns_attachment_scan"));
    }

    @Test
    void theRecordsOfAnotherTenantAreNeverLookedUp() {
        long other = data.one("INSERT INTO organization (tenant_id, kind, name) VALUES (NULL, 'operator', 'Other') "
                + "RETURNING id");
        data.update("INSERT INTO ns_transaction (tenant_id, record_type, netsuite_id, content_hash, sync_generation) "
                + "VALUES (?, 'invoice', 900, 0, 1)", other);
        sync.run(SETTINGS);
        assertTrue(netsuite.listedIds.stream().noneMatch(id -> id == 900L), netsuite.listedIds.toString());
    }

    @Test
    void thePluginsStatementsReadNoPlatformTable() throws Exception {
        try (var xml = AttachmentMapper.class.getResourceAsStream("AttachmentMapper.xml")) {
            String statements = new String(xml.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?s)<!--.*?-->", "");
            assertFalse(Pattern.compile("\\b(ns_transaction|ns_entity|organization)\\b").matcher(statements).find(),
                    "records and organizations come from RecordChanges and Organizations");
        }
    }
}
