package io.portico.itest;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** Registers under a name the registry must refuse. */
@Component
@PluginName("Not A Valid Name!")
public class BadlyNamedRecordType implements RecordType {

    @Override
    public RecordTypeDescriptor descriptor() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SyncQuery query() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SyncedRecord map(SourceRow row, List<SourceRow> lines) {
        throw new UnsupportedOperationException();
    }
}
