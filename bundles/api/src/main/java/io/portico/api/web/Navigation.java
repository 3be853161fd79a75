package io.portico.api.web;

import io.portico.api.identity.PortalUser;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The portal's sidebar for a signed-in user, registered by the bundle that serves the portal's pages; the layout
 * shows it beside every page of a signed-in user. Entries come and go with the plugins behind them.
 *
 * <p>A bundle or plugin with pages of its own (not a record type's) adds them to the sidebar by registering a
 * {@code Navigation} of its own with the service property {@link #PART}{@code =true} and a service ranking below 100:
 * the portal's sidebar gathers such parts after its record types. To let the operator place its entry in Settings
 * &gt; Sidebar (move, rename, re-icon, hide) like a record type's, the part also sets {@link #PART_KEY} and
 * {@link #PART_LABEL}, returns at most one entry and, while {@link SidebarLayout#hidden(String)} says its key is
 * hidden, answers its pages with 404. For example:
 * <pre>{@code
 * @Component(service = Navigation.class, property = {Navigation.PART + "=true", Navigation.PART_KEY + "=statement",
 *         Navigation.PART_LABEL + "=Statement", "service.ranking:Integer=-100"})
 * }</pre>
 *
 * @since 1.3
 */
@ConsumerType
public interface Navigation {

    /**
     * The service property ({@code true}) of a {@link Navigation} whose entries join the portal's sidebar.
     *
     * @since 1.6
     */
    String PART = "portico.navigation.part";

    /**
     * The service property naming a part's entry in Settings &gt; Sidebar ({@link SidebarLayout.Placement#key()}),
     * e.g. {@link SidebarLayout#STATEMENT}: unique among record types and parts. The entry then shows with the
     * operator's label and icon, else {@link #PART_LABEL}'s and {@link SidebarIcons#defaultFor(String)}'s. A part
     * without it goes after the placed entries and cannot be placed.
     *
     * @since 1.6
     */
    String PART_KEY = "portico.navigation.key";

    /**
     * The service property with what a placeable part's entry says until the operator renames it, as Settings &gt;
     * Sidebar shows it, e.g. "Statement"; the key when left out.
     *
     * @since 1.6
     */
    String PART_LABEL = "portico.navigation.label";

    /** The user's entries, in order. */
    List<Entry> entries(PortalUser user);

    /**
     * @param label what the entry says, e.g. "Invoices"
     * @param href the local path it opens, e.g. {@code /records/invoice}
     * @param icon one of {@link SidebarIcons#NAMES}, or {@code null} for none (since 1.5)
     */
    record Entry(String label, String href, String icon) {

        /** An entry without an icon, as 1.3 made it. */
        public Entry(String label, String href) {
            this(label, href, null);
        }
    }
}
