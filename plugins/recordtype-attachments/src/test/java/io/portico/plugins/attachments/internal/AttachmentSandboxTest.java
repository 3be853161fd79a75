package io.portico.plugins.attachments.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.netsuite.SuiteQlRow;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.testing.SandboxSync;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo company's invoices are synced through the engine, then their attachments through the sandbox's RESTlets,
 * called by the NetSuite client:
 * every file NetSuite has attached is stored for the invoice's organization, byte for byte as NetSuite serves it.
 */
class AttachmentSandboxTest {

    private static final RestletAttachmentSource.Scripts SCRIPTS = new RestletAttachmentSource.Scripts(
            "customscript_portico_attachments", "customdeploy_portico_attachments", "customscript_portico_file",
            "customdeploy_portico_file");

    @Test
    void everyFileAttachedToASyncedInvoiceIsStoredExactly() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(12), InvoiceRecordType.NAME,
                new InvoiceRecordType())) {
            s.createCustomerOrganizations();
            s.sync(false);
            SandboxMedia media = new SandboxMedia(s.sandbox);
            s.db.withPluginSchema(AttachmentStore.SCHEMA);
            AttachmentSync sync = new AttachmentSync(TestData.store(s.db), TestData.records(s.db),
                    new RestletAttachmentSource(s.client::getRestlet, s.client, SCRIPTS), Clock.systemUTC());

            AttachmentSync.Outcome o = sync.run(new AttachmentSync.Settings(List.of("invoice"), 10L * 1024 * 1024,
                    Duration.ofHours(24), 5000));

            List<Long> invoices = s.sourceIds("SELECT id FROM transaction WHERE type = 'CustInvc' ORDER BY id");
            assertNull(o.stopped());
            assertEquals(invoices.size(), o.records());
            assertEquals(0, o.failed() + o.tooLarge(), () -> "errors " + o.errors());
            Map<Long, SuiteQlRow> files = new HashMap<>();
            for (SuiteQlRow f : s.suiteQl("SELECT id, name, filetype, filesize FROM file ORDER BY id")) {
                files.put(f.getLong("id"), f);
            }
            assertTrue(files.size() > 10, "the demo company has attachments: " + files.size());
            assertEquals(files.size(), o.stored(), "each file is attached to one invoice");

            Map<Long, Map<String, Object>> invoiceRows = s.rows(
                    "SELECT * FROM ns_transaction WHERE record_type = 'invoice'");
            List<Map<String, Object>> stored = s.list("SELECT a.*, c.content FROM ns_attachment a "
                    + "JOIN ns_attachment_content c ON c.attachment_id = a.id ORDER BY a.file_netsuite_id");
            assertEquals(new TreeSet<>(files.keySet()),
                    new TreeSet<>(stored.stream().map(r -> (Long) r.get("file_netsuite_id")).toList()));
            for (Map<String, Object> a : stored) {
                long fileId = (Long) a.get("file_netsuite_id");
                SuiteQlRow file = files.get(fileId);
                Map<String, Object> invoice = invoiceRows.get((Long) a.get("record_netsuite_id"));
                String where = "file " + fileId;
                assertEquals("invoice", a.get("record_type"), where);
                assertEquals(invoice.get("number") + ".pdf", a.get("name"), where + ": the invoice's own PDF");
                assertEquals(file.getString("name"), a.get("name"), where);
                assertEquals("application/pdf", a.get("content_type"), where);
                assertEquals(file.getString("filetype"), a.get("netsuite_file_type"), where);
                assertEquals(file.getLong("filesize"), a.get("size_bytes"), where);
                byte[] served = media.media(fileId);
                assertArrayEquals(served, (byte[]) a.get("content"), where + ": the bytes NetSuite serves");
                assertEquals(AttachmentSync.sha256(served), a.get("sha256"), where);
                assertEquals(invoice.get("organization_id"), a.get("organization_id"), where + " organization");
                assertTrue(new String(served, 0, 5).startsWith("%PDF-"), where);
            }

            AttachmentSync.Outcome again = sync.run(new AttachmentSync.Settings(List.of("invoice"),
                    10L * 1024 * 1024, Duration.ofHours(24), 5000));
            assertEquals(0, again.records(), "nothing is due until an invoice changes or a day has passed");
        }
    }

    @Test
    void filesOverTheLimitAreErrorsOfTheirOwnAndEveryInvoiceIsStillLookedUp() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(6), InvoiceRecordType.NAME,
                new InvoiceRecordType())) {
            s.createCustomerOrganizations();
            s.sync(false);
            long smallest = s.suiteQl("SELECT MIN(filesize) AS n FROM file").get(0).getLong("n");
            long largest = s.suiteQl("SELECT MAX(filesize) AS n FROM file").get(0).getLong("n");
            assertTrue(smallest < largest, "the demo PDFs differ in size");
            s.db.withPluginSchema(AttachmentStore.SCHEMA);
            AttachmentSync sync = new AttachmentSync(TestData.store(s.db), TestData.records(s.db),
                    new RestletAttachmentSource(s.client::getRestlet, s.client, SCRIPTS),
                    Clock.systemUTC());

            AttachmentSync.Outcome o = sync.run(new AttachmentSync.Settings(List.of("invoice"), smallest,
                    Duration.ofHours(24), 5000));

            long files = s.suiteQl("SELECT COUNT(*) AS n FROM file").get(0).getLong("n");
            assertEquals(s.sourceIds("SELECT id FROM transaction WHERE type = 'CustInvc' ORDER BY id").size(),
                    o.records());
            assertTrue(o.tooLarge() > 0 && o.stored() > 0, o.toString());
            assertEquals(files, o.stored() + o.tooLarge());
            for (Map<String, Object> a : s.list("SELECT * FROM ns_attachment WHERE status = 'too-large'")) {
                assertTrue(((String) a.get("error")).matches("the file is \\d+ bytes, more than the limit of "
                        + smallest + " bytes \\(maxBytes of io.portico.attachments\\)"), (String) a.get("error"));
                assertNull(a.get("sha256"));
            }
            assertEquals(0L, s.list("SELECT count(*) AS n FROM ns_attachment a JOIN ns_attachment_content c "
                    + "ON c.attachment_id = a.id WHERE a.status <> 'stored'").get(0).get("n"));
        }
    }
}
