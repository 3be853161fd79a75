package io.portico.itest;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
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
}
