package io.portico.documents.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.Record;
import io.portico.api.records.RecordActions;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * "Download PDF" on the detail page of every record type with a document, and on its list for the ticked rows. The
 * ids travel in a field named after the record type, the one Pay's list actions use too, so both share the list's
 * checkboxes.
 */
@Component(service = RecordActions.class)
public final class DocumentActions implements RecordActions {

    @Override
    public List<RecordAction> forRecord(PortalUser user, Record record) {
        return action(user, record.recordType(), "Download PDF");
    }

    @Override
    public List<RecordAction> forList(PortalUser user, String recordType) {
        return action(user, recordType, "Download PDFs");
    }

    private static List<RecordAction> action(PortalUser user, String recordType, String label) {
        if (TransactionDocument.Kind.of(recordType).isEmpty() || !user.canView(recordType)) {
            return List.of();
        }
        return List.of(new RecordAction(label, "/documents/" + recordType + "/pdf", false, recordType, false));
    }
}
