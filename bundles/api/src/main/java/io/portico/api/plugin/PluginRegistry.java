package io.portico.api.plugin;

import io.portico.api.recordtype.RecordType;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The runtime view of every plugin service the platform tracks, for the web layer, the console and tests. */
@ProviderType
public interface PluginRegistry {

    /** Every tracked plugin service and bundle problem, sorted by kind then name. */
    List<PluginInfo> plugins();

    /** The tracked entries of one kind. */
    default List<PluginInfo> plugins(PluginKind kind) {
        return plugins().stream().filter(p -> p.kind() == kind).toList();
    }

    /** The active service of an SPI type under a name, if any. */
    <S> Optional<S> find(Class<S> spi, String name);

    /** The names of the active services of an SPI type, sorted. */
    <S> List<String> names(Class<S> spi);

    /**
     * How people read a record type's name: its descriptor's label ("Credit memos") while its plugin runs, else the
     * name itself ("creditmemo"), for pages that name record types (syncs, the audit log).
     *
     * @since 1.1
     */
    default String recordTypeLabel(String name) {
        return find(RecordType.class, name).map(type -> type.descriptor().label()).orElse(name);
    }
}
