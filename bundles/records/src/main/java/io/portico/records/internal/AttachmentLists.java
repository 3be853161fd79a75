package io.portico.records.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.records.Attachment;
import io.portico.api.records.RecordAttachments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachments of a record, from every {@link RecordAttachments} registered at the moment (none: no attachments,
 * and the detail page shows no section). Plugins come and go without restarting the pages.
 */
@Component(service = AttachmentLists.class)
public final class AttachmentLists {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentLists.class);

    private final List<RecordAttachments> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(RecordAttachments provider) {
        providers.add(provider);
    }

    void remove(RecordAttachments provider) {
        providers.remove(provider);
    }

    /**
     * The record's attachments in {@code scope}. A plugin that fails (stopping under the call, its database gone)
     * costs its files, not the record's page: the failure is logged and the others still list theirs.
     */
    List<Attachment> of(DataScope scope, String recordType, long netsuiteId) {
        List<Attachment> all = new ArrayList<>();
        for (RecordAttachments provider : providers) {
            try {
                all.addAll(provider.list(scope, recordType, netsuiteId));
            } catch (RuntimeException e) {
                LOG.warn("Listing the attachments of {} {} failed; the page shows the others", recordType,
                        netsuiteId, e);
            }
        }
        return all;
    }
}
