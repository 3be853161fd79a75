package io.portico.api.recordtype;

import java.util.List;

/**
 * @param label the plural label shown in the sidebar and page titles, e.g. "Invoices"
 * @param netsuiteRecord the NetSuite REST record name, e.g. {@code invoice} or {@code customrecord_widget}
 * @param category how the record is shaped in NetSuite and in Portico's tables
 * @param listColumns the default columns of the portal's list page, in order
 * @param detailFields the default fields of the portal's detail page, in order
 * @param sidebarOrder where the sidebar entry goes (lower first)
 */
public record RecordTypeDescriptor(String label, String netsuiteRecord, RecordCategory category,
        List<FieldDescriptor> listColumns, List<FieldDescriptor> detailFields, int sidebarOrder) {

    public RecordTypeDescriptor {
        listColumns = List.copyOf(listColumns);
        detailFields = List.copyOf(detailFields);
    }
}
