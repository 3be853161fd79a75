package io.portico.testing;

import io.portico.api.plugin.PluginInfo;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Record-type plugins as the bundles that show them see them in tests: only their descriptors, in a registry that can
 * change while the test runs.
 */
public final class TestRecordTypes {

    private TestRecordTypes() {
    }

    /** A registry of the record types in {@code types} (by name) as they are when it is asked. */
    public static PluginRegistry registry(Map<String, RecordType> types) {
        return new PluginRegistry() {
            @Override
            public List<PluginInfo> plugins() {
                return List.of();
            }

            @Override
            public <S> Optional<S> find(Class<S> spi, String name) {
                return spi == RecordType.class ? Optional.ofNullable(types.get(name)).map(spi::cast) : Optional.empty();
            }

            @Override
            public <S> List<String> names(Class<S> spi) {
                return spi == RecordType.class ? List.copyOf(types.keySet()) : List.of();
            }
        };
    }

    /** A record type that only describes itself. */
    public static RecordType type(RecordTypeDescriptor descriptor) {
        return new RecordType() {
            @Override
            public RecordTypeDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public SyncQuery query() {
                throw new UnsupportedOperationException();
            }

            @Override
            public SyncedRecord map(SourceRow row, List<SourceRow> lines) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
