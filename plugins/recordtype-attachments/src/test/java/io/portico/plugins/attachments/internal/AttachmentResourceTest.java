package io.portico.plugins.attachments.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.Access;
import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.DataScope;
import io.portico.api.identity.NotSignedInException;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downloads reach the owning organization's users (and the operator's staff) only, and never run in the portal. */
class AttachmentResourceTest {

    private static final byte[] PDF = "%PDF-1.4 acme".getBytes(StandardCharsets.US_ASCII);

    private TestData data;
    private AttachmentResource resource;
    private long acmePdf;
    private long globexPdf;
    private long acmeHtml;

    @BeforeEach
    void setUp() {
        data = new TestData();
        data.transaction("invoice", 100, "1001", data.acme);
        data.transaction("invoice", 101, "1002", data.globex);
        data.transaction("salesorder", 102, "1001", data.acme);
        FakeSource netsuite = new FakeSource()
                .attach(100, 5001, "Rechnung März \"final\".pdf", "PDF", PDF, "t1")
                .attach(100, 5002, "page.html", "HTMLDOC", "<script>alert(1)</script>".getBytes(), "t1")
                .attach(100, 5003, "huge.zip", "ZIP", new byte[2000], "t1")
                .attach(101, 5004, "globex.pdf", "PDF", PDF, "t1")
                .attach(102, 5005, "order.pdf", "PDF", PDF, "t1");
        AttachmentStore store = TestData.store(data.db);
        new AttachmentSync(store, TestData.records(data.db), netsuite, Clock.systemUTC()).run(
                new AttachmentSync.Settings(List.of("invoice", "salesorder"), 1000, Duration.ofHours(1), 100));
        resource = new AttachmentResource(store);
        acmePdf = id(5001);
        acmeHtml = id(5002);
        globexPdf = id(5004);
    }

    @AfterEach
    void tearDown() {
        data.close();
    }

    @Test
    void aCustomersUserListsAndDownloadsTheirOwnAttachments() {
        SecurityContext acme = user(data.acme, OrganizationKind.CUSTOMER, Role.VIEWER, Map.of());

        List<Map<String, Object>> listed = resource.list(acme, "invoice", 100L);
        assertEquals(List.of("huge.zip", "page.html", "Rechnung März \"final\".pdf"),
                listed.stream().map(m -> m.get("name")).toList());
        Map<String, Object> pdf = listed.get(2);
        assertEquals("/api/attachments/" + acmePdf + "/content", pdf.get("download"));
        assertEquals((long) PDF.length, pdf.get("size"));
        assertEquals(AttachmentSync.sha256(PDF), pdf.get("sha256"));
        assertEquals("too-large", listed.get(0).get("status"));
        assertEquals(null, listed.get(0).get("download"));

        Response r = resource.download(acme, acmePdf);
        assertEquals(200, r.getStatus());
        assertArrayEquals(PDF, (byte[]) r.getEntity());
        assertEquals("application/pdf", r.getMediaType().toString());
        assertEquals("inline; filename=\"Rechnung M_rz _final_.pdf\"; "
                + "filename*=UTF-8''Rechnung%20M%C3%A4rz%20_final_.pdf", r.getHeaderString("Content-Disposition"));
        assertEquals("nosniff", r.getHeaderString("X-Content-Type-Options"));
        assertEquals("\"" + AttachmentSync.sha256(PDF) + "\"", r.getHeaderString("ETag"));
        assertEquals("private, no-store", r.getHeaderString("Cache-Control"));
    }

    @Test
    void theDocumentsSearchFindsByNameOrRecordNumberInTheScopeNewestFirst() {
        AttachmentStore store = TestData.store(data.db);
        data.update("UPDATE ns_attachment SET synced_at = now() - interval '1 day' WHERE file_netsuite_id = 5001");
        data.update("UPDATE ns_attachment SET synced_at = now() - interval '3 days' WHERE file_netsuite_id = 5003");
        DataScope acme = new DataScope(data.tenant, data.acme);
        List<String> types = List.of("invoice", "salesorder");

        assertEquals(List.of("order.pdf", "page.html", "Rechnung März \"final\".pdf", "huge.zip"),
                names(store.search(acme, new AttachmentStore.Search(null, types, null, null, 0, 50))));
        assertEquals(List.of("order.pdf"), names(store.search(acme,
                new AttachmentStore.Search("SALESORDER102", types, null, null, 0, 50))));
        assertEquals(List.of("Rechnung März \"final\".pdf"), names(store.search(acme,
                new AttachmentStore.Search("märz", types, null, null, 0, 50))));
        assertEquals(List.of(), names(store.search(acme, new AttachmentStore.Search("%", types, null, null, 0, 50))),
                "a wildcard is searched for as itself");
        assertEquals(List.of("page.html", "Rechnung März \"final\".pdf", "huge.zip"), names(store.search(acme,
                new AttachmentStore.Search(null, List.of("invoice"), null, null, 0, 50))));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(List.of("huge.zip"), names(store.search(acme, new AttachmentStore.Search(null, types,
                today.minusDays(5), today.minusDays(2), 0, 50))));
        assertEquals(List.of("page.html", "Rechnung März \"final\".pdf"), names(store.search(acme,
                new AttachmentStore.Search(null, types, null, null, 1, 1))), "a page, and one more for 'next'");
        assertEquals(List.of("globex.pdf"), names(store.search(new DataScope(data.tenant, data.globex),
                new AttachmentStore.Search(null, types, null, null, 0, 50))));
        assertEquals("INVOICE100", store.search(acme, new AttachmentStore.Search("huge", types, null, null, 0, 50))
                .get(0).recordNumber());
    }

    private static List<String> names(List<AttachmentStore.Found> found) {
        return found.stream().map(f -> f.attachment().name()).toList();
    }

    @Test
    void aFileWhoseBytesNoLongerMatchTheirChecksumIsNotSent() {
        SecurityContext acme = user(data.acme, OrganizationKind.CUSTOMER, Role.VIEWER, Map.of());
        data.update("UPDATE ns_attachment_content SET content = '\\x00' WHERE attachment_id = " + acmePdf);
        ProblemException damaged = assertThrows(ProblemException.class, () -> resource.download(acme, acmePdf));
        assertEquals(409, damaged.status());
        assertTrue(damaged.detail().contains("damaged"), damaged.detail());
    }

    @Test
    void anotherOrganizationsAttachmentsDoNotExistForThem() {
        SecurityContext acme = user(data.acme, OrganizationKind.CUSTOMER, Role.ADMIN, Map.of());

        assertEquals(List.of(), resource.list(acme, "invoice", 101L));
        assertEquals(404, assertThrows(ProblemException.class, () -> resource.download(acme, globexPdf)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> resource.describe(acme, globexPdf)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> resource.download(acme, 999_999)).status());
    }

    @Test
    void recordTypesTheUserMayNotSeeHideTheirAttachments() {
        SecurityContext narrowed = user(data.acme, OrganizationKind.CUSTOMER, Role.MEMBER,
                Map.of("salesorder", Access.NONE));
        long order = id(5005);
        assertEquals(List.of(), resource.list(narrowed, "salesorder", 102L));
        assertEquals(404, assertThrows(ProblemException.class, () -> resource.download(narrowed, order)).status());
        assertEquals(3, resource.list(narrowed, "invoice", 100L).size());
    }

    @Test
    void theOperatorsStaffReachEveryOrganization() {
        SecurityContext staff = user(data.tenant, OrganizationKind.OPERATOR, Role.ADMIN, Map.of());
        assertEquals(200, resource.download(staff, globexPdf).getStatus());
        assertEquals(200, resource.download(staff, acmePdf).getStatus());
    }

    @Test
    void activeContentIsSentAsOpaqueBytesAndUnstoredFilesSayWhy() {
        SecurityContext acme = user(data.acme, OrganizationKind.CUSTOMER, Role.MEMBER, Map.of());
        Response html = resource.download(acme, acmeHtml);
        assertEquals("application/octet-stream", html.getMediaType().toString());
        assertTrue(html.getHeaderString("Content-Disposition").startsWith("attachment;"));
        assertTrue(html.getHeaderString("Content-Security-Policy").startsWith("sandbox"));

        ProblemException tooLarge = assertThrows(ProblemException.class, () -> resource.download(acme, id(5003)));
        assertEquals(409, tooLarge.status());
        assertTrue(tooLarge.detail().contains("more than the limit of 1000 bytes"), tooLarge.detail());
    }

    @Test
    void archivedRecordsAttachmentsAreGoneAndAnonymousCallersAreRefused() {
        data.update("UPDATE ns_attachment SET archived_at = now() WHERE file_netsuite_id = 5001");
        SecurityContext acme = user(data.acme, OrganizationKind.CUSTOMER, Role.MEMBER, Map.of());
        assertEquals(404, assertThrows(ProblemException.class, () -> resource.download(acme, acmePdf)).status());
        assertThrows(NotSignedInException.class, () -> resource.download(anonymous(), acmeHtml));
        assertEquals(400, assertThrows(ProblemException.class, () -> resource.list(acme, null, 100L)).status());
    }

    private long id(long fileId) {
        return (Long) data.attachments().get(fileId).get("id");
    }

    private SecurityContext user(long organization, OrganizationKind kind, Role role, Map<String, Access> access) {
        PortalUser user = new PortalUser(7, "user@example.com", "User", data.tenant, organization, "Org", kind, role,
                access, AuthMethod.PASSWORD);
        return context(user);
    }

    private static SecurityContext anonymous() {
        return context(null);
    }

    private static SecurityContext context(Principal principal) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "session";
            }
        };
    }
}
