package io.portico.itest;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Throws during activation, as a buggy plugin would. */
@Component(immediate = true)
@PluginName("exploding")
public class ExplodingRecordType implements RecordType {

    @Activate
    void activate() {
        throw new IllegalStateException("boom: this plugin cannot start");
    }

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
