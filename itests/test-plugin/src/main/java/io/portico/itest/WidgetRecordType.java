package io.portico.itest;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** A plugin's record type: listed by the registry while this bundle is active. */
@Component
@PluginName("test-widget")
public class WidgetRecordType implements RecordType {

    @Override
    public RecordTypeDescriptor descriptor() {
        List<FieldDescriptor> fields = List.of(new FieldDescriptor("name", "Name", FieldType.TEXT));
        return new RecordTypeDescriptor("Widgets", "customrecord_widget", RecordCategory.CUSTOM, fields, fields, 100);
    }

    @Override
    public SyncQuery query() {
        return SyncQuery.builder("customrecord_widget", "r").select("r.name").lastModified("r.lastmodified").build();
    }

    @Override
    public SyncedRecord map(SourceRow row, List<SourceRow> lines) {
        return SyncedRecord.builder(row.requireLong(SyncQuery.ID)).name(row.getString("name")).build();
    }
}
