package io.portico.core.internal;

/**
 * One registered plugin service, as read from its service properties.
 *
 * @param name the {@code portico.plugin.name} property, or null when missing
 * @param ranking {@code service.ranking}, 0 when absent
 * @param serviceId {@code service.id}
 * @param bundleId the registering bundle
 * @param bundleSymbolicName the registering bundle's symbolic name
 * @param bundleVersion the registering bundle's version
 * @param service the service object
 */
record PluginEntry(String name, int ranking, long serviceId, long bundleId, String bundleSymbolicName,
        String bundleVersion, Object service) {
}
