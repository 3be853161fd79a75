package io.portico.documents.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.Attachment;
import io.portico.api.records.Record;
import io.portico.api.records.RecordActions;
import io.portico.api.records.RecordAttachments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * "Download PDF" on the detail page of every record type with a document, and on its list for the ticked rows. The
 * ids travel in a field named after the record type, the one Pay's list actions use too, so both share the list's
 * checkboxes. Where NetSuite's own PDF of the record is attached (a PDF whose name holds the record's number), the
 * detail page offers it too, as "NetSuite's PDF".
 */
@Component(service = RecordActions.class)
public final class DocumentActions implements RecordActions {

    private final List<RecordAttachments> attachments = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAttachments(RecordAttachments provider) {
        attachments.add(provider);
    }

    void removeAttachments(RecordAttachments provider) {
        attachments.remove(provider);
    }

    @Override
    public List<RecordAction> forRecord(PortalUser user, Record record) {
        List<RecordAction> actions = new ArrayList<>(action(user, record.recordType(), "Download PDF"));
        if (!actions.isEmpty() && record.number() != null) {
            String number = record.number().toLowerCase(Locale.ROOT);
            attachments.stream()
                    .flatMap(p -> p.list(user.scope(), record.recordType(), record.netsuiteId()).stream())
                    .filter(a -> "application/pdf".equals(a.contentType()) && a.download() != null
                            && a.name().toLowerCase(Locale.ROOT).contains(number))
                    .map(Attachment::download).findFirst()
                    .ifPresent(download -> actions.add(new RecordAction("NetSuite's PDF", download, false,
                            record.recordType(), false)));
        }
        return actions;
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
