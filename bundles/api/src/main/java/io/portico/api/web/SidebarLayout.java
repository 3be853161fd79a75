package io.portico.api.web;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The operator's arrangement of the portal's sidebar (Settings &gt; Sidebar), registered by the settings bundle and
 * read by the bundle that builds the sidebar ({@link Navigation}) for every request, so a change shows on every node
 * within seconds. Entries are keyed by record-type name, {@link #DASHBOARD}, or a sidebar part's
 * {@link Navigation#PART_KEY} such as {@link #DOCUMENTS} and {@link #STATEMENT}. An entry with no placement (a plugin
 * installed since) goes after the placed ones, record types in their descriptors' order and then the parts, until an
 * admin places it. A hidden entry is hidden for everyone, its pages included; a role's per-record-type access (and a
 * part's own rules) narrow what is left further.
 *
 * @since 1.5
 */
@ProviderType
public interface SidebarLayout {

    String DASHBOARD = "dashboard";
    /** The documents page of the file-attachments plugin ({@code /attachments}). */
    String DOCUMENTS = "documents";
    /**
     * The customer's statement of account ({@code /statement}).
     *
     * @since 1.6
     */
    String STATEMENT = "statement";

    /** The placed entries, in order. */
    List<Placement> placements();

    /**
     * Whether the operator has hidden the entry with this key: its pages then answer 404.
     *
     * @since 1.6
     */
    default boolean hidden(String key) {
        return placements().stream().anyMatch(p -> p.key().equals(key) && p.hidden());
    }

    /**
     * @param key a record-type name, {@link #DASHBOARD} or a sidebar part's {@link Navigation#PART_KEY}
     * @param label what the entry says instead of its default, or {@code null} for the default
     * @param icon one of {@link SidebarIcons#NAMES}, or {@code null} for the default
     * @param hidden whether nobody sees the entry and its pages
     */
    record Placement(String key, String label, String icon, boolean hidden) {
    }
}
