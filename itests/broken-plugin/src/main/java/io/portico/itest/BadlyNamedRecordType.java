package io.portico.itest;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import org.osgi.service.component.annotations.Component;

/** Registers under a name the registry must refuse. */
@Component
@PluginName("Not A Valid Name!")
public class BadlyNamedRecordType implements RecordType {

    @Override
    public RecordTypeDescriptor descriptor() {
        throw new UnsupportedOperationException();
    }
}
