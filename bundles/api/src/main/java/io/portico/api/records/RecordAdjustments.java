package io.portico.api.records;

import io.portico.api.identity.DataScope;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What Portico knows about synced records before NetSuite does — a payment made in the portal and not yet in
 * NetSuite's balance — so that list and detail pages and their JSON show the truth at once. A whiteboard service:
 * every registered one may adjust the records of the types it knows; none registered, the records show as synced.
 *
 * <p>Implementors must read only within {@code scope} (in the query itself), must return the records in the order
 * given, one for each (the same object when nothing changes), and may change only {@link Record#status()} and
 * {@link Record#amountRemaining()}. They are called once per page, with all of the page's records.
 *
 * @since 1.2
 */
@ConsumerType
public interface RecordAdjustments {

    /** The records of {@code recordType} as the portal should show them now. */
    List<Record> adjust(DataScope scope, String recordType, List<Record> records);
}
