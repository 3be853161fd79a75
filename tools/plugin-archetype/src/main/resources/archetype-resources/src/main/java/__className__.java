package ${package};

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.CustomRecordType;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * NetSuite's custom record {@code ${recordType}} in the portal: each record belongs to the customer in
 * {@code ${customerField}}, so that customer's portal users see it. Columns the mapping does not read are kept as
 * attributes under their names; give one a {@link FieldDescriptor} to show it.
 */
@Component(service = RecordType.class)
@PluginName("${pluginName}")
public final class ${className} extends CustomRecordType {

    private static final FieldDescriptor NAME = new FieldDescriptor(RecordFields.NAME, "Name", FieldType.TEXT);
    private static final FieldDescriptor STATUS = new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS);
    private static final FieldDescriptor CHANGED = new FieldDescriptor(RecordFields.LAST_MODIFIED, "Last changed",
            FieldType.DATETIME);

    public ${className}() {
        super("${label}", "${recordType}", 300, List.of(NAME, STATUS, CHANGED),
                List.of(NAME, STATUS, CHANGED));
    }

    @Override
    protected void select(SyncQuery.Builder query) {
        query.select("r.${customerField} AS customer");
    }

    @Override
    protected void map(SourceRow row, SyncedRecord.Builder record) {
        record.owner(row.requireString("customer"));
    }
}
