package io.portico.api.recordtype;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A NetSuite record type mirrored into Portico. Register it as a service named with
 * {@link io.portico.api.plugin.PluginName}; the platform then offers it in syncs, the sidebar and the portal.
 */
@ConsumerType
public interface RecordType {

    /** What it is, where it comes from and how the portal shows it. */
    RecordTypeDescriptor descriptor();
}
