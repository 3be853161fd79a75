package io.portico.itest;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import org.osgi.service.component.annotations.Component;

/** Its bundle imports a package nobody exports, so it never resolves. */
@Component
@PluginName("orphan")
public class OrphanRecordType implements RecordType {

    @Override
    public RecordTypeDescriptor descriptor() {
        throw new UnsupportedOperationException();
    }
}
