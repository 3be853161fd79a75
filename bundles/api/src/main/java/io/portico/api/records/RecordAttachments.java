package io.portico.api.records;

import io.portico.api.identity.DataScope;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Lists the files attached to a record, for its detail page and its JSON. A whiteboard service: a plugin that keeps
 * attachments registers one; the portal shows what every registered one lists, and nothing when none is registered.
 *
 * <p>Implementors must scope every read by {@code scope} in the query itself, exactly as {@link RecordReader} does: a
 * customer's scope reaches only its organization's attachments, an operator's the tenant's. Anything out of scope,
 * archived or unknown is simply not listed (never an error). Each {@link Attachment#download()} must lead to an
 * endpoint that checks the caller's scope again and sends the file as a download.
 */
@ConsumerType
public interface RecordAttachments {

    /**
     * The files attached to one record that {@code scope} reaches, in the order to show them; empty when none.
     *
     * @param recordType the record type's name, e.g. {@code invoice}
     * @param netsuiteId the record's NetSuite internal id
     */
    List<Attachment> list(DataScope scope, String recordType, long netsuiteId);
}
