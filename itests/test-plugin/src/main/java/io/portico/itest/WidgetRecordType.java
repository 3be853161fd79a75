package io.portico.itest;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
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
}
