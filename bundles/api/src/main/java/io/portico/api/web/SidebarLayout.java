package io.portico.api.web;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The operator's arrangement of the portal's sidebar (Settings &gt; Sidebar), registered by the settings bundle and
 * read by the bundle that builds the sidebar ({@link Navigation}) for every request, so a change shows on every node
 * within seconds. Entries are keyed by record-type name, or {@link #DASHBOARD} and {@link #DOCUMENTS}. An entry with
 * no placement (a record-type plugin installed since) goes after the placed ones, in its descriptor's order, until an
 * admin places it. A hidden record type is hidden for every customer, pages included; a role's per-record-type access
 * narrows what is left further.
 *
 * @since 1.5
 */
@ProviderType
public interface SidebarLayout {

    String DASHBOARD = "dashboard";
    String DOCUMENTS = "documents";

    /** The placed entries, in order. */
    List<Placement> placements();

    /**
     * @param key a record-type name, {@link #DASHBOARD} or {@link #DOCUMENTS}
     * @param label what the entry says instead of its default, or {@code null} for the default
     * @param icon one of {@link SidebarIcons#NAMES}, or {@code null} for the default
     * @param hidden whether nobody sees the entry (and, for a record type, its pages)
     */
    record Placement(String key, String label, String icon, boolean hidden) {
    }
}
