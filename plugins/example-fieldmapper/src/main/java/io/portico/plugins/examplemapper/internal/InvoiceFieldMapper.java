package io.portico.plugins.examplemapper.internal;

import io.portico.api.fieldmap.FieldMapper;
import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.RecordFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * How invoices read for this operator's customers: the number is "Invoice no.", the due date is left off the list
 * (it stays on the detail page), the amount due comes right after the number, and a paid invoice reads "Paid in full"
 * (other statuses as the portal names them, or as an earlier mapper does). The service ranking decides who
 * has the last word when several mappers speak about the same field: the highest ranking is applied last.
 */
@Component(service = FieldMapper.class, property = "service.ranking:Integer=100")
@PluginName("example-invoice-fields")
public final class InvoiceFieldMapper implements FieldMapper {

    private static final String INVOICE = "invoice";

    @Override
    public String label(String recordType, String fieldKey, String label) {
        return INVOICE.equals(recordType) && RecordFields.NUMBER.equals(fieldKey) ? "Invoice no." : label;
    }

    @Override
    public List<String> listColumns(String recordType, List<String> keys) {
        if (!INVOICE.equals(recordType)) {
            return keys;
        }
        List<String> columns = new ArrayList<>(keys);
        columns.remove(RecordFields.DUE_DATE);
        if (columns.remove(RecordFields.AMOUNT_REMAINING)) {
            columns.add(columns.indexOf(RecordFields.NUMBER) + 1, RecordFields.AMOUNT_REMAINING);
        }
        return columns;
    }

    @Override
    public Map<String, String> valueMap(String recordType, String fieldKey, Map<String, String> values) {
        if (!INVOICE.equals(recordType) || !RecordFields.STATUS.equals(fieldKey)) {
            return values;
        }
        Map<String, String> mine = new HashMap<>(values);
        mine.put("paid", "Paid in full");
        return mine;
    }
}
