package io.portico.api.db;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's own tables, migrated and ready. A plugin bundle that keeps tables names its schema in the manifest
 * header {@value #HEADER} (a lower-case name such as {@code attachments}) and carries its Flyway migrations under
 * {@value #LOCATION}{@code <name>/} ({@code V1__tables.sql}, {@code V2__…}). When the bundle starts, the platform
 * applies the migrations not applied yet, records them in the plugin's own history table
 * {@code flyway_plugin_<name>} (two nodes starting at once migrate once), and then registers this service in the
 * plugin's name, with the property {@value #NAME_PROPERTY}. The plugin's components that use its tables reference it:
 *
 * <pre>{@code
 * @Reference(target = "(portico.schema=attachments)") PluginSchema schema
 * }</pre>
 *
 * <p>so they start only once the tables are there. A migration that fails leaves the service unregistered (and the
 * plugin's components unstarted) with an error in the log; the platform and other plugins run on. Stopping or
 * uninstalling a plugin keeps its tables and rows; starting it again applies only what is new. A plugin's migrations
 * create and change only its own tables; they may reference the platform's (a foreign key to {@code organization})
 * but never change them.
 *
 * @since 1.1
 */
@ProviderType
public interface PluginSchema {

    /** The manifest header naming the plugin's schema. */
    String HEADER = "Portico-Migrations";

    /** The folder, in the plugin bundle, whose sub-folder named like the schema holds its migrations. */
    String LOCATION = "db/plugin/";

    /** The service property with the schema's name. */
    String NAME_PROPERTY = "portico.schema";

    /** The schema's name, as the header gives it. */
    String name();

    /** The version of the newest migration applied, e.g. {@code 1}. */
    String version();
}
