package io.portico.plugins.attachments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portico.api.identity.DataScope;
import io.portico.api.records.Attachment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the portal's detail page lists: the caller's organization's files, with a link or why there is none. */
class AttachmentListTest {

    private static final byte[] PDF = "%PDF-1.4 acme".getBytes(StandardCharsets.US_ASCII);

    private TestData data;
    private AttachmentList attachments;

    @BeforeEach
    void setUp() {
        data = new TestData();
        data.transaction("invoice", 100, "1001", data.acme);
        data.transaction("invoice", 101, "1002", data.globex);
        FakeSource netsuite = new FakeSource()
                .attach(100, 5001, "invoice-1001.pdf", "PDF", PDF, "t1")
                .attach(100, 5003, "huge.zip", "ZIP", new byte[2000], "t1")
                .attach(101, 5004, "globex.pdf", "PDF", PDF, "t1");
        AttachmentStore store = TestData.store(data.db);
        new AttachmentSync(store, TestData.records(data.db), netsuite, Clock.systemUTC()).run(
                new AttachmentSync.Settings(List.of("invoice"), 1000, Duration.ofHours(1), 100));
        attachments = new AttachmentList(store);
    }

    @AfterEach
    void tearDown() {
        data.close();
    }

    @Test
    void listsTheRecordsFilesWithTheirDownloadOrWhyThereIsNone() {
        List<Attachment> listed = attachments.list(new DataScope(data.tenant, data.acme), "invoice", 100);

        assertEquals(List.of("huge.zip", "invoice-1001.pdf"), listed.stream().map(Attachment::name).toList());
        Attachment pdf = listed.get(1);
        assertEquals("application/pdf", pdf.contentType());
        assertEquals((long) PDF.length, pdf.size());
        assertNotNull(pdf.date());
        long id = (Long) data.attachments().get(5001L).get("id");
        assertEquals("/api/attachments/" + id + "/content", pdf.download());
        assertNull(pdf.notStored());
        Attachment huge = listed.get(0);
        assertNull(huge.download());
        assertEquals("Too large to keep in the portal; ask us for a copy.", huge.notStored());
    }

    @Test
    void anotherOrganizationsRecordHasNoAttachmentsForThemButStaffSeeThem() {
        assertEquals(List.of(), attachments.list(new DataScope(data.tenant, data.acme), "invoice", 101));
        assertEquals(List.of("globex.pdf"), attachments.list(new DataScope(data.tenant, null), "invoice", 101)
                .stream().map(Attachment::name).toList());
        assertEquals(List.of(), attachments.list(new DataScope(data.tenant, data.acme), "salesorder", 100));
    }
}
