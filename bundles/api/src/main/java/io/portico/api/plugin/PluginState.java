package io.portico.api.plugin;

/** Where a plugin service stands in its registry. */
public enum PluginState {
    /** In use. */
    ACTIVE,
    /** Another service with the same name and a higher ranking is in use; this one waits as a fallback. */
    SHADOWED,
    /** Refused: invalid name or properties; see the detail. */
    REFUSED,
    /** Its bundle is installed but the service never came up (activation failed or a dependency is missing). */
    FAILED
}
