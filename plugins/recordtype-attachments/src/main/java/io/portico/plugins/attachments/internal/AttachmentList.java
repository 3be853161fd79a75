package io.portico.plugins.attachments.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.records.Attachment;
import io.portico.api.records.RecordAttachments;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A record's attachments for the portal's detail page and record JSON, read in the caller's scope like
 * {@link AttachmentResource}'s list (which also checks the record type: the portal has already done so).
 */
@Component(service = RecordAttachments.class)
public final class AttachmentList implements RecordAttachments {

    private final AttachmentStore store;

    @Activate
    public AttachmentList(@Reference AttachmentStore store) {
        this.store = store;
    }

    @Override
    public List<Attachment> list(DataScope scope, String recordType, long netsuiteId) {
        return store.list(scope, recordType, netsuiteId).stream().map(AttachmentList::attachment).toList();
    }

    private static Attachment attachment(AttachmentStore.Attachment a) {
        return new Attachment(a.name(), a.contentType(), a.size(), a.syncedAt(),
                a.downloadable() ? AttachmentResource.downloadPath(a.id()) : null,
                a.downloadable() ? null : notStored(a));
    }

    /** Said to customers, so in their words: the stored error is for the operator (it may name NetSuite's). */
    static String notStored(AttachmentStore.Attachment a) {
        return "too-large".equals(a.status()) ? "Too large to keep in the portal; ask us for a copy."
                : "Could not be copied from NetSuite; ask us for a copy.";
    }
}
