package io.portico.api.recordtype;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param label the plural label shown in the sidebar and page titles, e.g. "Invoices"
 * @param netsuiteRecord the NetSuite REST record name, e.g. {@code invoice} or {@code customrecord_widget}
 * @param category how the record is shaped in NetSuite and in Portico's tables
 * @param listColumns the default columns of the portal's list page, in order
 * @param detailFields the default fields of the portal's detail page, in order
 * @param sidebarOrder where the sidebar entry goes (lower first)
 * @param portalPages whether customers browse these records in the portal (a sidebar entry, list and detail pages);
 *        {@code false} for types that describe the customer itself and its people (customers, contacts)
 * @param lineLists the headings of the line lists a detail page shows, by list name, in order (e.g.
 *        {@code items -> "Items"}, {@code applications -> "Applied to"}); lists not named here are not shown
 * @since 1.2
 */
public record RecordTypeDescriptor(String label, String netsuiteRecord, RecordCategory category,
        List<FieldDescriptor> listColumns, List<FieldDescriptor> detailFields, int sidebarOrder,
        boolean portalPages, Map<String, String> lineLists) {

    /** The headings of the line lists transactions have, as 1.1 descriptors show them. */
    public static final Map<String, String> TRANSACTION_LINE_LISTS = orderedMap(
            LineQuery.ITEMS, "Items", TransactionRecordType.APPLICATIONS, "Applied to");

    public RecordTypeDescriptor {
        listColumns = List.copyOf(listColumns);
        detailFields = List.copyOf(detailFields);
        lineLists = lineLists == null ? Map.of() : Collections.unmodifiableMap(
                new LinkedHashMap<>(lineLists));
    }

    /**
     * A descriptor as 1.1 made it: entities (customers, contacts) have no portal pages, other records do, and
     * transactions show their items and what they were applied to.
     */
    public RecordTypeDescriptor(String label, String netsuiteRecord, RecordCategory category,
            List<FieldDescriptor> listColumns, List<FieldDescriptor> detailFields, int sidebarOrder) {
        this(label, netsuiteRecord, category, listColumns, detailFields, sidebarOrder,
                category != RecordCategory.ENTITY,
                category == RecordCategory.TRANSACTION ? TRANSACTION_LINE_LISTS : Map.of());
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return Collections.unmodifiableMap(map);
    }
}
