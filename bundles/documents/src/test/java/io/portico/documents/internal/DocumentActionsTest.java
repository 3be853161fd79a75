package io.portico.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.api.identity.Access;
import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.records.Attachment;
import io.portico.api.records.RecordActions.RecordAction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PDF buttons: ours on every record type with a document, NetSuite's own PDF beside it when attached. */
class DocumentActionsTest {

    static PortalUser user(Map<String, Access> access) {
        return new PortalUser(1, "a@example.com", "A", 1, 7, "Acme", OrganizationKind.CUSTOMER, Role.VIEWER, access,
                AuthMethod.PASSWORD);
    }

    @Test
    void bothPdfsAreOfferedEachNamedForWhatItIs() {
        DocumentActions actions = new DocumentActions();
        actions.addAttachments((scope, type, id) -> List.of(
                new Attachment("signed delivery note.pdf", "application/pdf", 10L, Instant.EPOCH, "/api/attachments/1/content", null),
                new Attachment("INV-1001.pdf", "application/pdf", 10L, Instant.EPOCH, "/api/attachments/2/content", null)));
        var invoice = TransactionPdfTest.record("invoice", "INV-1001", BigDecimal.ONE, BigDecimal.ONE, Map.of());
        assertEquals(List.of(
                new RecordAction("Download PDF", "/documents/invoice/pdf", false, "invoice", false),
                new RecordAction("NetSuite's PDF", "/api/attachments/2/content", false, "invoice", false)),
                actions.forRecord(user(Map.of()), invoice));
    }

    @Test
    void recordTypesWithoutDocumentsOrOutOfReachGetNoButton() {
        DocumentActions actions = new DocumentActions();
        assertEquals(List.of(), actions.forList(user(Map.of()), "itemfulfillment"));
        assertEquals(List.of(), actions.forList(user(Map.of("invoice", Access.NONE)), "invoice"));
        assertEquals(List.of(new RecordAction("Download PDFs", "/documents/creditmemo/pdf", false, "creditmemo", false)),
                actions.forList(user(Map.of()), "creditmemo"));
    }
}
