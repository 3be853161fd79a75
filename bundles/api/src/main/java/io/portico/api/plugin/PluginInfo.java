package io.portico.api.plugin;

/**
 * One plugin service as a registry sees it.
 *
 * @param kind the SPI kind
 * @param name the registered name, unique per kind among ACTIVE entries
 * @param bundleId the contributing bundle's id
 * @param bundleSymbolicName the contributing bundle's symbolic name
 * @param bundleVersion the contributing bundle's version
 * @param state where it stands
 * @param detail why it is not ACTIVE, or empty
 */
public record PluginInfo(PluginKind kind, String name, long bundleId, String bundleSymbolicName,
        String bundleVersion, PluginState state, String detail) {
}
