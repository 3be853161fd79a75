package io.portico.api.plugin;

/** The kinds of service a plugin can contribute, each tracked by its own registry. */
public enum PluginKind {
    RECORD_TYPE,
    SSO_PROVIDER,
    PAYMENT_PROCESSOR,
    FIELD_MAPPER,
    WEB_RESOURCE,
    /** A plugin bundle that cannot resolve, so what it would contribute is not known yet. */
    BUNDLE
}
