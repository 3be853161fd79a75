package io.portico.api.web;

import io.portico.api.identity.PortalUser;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The portal's sidebar for a signed-in user, registered by the bundle that serves the portal's pages; the layout
 * shows it beside every page of a signed-in user. Entries come and go with the plugins behind them.
 *
 * @since 1.3
 */
@ConsumerType
public interface Navigation {

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
