package io.portico.api.records;

import io.portico.api.identity.PortalUser;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Actions other bundles offer on records (pay an invoice, send a payment link), shown as buttons on a record's detail
 * page and, for actions that take several records, on the list with a checkbox per row. A whiteboard service: the
 * pages show what every registered one offers, and no buttons when none is registered.
 *
 * <p>Implementors decide for the user at hand (their access, whether the feature is on) and must check the same
 * again where the action leads: a button is a convenience, never the permission.
 *
 * @since 1.2
 */
@ConsumerType
public interface RecordActions {

    /** The actions on one record's detail page, for this user; empty when none. */
    List<RecordAction> forRecord(PortalUser user, Record record);

    /**
     * The actions on the list of {@code recordType} that take the records the user ticks; empty when none. They open
     * a page with the ticked records (a GET: the page asks before it changes anything); posting actions are left out.
     */
    List<RecordAction> forList(PortalUser user, String recordType);

    /**
     * A button: a form sent to {@code href} with the record's id (or each ticked record's id) in the field
     * {@code idField}; a POST also carries the session's CSRF token in {@code csrf}.
     *
     * @param post whether the form is posted (it changes something) rather than a GET that opens a page
     * @param primary whether it is the page's main action
     */
    record RecordAction(String label, String href, boolean post, String idField, boolean primary) {
    }
}
